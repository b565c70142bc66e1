//! What the recorder is told: the code being recorded ([`CodeInfo`]) and, before each
//! instruction, what the interpreter observes ([`Observe`]).
//!
//! The recorder never touches interpreter values: the interpreter (or a test) answers
//! questions about the frame as [`Observed`] values, which carry the type (the tag word of
//! taipan's `Value`, or unbound) and, for the small scalar types, the value — enough to
//! pick the branch direction, to check that an operation does not raise or overflow right
//! now, and to read a constant.

use taipan_bytecode::{CodeObject, Constant};

use crate::ir::Tag;

/// A frame value as the interpreter sees it before the instruction executes.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Observed {
    /// An unbound local (`Option::None` in the VM's locals; tag word 5).
    Unbound,
    /// `None`.
    None,
    /// A bool.
    Bool(bool),
    /// An int that fits in 64 bits (`Value::Int`).
    Int(i64),
    /// A float.
    Float(f64),
    /// Any object (a big int, a str, a list, ...).
    Obj,
    /// An iterator over a `range` with 64-bit bounds (CPython's `rangeiterator`), as an
    /// operand stack entry at the loop header of a `for` loop: the value it yields next,
    /// the bound and the step (never 0). Its tag is [`Tag::Obj`]: the trace sees its state
    /// through the entry buffer's virtual slots instead (see `docs/jit.md`, "Entry stack").
    RangeIter {
        /// The value the next `next()` returns (if `next` is still before `stop`).
        next: i64,
        /// The exclusive bound.
        stop: i64,
        /// The step (non-zero).
        step: i64,
    },
}

impl Observed {
    /// The value's tag (`None` for an unbound local).
    pub fn tag(self) -> Option<Tag> {
        Some(match self {
            Observed::Unbound => return None,
            Observed::None => Tag::None,
            Observed::Bool(_) => Tag::Bool,
            Observed::Int(_) => Tag::Int,
            Observed::Float(_) => Tag::Float,
            Observed::Obj | Observed::RangeIter { .. } => Tag::Obj,
        })
    }

    /// Python truthiness, for the types the recorder handles (`None` for objects and
    /// unbound locals).
    pub fn truthy(self) -> Option<bool> {
        match self {
            Observed::None => Some(false),
            Observed::Bool(b) => Some(b),
            Observed::Int(k) => Some(k != 0),
            Observed::Float(x) => Some(x != 0.0),
            Observed::Unbound | Observed::Obj | Observed::RangeIter { .. } => None,
        }
    }
}

/// A builtin function the recorder translates into IR ops (`record/call.rs`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Builtin {
    /// `abs(x)` (CPython `builtin_abs`).
    Abs,
    /// `min(a, b)` (CPython `min_max`: the first of equal items).
    Min,
    /// `max(a, b)`.
    Max,
    /// `math.sqrt(x)` (CPython `math_sqrt`: `ValueError` for negative `x`).
    MathSqrt,
    /// A one-argument `math` function of the table in `ir/mathfn.rs` (`math.sin`, ...;
    /// recorded by `record/math.rs`).
    Math(crate::ir::mathfn::MathFn),
    /// A two-argument `math` function of the table in `ir/mathfn.rs` (`math.atan2`,
    /// `math.copysign`).
    Math2(crate::ir::mathfn::MathFn2),
    /// `len(x)` (CPython `builtin_len`; recorded for exact lists, tuples, strs and dicts).
    Len,
    /// The builtin type `int` called with one int, bool or float (CPython `long_new` ->
    /// `PyNumber_Long`: a float is truncated toward zero, `float_trunc`; NaN raises
    /// `ValueError`, an infinity `OverflowError`).
    Int,
    /// `list.append`, the method `LOAD_METHOD` finds on an exact list (CPython
    /// `list_append`); only ever called with its receiver (`[append, xs, v] CALL_METHOD 1`).
    ListAppend,
    /// `dict.get`, the method `LOAD_METHOD` finds on an exact dict (CPython `dict_get`);
    /// only ever called with its receiver (`[get, d, k(, default)] CALL_METHOD n`,
    /// `record/dict.rs`).
    DictGet,
    /// The builtin type `enumerate`, called with an exact list or tuple and an optional
    /// int start (CPython `enum_new`; recorded as a virtual enumerate, `record/wrap.rs`).
    Enumerate,
    /// The builtin type `zip`, called with 1 to [`MAX_ZIP`] exact lists or tuples (CPython
    /// `zip_new`; recorded as a virtual zip, `record/wrap.rs`).
    Zip,
    /// The builtin type `range`, called with 1 to 3 ints (CPython `range_new`; recorded as a
    /// virtual range, `record/virtual.rs`).
    Range,
    /// `isinstance(x, C)` with a class `C` (CPython `builtin_isinstance`; folded to a
    /// constant under a guard on `x`'s class, `record/call.rs`, [`Observe::isinstance`]).
    IsInstance,
    /// The builtin type `super`, called with no arguments in an inlined method (CPython
    /// `super_init`; a virtual object, `record/supercall.rs`).
    Super,
    /// A method of `str` found on an exact str by `LOAD_METHOD` (`s.lower()`, `s.strip(",.")`,
    /// `s.split()`, ...: CPython `Objects/unicodeobject.c`) that takes strs, runs no Python
    /// code and returns a new str (`true`) or a list of strs (`false`); made by `@str_call`
    /// (`record/call.rs`).
    StrMethod(bool),
    /// The builtin type `str`, called with one int (CPython `unicode_new` -> `PyObject_Str`
    /// -> `long_to_decimal_string`: its decimal digits; `record/arith.rs`, `@int_str`);
    /// other arguments make an opaque call.
    Str,
}

/// What `super(C, obj).name` is ([`Observe::super_method`]): a plain Python function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SuperObs {
    /// `type(obj)`'s object word (guarded; its version tag pinned).
    pub cls: u64,
    /// The function found along `type(obj).__mro__` after `C`.
    pub func: KnownObj,
}

/// What an object is, as far as the recorder cares.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ObjInfo {
    /// A module (its attributes can be loaded as constants).
    Module,
    /// A builtin function with a translation.
    Builtin(Builtin),
    /// A Python function (inlined when [`Observe::inline_target`] says how).
    Function,
    /// The marker `LOAD_METHOD` pushes when the attribute is not a method
    /// (`[attr, NULL]`; `CALL_METHOD` then calls `attr` without a receiver).
    Null,
    /// Anything else (calling it aborts).
    Other,
}

/// An object the trace treats as a constant: its number in the recording's object table
/// (the interpreter keeps the table with the trace; snapshots name it as `objK`, see
/// [`crate::ir::SnapVal::Obj`]) and what it is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct KnownObj {
    /// The index in the recording's object table.
    pub key: u32,
    /// What it is.
    pub info: ObjInfo,
}

/// The value of a global or a module attribute, known while recording. The interpreter
/// promises that the value is still the same at every entry of the trace (it checks the
/// dicts' bindings before entering, see `docs/jit.md`, "Globals"); the trace holds it
/// as a constant.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Known {
    /// None, a bool, a 64-bit int or a float ([`Observed`]'s scalar cases).
    Scalar(Observed),
    /// An object.
    Obj(KnownObj),
}

/// The interpreter's answers about its frame, valid before the instruction being recorded
/// executes.
pub trait Observe {
    /// Local `n` (an index into the code's fast locals).
    fn local(&self, n: u32) -> Observed;
    /// Operand stack entry `depth` counted from the top (0 = top of stack); a range
    /// iterator with 64-bit bounds is [`Observed::RangeIter`], other objects
    /// [`Observed::Obj`].
    fn stack(&self, depth: u32) -> Observed;
    /// The operand stack depth (the whole stack: at the trace start, its depth is the
    /// entry stack's, see `docs/jit.md`, "Entry stack").
    fn stack_len(&self) -> u32;
    /// If stack entry `depth` (0 = top) is an exact `list` or `tuple` (not a subclass
    /// instance): its kind, length and element `index` (a negative one counts from the end,
    /// as `seq[index]` does; `None` when out of range). The default knows no sequences.
    fn stack_seq(&self, depth: u32, index: i64) -> Option<SeqObs> {
        let _ = (depth, index);
        None
    }
    /// If stack entry `dict` (0 = top) is an exact `dict` (not a subclass instance) and entry
    /// `key` an int or an exact `str` whose lookup in it runs no Python code: what it finds
    /// (`record/dict.rs`). The default knows no dicts.
    fn stack_dict(&self, dict: u32, key: u32) -> Option<crate::record::DictObs> {
        let _ = (dict, key);
        None
    }
    /// If stack entry `depth` (0 = top) is an exact `list`, `tuple`, `str` or `dict` (not a
    /// subclass instance, which may override `__len__`): its length, what `len` returns.
    /// The default knows none.
    fn stack_len_of(&self, depth: u32) -> Option<u64> {
        let _ = depth;
        None
    }
    /// If stack entry `depth` (0 = top) is an instance of a subclass of `list` whose class
    /// (with a plain metaclass) finds `list`'s own `dunder` (`__len__`, `__getitem__`,
    /// `__setitem__`, `__iter__`) along its MRO: its class word (the class's version tag
    /// pinned) and what [`Observe::stack_seq`] would say of a list (element `index`). The
    /// default knows none.
    fn stack_list_sub(&self, depth: u32, dunder: &str, index: i64) -> Option<(u64, SeqObs)> {
        let _ = (depth, dunder, index);
        None
    }
    /// At `LOAD_METHOD name` on a `super()` object of the running frame bound to an instance
    /// `obj`: the plain Python function `super(C, obj).name` finds, with `type(obj)`'s word
    /// (its version tag pinned). The default knows none.
    fn super_method(&self, name: u32) -> Option<SuperObs> {
        let _ = name;
        None
    }
    /// If stack entry `depth` is a list or tuple iterator (over any list or tuple, subclass
    /// instances included): the index it yields next and its sequence, with the element at
    /// that index. The default knows no sequence iterators.
    fn stack_seq_iter(&self, depth: u32) -> Option<(u64, SeqObs)> {
        let _ = depth;
        None
    }
    /// If stack entry `depth` (0 = top) is an `enumerate` with an int count over one list,
    /// tuple or unit-step range iterator, or a `zip` of 1 to [`MAX_ZIP`] distinct such
    /// iterators: their state (`record/wrap.rs`). The default knows none.
    fn stack_wrap_iter(&self, depth: u32) -> Option<WrapObs> {
        let _ = depth;
        None
    }
    /// What `LOAD_GLOBAL name` (an index into the code's names) pushes now, if the
    /// interpreter can pin it for the trace's lifetime: the interpreter then checks at each
    /// trace entry that the binding is unchanged. `None` (the default): the recorder aborts.
    fn global(&self, name: u32) -> Option<Known> {
        let _ = name;
        None
    }
    /// With a module on top of the stack: the value of its attribute `name` (an index into
    /// the code's names), pinned like [`Observe::global`]. `None` (the default): abort.
    fn module_attr(&self, name: u32) -> Option<Known> {
        let _ = name;
        None
    }
    /// The marker `LOAD_METHOD` pushes below a non-method attribute, as a known object.
    /// `None` (the default): the recorder aborts such a `LOAD_METHOD`.
    fn null(&self) -> Option<KnownObj> {
        None
    }
    /// With a list on top of the stack: the method `LOAD_METHOD name` finds on it, as a
    /// known object, when the recorder knows it ([`Builtin::ListAppend`]; an exact dict's
    /// [`Builtin::DictGet`]). An exact list's
    /// methods cannot change: the `list` type is immutable and its instances have no
    /// `__dict__`; for an instance of a subclass see [`Observe::list_subclass`]. `None` (the
    /// default): abort.
    fn list_method(&self, name: u32) -> Option<KnownObj> {
        let _ = name;
        None
    }

    /// With [`Observe::list_method`] answering for an instance of a subclass of `list`
    /// whose `append` is `list.append`: its class word and the shape of its instance dict
    /// without the name (0: no dict), for the `@attr_absent` guard (the class's version tag
    /// is pinned). `None` (the default): an exact list, or not recorded.
    fn list_subclass(&self, name: u32) -> Option<(u64, u32)> {
        let _ = name;
        None
    }

    /// The code of known object `key` when it is a plain Python function that a call with
    /// exactly `nargs` positional arguments binds by copying them into its first locals
    /// (no defaults used, no keywords, `*args`, `**kwargs`, cells, closure, generator).
    /// `None` (the default): the call aborts.
    fn inline_target(&self, key: u32, nargs: u32) -> Option<CodeInfo> {
        let _ = (key, nargs);
        None
    }

    /// For a function trace's opaque call (`record/func.rs`): the address of known object
    /// `key` when it is a plain Python function that a call with `nargs` positional
    /// arguments binds by copying them (as [`Observe::inline_target`]); the trace passes it
    /// to the call helper. `None` (the default): the call aborts.
    fn call_target(&self, key: u32, nargs: u32) -> Option<u64> {
        let _ = (key, nargs);
        None
    }

    /// For a loop trace's opaque call (`record/pycall.rs`): the object word of known object
    /// `key` (kept alive by its pin while the trace exists), passed to the call helper as
    /// the callable. `None` (the default): the call aborts.
    fn known_word(&self, key: u32) -> Option<u64> {
        let _ = key;
        None
    }

    /// Before `LOAD_CONST idx` of a constant that is no None/bool/int/float (a str,
    /// bytes, tuple, frozenset, big int, code object, ...): its object word. The code
    /// object that holds the constant keeps it alive as long as the code (and with it the
    /// trace's loop entry, and any inlined caller's pin on the function) exists. `None`
    /// (the default): the recording aborts (`UnsupportedConstant`).
    fn const_word(&self, idx: u32) -> Option<u64> {
        let _ = idx;
        None
    }

    /// Whether local `n` holds an exact `str`. The default: no.
    fn local_str(&self, n: u32) -> bool {
        let _ = n;
        false
    }

    /// Whether stack entry `depth` (0 = top) is an exact `str` (not a subclass instance,
    /// which may override `__eq__`). The default: no.
    fn stack_str(&self, depth: u32) -> bool {
        let _ = depth;
        false
    }

    /// Before `YIELD_VALUE`: whether a consumer's sink (the VM's `generator::GenSink`) is
    /// installed for this frame (`record/sink.rs`). The default: no.
    fn sink(&self) -> bool {
        false
    }

    /// Before `LOAD_DEREF idx`: the frame slot of cell or free variable `idx` (the number
    /// of fast locals plus `idx`) and its content as observed (`Observed::Unbound` for an
    /// empty cell). `None` (the default): the slot holds no cell, and the recording aborts.
    fn deref(&self, idx: u32) -> Option<(u32, Observed)> {
        let _ = idx;
        None
    }

    /// Before `LOAD_ATTR` / `LOAD_METHOD` / `STORE_ATTR` on an instance (the object on top
    /// of the stack): where the attribute is, as the interpreter's inline caches find it
    /// (`record/attr.rs`). By answering, the interpreter pins the class's version tag (checked
    /// at every entry of the trace, like a global binding). `None` (the default): abort.
    fn attr(&self) -> Option<AttrObs> {
        None
    }

    /// Before `[isinstance, x, C] CALL 2`: `isinstance(x, C)` when `C` is a class whose
    /// metaclass is `type` itself (no `__instancecheck__` can run) and the answer depends on
    /// `x`'s class only; by answering, the interpreter pins that class's version tag when it
    /// is a heap class (its bases could change). `None` (the default): not folded.
    fn isinstance(&self) -> Option<InstObs> {
        None
    }

    /// Before `COMPARE_OP ==` or `!=` of two objects, or of an object and None: the
    /// operands' classes when `==`/`!=` is identity for them (instances of heap classes
    /// whose `__eq__` and `__ne__` are `object`'s: CPython's `object_richcompare` then
    /// falls back to `is`), with those classes' version tags pinned. `None` (the default):
    /// not recorded.
    fn identity_eq(&self) -> Option<EqObs> {
        None
    }

    /// For a call of known object `key` with `nargs` arguments (`record/alloc.rs`): when it
    /// is a plain class (a heap class whose metaclass is `type`, with `object.__new__` and
    /// `object.__setattr__`, instances of the plain object layout) whose `__init__` is a
    /// plain Python function taking the new instance and exactly the `nargs` arguments,
    /// how to make the instance and the `__init__` to inline. By answering, the interpreter
    /// pins the class's version tag. `None` (the default): the call is an opaque call.
    fn init_target(&self, key: u32, nargs: u32) -> Option<InitTarget> {
        let _ = (key, nargs);
        None
    }

    /// For a loop call (`record/pycall.rs`, "Loop calls"): when known object `key` is a
    /// plain Python function called with exactly its `nargs` positional parameters whose
    /// code has a loop with a compiled root trace (no entry stack) at its first loop's
    /// header, the code's information, the header's index and the function's object word.
    /// `None` (the default): the call is an ordinary opaque call.
    fn loop_call_target(&self, key: u32, nargs: u32) -> Option<(CodeInfo, u32, u64)> {
        let _ = (key, nargs);
        None
    }

    /// The compiled root trace whose loop header is instruction `pc` of the recorded code,
    /// if any: a recording that reaches it ends with a `link` into it (`record/link.rs`).
    /// The default answers none.
    fn link_target(&self, pc: u32) -> Option<LinkTarget> {
        let _ = pc;
        None
    }
}

/// What [`Observe::isinstance`] answers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct InstObs {
    /// The class word of `x` when it is an object (0 for None/bool/int/float, whose type
    /// the trace knows by its tag).
    pub cls: u64,
    /// `isinstance(x, C)` now (the same for every `x` of that class).
    pub result: bool,
}

/// What [`Observe::identity_eq`] answers: the class words of the two operands (0 for
/// None).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct EqObs {
    /// The left operand's class word (0: None).
    pub a: u64,
    /// The right operand's.
    pub b: u64,
}

/// A compiled trace a recording may end in (see [`Observe::link_target`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct LinkTarget {
    /// The trace's name (the `link @name` operand; compiled before the linking trace).
    pub name: String,
    /// Its entry stack depth `d` (a link needs the same depth: the entry buffer's layout).
    pub depth: u32,
    /// The tag each frame slot must hold at its entry (its entry guards).
    pub entry: Vec<(u32, Tag)>,
    /// Whether a trace of the target's code makes opaque calls or slice stores
    /// (`Recorder::checks_run_mark`): a link into it keeps the borrowed object words it
    /// stores instead of marking the run (`link.rs`, `KEEP_FOREIGN_MAX`).
    pub calls: bool,
}

/// Where an attribute of an instance is ([`Observe::attr`]). `cls` is the object word of
/// the instance's class (its version tag pinned); a *shape* is an instance dict's shape id
/// (never 0); `absent` is the shape of an instance dict without the name, or 0 when the
/// instance has no dict.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum AttrObs {
    /// In the instance dict, of shape `shape`, at entry position `pos`; its value now.
    Dict {
        /// The class's object word.
        cls: u64,
        /// The dict's shape.
        shape: u32,
        /// The entry position.
        pos: u32,
        /// The value there.
        value: Observed,
    },
    /// In `__slots__` slot `pos`; its value now (unbound: [`Observed::Unbound`]).
    Slot {
        /// The class's object word.
        cls: u64,
        /// The slot index.
        pos: u32,
        /// The number of slots of the instance (the class's).
        nslots: u32,
        /// The value there.
        value: Observed,
    },
    /// `STORE_ATTR` of a name the instance dict does not have: the store appends it, taking
    /// the dict from shape `before` to shape `after` (`record/alloc.rs`: recorded only on an
    /// instance the trace made).
    DictAdd {
        /// The class's object word.
        cls: u64,
        /// The dict's shape before the store.
        before: u32,
        /// Its shape after it.
        after: u32,
        /// The attribute name's object word (an exact str the code's names keep alive).
        name: u64,
    },
    /// `LOAD_METHOD`: a plain Python function on the class, not shadowed by the instance
    /// dict.
    Method {
        /// The class's object word.
        cls: u64,
        /// The instance dict's shape (without the name), 0: no dict.
        absent: u32,
        /// The function, as a known object.
        func: KnownObj,
    },
    /// `LOAD_ATTR`: a None/bool/int/float class attribute not shadowed by the instance dict.
    ClassValue {
        /// The class's object word.
        cls: u64,
        /// The instance dict's shape (without the name), 0: no dict.
        absent: u32,
        /// The value.
        value: Observed,
    },
    /// `LOAD_ATTR` on a known class (a pinned global: `Direction.FORWARD`): a
    /// None/bool/int/float attribute found along its MRO (its version tag pinned).
    TypeValue {
        /// The value.
        value: Observed,
    },
    /// `LOAD_METHOD` on a known class: a `staticmethod` (pushes `[func, NULL]`) or a
    /// `classmethod` (`bound`: pushes `[func, class]`, bm_deltablue's
    /// `Strength.stronger(a, b)`) of a plain Python function found along its MRO.
    TypeFunc {
        /// The function, as a known object.
        func: KnownObj,
        /// A classmethod: called with the class as its first argument.
        bound: bool,
    },
}

/// A list or tuple as the recorder sees it ([`Observe::stack_seq`]).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct SeqObs {
    /// A list (else a tuple).
    pub list: bool,
    /// The number of elements.
    pub len: u64,
    /// The element asked about (`None` when the index is out of range).
    pub item: Option<Observed>,
}

/// The most iterators a recorded `zip` may combine (the entry buffer has room for that
/// many parts per entry, [`crate::record::ENTRY_SLOTS`]).
pub const MAX_ZIP: usize = 3;

/// One iterator under an `enumerate` or a `zip` ([`WrapObs`]).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum PartObs {
    /// A range iterator (`next`, `stop`, `step`; the step is 1 or -1).
    Range {
        /// The value it yields next.
        next: i64,
        /// The exclusive bound.
        stop: i64,
        /// 1 or -1.
        step: i64,
    },
    /// A list or tuple iterator at `index` of `seq` (with the element at `index`).
    Seq {
        /// The index it yields next.
        index: u64,
        /// The sequence.
        seq: SeqObs,
    },
}

/// An `enumerate` or `zip` entry-stack iterator as the recorder sees it
/// ([`Observe::stack_wrap_iter`]).
#[derive(Clone, PartialEq, Debug)]
pub struct WrapObs {
    /// `Some(count)` for an `enumerate` (exactly one part), `None` for a `zip`.
    pub count: Option<i64>,
    /// The iterators, in order (1 to [`MAX_ZIP`]).
    pub parts: Vec<PartObs>,
}

/// A `LOAD_CONST` operand as the recorder sees it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ConstVal {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A float.
    Float(f64),
    /// Any other constant (the recorder aborts on it); the type name for the abort detail.
    Other(&'static str),
}

/// How to make an instance of a plain class and run its `__init__` in a trace
/// ([`Observe::init_target`], `record/alloc.rs`).
#[derive(Clone, PartialEq, Debug)]
pub struct InitTarget {
    /// The class's object word (kept alive by its pin while the trace exists).
    pub cls: u64,
    /// Whether instances have a `__dict__`.
    pub has_dict: bool,
    /// The number of `__slots__` slots of instances.
    pub nslots: u32,
    /// The number of arguments of the call (`__init__` takes one more: the instance).
    pub nargs: u32,
    /// The capacity (entries, at most 5) the instance dict is made with, so the stores of
    /// `__init__` append without growing it (0: the default; ignored without a dict).
    pub presize: i64,
    /// The `__init__` function, as a known object.
    pub init: KnownObj,
    /// Its code.
    pub code: CodeInfo,
}

/// What the recorder needs of a code object: its name, the number of frame slots (so
/// snapshot slot `nlocals + i` is stack entry `i`), and the constants.
#[derive(Clone, PartialEq, Debug)]
pub struct CodeInfo {
    /// The code's name (for the trace's name).
    pub name: String,
    /// The number of frame slots: fast locals, then cells and free variables (CPython's
    /// "localsplus", the length of the VM's locals array). `LOAD_FAST n` is slot `n`; a cell
    /// or free slot is read only by `LOAD_DEREF` (`record/cell.rs`: the cell object, never
    /// written), and snapshot stack slots start above them.
    pub nlocals: u32,
    /// The constants, indexed by `LOAD_CONST`'s argument.
    pub consts: Vec<ConstVal>,
}

impl CodeInfo {
    /// The information of `code`.
    pub fn from_code(code: &CodeObject) -> CodeInfo {
        let consts = code
            .constants
            .iter()
            .map(|c| match c {
                Constant::None => ConstVal::None,
                Constant::Bool(b) => ConstVal::Bool(*b),
                Constant::Int(k) => ConstVal::Int(*k),
                Constant::Float(x) => ConstVal::Float(*x),
                Constant::BigInt(_) => ConstVal::Other("big int"),
                Constant::Complex(..) => ConstVal::Other("complex"),
                Constant::Str(_) => ConstVal::Other("str"),
                Constant::Bytes(_) => ConstVal::Other("bytes"),
                Constant::Tuple(_) => ConstVal::Other("tuple"),
                Constant::FrozenSet(_) => ConstVal::Other("frozenset"),
                Constant::Code(_) => ConstVal::Other("code"),
                Constant::Ellipsis => ConstVal::Other("ellipsis"),
            })
            .collect();
        CodeInfo {
            name: code.name.to_string(),
            nlocals: u32::try_from(code.varnames.len() + code.cellvars.len() + code.freevars.len()).unwrap_or(u32::MAX),
            consts,
        }
    }
}
