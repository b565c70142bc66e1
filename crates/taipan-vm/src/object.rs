//! Heap objects: the header every object shares and the payload kinds.
//!
//! An [`Object`] is a class pointer, an optional attribute dict, and an [`ObjKind`]
//! payload. The payload decides the object's layout (CPython's "solid base"): an instance
//! of a user subclass of `list` carries `ObjKind::List`, a plain user-class instance
//! carries `ObjKind::Instance`.
//!
//! Interior mutability: mutable payloads sit in `RefCell`s. Rule (checked by review, not
//! by the compiler): never hold a `RefCell` borrow across anything that can run Python
//! code (a call, `__eq__`, `__hash__`, `__repr__`...), because that code may touch the
//! same object; a conflicting borrow would panic. Copy what you need out first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dashu_int::IBig;

use crate::dict::Dict;
use crate::set::Set;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The signature of a native (Rust) function callable from Python.
///
/// `args` holds the positional arguments followed by the keyword argument values; the
/// names of the last `kwnames.len()` entries are in `kwnames` (CPython's vectorcall
/// convention). Methods receive `self` as `args[0]`.
pub type NativeFn = fn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value>;

/// A heap object.
pub struct Object {
    /// The object's class (a `type` object). `None` only for the `type` type itself,
    /// whose class is itself.
    pub class: Option<Obj>,
    /// The instance attribute dict (a `dict` object), for objects that have one.
    pub dict: Option<Obj>,
    /// The payload.
    pub kind: ObjKind,
    /// The object's position in the cycle collector's table of tracked objects, or
    /// [`crate::gc::UNTRACKED`] (CPython's `PyGC_Head` links). Maintained by `gc.rs` only.
    pub(crate) gc_index: Cell<u32>,
}

// Object size: 112 bytes (an `Rc` allocation of 128, the largest class of the small-block
// allocator, `small_alloc.rs`); the payload is 88 bytes (a tag byte, `ObjKind` being
// `repr(u8)`, then the largest variant) and the collector index fits after it. Growing
// past 112 moves every object to the system allocator.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Object>() == 112);

/// Nesting depth of object destructors beyond which freeing is deferred (CPython's
/// trashcan uses 50 too).
const TRASHCAN_DEPTH: usize = 50;

thread_local! {
    static DROP_DEPTH: Cell<usize> = const { Cell::new(0) };
    /// False when `DEFERRED` is known to be empty (saves borrowing it on every drop).
    static DEFERRED_ANY: Cell<bool> = const { Cell::new(false) };
    static DEFERRED: RefCell<Vec<(ObjKind, Option<Obj>)>> = const { RefCell::new(Vec::new()) };
}

/// Untracks the object from the cycle collector ([`crate::gc::untrack`], O(1): the index
/// in the header locates its table entry), then frees
/// deeply nested structures iteratively (CPython's "trashcan", `Py_TRASHCAN_BEGIN`): an
/// object destroyed more than [`TRASHCAN_DEPTH`] destructors deep hands its payload to a
/// per-thread list, which the outermost destructor drains. So dropping a million nested
/// lists never overflows the native stack, however deep the stack already is.
///
/// The collector's table holds raw pointers to live tracked objects; it relies on this
/// destructor untracking first, and on objects never being moved out of their `Rc` (no
/// `Rc::get_mut`/`Rc::try_unwrap` on objects; see `gc.rs`).
impl Drop for Object {
    fn drop(&mut self) {
        crate::gc::untrack(self);
        if self.dict.is_none() && is_leaf(&self.kind) {
            // nothing nested to free: the fields' own destructors suffice
            return;
        }
        let depth = DROP_DEPTH.try_with(|d| d.get()).unwrap_or(0);
        let kind = std::mem::replace(&mut self.kind, ObjKind::NotImplemented);
        let dict = self.dict.take();
        if depth >= TRASHCAN_DEPTH {
            let mut item = Some((kind, dict));
            let _ = DEFERRED.try_with(|p| {
                if let Ok(mut p) = p.try_borrow_mut()
                    && let Some(x) = item.take()
                {
                    p.push(x);
                }
            });
            let _ = DEFERRED_ANY.try_with(|a| a.set(true));
            // not deferred only when the thread's storage is gone: drop in place
            drop(item);
            return;
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth + 1));
        drop(kind);
        drop(dict);
        let _ = DROP_DEPTH.try_with(|d| d.set(depth));
        if depth == 0 && DEFERRED_ANY.try_with(|a| a.get()).unwrap_or(true) {
            loop {
                let next = DEFERRED
                    .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
                    .ok()
                    .flatten();
                let Some(item) = next else { break };
                let _ = DROP_DEPTH.try_with(|d| d.set(1));
                drop(item);
                let _ = DROP_DEPTH.try_with(|d| d.set(0));
            }
            let _ = DEFERRED_ANY.try_with(|a| a.set(false));
        }
    }
}

/// Payloads that hold no object references (their destructors free plain memory only).
#[inline]
fn is_leaf(kind: &ObjKind) -> bool {
    matches!(
        kind,
        ObjKind::Str(_)
            | ObjKind::Int(_)
            | ObjKind::Float(_)
            | ObjKind::Complex(..)
            | ObjKind::Bytes(_)
            | ObjKind::ByteArray(_)
            | ObjKind::Range { .. }
            | ObjKind::NotImplemented
            | ObjKind::Ellipsis
    )
}

impl Object {
    /// A new object with no attribute dict.
    pub fn new(class: Obj, kind: ObjKind) -> Object {
        Object::with(Some(class), None, kind)
    }

    /// A new object from its header parts (`class` is `None` only for `type` itself).
    /// Not tracked by the cycle collector until passed to [`crate::gc::alloc`].
    #[inline(always)]
    pub fn with(class: Option<Obj>, dict: Option<Obj>, kind: ObjKind) -> Object {
        Object {
            class,
            dict,
            kind,
            gc_index: Cell::new(crate::gc::UNTRACKED),
        }
    }
}

/// A Python str: UTF-8 text plus its length in code points.
///
/// Text of at most [`STR_INLINE_MAX`] bytes is kept inside the object (no second heap
/// block, no pointer to follow: CPython's compact strings keep the characters in the
/// object too); longer text is a boxed `str`.
pub struct PyStr {
    text: StrText,
    char_len: usize,
    hash: Cell<i64>,
}

/// Longest text (bytes) a [`PyStr`] keeps inline; sized so that a str payload is no larger
/// than the largest other `ObjKind` variant.
pub const STR_INLINE_MAX: usize = 54;

/// Where a [`PyStr`]'s UTF-8 text lives.
enum StrText {
    /// In the object: the first `len` bytes of `buf` (always valid UTF-8).
    Inline { len: u8, buf: [u8; STR_INLINE_MAX] },
    /// On the heap.
    Heap(Box<str>),
}

impl StrText {
    /// A copy of `s` kept inline, if it fits.
    #[inline]
    fn inline(s: &str) -> Option<StrText> {
        if s.len() > STR_INLINE_MAX {
            return None;
        }
        let mut buf = [0u8; STR_INLINE_MAX];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        Some(StrText::Inline {
            len: s.len() as u8,
            buf,
        })
    }

    #[inline]
    fn as_str(&self) -> &str {
        match self {
            StrText::Inline { len, buf } => {
                let bytes = &buf[..usize::from(*len)];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: an inline buffer's first `len` bytes are a copy of a `&str`
                // (`from_parts`, `PyStr::concat`): valid UTF-8
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            StrText::Heap(b) => b,
        }
    }
}

impl PyStr {
    /// Wraps text (copied inline when short: a `String` or `Box<str>` given is then freed).
    pub fn new<T: Into<Box<str>> + AsRef<str>>(text: T) -> PyStr {
        let s = text.as_ref();
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        let text = match StrText::inline(s) {
            Some(t) => t,
            None => StrText::Heap(text.into()),
        };
        PyStr {
            text,
            char_len,
            hash: Cell::new(-1),
        }
    }

    /// Wraps all-ASCII text without scanning it for its length in code points.
    /// `text` must be ASCII (checked in debug builds); otherwise `len()` would be wrong.
    pub fn new_ascii(text: Box<str>) -> PyStr {
        debug_assert!(text.is_ascii());
        let char_len = text.len();
        let text = StrText::inline(&text).unwrap_or(StrText::Heap(text));
        PyStr {
            text,
            char_len,
            hash: Cell::new(-1),
        }
    }

    /// `a + b`: concatenated text, whose length in code points is the sum of the two
    /// (UTF-8 concatenation never merges characters, lone surrogates' stand-ins included).
    pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
        let (x, y) = (a.as_str(), b.as_str());
        let n = x.len() + y.len();
        let text = if n <= STR_INLINE_MAX {
            let mut buf = [0u8; STR_INLINE_MAX];
            buf[..x.len()].copy_from_slice(x.as_bytes());
            buf[x.len()..n].copy_from_slice(y.as_bytes());
            StrText::Inline { len: n as u8, buf }
        } else {
            let mut text = String::with_capacity(n);
            text.push_str(x);
            text.push_str(y);
            StrText::Heap(text.into_boxed_str())
        };
        PyStr {
            text,
            char_len: a.char_len + b.char_len,
            hash: Cell::new(-1),
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Length in code points (Python's `len`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// True when every code point is ASCII (byte index = code point index).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.as_str().len()
    }

    /// The cached hash (-1 if not computed yet).
    pub fn cached_hash(&self) -> i64 {
        self.hash.get()
    }

    /// Stores the computed hash.
    pub fn set_hash(&self, h: i64) {
        self.hash.set(h)
    }
}

/// A Python function: code plus the environment it closes over.
pub struct Function {
    /// The code (a `Code` object value).
    pub code: Rc<crate::code::Code>,
    /// The module globals dict.
    pub globals: Obj,
    /// `__name__`.
    pub name: RefCell<Rc<str>>,
    /// `__qualname__`.
    pub qualname: RefCell<Rc<str>>,
    /// Positional defaults (the items of `__defaults__`), read by the argument binding.
    pub defaults: RefCell<Vec<Value>>,
    /// The `__defaults__` object itself (a tuple, possibly of a subclass or empty, or
    /// `None`), returned by the getter; kept in step with `defaults` by its setter.
    pub defaults_tuple: RefCell<Value>,
    /// Keyword-only defaults (`__kwdefaults__`), a dict object if any.
    pub kwdefaults: RefCell<Option<Obj>>,
    /// Cells for the code's free variables.
    pub closure: Vec<Obj>,
    /// `__doc__`.
    pub doc: RefCell<Value>,
    /// `__module__` (writable; None once deleted).
    pub module: RefCell<Value>,
    /// `__annotations__` dict, if any.
    pub annotations: RefCell<Option<Value>>,
    /// Arbitrary attributes (`__dict__`), created on first store.
    pub attrs: RefCell<Option<Obj>>,
}

/// A native function or method.
pub struct NativeFunction {
    /// `__name__`.
    pub name: &'static str,
    /// `__qualname__` prefix (the type name for methods), empty for plain functions.
    pub owner: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// For a bound builtin method (`[].append`), the receiver passed as `args[0]`.
    pub receiver: Option<Value>,
    /// True when stored in a type dict: attribute access through an instance binds it.
    pub is_method: bool,
    /// True when the implementation needs the caller's frame context (`locals()`,
    /// `globals()`, zero-argument `super()`...); see `Vm::frame_ctx`.
    pub needs_frame: bool,
}

/// Which built-in layout the instances of a type use (CPython's "solid base").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `object` and plain classes: `ObjKind::Instance` with a `__dict__`.
    Object,
    /// `type` and metaclasses.
    Type,
    /// `int` subclasses (bool is separate: it cannot be subclassed).
    Int,
    /// `float`.
    Float,
    /// `complex`.
    Complex,
    /// `str`.
    Str,
    /// `bytes`.
    Bytes,
    /// `bytearray`.
    ByteArray,
    /// `tuple`.
    Tuple,
    /// `list`.
    List,
    /// `dict`.
    Dict,
    /// `set`.
    Set,
    /// `frozenset`.
    FrozenSet,
    /// `BaseException` and subclasses.
    Exception,
    /// A built-in type that cannot be subclassed (function, range, ...).
    Final,
}

/// The payload of a type object.
pub struct TypeData {
    /// `__name__`.
    pub name: RefCell<Rc<str>>,
    /// `__qualname__`.
    pub qualname: RefCell<Rc<str>>,
    /// `__bases__`.
    pub bases: RefCell<Vec<Obj>>,
    /// `__mro__` (C3 linearization), starting with the type itself. Stored without the
    /// type itself to avoid a reference cycle: `mro()` prepends it.
    pub mro_tail: RefCell<Vec<Obj>>,
    /// The type's namespace (a `dict` object).
    pub dict: Obj,
    /// The instance layout.
    pub layout: Layout,
    /// True for types defined by a `class` statement (or `type(name, bases, ns)`).
    pub heap_type: bool,
    /// `__slots__` names if the class declares them (instances then have no `__dict__`
    /// unless `__dict__` is among them).
    pub slots: Option<Vec<Rc<str>>>,
    /// Bumped on every mutation of the type or a base (PEP 659 type version tags).
    pub version: Cell<u32>,
    /// A compiled trace assumes this version tag (`crate::jit::inval`): a bump reports the
    /// type to the JIT's registry, which invalidates the traces that depend on it.
    pub watched: Cell<bool>,
    /// Direct subclasses (`__subclasses__()`), weakly held.
    pub subclasses: RefCell<Vec<std::rc::Weak<Object>>>,
    /// `Vm::class_facts` of this type: `(version, facts)`, valid while `version` is the
    /// type's version tag.
    pub facts: Cell<Option<(u32, u8)>>,
    /// The constructor lookups of this type (`crate::types::ctor_of`), valid for one
    /// version tag.
    pub ctor: RefCell<Option<CtorCache>>,
}

/// The results of looking up `__new__` and `__init__` along a type's MRO, cached on the
/// type for one version tag (any change to the type or a base bumps the tag). Held
/// weakly: the methods live in the MRO's dicts anyway, and a strong reference from the
/// type would form cycles invisible to the collector (`__init__` -> `__class__` cell ->
/// type).
pub struct CtorCache {
    /// The type's version tag when the lookups were made.
    pub version: u32,
    /// `__new__` (a staticmethod unwrapped), or `None` if missing.
    pub new: Option<std::rc::Weak<Object>>,
    /// `__new__` is `object.__new__`.
    pub new_is_object: bool,
    /// `__init__`, or `None` if missing.
    pub init: Option<std::rc::Weak<Object>>,
    /// `__init__` is `object.__init__`.
    pub init_is_object: bool,
}

/// A generic iterator state (one payload kind for all built-in iterators).
///
/// `repr(u8)`, as [`ObjKind`]: `FOR_ITER` tests the variant with one byte comparison
/// instead of decoding a niche.
#[repr(u8)]
pub enum IterState {
    /// Over a list, by index (sees appends, as CPython).
    List { seq: Obj, index: usize },
    /// Over a tuple.
    Tuple { seq: Obj, index: usize },
    /// Over a str, by byte offset.
    Str { s: Obj, byte_pos: usize },
    /// Over bytes or bytearray, by index.
    Bytes { seq: Obj, index: usize },
    /// Over a range.
    Range { next: i64, stop: i64, step: i64 },
    /// Over a dict's keys/values/items, by entry position; `len` detects size changes.
    Dict {
        dict: Obj,
        pos: usize,
        len: usize,
        which: DictViewKind,
    },
    /// Over a set, by slot position.
    Set { set: Obj, pos: usize, len: usize },
    /// `reversed()` over a sequence supporting len and indexing.
    Reversed { seq: Value, index: isize },
    /// `enumerate(it, start)`.
    Enumerate { it: Value, count: Value },
    /// `zip(*its, strict=...)`.
    Zip { its: Vec<Value>, strict: bool },
    /// `map(f, *its)`.
    Map { func: Value, its: Vec<Value> },
    /// `filter(f, it)`.
    Filter { func: Value, it: Value },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// The old sequence protocol: `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
    SeqIndex { seq: Value, index: i64 },
    /// An exhausted iterator.
    Exhausted,
}

/// Which view of a dict.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    /// `keys()`.
    Keys,
    /// `values()`.
    Values,
    /// `items()`.
    Items,
}

/// Exception payload (`BaseException` and subclasses).
pub struct ExcData {
    /// `args` (a tuple value).
    pub args: Value,
    /// Traceback entries, innermost last: (code, instruction index).
    pub traceback: Vec<(Rc<crate::code::Code>, usize)>,
    /// `__cause__`.
    pub cause: Option<Value>,
    /// `__context__`.
    pub context: Option<Value>,
    /// `__suppress_context__`.
    pub suppress_context: bool,
    /// The "Did you mean" hint the traceback printer appends (NameError, AttributeError,
    /// ImportError), computed when the exception is raised.
    pub suggestion: Option<String>,
}

/// The payload kinds.
///
/// `repr(u8)`: the variant is a tag byte at the start of the payload, so a kind test is
/// one byte comparison. Without it the compiler hides the tag in a niche of the largest
/// variant, and every `match` on a kind first decodes it (a subtraction, a conditional
/// move and a range check: ~6 instructions per test, and kind tests are on nearly every
/// hit path of the dispatch loop).
#[repr(u8)]
pub enum ObjKind {
    /// An int beyond `i64` (always normalized: fits-in-i64 values are `Value::Int`).
    Int(IBig),
    /// A float subclass instance or boxed float (plain floats are `Value::Float`).
    Float(f64),
    /// A complex number `(real, imag)` (exact or subclass instance).
    Complex(f64, f64),
    /// A str.
    Str(PyStr),
    /// A bytes object.
    Bytes(Box<[u8]>),
    /// A bytearray.
    ByteArray(RefCell<Vec<u8>>),
    /// A tuple.
    Tuple(Box<[Value]>),
    /// A list.
    List(RefCell<Vec<Value>>),
    /// A dict.
    Dict(RefCell<Dict>),
    /// A set.
    Set(RefCell<Set>),
    /// A frozenset.
    FrozenSet(Set),
    /// `range(start, stop, step)`.
    Range {
        /// Start.
        start: i64,
        /// Stop.
        stop: i64,
        /// Step (never 0).
        step: i64,
    },
    /// A range whose bounds do not fit in 64 bits (`range(10**20)`).
    BigRange {
        /// Start.
        start: IBig,
        /// Stop.
        stop: IBig,
        /// Step (never 0).
        step: IBig,
    },
    /// `slice(start, stop, step)`.
    Slice {
        /// Start.
        start: Value,
        /// Stop.
        stop: Value,
        /// Step.
        step: Value,
    },
    /// A Python function.
    Function(Box<Function>),
    /// A bound method (`obj.method` for a Python function).
    BoundMethod {
        /// The function.
        func: Value,
        /// The receiver (`self`).
        receiver: Value,
    },
    /// A native function or method.
    Native(Box<NativeFunction>),
    /// A type.
    Type(Box<TypeData>),
    /// An instance of a plain class (attributes in the header's dict, or slots).
    Instance(Option<RefCell<Vec<Option<Value>>>>),
    /// A module (attributes in the header's dict).
    Module,
    /// An exception.
    Exception(Box<RefCell<ExcData>>),
    /// A closure cell.
    Cell(RefCell<Option<Value>>),
    /// A code object.
    Code(Rc<crate::code::Code>),
    /// `property(fget, fset, fdel, doc)`.
    Property {
        /// Getter.
        fget: Value,
        /// Setter.
        fset: Value,
        /// Deleter.
        fdel: Value,
        /// Docstring.
        doc: Value,
        /// The attribute name given by `__set_name__` when the owning class was created
        /// (CPython 3.11's `prop_name`, copied by `getter`/`setter`/`deleter`); used in the
        /// "has no setter" messages.
        name: RefCell<Option<Box<Value>>>,
    },
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super(type, obj)`.
    Super {
        /// The class after which the MRO search starts.
        this: Obj,
        /// The bound object (instance or class).
        obj: Value,
        /// The type whose MRO is searched (type of obj, or obj itself for a class).
        start: Obj,
    },
    /// A generator.
    Generator(RefCell<crate::generator::GenState>),
    /// A built-in iterator.
    Iter(RefCell<IterState>),
    /// A dict view.
    DictView {
        /// The dict.
        dict: Obj,
        /// Which view.
        which: DictViewKind,
    },
    /// An open file.
    File(Box<RefCell<crate::file::FileState>>),
    /// `NotImplemented`.
    NotImplemented,
    /// `Ellipsis`.
    Ellipsis,
}

impl ObjKind {
    /// A short name of the payload kind, for debugging.
    pub fn kind_name(&self) -> &'static str {
        match self {
            ObjKind::Int(_) => "int",
            ObjKind::Float(_) => "float",
            ObjKind::Complex(..) => "complex",
            ObjKind::Str(_) => "str",
            ObjKind::Bytes(_) => "bytes",
            ObjKind::ByteArray(_) => "bytearray",
            ObjKind::Tuple(_) => "tuple",
            ObjKind::List(_) => "list",
            ObjKind::Dict(_) => "dict",
            ObjKind::Set(_) => "set",
            ObjKind::FrozenSet(_) => "frozenset",
            ObjKind::Range { .. } | ObjKind::BigRange { .. } => "range",
            ObjKind::Slice { .. } => "slice",
            ObjKind::Function(_) => "function",
            ObjKind::BoundMethod { .. } => "method",
            ObjKind::Native(_) => "builtin_function_or_method",
            ObjKind::Type(_) => "type",
            ObjKind::Instance(_) => "instance",
            ObjKind::Module => "module",
            ObjKind::Exception(_) => "exception",
            ObjKind::Cell(_) => "cell",
            ObjKind::Code(_) => "code",
            ObjKind::Property { .. } => "property",
            ObjKind::StaticMethod(_) => "staticmethod",
            ObjKind::ClassMethod(_) => "classmethod",
            ObjKind::Super { .. } => "super",
            ObjKind::Generator(_) => "generator",
            ObjKind::Iter(_) => "iterator",
            ObjKind::DictView { .. } => "dict_view",
            ObjKind::File(_) => "file",
            ObjKind::NotImplemented => "NotImplementedType",
            ObjKind::Ellipsis => "ellipsis",
        }
    }
}
