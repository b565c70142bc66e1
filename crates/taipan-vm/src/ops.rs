//! The object protocols: truth, hashing, equality and ordering, repr/str, length,
//! iteration, subscription and containment. Built-in kinds are handled natively; other
//! objects dispatch to their special methods (`__eq__`, `__hash__`, `__len__`...), as
//! CPython's `Objects/abstract.c` and `Objects/object.c` do.

use std::rc::Rc;

use taipan_bytecode::ComparisonOperator;

use crate::dict::Lookup;
use crate::numops::to_pyint;
use crate::object::{IterState, Layout, ObjKind};
use crate::types::tdata;
use crate::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Hash of a str (stable within a process; `hash('') == 0`).
pub fn hash_str(s: &str) -> i64 {
    crate::support::hash::hash_str(s)
}

/// Longest name (in bytes) [`cached_name_hash`] keeps; longer ones are hashed each time.
const NAME_CACHE_TEXT: usize = 40;

/// Entries of the [`cached_name_hash`] table (a power of two).
const NAME_CACHE_SIZE: usize = 512;

/// One entry of the name-hash cache: text address, length, a copy of the text (so a
/// reused address with other text never matches) and the hash.
#[derive(Copy, Clone)]
struct NameHashEntry {
    addr: usize,
    len: usize,
    text: [u8; NAME_CACHE_TEXT],
    hash: i64,
}

/// `hash_str` with a per-thread direct-mapped cache keyed by the text's address and length
/// and checked against a copy of the text (special method names are `&'static str`
/// literals looked up over and over).
pub fn cached_name_hash(name: &str) -> i64 {
    thread_local! {
        static CACHE: std::cell::RefCell<[NameHashEntry; NAME_CACHE_SIZE]> = const {
            std::cell::RefCell::new([NameHashEntry { addr: 0, len: usize::MAX, text: [0; NAME_CACHE_TEXT], hash: 0 }; NAME_CACHE_SIZE])
        };
    }
    let bytes = name.as_bytes();
    if bytes.len() > NAME_CACHE_TEXT {
        return hash_str(name);
    }
    let addr = name.as_ptr() as usize;
    let idx = ((addr >> 3) ^ (addr >> 11) ^ bytes.len()) & (NAME_CACHE_SIZE - 1);
    CACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            return hash_str(name);
        };
        let Some(e) = c.get_mut(idx) else { return hash_str(name) };
        if e.addr == addr && e.len == bytes.len() && e.text.get(..bytes.len()) == Some(bytes) {
            return e.hash;
        }
        let h = hash_str(name);
        e.addr = addr;
        e.len = bytes.len();
        if let Some(dst) = e.text.get_mut(..bytes.len()) {
            dst.copy_from_slice(bytes);
        }
        e.hash = h;
        h
    })
}

/// The hash of a str value, cached in the str object (0 for non-str values).
#[inline]
pub fn str_value_hash(v: &Value) -> i64 {
    match v.kind() {
        Some(ObjKind::Str(s)) => {
            let c = s.cached_hash();
            if c != -1 {
                return c;
            }
            let h = hash_str(s.as_str());
            s.set_hash(h);
            h
        }
        _ => 0,
    }
}

/// Looks up a str-valued key (an interned name) in a dict object: identity first, then text.
#[inline]
pub fn dict_get_name(d: &Obj, name: &Value) -> Option<Value> {
    let ObjKind::Dict(cell) = &d.kind else { return None };
    let h = str_value_hash(name);
    cell.borrow().get_name(h, name).cloned()
}

impl Vm {
    /// Looks a special method up on the class of `v` (not the instance), as CPython's
    /// `_PyType_Lookup` on `type(v)`.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        self.lookup_in_type(self.class_of(v), name)
    }

    /// Looks a str-valued `name` (an interned name from a code object) up along the MRO of
    /// type `t`, using the name's cached hash.
    pub fn lookup_in_type_name(&self, t: &Obj, name: &Value) -> Option<Value> {
        let h = str_value_hash(name);
        let td = tdata(t);
        if let ObjKind::Dict(d) = &td.dict.kind {
            if let Some(v) = d.borrow().get_name(h, name) {
                return Some(v.clone());
            }
        }
        for base in td.mro_tail.borrow().iter() {
            if let ObjKind::Dict(d) = &tdata(base).dict.kind {
                if let Some(v) = d.borrow().get_name(h, name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    /// The class attribute an *instance* of `t` sees for `name`: [`Vm::lookup_in_type_name`],
    /// except that `None` is returned when `obj` has `__slots__` storage and a class of the
    /// MRO declares `name` in its `__slots__` before any class whose namespace holds it. In
    /// CPython the slot is a member descriptor in the declaring class's `__dict__`
    /// (`Objects/typeobject.c`, `type_new_descriptors`), so it shadows a property or method
    /// of a base class the same way a class attribute would; taipan keeps slots out of the
    /// namespace, and `None` here sends the caller to the slot.
    pub fn lookup_for_instance(&self, t: &Obj, obj: &Value, name: &Value) -> Option<Value> {
        let found = self.lookup_in_type_name(t, name)?;
        if let Value::Obj(o) = obj
            && let ObjKind::Instance(Some(_)) = &o.kind
            && let Some(name_s) = name.as_str()
        {
            let h = str_value_hash(name);
            let tail = tdata(t).mro_tail.borrow();
            for c in std::iter::once(t).chain(tail.iter()) {
                let td = tdata(c);
                if let ObjKind::Dict(d) = &td.dict.kind
                    && d.borrow().get_name(h, name).is_some()
                {
                    break;
                }
                if td.slots.as_ref().is_some_and(|s| s.iter().any(|n| &**n == name_s)) {
                    return None;
                }
            }
        }
        Some(found)
    }

    /// Looks `name` up along the MRO of type `t`.
    pub fn lookup_in_type(&self, t: &Obj, name: &str) -> Option<Value> {
        let h = cached_name_hash(name);
        let td = tdata(t);
        if let Some(v) = dict_get_str(&td.dict, h, name) {
            return Some(v);
        }
        for base in td.mro_tail.borrow().iter() {
            if let Some(v) = dict_get_str(&tdata(base).dict, h, name) {
                return Some(v);
            }
        }
        None
    }

    /// Calls the special method `name` of `v` with extra args; `Ok(None)` if the class has
    /// no such method.
    pub fn call_special(&mut self, v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        match self.lookup_special(v, name) {
            None => Ok(None),
            Some(m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(v.clone());
                full.extend_from_slice(args);
                let f = self.bind_descriptor_for_call(&m, v)?;
                match f {
                    Some(bound) => self.call(&bound, args).map(Some),
                    None => self.call(&m, &full).map(Some),
                }
            }
        }
    }

    /// For a special method found on a class: `None` when it is a plain function (call it
    /// with `self` first), or the bound callable for other descriptors (staticmethod,
    /// classmethod, callables with `__get__`).
    fn bind_descriptor_for_call(&mut self, m: &Value, v: &Value) -> PyResult<Option<Value>> {
        match m.kind() {
            Some(ObjKind::Function(_)) | Some(ObjKind::Native(_)) => Ok(None),
            Some(ObjKind::StaticMethod(f)) => Ok(Some(f.clone())),
            Some(ObjKind::ClassMethod(f)) => {
                let cls = Value::Obj(self.class_of(v).clone());
                Ok(Some(self.new_bound_method(f.clone(), cls)))
            }
            _ => Ok(Some(m.clone())),
        }
    }

    // ----- truth -----

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::None => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                if let ObjKind::Instance(_) | ObjKind::Exception(_) = o.kind {
                    // an instance of a class without __bool__ and __len__ is true
                    if let Some(c) = &o.class {
                        let c = c.clone();
                        if self.class_facts(&c) & Self::FACT_ALWAYS_TRUE != 0 {
                            return Ok(true);
                        }
                    }
                    // otherwise the protocol below
                } else if tdata(o.class.as_ref().unwrap_or(&self.types.type_)).heap_type {
                    // subclass of a built-in: protocol below
                } else {
                    return Ok(match &o.kind {
                        ObjKind::Str(s) => s.char_len() > 0,
                        ObjKind::List(l) => !l.borrow().is_empty(),
                        ObjKind::Tuple(t) => !t.is_empty(),
                        ObjKind::Dict(d) => !d.borrow().is_empty(),
                        ObjKind::Set(s) => !s.borrow().is_empty(),
                        ObjKind::FrozenSet(s) => !s.is_empty(),
                        ObjKind::Bytes(b) => !b.is_empty(),
                        ObjKind::ByteArray(b) => !b.borrow().is_empty(),
                        ObjKind::Int(_) => true,
                        ObjKind::Float(f) => *f != 0.0,
                        ObjKind::Complex(re, im) => *re != 0.0 || *im != 0.0,
                        ObjKind::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                        ObjKind::BigRange { start, stop, step } => {
                            crate::builtins::range::big_len(start, stop, step) > dashu_int::IBig::ZERO
                        }
                        ObjKind::DictView { dict, .. } => match &dict.kind {
                            ObjKind::Dict(d) => !d.borrow().is_empty(),
                            _ => true,
                        },
                        _ => true,
                    });
                }
                if let Some(r) = self.call_special(v, "__bool__", &[])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => {
                            Err(self
                                .type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r))))
                        }
                    };
                }
                if let Some(r) = self.call_special(v, "__len__", &[])? {
                    let n = self.len_result(&r)?;
                    return Ok(n > 0);
                }
                Ok(true)
            }
        }
    }

    /// The length a `__len__` method returned, as CPython's `slot_sq_length` takes it: the
    /// value through `__index__` (TypeError for a non-integer), then `ValueError` when it is
    /// negative, then `OverflowError` when it does not fit an index-sized integer (63 bits).
    fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        let i = match r {
            Value::Int(n) if *n >= 0 => return Ok(*n as usize),
            Value::Bool(b) => return Ok(*b as usize),
            Value::Int(_) => return Err(self.value_error("__len__() should return >= 0")),
            _ => match to_pyint(r) {
                Some(i) => i,
                None => match self.call_special(r, "__index__", &[])? {
                    Some(x) => match to_pyint(&x) {
                        Some(i) => i,
                        None => {
                            return Err(
                                self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&x)))
                            );
                        }
                    },
                    None => {
                        return Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(r)
                        )));
                    }
                },
            },
        };
        if i.is_negative() {
            return Err(self.value_error("__len__() should return >= 0"));
        }
        match i.as_i64() {
            Some(n) => Ok(n as usize),
            None => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        }
    }

    // ----- length -----

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(ObjKind::BigRange { start, stop, step }) = v.kind() {
            let n = crate::builtins::range::big_len(start, stop, step);
            return match i64::try_from(&n) {
                Ok(n) => Ok(n as usize),
                Err(_) => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
            };
        }
        if let Value::Obj(o) = v {
            let n = match &o.kind {
                ObjKind::Str(s) => Some(s.char_len()),
                ObjKind::List(l) => Some(l.borrow().len()),
                ObjKind::Tuple(t) => Some(t.len()),
                ObjKind::Dict(d) => Some(d.borrow().len()),
                ObjKind::Set(s) => Some(s.borrow().len()),
                ObjKind::FrozenSet(s) => Some(s.len()),
                ObjKind::Bytes(b) => Some(b.len()),
                ObjKind::ByteArray(b) => Some(b.borrow().len()),
                ObjKind::Range { start, stop, step } => Some(range_len(*start, *stop, *step) as usize),
                ObjKind::DictView { dict, .. } => match &dict.kind {
                    ObjKind::Dict(d) => Some(d.borrow().len()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(n) = n {
                let cls = o.class.as_ref().unwrap_or(&self.types.type_);
                if !tdata(cls).heap_type {
                    return Ok(n);
                }
                // a subclass that keeps the built-in `__len__`
                let cls = cls.clone();
                if self.class_facts(&cls) & Self::FACT_NATIVE_LEN != 0 {
                    return Ok(n);
                }
            }
        }
        match self.call_special(v, "__len__", &[])? {
            Some(r) => self.len_result(&r),
            None => Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v)))),
        }
    }

    // ----- hashing -----

    /// `hash(v)`. The common cases (small ints, strs of built-in type with a cached hash)
    /// are answered inline; the rest goes to [`Vm::hash_general`].
    #[inline]
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(crate::support::hash::hash_i64(*i)),
            Value::Obj(o) => {
                if let ObjKind::Str(s) = &o.kind {
                    let c = s.cached_hash();
                    if c != -1 && !o.class.as_ref().is_some_and(|c| c.kind.is_heap_type()) {
                        return Ok(c);
                    }
                }
                self.hash_general(v)
            }
            _ => self.hash_general(v),
        }
    }

    /// `hash(v)` for any value (see [`Vm::hash`]).
    #[inline(never)]
    pub fn hash_general(&mut self, v: &Value) -> PyResult<i64> {
        use crate::support::hash as h;
        match v {
            Value::None => Ok(0x0f00_0000 + 0x1f),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(i) => Ok(h::hash_i64(*i)),
            Value::Float(f) => Ok(h::hash_f64(*f, v.id() as usize)),
            Value::Obj(o) => {
                let heap = o.class.as_ref().is_some_and(|c| tdata(c).heap_type);
                if !heap {
                    match &o.kind {
                        ObjKind::Str(s) => {
                            let c = s.cached_hash();
                            if c != -1 {
                                return Ok(c);
                            }
                            let x = hash_str(s.as_str());
                            s.set_hash(x);
                            return Ok(x);
                        }
                        ObjKind::Int(i) => return Ok(h::hash_bigint(i)),
                        ObjKind::Complex(re, im) => return Ok(h::hash_complex(*re, *im, v.id() as usize)),
                        ObjKind::Bytes(b) => return Ok(h::hash_bytes(b)),
                        ObjKind::Tuple(items) => {
                            let mut hs = Vec::with_capacity(items.len());
                            for it in items.iter() {
                                hs.push(self.hash(it)?);
                            }
                            return Ok(h::hash_tuple(hs));
                        }
                        ObjKind::FrozenSet(s) => {
                            let hs: Vec<i64> = s.iter_hashed().map(|(x, _)| x).collect();
                            return Ok(h::hash_frozenset(hs));
                        }
                        ObjKind::List(_) | ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::ByteArray(_) => {
                            return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))));
                        }
                        ObjKind::Slice { .. } => {
                            return Err(self.type_error("unhashable type: 'slice'"));
                        }
                        ObjKind::Instance(_) | ObjKind::Exception(_) => {}
                        _ => return Ok(identity_hash(v)),
                    }
                }
                match self.lookup_special(v, "__hash__") {
                    Some(Value::None) => Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v)))),
                    Some(m) if !is_object_default(&m) => {
                        let r = self.call(&m, std::slice::from_ref(v))?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            Value::Obj(ref ro) if matches!(ro.kind, ObjKind::Int(_)) => {
                                if let ObjKind::Int(i) = &ro.kind {
                                    Ok(h::hash_bigint(i))
                                } else {
                                    Ok(0)
                                }
                            }
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                    _ => {
                        if let ObjKind::Str(s) = &o.kind {
                            return Ok(hash_str(s.as_str()));
                        }
                        if let ObjKind::Int(i) = &o.kind {
                            return Ok(h::hash_bigint(i));
                        }
                        Ok(identity_hash(v))
                    }
                }
            }
        }
    }

    // ----- equality and ordering -----

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::dict::native_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, ComparisonOperator::Equal)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (sorting, min/max).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x < y),
            (Value::Float(x), Value::Float(y)) => return Ok(x < y),
            _ => {}
        }
        let r = self.compare(a, b, ComparisonOperator::Less)?;
        self.truthy(&r)
    }

    /// Most classes remembered by [`Vm::class_facts`].
    pub const FACTS_CACHE_MAX: usize = 64;

    /// [`Vm::class_facts`] bit: `__eq__` and `__ne__` are `object`'s (equality is identity).
    pub const FACT_DEFAULT_EQ: u8 = 1;
    /// [`Vm::class_facts`] bit: no `__bool__` and no `__len__` (instances are always true).
    pub const FACT_ALWAYS_TRUE: u8 = 2;
    /// [`Vm::class_facts`] bit: `__len__` is the native one of the built-in type whose
    /// layout the class's instances use (a `list`/`dict`/`str`... subclass that does not
    /// override it), so `len()` may read the payload's length directly.
    pub const FACT_NATIVE_LEN: u8 = 4;
    /// [`Vm::class_facts`] bit: `__iter__` is a native method (a `list`/`tuple`/`dict`...
    /// subclass that does not override it), so `iter()` builds the built-in iterator over
    /// the payload without looking `__iter__` up along the MRO (CPython's `tp_iter` slot,
    /// inherited by the subclass).
    pub const FACT_NATIVE_ITER: u8 = 8;
    /// [`Vm::class_facts`] bit: no `__get__` on the MRO, so an instance of the class stored
    /// as a class attribute is read as itself (not a descriptor: `Vm::type_get_attr`).
    pub const FACT_NO_GET: u8 = 16;

    /// Whether `a == b` and `a != b` are decided by identity, by the rule of
    /// [`Vm::compare`] (one of the two classes is defined in Python and both keep
    /// object's `__eq__` and `__ne__`): the facts of both classes computed (and
    /// remembered) if needed. For choosing `COMPARE_OP_IDENTITY_JUMP`.
    pub fn eq_is_identity(&mut self, a: &Value, b: &Value) -> bool {
        let (ta, tb) = (self.class_of(a).clone(), self.class_of(b).clone());
        (ta.kind.is_heap_type() || tb.kind.is_heap_type())
            && self.class_facts(&ta) & Self::FACT_DEFAULT_EQ != 0
            && self.class_facts(&tb) & Self::FACT_DEFAULT_EQ != 0
    }

    /// [`Vm::eq_is_identity`] from the facts the classes remember at their current
    /// version tags only (false when either class has none: the caller takes
    /// [`Vm::compare`], which computes them). The hit check of
    /// `COMPARE_OP_IDENTITY_JUMP`: no lookup, no reference count.
    #[inline(always)]
    pub fn eq_is_identity_cached(&self, a: &Value, b: &Value) -> bool {
        fn default_eq(t: &Obj) -> bool {
            let ObjKind::Type(td) = &t.kind else { return false };
            matches!(td.facts.get(), Some((v, facts)) if v == td.version.get() && facts & Vm::FACT_DEFAULT_EQ != 0)
        }
        let (ta, tb) = (self.class_of(a), self.class_of(b));
        (ta.kind.is_heap_type() || tb.kind.is_heap_type()) && default_eq(ta) && default_eq(tb)
    }

    /// Facts about class `t`'s special methods (the `FACT_*` bits), found by MRO lookups
    /// once per class and version tag (any change to the class or a base bumps the tag),
    /// remembered on the class itself (`TypeData::facts`).
    pub fn class_facts(&mut self, t: &Obj) -> u8 {
        let ObjKind::Type(td) = &t.kind else { return 0 };
        let version = td.version.get();
        if let Some((v, facts)) = td.facts.get()
            && v == version
        {
            return facts;
        }
        let is_object_native = |m: Option<Value>| matches!(m.as_ref().and_then(|m| m.kind()), Some(ObjKind::Native(n)) if n.owner == "object");
        let mut facts = 0;
        if is_object_native(self.lookup_in_type(t, "__eq__")) && is_object_native(self.lookup_in_type(t, "__ne__")) {
            facts |= Self::FACT_DEFAULT_EQ;
        }
        let len = self.lookup_in_type(t, "__len__");
        if self.lookup_in_type(t, "__bool__").is_none() && len.is_none() {
            facts |= Self::FACT_ALWAYS_TRUE;
        }
        let base_name = match td.layout {
            Layout::Str => "str",
            Layout::Bytes => "bytes",
            Layout::ByteArray => "bytearray",
            Layout::Tuple => "tuple",
            Layout::List => "list",
            Layout::Dict => "dict",
            Layout::Set => "set",
            Layout::FrozenSet => "frozenset",
            _ => "",
        };
        if !base_name.is_empty()
            && matches!(len.as_ref().and_then(|m| m.kind()), Some(ObjKind::Native(n)) if n.is_method && n.receiver.is_none() && n.name == "__len__" && n.owner == base_name)
        {
            facts |= Self::FACT_NATIVE_LEN;
        }
        if self
            .lookup_in_type(t, "__iter__")
            .is_some_and(|m| is_builtin_method(&m))
        {
            facts |= Self::FACT_NATIVE_ITER;
        }
        if self.lookup_in_type(t, "__get__").is_none() {
            facts |= Self::FACT_NO_GET;
        }
        td.facts.set(Some((version, facts)));
        facts
    }

    /// Whether the instance `v` (a candidate class attribute) is not a descriptor: its
    /// class has no `__get__` ([`Vm::FACT_NO_GET`], computed and remembered if needed).
    pub fn instance_is_plain(&mut self, v: &Value) -> bool {
        let cls = self.class_of(v).clone();
        self.class_facts(&cls) & Self::FACT_NO_GET != 0
    }

    /// Rich comparison `a op b` (CPython's `PyObject_RichCompare`).
    pub fn compare(&mut self, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
        let heap = self.class_of(a).kind.is_heap_type() || self.class_of(b).kind.is_heap_type();
        if !heap {
            if let Some(r) = crate::numops::compare_numbers(self, a, b, op) {
                return Ok(Value::Bool(r));
            }
            // containers compare their items recursively: bound the depth as CPython's
            // Py_EnterRecursiveCall(" in comparison") (self-referential lists would
            // otherwise overflow the native stack)
            let container = matches!(
                a.kind(),
                Some(ObjKind::Tuple(_) | ObjKind::List(_) | ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::FrozenSet(_))
            );
            let r = if container {
                self.depth += 1;
                let r = match self.check_stack() {
                    Ok(()) => self.compare_builtin(a, b, op),
                    Err(e) => {
                        if let Some(d) = Vm::exc_data(&e.0) {
                            let m = self.new_str("maximum recursion depth exceeded in comparison");
                            d.borrow_mut().args = self.new_tuple(vec![m]);
                        }
                        Err(e)
                    }
                };
                self.depth -= 1;
                r
            } else {
                self.compare_builtin(a, b, op)
            };
            if let Some(r) = r? {
                return Ok(r);
            }
        }
        // Reflected first if b's type is a proper subclass of a's and overrides the method.
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        // `==`/`!=` between objects whose classes keep object's __eq__/__ne__: identity
        // (object.__eq__ answers `is` or NotImplemented both ways, then the fallback is `is`)
        if heap
            && matches!(op, ComparisonOperator::Equal | ComparisonOperator::NotEqual)
            && self.class_facts(&ta) & Self::FACT_DEFAULT_EQ != 0
            && self.class_facts(&tb) & Self::FACT_DEFAULT_EQ != 0
        {
            return Ok(Value::Bool(a.is(b) == (op == ComparisonOperator::Equal)));
        }
        let swapped = op.swapped();
        let mut checked_reflected = false;
        if !Rc::ptr_eq(&ta, &tb) && crate::types::is_subtype(&tb, &ta) {
            checked_reflected = true;
            if let Some(r) = self.call_special(b, swapped.dunder(), std::slice::from_ref(a))? {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_special(a, op.dunder(), std::slice::from_ref(b))? {
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !checked_reflected {
            if let Some(r) = self.call_special(b, swapped.dunder(), std::slice::from_ref(a))? {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if heap {
            if let Some(r) = crate::numops::compare_numbers(self, a, b, op) {
                return Ok(Value::Bool(r));
            }
            if let Some(r) = self.compare_builtin(a, b, op)? {
                return Ok(r);
            }
        }
        match op {
            ComparisonOperator::Equal => Ok(Value::Bool(a.is(b))),
            ComparisonOperator::NotEqual => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Comparisons between built-in sequences and strs; `None` if not applicable.
    fn compare_builtin(&mut self, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Option<Value>> {
        let (Value::Obj(oa), Value::Obj(ob)) = (a, b) else {
            return Ok(None);
        };
        use ComparisonOperator::*;
        let ord_to = |o: std::cmp::Ordering| -> bool {
            match op {
                Less => o.is_lt(),
                LessEqual => o.is_le(),
                Equal => o.is_eq(),
                NotEqual => o.is_ne(),
                Greater => o.is_gt(),
                GreaterEqual => o.is_ge(),
            }
        };
        match (&oa.kind, &ob.kind) {
            (ObjKind::Str(x), ObjKind::Str(y)) => Ok(Some(Value::Bool(ord_to(
                taipan_bytecode::surrogate::cmp_code_points(x.as_str(), y.as_str()),
            )))),
            (ObjKind::Bytes(x), ObjKind::Bytes(y)) => Ok(Some(Value::Bool(ord_to(x.cmp(y))))),
            (ObjKind::Tuple(x), ObjKind::Tuple(y)) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (ObjKind::List(x), ObjKind::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (ObjKind::Dict(_), ObjKind::Dict(_)) if matches!(op, Equal | NotEqual) => {
                let e = crate::builtins::dict::dict_equal(self, oa, ob)?;
                Ok(Some(Value::Bool(if op == Equal { e } else { !e })))
            }
            (ObjKind::Set(_) | ObjKind::FrozenSet(_), ObjKind::Set(_) | ObjKind::FrozenSet(_)) => {
                crate::builtins::set::set_compare(self, a, b, op).map(Some)
            }
            (ObjKind::BoundMethod { func: f1, receiver: r1 }, ObjKind::BoundMethod { func: f2, receiver: r2 })
                if matches!(op, Equal | NotEqual) =>
            {
                let e = f1.is(f2) && r1.is(r2);
                Ok(Some(Value::Bool(if op == Equal { e } else { !e })))
            }
            (ObjKind::BigRange { .. }, ObjKind::BigRange { .. } | ObjKind::Range { .. })
            | (ObjKind::Range { .. }, ObjKind::BigRange { .. })
                if matches!(op, Equal | NotEqual) =>
            {
                let parts = |k: &ObjKind| -> (dashu_int::IBig, dashu_int::IBig, dashu_int::IBig) {
                    match k {
                        ObjKind::BigRange { start, stop, step } => (start.clone(), stop.clone(), step.clone()),
                        ObjKind::Range { start, stop, step } => ((*start).into(), (*stop).into(), (*step).into()),
                        _ => (dashu_int::IBig::ZERO, dashu_int::IBig::ZERO, dashu_int::IBig::ONE),
                    }
                };
                let (s1, e1, t1) = parts(&oa.kind);
                let (s2, e2, t2) = parts(&ob.kind);
                let (n1, n2) = (
                    crate::builtins::range::big_len(&s1, &e1, &t1),
                    crate::builtins::range::big_len(&s2, &e2, &t2),
                );
                let one = dashu_int::IBig::ONE;
                let e = n1 == n2 && (n1 == dashu_int::IBig::ZERO || (s1 == s2 && (n1 == one || t1 == t2)));
                Ok(Some(Value::Bool(if op == Equal { e } else { !e })))
            }
            (
                ObjKind::Range {
                    start: s1,
                    stop: e1,
                    step: t1,
                },
                ObjKind::Range {
                    start: s2,
                    stop: e2,
                    step: t2,
                },
            ) if matches!(op, Equal | NotEqual) => {
                // CPython's range_equals: same length, and (if non-empty) same start and
                // (if longer than one) same step
                let (n1, n2) = (range_len(*s1, *e1, *t1), range_len(*s2, *e2, *t2));
                let e = n1 == n2 && (n1 == 0 || (s1 == s2 && (n1 == 1 || t1 == t2)));
                Ok(Some(Value::Bool(if op == Equal { e } else { !e })))
            }
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison of two sequences (CPython's `list_richcompare`).
    pub fn compare_sequences(&mut self, x: &[Value], y: &[Value], op: ComparisonOperator) -> PyResult<Value> {
        use ComparisonOperator::*;
        if matches!(op, Equal | NotEqual) && x.len() != y.len() {
            return Ok(Value::Bool(op == NotEqual));
        }
        let n = x.len().min(y.len());
        for i in 0..n {
            if !self.eq(&x[i], &y[i])? {
                return match op {
                    Equal => Ok(Value::Bool(false)),
                    NotEqual => Ok(Value::Bool(true)),
                    _ => self.compare(&x[i], &y[i], op),
                };
            }
        }
        let o = x.len().cmp(&y.len());
        Ok(Value::Bool(match op {
            Less => o.is_lt(),
            LessEqual => o.is_le(),
            Equal => o.is_eq(),
            NotEqual => o.is_ne(),
            Greater => o.is_gt(),
            GreaterEqual => o.is_ge(),
        }))
    }

    // ----- repr and str -----

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        crate::repr::repr(self, v)
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        crate::repr::to_str(self, v)
    }

    // ----- iteration -----

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            // (a heap type: its `__iter__` must be a native one, a per-class fact cached
            // on the class and its version tag, `Vm::class_facts`)
            let native = match &o.class {
                Some(c) if tdata(c).heap_type => self.class_facts(c) & Self::FACT_NATIVE_ITER != 0,
                _ => true,
            };
            if native {
                let (state, ty) = match &o.kind {
                    ObjKind::List(_) => (
                        IterState::List {
                            seq: o.clone(),
                            index: 0,
                        },
                        &self.types.list_iterator,
                    ),
                    ObjKind::Tuple(_) => (
                        IterState::Tuple {
                            seq: o.clone(),
                            index: 0,
                        },
                        &self.types.tuple_iterator,
                    ),
                    ObjKind::Str(_) => (
                        IterState::Str {
                            s: o.clone(),
                            byte_pos: 0,
                        },
                        &self.types.str_iterator,
                    ),
                    ObjKind::Bytes(_) | ObjKind::ByteArray(_) => (
                        IterState::Bytes {
                            seq: o.clone(),
                            index: 0,
                        },
                        &self.types.bytes_iterator,
                    ),
                    ObjKind::Range { start, stop, step } => (
                        IterState::Range {
                            next: *start,
                            stop: *stop,
                            step: *step,
                        },
                        &self.types.range_iterator,
                    ),
                    ObjKind::Dict(d) => {
                        let len = d.borrow().len();
                        (
                            IterState::Dict {
                                dict: o.clone(),
                                pos: 0,
                                len,
                                which: crate::object::DictViewKind::Keys,
                            },
                            &self.types.dict_keyiterator,
                        )
                    }
                    ObjKind::DictView { dict, which } => {
                        let len = match &dict.kind {
                            ObjKind::Dict(d) => d.borrow().len(),
                            _ => 0,
                        };
                        let ty = match which {
                            crate::object::DictViewKind::Keys => &self.types.dict_keyiterator,
                            crate::object::DictViewKind::Values => &self.types.dict_valueiterator,
                            crate::object::DictViewKind::Items => &self.types.dict_itemiterator,
                        };
                        (
                            IterState::Dict {
                                dict: dict.clone(),
                                pos: 0,
                                len,
                                which: *which,
                            },
                            ty,
                        )
                    }
                    ObjKind::Set(s) => {
                        let len = s.borrow().len();
                        (
                            IterState::Set {
                                set: o.clone(),
                                pos: 0,
                                len,
                            },
                            &self.types.set_iterator,
                        )
                    }
                    ObjKind::FrozenSet(s) => {
                        let len = s.len();
                        (
                            IterState::Set {
                                set: o.clone(),
                                pos: 0,
                                len,
                            },
                            &self.types.set_iterator,
                        )
                    }
                    ObjKind::BigRange { .. } => (
                        IterState::SeqIndex {
                            seq: v.clone(),
                            index: 0,
                        },
                        &self.types.range_iterator,
                    ),
                    ObjKind::Iter(_) | ObjKind::Generator(_) | ObjKind::File(_) => return Ok(v.clone()),
                    _ => return self.iter_protocol(v),
                };
                let ty = ty.clone();
                let state = match self.reuse_iter(&ty, state) {
                    Ok(it) => return Ok(it),
                    Err(state) => state,
                };
                return Ok(Value::new_obj(&ty, ObjKind::Iter(std::cell::RefCell::new(state))));
            }
        }
        self.iter_protocol(v)
    }

    /// Most exhausted iterators kept by [`Vm::recycle_iter`].
    pub const SPARE_ITERS_MAX: usize = 8;

    /// A spare iterator object of class `ty` (list, tuple or range iterator) given `state`,
    /// or `state` back when there is none. Saves the allocation, the collector's tracking
    /// and the later free of a `for` loop's iterator (CPython keeps free lists of objects
    /// for the same reason).
    #[inline]
    fn reuse_iter(&mut self, ty: &Obj, state: IterState) -> Result<Value, IterState> {
        let Some(pos) = self
            .spare_iters
            .iter()
            .rposition(|o| o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, ty)))
        else {
            return Err(state);
        };
        let o = self.spare_iters.swap_remove(pos);
        let ObjKind::Iter(cell) = &o.kind else {
            return Err(state);
        };
        match cell.try_borrow_mut() {
            Ok(mut st) => *st = state,
            Err(_) => return Err(state),
        }
        Ok(Value::Obj(o))
    }

    /// Takes back the iterator `it` that an exhausted `for` loop popped: an exact list,
    /// tuple or range iterator that nothing else references (no other strong or weak
    /// reference, no attribute dict) and that holds no reference itself is kept for reuse
    /// by [`Vm::iter`]; anything else is dropped as usual. Invisible to programs: the
    /// object was about to be freed, and a reused one is indistinguishable from a new one.
    #[inline(never)]
    pub(crate) fn recycle_iter(&mut self, it: Value) {
        let Value::Obj(o) = it else { return };
        if self.spare_iters.len() >= Self::SPARE_ITERS_MAX
            || Rc::strong_count(&o) != 1
            || Rc::weak_count(&o) != 0
            || o.dict.is_some()
        {
            return;
        }
        let ObjKind::Iter(cell) = &o.kind else { return };
        let holds_nothing = matches!(
            cell.try_borrow().as_deref(),
            Ok(IterState::Exhausted | IterState::Range { .. })
        );
        let kind_ok = o.class.as_ref().is_some_and(|c| {
            Rc::ptr_eq(c, &self.types.list_iterator)
                || Rc::ptr_eq(c, &self.types.tuple_iterator)
                || Rc::ptr_eq(c, &self.types.range_iterator)
        });
        if holds_nothing && kind_ok {
            self.spare_iters.push(o);
        }
    }

    fn iter_protocol(&mut self, v: &Value) -> PyResult<Value> {
        match self.lookup_special(v, "__iter__") {
            Some(Value::None) => {}
            Some(_) => {
                let it = self.call_special(v, "__iter__", &[])?.unwrap_or(Value::None);
                if self.lookup_special(&it, "__next__").is_none()
                    && !matches!(it.kind(), Some(ObjKind::Iter(_)) | Some(ObjKind::Generator(_)))
                {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                return Ok(it);
            }
            None => {
                if self.lookup_special(v, "__getitem__").is_some() {
                    let ty = self.types.iterator.clone();
                    return Ok(Value::new_obj(
                        &ty,
                        ObjKind::Iter(std::cell::RefCell::new(IterState::SeqIndex {
                            seq: v.clone(),
                            index: 0,
                        })),
                    ));
                }
            }
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// `next(it)`: `Ok(None)` when exhausted (StopIteration is absorbed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(ObjKind::Iter(_)) = it.kind() {
            return crate::iter::next_builtin(self, it);
        }
        if let Some(ObjKind::Generator(_)) = it.kind() {
            return crate::generator::gen_next(self, it);
        }
        match self.call_special(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(it)))),
            Err(e) if self.exc_matches(&e.0, &self.exc.stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Iterates `v` to the end, collecting the items.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(k) = v.kind() {
            let heap = self.class_of(v).kind.is_heap_type();
            if !heap {
                match k {
                    ObjKind::List(l) => return Ok(l.borrow().clone()),
                    ObjKind::Tuple(t) => return Ok(t.to_vec()),
                    _ => {}
                }
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        // grow fallibly: an impossible size is a MemoryError, not an abort; a range's
        // length is reserved up front (as CPython's length_hint) so list(range(10**12))
        // fails at once
        let hint = self.builtin_length_hint(v, &it)?;
        if hint > 0 && out.try_reserve(usize::try_from(hint).unwrap_or(usize::MAX)).is_err() {
            return Err(self.no_memory());
        }
        // a generator (the common `tuple(x for ...)`) is resumed directly, without the
        // per-item dispatch of `Vm::next`
        let is_gen = matches!(it.kind(), Some(ObjKind::Generator(_)));
        // (a generator has no length hint: room for a few items up front saves the
        // growth steps 4 -> 8 of a short one, the common `tuple(x for x in small)`)
        if is_gen && out.capacity() == 0 && out.try_reserve(8).is_err() {
            return Err(self.no_memory());
        }
        loop {
            let x = if is_gen {
                // (the values are stored in `out` by the dispatch loop; see `GenSink`)
                use crate::generator::{SinkAccept, SinkDest, gen_next_into};
                let dest = SinkDest::Items(std::mem::take(&mut out), SinkAccept::All);
                let (dest, r) = gen_next_into(self, &it, dest);
                if let SinkDest::Items(items, _) = dest {
                    out = items;
                }
                r?
            } else {
                self.next(&it)?
            };
            let Some(x) = x else { break };
            if out.len() == out.capacity() && out.try_reserve(out.len().max(4)).is_err() {
                return Err(self.no_memory());
            }
            out.push(x);
        }
        Ok(out)
    }

    /// The length hint of `v` (iterated by `it`) for the built-in iterables whose length is
    /// known without running Python code (ranges and their iterators, reversed sequences);
    /// 0 if unknown. Errors: OverflowError "Python int too large to convert to C ssize_t"
    /// for a range longer than i64, as CPython's `PyObject_LengthHint`.
    pub fn builtin_length_hint(&mut self, v: &Value, it: &Value) -> PyResult<i64> {
        let hint = match (v.kind(), it.kind()) {
            (Some(ObjKind::Range { start, stop, step }), _) => range_len(*start, *stop, *step),
            (_, Some(ObjKind::Iter(cell))) => match cell.try_borrow().as_deref() {
                Ok(crate::object::IterState::Range { next, stop, step }) => range_len(*next, *stop, *step),
                Ok(crate::object::IterState::Reversed { index, .. }) => {
                    i64::try_from(*index).unwrap_or(0).saturating_add(1)
                }
                _ => 0,
            },
            _ => 0,
        };
        // a big range (or its iterator) has a length beyond i64 more often than not:
        // CPython's length_hint then fails with OverflowError instead of iterating forever
        let big_len = |r: &Value| match r.kind() {
            Some(ObjKind::BigRange { start, stop, step }) => Some(crate::builtins::range::big_len(start, stop, step)),
            _ => None,
        };
        let big = match (v.kind(), it.kind()) {
            (Some(ObjKind::BigRange { .. }), _) => big_len(v),
            (_, Some(ObjKind::Iter(cell))) => match cell.try_borrow().as_deref() {
                Ok(crate::object::IterState::SeqIndex { seq, index }) => {
                    big_len(seq).map(|n| n - dashu_int::IBig::from(*index))
                }
                _ => None,
            },
            _ => None,
        };
        match big {
            Some(n) => match i64::try_from(&n) {
                Ok(n) => Ok(n),
                Err(_) => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
            },
            None => Ok(hint),
        }
    }

    /// A MemoryError with no message (a failed allocation).
    pub(crate) fn no_memory(&mut self) -> PyErr {
        let t = self.exc.memory_error.clone();
        PyErr(self.new_exception(&t, vec![]))
    }

    // ----- containment -----

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = container {
            let heap = o.class.as_ref().is_some_and(|c| tdata(c).heap_type);
            if !heap {
                match &o.kind {
                    ObjKind::Str(s) => {
                        return match item.as_str() {
                            Some(sub) => Ok(s.as_str().contains(sub)),
                            None => Err(self.type_error(format!(
                                "'in <string>' requires string as left operand, not {}",
                                self.type_name(item)
                            ))),
                        };
                    }
                    ObjKind::Dict(_) => return self.dict_contains(o, item),
                    ObjKind::Set(_) | ObjKind::FrozenSet(_) => {
                        return crate::builtins::set::set_contains_key(self, o, item);
                    }
                    ObjKind::DictView {
                        dict,
                        which: crate::object::DictViewKind::Keys,
                    } => {
                        return self.dict_contains(dict, item);
                    }
                    ObjKind::BigRange { .. } => return crate::builtins::range::big_contains(self, container, item),
                    ObjKind::Range { start, stop, step } => {
                        if let Value::Int(i) = item {
                            let (i, start, stop, step) = (*i as i128, *start as i128, *stop as i128, *step as i128);
                            let inside = if step > 0 {
                                i >= start && i < stop
                            } else {
                                i <= start && i > stop
                            };
                            return Ok(inside && (i - start) % step == 0);
                        }
                    }
                    ObjKind::List(l) => {
                        let items = l.borrow().clone();
                        return self.seq_contains(&items, item);
                    }
                    ObjKind::Tuple(t) => {
                        let items = t.to_vec();
                        return self.seq_contains(&items, item);
                    }
                    ObjKind::Bytes(_) | ObjKind::ByteArray(_) => {
                        return crate::builtins::bytes::bytes_contains(self, container, item);
                    }
                    _ => {}
                }
            }
        }
        if let Some(r) = self.call_special(container, "__contains__", std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        if self.lookup_special(container, "__iter__").is_some()
            || self.lookup_special(container, "__getitem__").is_some()
        {
            let it = self.iter(container)?;
            while let Some(x) = self.next(&it)? {
                if self.eq(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        Err(self.type_error(format!(
            "argument of type '{}' is not iterable",
            self.type_name(container)
        )))
    }

    fn seq_contains(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for x in items {
            if self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- dict access with Python-level key equality -----

    /// `d[key]` lookup on a dict object; `Ok(None)` if absent.
    pub fn dict_get(&mut self, d: &Obj, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        self.dict_get_hashed(d, key, hash)
    }

    /// Dict lookup with a precomputed hash.
    pub fn dict_get_hashed(&mut self, d: &Obj, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        let ObjKind::Dict(cell) = &d.kind else { return Ok(None) };
        loop {
            let (lookup, version) = {
                let t = cell.borrow();
                (t.find(hash, key), t.version())
            };
            match lookup {
                Lookup::Found(p) => return Ok(cell.borrow().entry(p).map(|(_, v)| v.clone())),
                Lookup::Absent => return Ok(None),
                Lookup::Slow => match self.slow_find(cell, hash, key, version)? {
                    Some(Some(p)) => return Ok(cell.borrow().entry(p).map(|(_, v)| v.clone())),
                    Some(None) => return Ok(None),
                    None => continue,
                },
            }
        }
    }

    /// `key in d` for a dict object `d`: [`Vm::dict_get`] without taking the value.
    pub fn dict_contains(&mut self, d: &Obj, key: &Value) -> PyResult<bool> {
        let hash = self.hash(key)?;
        let ObjKind::Dict(cell) = &d.kind else { return Ok(false) };
        loop {
            let (lookup, version) = {
                let t = cell.borrow();
                (t.find(hash, key), t.version())
            };
            match lookup {
                Lookup::Found(_) => return Ok(true),
                Lookup::Absent => return Ok(false),
                Lookup::Slow => match self.slow_find(cell, hash, key, version)? {
                    Some(p) => return Ok(p.is_some()),
                    None => continue,
                },
            }
        }
    }

    /// Compares candidates with Python equality; `Ok(None)` if the dict changed meanwhile
    /// (retry), `Ok(Some(pos))` otherwise.
    fn slow_find(
        &mut self,
        cell: &std::cell::RefCell<crate::dict::Dict>,
        hash: i64,
        key: &Value,
        version: u64,
    ) -> PyResult<Option<Option<usize>>> {
        let cands = cell.borrow().candidates(hash);
        for (pos, k) in cands {
            if self.eq(&k, key)? {
                if cell.borrow().version() != version {
                    return Ok(None);
                }
                return Ok(Some(Some(pos)));
            }
        }
        if cell.borrow().version() != version {
            return Ok(None);
        }
        Ok(Some(None))
    }

    /// `d[key] = value` on a dict object.
    pub fn dict_set(&mut self, d: &Obj, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        self.dict_set_hashed(d, key, value, hash)
    }

    /// Dict store with a precomputed hash.
    pub fn dict_set_hashed(&mut self, d: &Obj, key: Value, value: Value, hash: i64) -> PyResult<()> {
        let ObjKind::Dict(cell) = &d.kind else { return Ok(()) };
        loop {
            let (lookup, version) = {
                let t = cell.borrow();
                (t.find(hash, &key), t.version())
            };
            match lookup {
                Lookup::Found(p) => {
                    cell.borrow_mut().set_value_hashed(p, hash, value);
                    return Ok(());
                }
                Lookup::Absent => {
                    cell.borrow_mut().insert_new(hash, key, value);
                    return Ok(());
                }
                Lookup::Slow => match self.slow_find(cell, hash, &key, version)? {
                    Some(Some(p)) => {
                        cell.borrow_mut().set_value(p, value);
                        return Ok(());
                    }
                    Some(None) => {
                        cell.borrow_mut().insert_new(hash, key, value);
                        return Ok(());
                    }
                    None => continue,
                },
            }
        }
    }

    /// Removes `key` from a dict object, returning its value if present.
    pub fn dict_del(&mut self, d: &Obj, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let ObjKind::Dict(cell) = &d.kind else { return Ok(None) };
        loop {
            let (lookup, version) = {
                let t = cell.borrow();
                (t.find(hash, key), t.version())
            };
            let pos = match lookup {
                Lookup::Found(p) => Some(p),
                Lookup::Absent => None,
                Lookup::Slow => match self.slow_find(cell, hash, key, version)? {
                    Some(p) => p,
                    None => continue,
                },
            };
            return Ok(pos.and_then(|p| cell.borrow_mut().remove_at(p)).map(|(_, v)| v));
        }
    }

    // ----- sets -----

    /// `item in s` for a set or frozenset object.
    pub fn set_contains(&mut self, s: &Obj, key: &Value) -> PyResult<bool> {
        let hash = self.hash(key)?;
        Ok(self.set_find(s, key, hash)?.is_some())
    }

    /// Position of `key` in a set object, if present.
    pub fn set_find(&mut self, s: &Obj, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        loop {
            let (lookup, version) = match &s.kind {
                ObjKind::Set(c) => {
                    let t = c.borrow();
                    (t.find(hash, key), t.version())
                }
                ObjKind::FrozenSet(t) => (t.find(hash, key), t.version()),
                _ => return Ok(None),
            };
            match lookup {
                Lookup::Found(p) => return Ok(Some(p)),
                Lookup::Absent => return Ok(None),
                Lookup::Slow => {
                    let cands = match &s.kind {
                        ObjKind::Set(c) => c.borrow().candidates(hash),
                        ObjKind::FrozenSet(t) => t.candidates(hash),
                        _ => vec![],
                    };
                    let mut found = None;
                    for (pos, k) in cands {
                        if self.eq(&k, key)? {
                            found = Some(pos);
                            break;
                        }
                    }
                    let now = match &s.kind {
                        ObjKind::Set(c) => c.borrow().version(),
                        ObjKind::FrozenSet(t) => t.version(),
                        _ => version,
                    };
                    if now == version {
                        return Ok(found);
                    }
                }
            }
        }
    }

    /// Adds `key` to a set object.
    pub fn set_add(&mut self, s: &Obj, key: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        if self.set_find(s, &key, hash)?.is_none() {
            if let ObjKind::Set(c) = &s.kind {
                c.borrow_mut().insert_new(hash, key);
            }
        }
        Ok(())
    }

    /// Removes `key` from a set object; true if it was present.
    pub fn set_discard(&mut self, s: &Obj, key: &Value) -> PyResult<bool> {
        let hash = self.hash(key)?;
        match self.set_find(s, key, hash)? {
            Some(p) => {
                if let ObjKind::Set(c) = &s.kind {
                    c.borrow_mut().remove_at(p);
                }
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// Looks up a str key in a dict object without running Python code.
pub fn dict_get_str(d: &Obj, hash: i64, name: &str) -> Option<Value> {
    match &d.kind {
        ObjKind::Dict(cell) => cell.borrow().get_str(hash, name).cloned(),
        _ => None,
    }
}

/// Number of items in `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

/// The default identity-based hash (CPython: address rotated by 4 bits).
pub fn identity_hash(v: &Value) -> i64 {
    let id = v.id() as u64;
    (id >> 4 | id << 60) as i64
}

fn is_object_default(m: &Value) -> bool {
    matches!(m.kind(), Some(ObjKind::Native(n)) if n.owner == "object")
}

fn is_builtin_method(m: &Value) -> bool {
    matches!(m.kind(), Some(ObjKind::Native(_)))
}

impl ObjKind {
    /// True if this is a type object created by a `class` statement.
    pub fn is_heap_type(&self) -> bool {
        matches!(self, ObjKind::Type(t) if t.heap_type)
    }
}

/// Convenience: an error value from a message for a given exception type.
pub fn err(vm: &mut Vm, ty: &Obj, msg: impl Into<String>) -> PyErr {
    vm.new_error(ty, msg)
}
