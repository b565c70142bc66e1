//! The virtual machine: global interpreter state, value constructors, and the entry
//! points that run a program.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use dashu_int::IBig;

use crate::dict::Dict;
use crate::exceptions::ExcTypes;
use crate::object::{NativeFn, NativeFunction, ObjKind, Object, PyStr};
use crate::set::Set;
use crate::types::{Types, tdata};
use crate::value::{Obj, Value};

/// A raised Python exception (the exception instance).
#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

/// The result of any operation that may raise.
pub type PyResult<T> = Result<T, PyErr>;

/// What a native function that needs its caller's frame receives (see
/// `NativeFunction::needs_frame`).
#[derive(Clone)]
pub struct FrameCtx {
    /// The caller's globals dict.
    pub globals: Obj,
    /// The caller's locals as a dict (a snapshot for function frames).
    pub locals: Value,
    /// For zero-argument `super()`: the `__class__` cell's content and the first argument.
    pub super_args: Option<(Value, Value)>,
}

/// Where `sys.stdout`'s built-in writer sends text.
pub struct StdStreams {
    /// Buffered standard output.
    pub out: std::io::BufWriter<std::io::Stdout>,
}

/// Interpreter-wide state.
pub struct Vm {
    /// Built-in types.
    pub types: Types,
    /// Built-in exception types.
    pub exc: ExcTypes,
    /// The `builtins` module.
    pub builtins: Obj,
    /// True while [`Vm::new`] builds the built-in types and modules: no inline cache,
    /// specialized instruction or trace has seen a type's version tag yet, so
    /// [`Vm::set_attr_str`] skips the version bumps of the type and its subclasses
    /// (`attr::type_changed`; 0.7M of the 2.9M instructions of `taipan pass.py` before).
    booting: bool,
    /// The `sys` module.
    pub sys: Obj,
    /// `sys.modules` (a dict object).
    pub modules: Obj,
    /// `NotImplemented`.
    pub not_implemented: Value,
    /// `Ellipsis`.
    pub ellipsis: Value,
    /// The NULL marker `LOAD_METHOD` pushes when the attribute is not a plain method
    /// (never visible to Python code).
    pub null_marker: Obj,
    /// Interned strings (names, identifiers), hashed with the cheap
    /// [`crate::support::hash::NameHasher`] (not SipHash: the keys are program text, and
    /// interning is on the path of every str iteration step and `chr`).
    interned: hashbrown::HashMap<Rc<str>, Value, std::hash::BuildHasherDefault<crate::support::hash::NameHasher>>,
    /// The one-character strs U+0000..U+00FF, filled lazily from [`Vm::intern`] (so `'a'`,
    /// `chr(97)` and `'abc'[0]` are one object, as CPython's Latin-1 singletons).
    latin1_chars: Box<[Option<Value>; 256]>,
    /// Current depth of Python frames.
    pub depth: usize,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// The exception currently being handled (`sys.exc_info()`), if any.
    pub handled_exc: Option<Value>,
    /// The consumer buffer of the generator run by `generator::gen_next_into`, if any:
    /// yields of that generator's frame that it accepts are stored there without leaving
    /// the dispatch loop.
    pub gen_sink: Option<crate::generator::GenSink>,
    /// Set by the interpreter just before calling a native function with `needs_frame`.
    pub frame_ctx: Option<FrameCtx>,
    /// Source text by file name, for traceback lines.
    pub sources: HashMap<String, Rc<str>>,
    /// Standard streams.
    pub streams: StdStreams,
    /// The lowest stack address the interpreter may use before raising RecursionError.
    pub stack_limit: usize,
    /// `sys.set_int_max_str_digits` value.
    pub int_max_str_digits: usize,
    /// Ids of containers whose repr is in progress (prints `[...]` on recursion).
    pub repr_guard: Vec<i64>,
    /// Adaptive-specialization settings and statistics (`crate::interp::specialize`).
    pub spec: crate::interp::specialize::SpecState,
    /// Finished frames of Python calls, reused whole (`Vm::acquire_frame`/`release_frame`):
    /// empty buffers, globals reset to the null marker; `code` is replaced on reuse (a pooled
    /// frame keeps its last code object alive until then).
    pub fast_frames: Vec<Box<crate::interp::Frame>>,
    /// Exhausted built-in list/tuple/range iterators that nothing else references, kept
    /// for the next `iter()` of that kind (`Vm::recycle_iter`): at most
    /// `Vm::SPARE_ITERS_MAX`, each holding no reference (state `Exhausted` or a range).
    pub spare_iters: Vec<Obj>,
    /// The trace JIT's state: options, recording in progress, compiled traces, statistics
    /// (`crate::jit`).
    pub jit: crate::jit::JitState,
    /// Built-in objects the call fast paths recognise by identity (`interp_calls.rs`).
    pub known: crate::interp::calls::Known,
}

impl Vm {
    /// Creates a VM with the built-in types, builtins and `sys` modules.
    pub fn new(argv: Vec<String>) -> Vm {
        let types = Types::new();
        let exc = ExcTypes::new(&types.type_, &types.object);
        let placeholder = crate::gc::alloc(Object::new(types.object.clone(), ObjKind::Module));
        let not_implemented = Value::Obj(crate::gc::alloc(Object::new(
            types.not_implemented_type.clone(),
            ObjKind::NotImplemented,
        )));
        let ellipsis = Value::Obj(crate::gc::alloc(Object::new(
            types.ellipsis_type.clone(),
            ObjKind::Ellipsis,
        )));
        let null_marker = crate::gc::alloc(Object::new(types.object.clone(), ObjKind::Ellipsis));
        let known = crate::interp::calls::Known::placeholder(&null_marker);
        let mut vm = Vm {
            known,
            types,
            exc,
            builtins: placeholder.clone(),
            booting: true,
            sys: placeholder.clone(),
            modules: placeholder,
            not_implemented,
            ellipsis,
            null_marker,
            interned: hashbrown::HashMap::default(),
            latin1_chars: Box::new([const { None }; 256]),
            depth: 0,
            recursion_limit: 1000,
            handled_exc: None,
            gen_sink: None,
            frame_ctx: None,
            sources: HashMap::new(),
            streams: StdStreams {
                out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            },
            stack_limit: 0,
            int_max_str_digits: 4300,
            repr_guard: Vec::new(),
            spec: crate::interp::specialize::SpecState::from_env(),
            fast_frames: Vec::new(),
            spare_iters: Vec::new(),
            jit: crate::jit::JitState::from_env(),
        };
        vm.modules = vm.new_dict_obj();
        vm.builtins = vm.new_module("builtins");
        crate::builtins::init(&mut vm);
        vm.known = crate::interp::calls::Known::capture(&mut vm);
        vm.sys = vm.new_module("sys");
        crate::modules::sys::init(&mut vm, argv);
        vm.booting = false;
        vm
    }

    // ----- class and type queries -----

    /// The class of a value.
    #[inline]
    pub fn class_of<'a>(&'a self, v: &'a Value) -> &'a Obj {
        match v {
            Value::None => &self.types.none_type,
            Value::Bool(_) => &self.types.bool_,
            Value::Int(_) => &self.types.int,
            Value::Float(_) => &self.types.float,
            Value::Obj(o) => match &o.class {
                Some(c) => c,
                None => match o.kind {
                    ObjKind::Dict(_) => &self.types.dict,
                    _ => &self.types.type_,
                },
            },
        }
    }

    /// The `__name__` of a value's class (for error messages).
    pub fn type_name(&self, v: &Value) -> String {
        tdata(self.class_of(v)).name.borrow().to_string()
    }

    /// True if `v` is an instance of `ty` (or a subclass).
    pub fn isinstance(&self, v: &Value, ty: &Obj) -> bool {
        crate::types::is_subtype(self.class_of(v), ty)
    }

    // ----- constructors -----

    /// A str value.
    pub fn new_str(&self, s: impl Into<Box<str>> + AsRef<str>) -> Value {
        Value::new_obj(&self.types.str, ObjKind::Str(PyStr::new(s)))
    }

    /// An interned str value (same object for the same text).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return v.clone();
        }
        let v = self.new_str(s);
        self.interned.insert(Rc::from(s), v.clone());
        v
    }

    /// A one-character str (given as its UTF-8 text): a cached singleton for code points
    /// below 256, a new str otherwise.
    #[inline]
    pub fn intern_char(&mut self, c: &str) -> Value {
        let mut chars = c.chars();
        match (chars.next(), chars.next()) {
            (Some(ch), None) if (ch as u32) < 256 => self.latin1_char(ch as u8),
            _ => self.new_str(c),
        }
    }

    /// The one-character str for code point `cp` (U+0000..U+00FF), cached.
    #[inline]
    pub fn latin1_char(&mut self, cp: u8) -> Value {
        if let Some(Some(v)) = self.latin1_chars.get(cp as usize) {
            return v.clone();
        }
        let mut buf = [0u8; 4];
        let v = self.intern(char::from(cp).encode_utf8(&mut buf));
        if let Some(slot) = self.latin1_chars.get_mut(cp as usize) {
            *slot = Some(v.clone());
        }
        v
    }

    /// An int value from a big integer (normalized to `Value::Int` when it fits).
    pub fn new_bigint(&self, i: IBig) -> Value {
        match i64::try_from(&i) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::new_obj(&self.types.int, ObjKind::Int(i)),
        }
    }

    /// A tuple value.
    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        Value::new_obj(&self.types.tuple, ObjKind::Tuple(items.into_boxed_slice()))
    }

    /// A list value.
    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::new_obj(&self.types.list, ObjKind::List(RefCell::new(items)))
    }

    /// A bytes value.
    pub fn new_bytes(&self, b: Vec<u8>) -> Value {
        Value::new_obj(&self.types.bytes, ObjKind::Bytes(b.into_boxed_slice()))
    }

    /// An empty dict object.
    pub fn new_dict_obj(&self) -> Obj {
        crate::gc::alloc(Object::new(
            self.types.dict.clone(),
            ObjKind::Dict(RefCell::new(Dict::new())),
        ))
    }

    /// A dict value from a filled table.
    pub fn new_dict_from(&self, d: Dict) -> Value {
        Value::new_obj(&self.types.dict, ObjKind::Dict(RefCell::new(d)))
    }

    /// A set value.
    pub fn new_set(&self, s: Set) -> Value {
        Value::new_obj(&self.types.set, ObjKind::Set(RefCell::new(s)))
    }

    /// A new module object with `__name__` set.
    pub fn new_module(&mut self, name: &str) -> Obj {
        let dict = self.new_dict_obj();
        let m = crate::gc::alloc(Object::with(
            Some(self.types.module.clone()),
            Some(dict),
            ObjKind::Module,
        ));
        let n = self.new_str(name);
        self.set_attr_str(&m, "__name__", n);
        self.set_attr_str(&m, "__doc__", Value::None);
        m
    }

    /// A native function value (not a method).
    pub fn new_native(&self, name: &'static str, func: NativeFn) -> Value {
        Value::new_obj(
            &self.types.builtin_function,
            ObjKind::Native(Box::new(NativeFunction {
                name,
                owner: "",
                func,
                receiver: None,
                is_method: false,
                needs_frame: false,
            })),
        )
    }

    /// Adds a native function to a module or type namespace.
    pub fn add_native(&mut self, target: &Obj, name: &'static str, func: NativeFn) {
        let v = self.new_native(name, func);
        self.set_attr_str(target, name, v);
    }

    /// Adds a native method (bound on instance access) to a type.
    pub fn add_method(&mut self, ty: &Obj, name: &'static str, func: NativeFn) {
        let owner: &'static str = Box::leak(tdata(ty).name.borrow().to_string().into_boxed_str());
        let v = Value::new_obj(
            &self.types.builtin_function,
            ObjKind::Native(Box::new(NativeFunction {
                name,
                owner,
                func,
                receiver: None,
                is_method: true,
                needs_frame: false,
            })),
        );
        self.set_attr_str(ty, name, v);
    }

    /// Stores `value` under the str key `name` in the namespace of a module, type or
    /// instance (no descriptors, no Python code).
    pub fn set_attr_str(&mut self, target: &Obj, name: &str, value: Value) {
        let key = self.intern(name);
        let h = crate::ops::hash_str(name);
        let dict = match &target.kind {
            ObjKind::Type(t) => t.dict.clone(),
            _ => match &target.dict {
                Some(d) => d.clone(),
                None => return,
            },
        };
        if let ObjKind::Dict(d) = &dict.kind {
            d.borrow_mut().insert_native(h, key, value);
        }
        if !self.booting && matches!(target.kind, ObjKind::Type(_)) {
            crate::attr::type_changed(target);
        }
    }

    /// Flushes buffered standard output (before writing to stderr, reading stdin, exiting).
    ///
    /// (See also the `Drop` impl: `--interp-stats` output is printed when the VM goes away.)
    pub fn flush_stdout(&mut self) {
        let _ = self.streams.out.flush();
    }
}

impl Drop for Vm {
    /// Prints the specialization statistics (`--interp-stats`) when the program ends.
    fn drop(&mut self) {
        if self.spec.print_stats {
            self.flush_stdout();
            eprint!("{}", self.spec.report());
        }
        if self.jit.opts.stats {
            self.flush_stdout();
            eprint!("{}", self.jit.report());
        }
    }
}
