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
//! fixed with `repr(C, u64)` (tag word, payload word) so machine code can read and write values.
//!
//! Memory: `Obj` is an `Rc`, so reclamation of acyclic garbage is immediate (reference
//! counting); cycles are reclaimed by the collector in `gc.rs` (CPython's algorithm).

use std::rc::Rc;

use crate::object::{ObjKind, Object};

/// A counted reference to a heap object.
pub type Obj = Rc<Object>;

/// A Python value. See the module docs for the representation.
#[repr(C, u64)]
pub enum Value {
    /// `None`.
    None = 0,
    /// `True` / `False` (a subclass of int in Python).
    Bool(bool) = 1,
    /// An int that fits in `i64`.
    Int(i64) = TAG_INT,
    /// A float.
    Float(f64) = TAG_FLOAT,
    /// Any heap object (including ints beyond 64 bits).
    Obj(Obj) = 4,
}

impl Clone for Value {
    /// A bitwise copy of all 16 bytes (plus a reference-count increment for `Obj`).
    ///
    /// Written by hand because the derived clone rebuilds the enum field by field (several
    /// narrow stores), and the interpreter copies values constantly: a later whole-value
    /// load from such a place cannot be store-forwarded and stalls (see [`store16`]).
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            // one more strong reference, owned by the copy made below
            std::mem::forget(Rc::clone(o));
        }
        // SAFETY: the scalar variants are plain data (no destructor, no pointers), so their
        // bitwise copy is a clone; for `Obj` the strong count was incremented just above, so
        // the copied pointer owns its own reference and is dropped exactly once.
        unsafe { std::ptr::read(self) }
    }
}

/// `v.clone()` for an optional value, as one whole copy (see [`Value::clone`]).
#[inline(always)]
pub fn clone_opt(v: &Option<Value>) -> Option<Value> {
    if let Some(Value::Obj(o)) = v {
        std::mem::forget(Rc::clone(o));
    }
    // SAFETY: as in `Value::clone`: `None` and the scalar variants are plain data, and an
    // `Obj` pointer's strong count was incremented above for the copy.
    unsafe { std::ptr::read(v) }
}

/// Tag word of [`Value::Int`] (bytes 0..8 of the 16-byte layout; the payload is bytes 8..16).
const TAG_INT: u64 = 2;
/// Tag word of [`Value::Float`].
const TAG_FLOAT: u64 = 3;

/// Writes 16 bytes at `p`: `lo` in bytes 0..8, `hi` in bytes 8..16, as ONE store.
///
/// Why: the interpreter's operand stack is memory. Rust writes an enum as a tag word plus a
/// payload word (two stores); the next instruction then copies the whole 16-byte value with
/// one load, which cannot be forwarded from two smaller stores and stalls for the store
/// buffer to drain (about 10 cycles per value on x86-64, measured as 20-30% of a simple
/// integer loop). A single 16-byte store forwards to both whole and partial loads.
///
/// # Safety
/// `p` must be valid for a 16-byte write (any alignment).
#[inline(always)]
unsafe fn store16(p: *mut Value, lo: u64, hi: u64) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
        // SAFETY: SSE2 is part of the x86-64 baseline; the caller guarantees `p` is valid
        // for 16 bytes and `storeu` has no alignment requirement.
        unsafe { _mm_storeu_si128(p as *mut __m128i, _mm_set_epi64x(hi as i64, lo as i64)) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // SAFETY: as above; two 8-byte writes (other targets forward them or do not stall).
        unsafe {
            (p as *mut u64).write_unaligned(lo);
            (p as *mut u64).add(1).write_unaligned(hi);
        }
    }
}

impl Value {
    /// `*self = Value::Int(i)`, written with one 16-byte store (see [`store16`]).
    #[inline(always)]
    pub fn set_int(&mut self, i: i64) {
        if matches!(self, Value::Obj(_)) {
            *self = Value::None;
        }
        // SAFETY: `Value` is `repr(C, u64)`: tag word at bytes 0..8, and for `Int` the i64 payload at
        // bytes 8..16 (test `scalar_stores_match_layout`). The old
        // value holds no object any more, so overwriting it runs no destructor and leaks
        // nothing; `self` is a valid, exclusive 16-byte place.
        unsafe { store16(self, TAG_INT, i as u64) }
    }

    /// `*self = Value::Float(x)`, written with one 16-byte store (see [`store16`]).
    #[inline(always)]
    pub fn set_float(&mut self, x: f64) {
        if matches!(self, Value::Obj(_)) {
            *self = Value::None;
        }
        // SAFETY: as in `set_int`; the `Float` payload is the f64 at bytes 8..16.
        unsafe { store16(self, TAG_FLOAT, x.to_bits()) }
    }

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
    #[inline(always)]
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

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn scalar_stores_match_layout() {
        let mut v = Value::None;
        v.set_int(-42);
        assert!(matches!(v, Value::Int(-42)));
        v.set_float(2.5);
        assert!(matches!(v, Value::Float(x) if x == 2.5));
        v.set_int(i64::MIN);
        assert!(matches!(v, Value::Int(i64::MIN)));
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
