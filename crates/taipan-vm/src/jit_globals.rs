//! Globals, module attributes and known objects in traces (`docs/jit.md`, "Globals").
//!
//! While recording, `LOAD_GLOBAL` and attribute loads from a module ask the interpreter
//! for the value they push (`Observe::global`, `Observe::module_attr`). The answer pins the
//! binding: a [`Pin`] says which dict held the name, at which entry position, with which
//! value (and, for a builtin, that the name is absent from the globals dict: CPython's
//! `LOAD_GLOBAL` looks in globals, then builtins).
//! The trace holds the value as a constant; objects (functions, modules, builtins, the NULL
//! marker of `LOAD_METHOD`) get a number in the recording's object table, which snapshots
//! name (`objK`) when the deoptimizer must put the object back on the stack.
//!
//! When the trace is installed, every pin is checked once and registered as an
//! *assumption record* (`jit_inval.rs`): the dict (or class) is marked watched, and any
//! later change of the binding — `global K; K = ...`, `globals()[...] = ...`, `del`,
//! `dict.update`, a module attribute assigned, a builtin shadowed by a new global, a class
//! or a base mutated (its version tag bumped) — invalidates the trees that assumed it, at
//! the moment of the change. Entries, links and calls then test the tree's flag and the
//! frame's globals dict ([`Pins::globals_match`]) instead of re-reading the pins; a trace
//! that makes an opaque call tests its tree's flag after the call.
//!
//! Source of the lookup rules: CPython 3.11 `LOAD_GLOBAL` (`Python/ceval.c`: globals, then
//! builtins), `module_getattro` (`Objects/moduleobject.c`: the module's dict).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use taipan_jit::ir::mathfn::{MathFn, MathFn2};
use taipan_jit::record::{AttrObs, Builtin, CodeInfo, Known, KnownObj, ObjInfo, Observed};

use crate::dict::Dict;
use crate::object::{ObjKind, Object};
use crate::ops::str_value_hash;
use crate::value::{Obj, Value};

/// One binding a trace assumes.
#[derive(Clone)]
pub(crate) enum Pin {
    /// `name` is at entry position `index` of dict object `dict`, bound to `value`.
    Bound {
        /// The dict object (a module's globals, the builtins' dict, a module's dict).
        dict: Weak<Object>,
        /// The key (the code's interned name).
        name: Value,
        /// Its entry position.
        index: usize,
        /// The value the trace was recorded with.
        value: PinVal,
    },
    /// `name` is absent from dict object `dict` (a builtin's name in the globals).
    Absent {
        /// The dict object (a module's globals).
        dict: Weak<Object>,
        /// The key (the code's interned name).
        name: Value,
    },
    /// Class `ty` still has version tag `version` (`jit_attrs.rs`: where its instances'
    /// attributes are, and what its methods are, is as recorded).
    Type {
        /// The class (weak: its address is not reused while the pin exists).
        ty: Weak<Object>,
        /// Its version tag when recorded.
        version: u32,
    },
}

/// A pinned value: a scalar, or an object held weakly (a trace must not keep the
/// functions it calls alive: function → code → loop table → trace would be a cycle the
/// collector cannot see; a weak reference also keeps the address from being reused).
#[derive(Clone)]
pub(crate) enum PinVal {
    /// None, a bool, an int or a float.
    Scalar(Value),
    /// An object.
    Obj(Weak<Object>),
}

impl PinVal {
    /// The pin of `v`.
    fn of(v: &Value) -> PinVal {
        match v {
            Value::Obj(o) => PinVal::Obj(Rc::downgrade(o)),
            _ => PinVal::Scalar(v.clone()),
        }
    }

    /// Whether `v` is the pinned value: ints and bools by value, floats by bits (a NaN
    /// global is still the same constant), objects by identity.
    fn is(&self, v: &Value) -> bool {
        match (self, v) {
            (PinVal::Obj(w), Value::Obj(o)) => std::ptr::eq(w.as_ptr(), Rc::as_ptr(o)),
            (PinVal::Scalar(Value::Float(x)), Value::Float(y)) => x.to_bits() == y.to_bits(),
            (PinVal::Scalar(a), b) => a.is(b),
            (PinVal::Obj(_), _) => false,
        }
    }
}

/// Runs `f` on the dict of dict object `d` (`None` if it is not a dict or is borrowed).
fn with_dict<R>(d: &Object, f: impl FnOnce(&Dict) -> Option<R>) -> Option<R> {
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    f(&t)
}

/// Where `name` is in dict object `d`: `Ok(Some((position, value)))` when the stored key
/// is `name` itself, `Ok(None)` when absent, `Err(())` when another equal key is there (or
/// the dict cannot be read).
fn lookup(d: &Object, name: &Value) -> Result<Option<(usize, Value)>, ()> {
    with_dict(d, |t| {
        Some(match t.find_name(str_value_hash(name), name) {
            None => Ok(None),
            Some(pos) => match t.entry(pos) {
                Some((k, v)) if k.is(name) => Ok(Some((pos, v.clone()))),
                _ => Err(()),
            },
        })
    })
    .unwrap_or(Err(()))
}

impl Pin {
    /// The object whose change may break the pin, and the hash of the pinned name (`None`
    /// for a class's version tag); `None` when the object is gone.
    pub(crate) fn target(&self) -> Option<(Obj, Option<i64>)> {
        match self {
            Pin::Bound { dict, name, .. } | Pin::Absent { dict, name } => {
                Some((dict.upgrade()?, Some(str_value_hash(name))))
            }
            Pin::Type { ty, .. } => Some((ty.upgrade()?, None)),
        }
    }

    /// Whether the binding still holds.
    pub(crate) fn holds(&self) -> bool {
        match self {
            Pin::Bound {
                dict,
                name,
                index,
                value,
            } => {
                let Some(d) = dict.upgrade() else { return false };
                with_dict(&d, |t| match t.entry(*index) {
                    Some((k, v)) => Some(k.is(name) && value.is(v)),
                    None => Some(false),
                })
                .unwrap_or(false)
            }
            Pin::Absent { dict, name } => {
                let Some(d) = dict.upgrade() else { return false };
                matches!(lookup(&d, name), Ok(None))
            }
            Pin::Type { ty, version } => {
                let Some(t) = ty.upgrade() else { return false };
                matches!(&t.kind, ObjKind::Type(td) if td.version.get() == *version)
            }
        }
    }
}

/// The pins and the known objects of one trace.
#[derive(Default, Clone)]
pub(crate) struct Pins {
    /// The bindings the trace assumes.
    pins: Vec<Pin>,
    /// The known objects, indexed by `SnapVal::Obj` / `KnownObj::key` (weak: each one is
    /// pinned as a binding of a dict that holds it, or is the NULL marker, so it is alive
    /// whenever the pins hold, i.e. while the trace runs and at its exits).
    objs: Vec<Weak<Object>>,
    /// The globals dict of the recorded frame (the trace's `LOAD_GLOBAL`s read it), when
    /// any pin was made.
    globals: Option<Weak<Object>>,
}

impl Pins {
    /// Whether the trace may run on a frame whose globals are `globals`: the ones it was
    /// recorded with, if any pin was made (the pins themselves are not re-checked: they are
    /// records of `jit_inval.rs`, whose changes invalidate the tree).
    pub(crate) fn globals_match(&self, globals: &Obj) -> bool {
        self.globals
            .as_ref()
            .is_none_or(|g| std::ptr::eq(g.as_ptr(), Rc::as_ptr(globals)))
    }

    /// The pins from position `from` on (a side trace's new ones start after its parent's).
    pub(crate) fn pins_from(&self, from: usize) -> &[Pin] {
        self.pins.get(from..).unwrap_or(&[])
    }

    /// The object word of a known function whose code is `code` and whose globals are the
    /// recorded frame's (a function trace's calls of its own function: direct calls).
    pub(crate) fn self_function(&self, code: &Rc<crate::code::Code>) -> Option<u64> {
        let g = self.globals.as_ref()?;
        self.objs.iter().find_map(|w| {
            let o = w.upgrade()?;
            match &o.kind {
                ObjKind::Function(f)
                    if Rc::ptr_eq(&f.code, code) && std::ptr::eq(g.as_ptr(), Rc::as_ptr(&f.globals)) =>
                {
                    Some(super::helpers::obj_word_rc(&o))
                }
                _ => None,
            }
        })
    }

    /// The key of `o` in the object table (added if new).
    fn key(&mut self, o: &Obj) -> Option<u32> {
        let k = match self.objs.iter().position(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(o))) {
            Some(k) => k,
            None => {
                self.objs.push(Rc::downgrade(o));
                self.objs.len() - 1
            }
        };
        u32::try_from(k).ok()
    }

    /// Adds the pins of `other` (a side trace's, or a trace's it may run after this one's
    /// entry check): checking this set then checks both. Known objects are not merged
    /// (each trace restores its own by its own keys). `false` when the two were recorded
    /// with different globals dicts: the set then never holds again.
    /// Only `other`'s pins from position `from` on are added (a side trace's pins start
    /// with a copy of its parent's).
    pub(crate) fn absorb(&mut self, other: &Pins, from: usize) -> bool {
        match (&self.globals, &other.globals) {
            (Some(a), Some(b)) if !std::ptr::eq(a.as_ptr(), b.as_ptr()) => {
                // never holds again: no dict is at a dangling weak pointer's address
                self.globals = Some(Weak::new());
                return false;
            }
            (None, Some(b)) => self.globals = Some(b.clone()),
            _ => {}
        }
        self.pins.extend(other.pins.iter().skip(from).cloned());
        true
    }

    /// The number of pins.
    pub(crate) fn pins_len(&self) -> usize {
        self.pins.len()
    }

    /// Known object `k` as the recorder knows it (for a side trace starting where `k` is
    /// on the stack or in a local), if it is alive.
    pub(crate) fn known(&self, k: u32, null: &Obj) -> Option<KnownObj> {
        let o = self.objs.get(k as usize)?.upgrade()?;
        Some(KnownObj {
            key: k,
            info: obj_info(&o, null),
        })
    }

    /// The number of known objects.
    pub(crate) fn objs_len(&self) -> usize {
        self.objs.len()
    }

    /// Known object `k` (a new reference), if it is alive.
    pub(crate) fn obj(&self, k: u32) -> Option<Value> {
        self.objs.get(k as usize)?.upgrade().map(Value::Obj)
    }
}

/// What the recorder may know of `v` (see `taipan_jit::record::ObjInfo`).
fn obj_info(v: &Obj, null: &Obj) -> ObjInfo {
    if Rc::ptr_eq(v, null) {
        return ObjInfo::Null;
    }
    match &v.kind {
        ObjKind::Module => ObjInfo::Module,
        ObjKind::Function(_) => ObjInfo::Function,
        ObjKind::Native(n) if n.receiver.is_none() && n.owner.is_empty() => match n.name {
            // the only natives of these names (builtins.abs/min/max, math.sqrt)
            "abs" => ObjInfo::Builtin(Builtin::Abs),
            "min" => ObjInfo::Builtin(Builtin::Min),
            "max" => ObjInfo::Builtin(Builtin::Max),
            "sqrt" => ObjInfo::Builtin(Builtin::MathSqrt),
            "len" => ObjInfo::Builtin(Builtin::Len),
            "isinstance" => ObjInfo::Builtin(Builtin::IsInstance),
            // `math.sin`, `math.exp`, ... (no other native has these names)
            name => match (MathFn::from_py_name(name), MathFn2::from_py_name(name)) {
                (Some(m), _) => ObjInfo::Builtin(Builtin::Math(m)),
                (None, Some(m)) => ObjInfo::Builtin(Builtin::Math2(m)),
                (None, None) => ObjInfo::Other,
            },
        },
        // `str`'s own methods that take strs and return a new str or a list of strs, running
        // no Python code (`record/call.rs`, `@str_call`)
        ObjKind::Native(n) if n.receiver.is_none() && n.is_method && n.owner == "str" => match n.name {
            "lower" | "upper" | "strip" | "lstrip" | "rstrip" | "capitalize" | "title" | "swapcase" | "casefold"
            | "replace" => ObjInfo::Builtin(Builtin::StrMethod(true)),
            "split" | "rsplit" => ObjInfo::Builtin(Builtin::StrMethod(false)),
            _ => ObjInfo::Other,
        },
        // `list.append` as the list type's dict holds it (the one native of that owner/name)
        ObjKind::Native(n) if n.receiver.is_none() && n.is_method && n.owner == "list" && n.name == "append" => {
            ObjInfo::Builtin(Builtin::ListAppend)
        }
        // `dict.get` as the dict type's dict holds it
        ObjKind::Native(n) if n.receiver.is_none() && n.is_method && n.owner == "dict" && n.name == "get" => {
            ObjInfo::Builtin(Builtin::DictGet)
        }
        // the builtin type `range` (the only non-heap type of that name; it cannot be
        // subclassed and its `__name__` is read-only)
        ObjKind::Type(t) if !t.heap_type && &**t.name.borrow() == "range" => ObjInfo::Builtin(Builtin::Range),
        ObjKind::Type(t) if !t.heap_type && &**t.name.borrow() == "enumerate" => ObjInfo::Builtin(Builtin::Enumerate),
        ObjKind::Type(t) if !t.heap_type && &**t.name.borrow() == "zip" => ObjInfo::Builtin(Builtin::Zip),
        ObjKind::Type(t) if !t.heap_type && &**t.name.borrow() == "int" => ObjInfo::Builtin(Builtin::Int),
        ObjKind::Type(t) if !t.heap_type && &**t.name.borrow() == "super" => ObjInfo::Builtin(Builtin::Super),
        ObjKind::Type(t) if !t.heap_type && &**t.name.borrow() == "str" => ObjInfo::Builtin(Builtin::Str),
        _ => ObjInfo::Other,
    }
}

/// The recording's side of the pins: what `Observe::global` and friends answer, built up
/// while recording.
pub(crate) struct PinCtx<'a> {
    /// The pins and objects so far (moved into the trace when it compiles).
    pub(crate) pins: &'a RefCell<Pins>,
    /// The frame's globals dict.
    pub(crate) globals: &'a Obj,
    /// The builtins' dict.
    pub(crate) builtins: Option<&'a Obj>,
    /// The code's names.
    pub(crate) names: &'a [Value],
    /// The NULL marker of `LOAD_METHOD`.
    pub(crate) null: &'a Obj,
    /// The observed frame is the trace's own (not an inlined call's): its globals are the
    /// ones every entry must run with.
    pub(crate) outer: bool,
}

impl PinCtx<'_> {
    /// `v` as the recorder sees a pinned value (objects get a key).
    pub(crate) fn known(&self, v: &Value) -> Option<Known> {
        Some(match v {
            Value::None => Known::Scalar(Observed::None),
            Value::Bool(b) => Known::Scalar(Observed::Bool(*b)),
            Value::Int(i) => Known::Scalar(Observed::Int(*i)),
            Value::Float(x) => Known::Scalar(Observed::Float(*x)),
            Value::Obj(o) => {
                let key = self.pins.try_borrow_mut().ok()?.key(o)?;
                Known::Obj(KnownObj {
                    key,
                    info: obj_info(o, self.null),
                })
            }
        })
    }

    /// Adds `p` to the pins.
    fn pin(&self, p: Pin) -> Option<()> {
        let mut pins = self.pins.try_borrow_mut().ok()?;
        if self.outer && pins.globals.is_none() {
            pins.globals = Some(Rc::downgrade(self.globals));
        }
        pins.pins.push(p);
        Some(())
    }

    /// `Observe::global`: the value of global `name`, pinned.
    pub(crate) fn global(&self, name: u32) -> Option<Known> {
        let key = self.names.get(name as usize)?;
        match lookup(self.globals, key).ok()? {
            Some((index, value)) => {
                let k = self.known(&value)?;
                self.pin(Pin::Bound {
                    dict: Rc::downgrade(self.globals),
                    name: key.clone(),
                    index,
                    value: PinVal::of(&value),
                })?;
                Some(k)
            }
            None => {
                let b = self.builtins?;
                let (index, value) = lookup(b, key).ok()??;
                let k = self.known(&value)?;
                self.pin(Pin::Absent {
                    dict: Rc::downgrade(self.globals),
                    name: key.clone(),
                })?;
                self.pin(Pin::Bound {
                    dict: Rc::downgrade(b),
                    name: key.clone(),
                    index,
                    value: PinVal::of(&value),
                })?;
                Some(k)
            }
        }
    }

    /// `Observe::module_attr`: attribute `name` of the module `top`, pinned (only names
    /// found in the module's dict and not dunder names, which the module type may define).
    pub(crate) fn module_attr(&self, top: Option<&Value>, name: u32) -> Option<Known> {
        let Some(Value::Obj(m)) = top else { return None };
        if !matches!(m.kind, ObjKind::Module) {
            return None;
        }
        let key = self.names.get(name as usize)?;
        if key.as_str().is_none_or(|s| s.starts_with("__")) {
            return None;
        }
        let d = m.dict.as_ref()?;
        let (index, value) = lookup(d, key).ok()??;
        let k = self.known(&value)?;
        self.pin(Pin::Bound {
            dict: Rc::downgrade(d),
            name: key.clone(),
            index,
            value: PinVal::of(&value),
        })?;
        Some(k)
    }

    /// `Observe::inline_target`: the code of known object `key` if it is a Python function
    /// that a call with `nargs` positional arguments binds by copying them into its first
    /// locals (`Code::fast_argcount`: no `*args`, `**kwargs`, keyword-only parameters,
    /// cells, not a generator), without a closure and running to its return.
    pub(crate) fn inline_target(&self, key: u32, nargs: u32) -> Option<CodeInfo> {
        let o = self.pins.try_borrow().ok()?.objs.get(key as usize)?.upgrade()?;
        let ObjKind::Function(func) = &o.kind else { return None };
        // a function with a loop is not inlined: its loop gets a loop trace of its own,
        // which the interpreter enters when the caller's trace calls the function opaquely
        // (inlining it could only end in an `InnerLoop` abort of the caller's recording)
        (Self::plain_or_super_method(func, nargs) && !has_loop(&func.code.raw) && !self_recursive(&func.code.raw))
            .then(|| CodeInfo::from_code(&func.code.raw))
    }

    /// [`Pins::plain_function`], or a method whose only free variable is the `__class__`
    /// cell zero-argument `super()` reads (no cells of its own): inlined with `super()`
    /// recorded as a virtual object (`record/supercall.rs`); a frame rebuilt for it at an
    /// exit gets the closure's cell (`jit_mframe.rs`).
    fn plain_or_super_method(func: &crate::object::Function, nargs: u32) -> bool {
        let raw = &func.code.raw;
        let super_cell = func.closure.len() == 1
            && raw.cellvars.is_empty()
            && matches!(&raw.freevars[..], [n] if &**n == "__class__");
        Self::plain_function(func, nargs) || (super_cell && Self::binds_plainly(func, nargs))
    }

    /// `Observe::super_method`: what `super(C, obj).name` is for the `super` object `top`
    /// (exactly a `super`, bound to an instance `obj` whose class `type(obj)` has a plain
    /// metaclass) when it is a plain Python function, with `type(obj)`'s word; its version
    /// tag is pinned (it moves when any class of its MRO changes).
    pub(crate) fn super_method_of(&self, top: Option<&Value>, name: u32) -> Option<taipan_jit::record::SuperObs> {
        let s @ Value::Obj(so) = top? else { return None };
        let exact_super = so.class.as_ref().is_some_and(|c| {
            !c.kind.is_heap_type() && matches!(&c.kind, ObjKind::Type(t) if &**t.name.borrow() == "super")
        });
        let ObjKind::Super { obj, start, .. } = &so.kind else {
            return None;
        };
        let Value::Obj(inst) = obj else { return None };
        if !exact_super
            || !inst.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, start))
            || start.class.as_ref().is_some_and(|m| m.kind.is_heap_type())
        {
            return None;
        }
        let key = self.names.get(name as usize)?;
        let (f, _) = crate::builtins::object::super_load_method(s, key)?;
        self.pin_class_now(start)?;
        match self.known(&f)? {
            Known::Obj(k) if k.info == ObjInfo::Function => Some(taipan_jit::record::SuperObs {
                cls: super::helpers::obj_word_rc(start),
                func: k,
            }),
            _ => None,
        }
    }

    /// A plain function called with exactly its `nargs` positional parameters: no
    /// closure, no free variables, not a generator or coroutine.
    fn plain_function(func: &crate::object::Function, nargs: u32) -> bool {
        Self::binds_plainly(func, nargs) && func.closure.is_empty() && func.code.raw.freevars.is_empty()
    }

    /// A call with exactly `nargs` positional arguments binds them by copying them into the
    /// first locals (`Code::fast_argcount`), and the code runs to its return (not a
    /// generator or coroutine).
    fn binds_plainly(func: &crate::object::Function, nargs: u32) -> bool {
        func.code.fast_argcount == Some(nargs as usize) && func.code.runs_to_return
    }

    /// `Observe::loop_call_target`: for known object `key`, a plain function (see
    /// [`PinCtx::plain_function`]) of at most `record::LOOP_MAX_LOCALS` frame slots whose
    /// first loop (the instruction after its first `LOOP_ENTRY`) has a compiled root trace
    /// with no entry stack that takes first arrivals, and whose loop calls were not given up
    /// (`CodeLoops::no_loop_call`): its code's information, that header and the function's
    /// object word.
    pub(crate) fn loop_call_target(&self, key: u32, nargs: u32) -> Option<(CodeInfo, u32, u64)> {
        let o = self.pins.try_borrow().ok()?.objs.get(key as usize)?.upgrade()?;
        let ObjKind::Function(func) = &o.kind else { return None };
        let code = &func.code;
        if !Self::plain_function(func, nargs)
            || code.nlocalsplus > taipan_jit::record::LOOP_MAX_LOCALS as usize
            || code.loops.no_loop_call.get()
        {
            return None;
        }
        let entry = code
            .raw
            .instructions
            .iter()
            .position(|i| i.op == taipan_bytecode::Opcode::LoopEntry)?;
        let header = entry.checked_add(1)?;
        let t = code.loops.compiled(u32::try_from(header).ok()?)?;
        if t.depth != 0 || !code.loops.takes_first(header) {
            return None;
        }
        Some((
            CodeInfo::from_code(&code.raw),
            u32::try_from(header).ok()?,
            super::helpers::obj_word_rc(&o),
        ))
    }

    /// `Observe::known_word`: the object word of known object `key` (its pin keeps it
    /// alive while the trace exists).
    pub(crate) fn known_word(&self, key: u32) -> Option<u64> {
        let o = self.pins.try_borrow().ok()?.objs.get(key as usize)?.upgrade()?;
        Some(super::helpers::obj_word_rc(&o))
    }

    /// `Observe::call_target`: the object word of known object `key` when it is a plain
    /// function (see [`PinCtx::plain_function`]; a function trace calls it through
    /// `fn_call`, loops included).
    pub(crate) fn call_target(&self, key: u32, nargs: u32) -> Option<u64> {
        {
            let o = self.pins.try_borrow().ok()?.objs.get(key as usize)?.upgrade()?;
            let ObjKind::Function(func) = &o.kind else { return None };
            if !Self::plain_function(func, nargs) {
                return None;
            }
        }
        let o = self.pins.try_borrow().ok()?.objs.get(key as usize)?.upgrade()?;
        Some(super::helpers::obj_word_rc(&o))
    }

    /// `Observe::list_method`: with a list `top` on the stack, the method `name` (only
    /// `append`) as `LOAD_METHOD` finds it, as a known object: for an exact list, in the
    /// `list` type's dict (no pin: the type is immutable and lives as long as the VM); for an
    /// instance of a heap subclass of `list` (bm_deltablue's `OrderedCollection`), when its
    /// metaclass is `type`, `append` along its MRO is `list.append` and `__getattribute__`
    /// is `object`'s: then also the class word and the instance dict's shape without
    /// `append` (0: no dict) for the trace's `@attr_absent` guard, the class's version tag
    /// pinned.
    pub(crate) fn list_method_of(&self, top: Option<&Value>, name: u32) -> Option<(KnownObj, Option<(u64, u32)>)> {
        let Some(Value::Obj(o)) = top else { return None };
        let class = o.class.as_ref()?;
        let key = self.names.get(name as usize)?;
        if let ObjKind::Dict(_) = o.kind {
            // `dict.get` of an exact dict (`record/dict.rs`; `dict`'s dict never changes)
            if class.kind.is_heap_type() || key.as_str() != Some("get") {
                return None;
            }
            let (_, m) = lookup(&crate::types::tdata(class).dict, key).ok()??;
            return match self.known(&m)? {
                Known::Obj(k) if k.info == ObjInfo::Builtin(Builtin::DictGet) => Some((k, None)),
                _ => None,
            };
        }
        if let ObjKind::Str(_) = o.kind {
            // a method of an exact str that `@str_call` makes (`str`'s dict never changes)
            if class.kind.is_heap_type() {
                return None;
            }
            let (_, m) = lookup(&crate::types::tdata(class).dict, key).ok()??;
            return match self.known(&m)? {
                Known::Obj(k) if matches!(k.info, ObjInfo::Builtin(Builtin::StrMethod(_))) => Some((k, None)),
                _ => None,
            };
        }
        if !matches!(o.kind, ObjKind::List(_)) {
            return None;
        }
        let mro_lookup = |n: &Value| -> Option<Value> {
            let tail = crate::types::tdata(class).mro_tail.borrow().clone();
            std::iter::once(class.clone())
                .chain(tail)
                .find_map(|t| lookup(&crate::types::tdata(&t).dict, n).ok().flatten().map(|(_, v)| v))
        };
        let (m, sub) = if class.kind.is_heap_type() {
            if class.class.as_ref().is_some_and(|m| m.kind.is_heap_type()) {
                return None;
            }
            // `__getattribute__` along the MRO, by text (`object`'s: no override)
            let ga = mro_find_str(class, "__getattribute__")?;
            if !matches!(ga.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
                return None;
            }
            let absent = super::attrs::absent_shape(o, key)?;
            self.pin_class_now(class)?;
            (mro_lookup(key)?, Some((super::helpers::obj_word_rc(class), absent)))
        } else {
            let (_, m) = lookup(&crate::types::tdata(class).dict, key).ok()??;
            (m, None)
        };
        if key.as_str() != Some("append") {
            // another method of a list (`pop`, `insert`, ...): the `list` type's own native,
            // which the trace calls opaquely with the list as its first argument
            // (`record/list.rs`); `list`'s dict never changes, a subclass's is pinned
            if !matches!(m.kind(), Some(ObjKind::Native(n)) if n.is_method && n.receiver.is_none() && n.owner == "list")
            {
                return None;
            }
            return match self.known(&m)? {
                Known::Obj(k) if k.info == ObjInfo::Other => Some((k, sub)),
                _ => None,
            };
        }
        match self.known(&m)? {
            Known::Obj(k) if k.info == ObjInfo::Builtin(Builtin::ListAppend) => Some((k, sub)),
            _ => None,
        }
    }

    /// [`PinCtx::pin_type`] at class `class`'s current version tag: any change of it or of
    /// a class of its MRO invalidates the tree. `None` when it is no class or the pins are
    /// busy.
    fn pin_class_now(&self, class: &Obj) -> Option<()> {
        let ObjKind::Type(td) = &class.kind else { return None };
        self.pin_type(class, td.version.get()).then_some(())
    }

    /// `Observe::stack_list_sub`: the class word of `v` when it is an instance of a
    /// subclass of `list` (with a plain metaclass) whose MRO finds `list`'s own special
    /// method `dunder` (special methods are looked up on the type only), the class's version
    /// tag pinned (a later override invalidates the tree).
    pub(crate) fn list_sub_class(&self, v: &Value, dunder: &str) -> Option<u64> {
        let Value::Obj(o) = v else { return None };
        if !matches!(o.kind, ObjKind::List(_)) {
            return None;
        }
        let class = o.class.as_ref()?;
        if !class.kind.is_heap_type() || class.class.as_ref().is_some_and(|m| m.kind.is_heap_type()) {
            return None;
        }
        let m = mro_find_str(class, dunder)?;
        if !matches!(m.kind(), Some(ObjKind::Native(n)) if n.owner == "list") {
            return None;
        }
        self.pin_class_now(class)?;
        Some(super::helpers::obj_word_rc(class))
    }

    /// `Observe::attr`: the answer of [`super::attrs::AttrProbe`], with the class's version
    /// tag pinned and a method's function numbered in the object table (alive while the pin
    /// holds: the class's dict holds it, and replacing it bumps the version).
    pub(crate) fn attr(&self, p: super::attrs::AttrProbe) -> Option<AttrObs> {
        let obs = match (p.obs, &p.func) {
            (AttrObs::Method { cls, absent, .. }, Some(f)) => match self.known(&Value::Obj(f.clone()))? {
                Known::Obj(func) if func.info == ObjInfo::Function => AttrObs::Method { cls, absent, func },
                _ => return None,
            },
            (AttrObs::Method { .. }, None) => return None,
            (AttrObs::TypeFunc { bound, .. }, Some(f)) => match self.known(&Value::Obj(f.clone()))? {
                Known::Obj(func) if func.info == ObjInfo::Function => AttrObs::TypeFunc { func, bound },
                _ => return None,
            },
            (AttrObs::TypeFunc { .. }, None) => return None,
            (o, _) => o,
        };
        let pin = Pin::Type {
            ty: Rc::downgrade(&p.ty),
            version: p.version,
        };
        let mut pins = self.pins.try_borrow_mut().ok()?;
        if self.outer && pins.globals.is_none() {
            pins.globals = Some(Rc::downgrade(self.globals));
        }
        pins.pins.push(pin);
        Some(obs)
    }

    /// Pins the version tag of class `ty` (an answer of `Observe::isinstance` depends on its
    /// bases); false when the pins are busy.
    pub(crate) fn pin_type(&self, ty: &Obj, version: u32) -> bool {
        self.pin(Pin::Type {
            ty: Rc::downgrade(ty),
            version,
        })
        .is_some()
    }

    /// `Observe::null`: the NULL marker as a known object.
    pub(crate) fn null(&self) -> Option<KnownObj> {
        match self.known(&Value::Obj(self.null.clone()))? {
            Known::Obj(o) => Some(o),
            Known::Scalar(_) => None,
        }
    }
}

/// Whether `code` loads a global of its own name (a function that calls itself, such as
/// `binary_trees.py`'s `make_tree`): not inlined, so a trace makes one opaque call that runs
/// the whole recursion (through the function's own trace) instead of unrolling a few levels
/// that end in an opaque call at every leaf (`bench/programs/binary_trees.py 14`: 3,073M
/// instructions before `BUILD_TUPLE` was recorded, 3,188M unrolled).
fn self_recursive(code: &taipan_bytecode::CodeObject) -> bool {
    use taipan_bytecode::Opcode as O;
    code.instructions
        .iter()
        .any(|i| i.op.base() == O::LoadGlobal && code.names.get(i.arg as usize).is_some_and(|n| **n == *code.name))
}

/// The value of `name` found first along `class`'s MRO (class dicts searched by text, as
/// the interpreter's special-method lookup does).
fn mro_find_str(class: &Obj, name: &str) -> Option<Value> {
    let tail = crate::types::tdata(class).mro_tail.borrow().clone();
    let h = crate::ops::cached_name_hash(name);
    std::iter::once(class.clone())
        .chain(tail)
        .find_map(|t| with_dict(&crate::types::tdata(&t).dict, |d| d.get_str(h, name).cloned()))
}

/// Whether `code` has a loop: a backward jump (`while` and `for` loops end with a backward
/// `JUMP`; the conditional jumps are checked too).
fn has_loop(code: &taipan_bytecode::CodeObject) -> bool {
    use taipan_bytecode::Opcode as O;
    code.instructions.iter().enumerate().any(|(i, ins)| {
        matches!(
            ins.op,
            O::Jump
                | O::PopJumpIfFalse
                | O::PopJumpIfTrue
                | O::PopJumpIfNone
                | O::PopJumpIfNotNone
                | O::JumpIfFalseOrPop
                | O::JumpIfTrueOrPop
        ) && (ins.arg as usize) <= i
    })
}
