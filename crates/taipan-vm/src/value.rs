//! Run-time values: a two-word tagged representation.
//!
//! A [`Value`] is a Rust enum of 16 bytes: a tag word and a payload word. `None`, bools,
//! ints that fit in 64 bits and floats live in the payload with no heap allocation; every
//! other object is an [`Obj`] — a reference-counted pointer to an [`Object`].
//! Ints that overflow 64 bits spill to an `ObjKind::Int` big-integer object; every
//! operation normalizes its result back to `Value::Int` when it fits.
//!
//! Why two words and not NaN-boxing: see `docs/decisions/values-and-memory.md`. The JIT
//! keeps ints and floats unboxed in registers inside traces either way; the layout is
//! fixed with `repr(C, u8)` so machine code can read and write values.
//!
//! Memory: `Obj` is an `Rc`, so reclamation of acyclic garbage is immediate (reference
//! counting); cycles are reclaimed by the collector in `gc.rs` (CPython's algorithm).

use std::rc::Rc;

use crate::object::{ObjKind, Object};

/// A counted reference to a heap object.
pub type Obj = Rc<Object>;

/// A Python value. See the module docs for the representation.
#[derive(Clone)]
#[repr(C, u8)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False` (a subclass of int in Python).
    Bool(bool),
    /// An int that fits in `i64`.
    Int(i64),
    /// A float.
    Float(f64),
    /// Any heap object (including ints beyond 64 bits).
    Obj(Obj),
}

impl Value {
    /// Wraps a heap object kind into a new object of the given class.
    pub fn new_obj(class: &Obj, kind: ObjKind) -> Value {
        Value::Obj(crate::gc::alloc(Object::new(class.clone(), kind)))
    }

    /// The heap object, if this value is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&Obj> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The object kind, if this value is a heap object.
    #[inline]
    pub fn kind(&self) -> Option<&ObjKind> {
        match self {
            Value::Obj(o) => Some(&o.kind),
            _ => None,
        }
    }

    /// True for `None`.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The str contents if this is a str (or str subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self.kind() {
            Some(ObjKind::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }

    /// Python `is`: identity for heap objects, value equality for the unboxed kinds
    /// (CPython caches small ints and has one `None`/`True`/`False`; floats compare bits).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            // Unboxed floats have no identity; equal bits count as the same object, except
            // NaN: `float('nan') in [float('nan')]` is False in CPython (two objects).
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits() && !a.is_nan(),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable identity number for `id()`: the object address for heap objects, a value
    /// derived from the payload otherwise.
    pub fn id(&self) -> i64 {
        match self {
            Value::None => 0x1000,
            Value::Bool(b) => 0x1010 + *b as i64 * 16,
            Value::Int(i) => (*i).wrapping_mul(32).wrapping_add(0x7f00_0000_0000),
            Value::Float(f) => (f.to_bits() >> 1) as i64,
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize as i64,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Obj(o) => write!(f, "<{} object>", o.kind.kind_name()),
        }
    }
}
