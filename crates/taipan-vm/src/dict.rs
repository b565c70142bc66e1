//! `dict` storage: a [`DictTable`] of values (CPython's compact, insertion-ordered dict
//! layout with its `dk_usable` budget, so entry positions, compaction points and hence what
//! an iteration that mutates the dict sees match CPython; see
//! [`crate::support::dicttable`]), plus the native key equality shared with `set`.
//!
//! Key equality may run Python code (`__eq__`), which may mutate this very dict. The
//! [`Dict`] methods therefore only compare keys natively ([`native_eq`]); when a candidate
//! needs Python, the caller (see `crate::ops::dict_*`) copies the candidates out, releases
//! the borrow, compares, and re-checks [`Dict::version`] before acting.
//!
//! Instance dicts also track their *shape* ([`crate::shape`]): created at
//! [`ShapeId::EMPTY`] by [`Dict::new_shaped`], they follow the shape tree while exact-str
//! keys are only appended; a deletion, `popitem`, `clear` or any other key makes them
//! unshaped for good. Every mutation of the key set goes through this type's methods
//! (the table is private), which is what keeps the shape word honest.

use crate::object::ObjKind;
use crate::shape::{self, ShapeId};
use crate::support::dicttable::{self, DictTable};
use crate::value::Value;

/// Result of a native lookup.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The key is at this entry position.
    Found(usize),
    /// The key is not present.
    Absent,
    /// Some candidate with an equal hash needs a Python-level comparison.
    Slow,
}

/// Insertion-ordered hash table of (hash, key, value) entries.
#[derive(Clone, Default)]
pub struct Dict {
    table: DictTable<Value, Value>,
    /// The shape of the key sequence, or [`ShapeId::UNSHAPED`] (see the module docs).
    shape: ShapeId,
    /// Compiled traces assume bindings of this dict (`crate::jit::inval`): bit
    /// [`key_bit`] of each assumed key's hash is set. A change of a binding whose key's bit
    /// is set (a value replaced or handed out for writing, a key added or removed) reports
    /// the key's hash to the JIT's registry, which invalidates the traces that depend on it
    /// and answers with the bits of the records left. Other changes cost a bit test.
    watched: u32,
}

/// Byte offset of a [`Dict`]'s shape id (a `u32`), for the traces' inline `@attr_base`
/// (`jit_attrs::measure_dict_layout`).
pub(crate) const SHAPE_OFFSET: usize = std::mem::offset_of!(Dict, shape.0);

// a dict object must stay within 112 bytes (see `crate::object::Object`)
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Dict>() <= 64);

/// The bit of [`Dict`]'s watched-keys word for a key with hash `hash` (one of 32).
#[inline(always)]
pub(crate) fn key_bit(hash: i64) -> u32 {
    1u32 << (hash as u64 & 31)
}

/// True for an exact `str` (not an instance of a subclass): the keys shapes describe.
#[inline]
fn is_exact_str(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Str(_)) && !is_subclass_instance(o))
}

/// Native key equality: `Some(answer)` when it can be decided without running Python
/// code, `None` otherwise. Identity implies equality (as CPython's dict lookup).
/// Instances of classes defined in Python (`class S(str)`) may override `__eq__`, so any
/// comparison involving one needs Python (`None`), even if both are strs underneath.
#[inline]
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => {
            // the common dict case first: two exact strs
            if let (ObjKind::Str(s), ObjKind::Str(t)) = (&x.kind, &y.kind) {
                if is_subclass_instance(x) || is_subclass_instance(y) {
                    return None;
                }
                return Some(s.as_str() == t.as_str());
            }
            if is_subclass_instance(x) || is_subclass_instance(y) {
                return None;
            }
            match (&x.kind, &y.kind) {
                (ObjKind::Int(s), ObjKind::Int(t)) => Some(s == t),
                (ObjKind::Bytes(s), ObjKind::Bytes(t)) => Some(s == t),
                (ObjKind::Tuple(s), ObjKind::Tuple(t)) => {
                    if s.len() != t.len() {
                        return Some(false);
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        match native_eq(p, q) {
                            Some(true) => {}
                            other => return other,
                        }
                    }
                    Some(true)
                }
                (k1, k2) if is_plain_builtin(k1) && is_plain_builtin(k2) => Some(false),
                _ => None,
            }
        }
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            Some((*x as f64) == *y && (*y as i64) == *x)
        }
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => Some(*x as i64 as f64 == *y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Obj(o), _) | (_, Value::Obj(o)) => {
            if is_plain_builtin(&o.kind) && !is_subclass_instance(o) {
                Some(false)
            } else {
                None
            }
        }
        (Value::None, _) | (_, Value::None) => Some(false),
    }
}

/// True for an instance of a class defined in Python (a heap type), whose special
/// methods may be overridden.
#[inline]
fn is_subclass_instance(o: &crate::value::Obj) -> bool {
    o.class.as_ref().is_some_and(|c| c.kind.is_heap_type())
}

/// Kinds whose equality never runs Python code and never equals another kind's value
/// (besides the numeric cross-kind cases handled in [`native_eq`]).
fn is_plain_builtin(k: &ObjKind) -> bool {
    matches!(
        k,
        ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::Type(_) | ObjKind::Function(_) | ObjKind::Native(_)
    )
}

impl Dict {
    /// An empty dict (no index allocated).
    pub fn new() -> Dict {
        Dict::default()
    }

    /// A dict presized for `n` entries (CPython `_PyDict_NewPresized`, used for displays).
    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            table: DictTable::with_capacity(n),
            shape: ShapeId::UNSHAPED,
            watched: 0,
        }
    }

    /// An empty dict that tracks its shape (instance dicts; see the module docs).
    pub fn new_shaped() -> Dict {
        Dict {
            table: DictTable::new(),
            shape: ShapeId::EMPTY,
            watched: 0,
        }
    }

    /// An empty shaped dict (as [`Dict::new_shaped`]) with entry room for `n` keys, `n`
    /// at most 5 (see [`DictTable::presized_small`]).
    pub fn new_shaped_presized(n: usize) -> Dict {
        Dict {
            table: DictTable::presized_small(n),
            shape: ShapeId::EMPTY,
            watched: 0,
        }
    }

    /// The shape of the keys ([`ShapeId::UNSHAPED`] if not tracked): two dicts with the
    /// same shape have the same str keys at the same entry positions.
    #[inline(always)]
    pub fn shape(&self) -> ShapeId {
        self.shape
    }

    /// The underlying table (read-only).
    pub fn table(&self) -> &DictTable<Value, Value> {
        &self.table
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Mutation counter: changes whenever a key is added or removed or entries move
    /// (replacing a value does not change it).
    pub fn version(&self) -> u64 {
        self.table.version()
    }

    /// Looks `key` (with hash `hash`) up using native equality only, in CPython's probe
    /// order.
    pub fn find(&self, hash: i64, key: &Value) -> Lookup {
        match self.table.find(hash, |k| native_eq(k, key)) {
            dicttable::Lookup::Found(p) => Lookup::Found(p),
            dicttable::Lookup::Absent(_) => Lookup::Absent,
            dicttable::Lookup::NeedsSlowPath => Lookup::Slow,
        }
    }

    /// Entries whose stored hash equals `hash`: (position, key) in probe order, for a
    /// Python-level comparison outside the borrow.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        self.table.candidates(hash)
    }

    /// Looks up a str key by its text (attribute and global lookups); keys of other types
    /// never match.
    pub fn get_str(&self, hash: i64, key: &str) -> Option<&Value> {
        let pos = self.table.find_native(hash, |k| k.as_str() == Some(key))?;
        self.table.entry(pos).map(|(_, v)| v)
    }

    /// Looks up a str key given as a str value: pointer identity first (interned names),
    /// then text equality; keys of other types never match.
    #[inline]
    pub fn get_name(&self, hash: i64, key: &Value) -> Option<&Value> {
        let text = key.as_str()?;
        let pos = self
            .table
            .find_native(hash, |k| k.is(key) || k.as_str() == Some(text))?;
        self.table.entry(pos).map(|(_, v)| v)
    }

    /// Position of a str key given as a str value (identity first, then text), for the
    /// interpreter's inline caches.
    #[inline]
    pub fn find_name(&self, hash: i64, key: &Value) -> Option<usize> {
        let text = key.as_str()?;
        self.table.find_native(hash, |k| k.is(key) || k.as_str() == Some(text))
    }

    /// The entry at `pos`, if live.
    pub fn entry(&self, pos: usize) -> Option<(&Value, &Value)> {
        self.table.entry(pos)
    }

    /// The value at `pos` for writing, if the entry there is live and its key is `key`
    /// itself (identity: the inline caches' interned attribute names).
    #[inline]
    pub fn value_at_same_key_mut(&mut self, pos: usize, key: &Value) -> Option<&mut Value> {
        if self.watched != 0 {
            self.changed_at(pos);
        }
        self.table.value_at_mut_if(pos, |k| k.is(key))
    }

    /// The value at `pos` for writing, if the entry there is live (callers that checked
    /// the shape know which key is there).
    #[inline]
    pub fn value_at_mut(&mut self, pos: usize) -> Option<&mut Value> {
        if self.watched != 0 {
            self.changed_at(pos);
        }
        self.table.value_mut(pos)
    }

    /// The stored hash of the entry at `pos`.
    pub fn entry_hash(&self, pos: usize) -> Option<i64> {
        self.table.entry_hash(pos)
    }

    /// One past the last entry position (positions `0..end()` may hold tombstones).
    pub fn end(&self) -> usize {
        self.table.end()
    }

    /// First live position `>= pos` (the iteration step).
    pub fn next_live(&self, pos: usize) -> Option<usize> {
        self.table.next_live(pos)
    }

    /// Replaces the value at `pos` (the key object and position stay).
    #[inline(always)]
    pub fn set_value(&mut self, pos: usize, value: Value) {
        if self.watched != 0 {
            self.changed_at(pos);
        }
        let old = self.table.set_value(pos, value);
        drop(old);
    }

    /// As [`Dict::set_value`], for a caller that knows the hash of the key at `pos`
    /// (`hash`: the stored one, as a lookup by it found `pos`).
    #[inline(always)]
    pub fn set_value_hashed(&mut self, pos: usize, hash: i64, value: Value) {
        if self.watched & key_bit(hash) != 0 {
            self.changed(Some(hash));
        }
        let old = self.table.set_value(pos, value);
        drop(old);
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.watched & key_bit(hash) != 0 {
            self.changed(Some(hash));
        }
        if self.shape.is_shaped() {
            self.shape = if is_exact_str(&key) {
                shape::child(self.shape, &key)
            } else {
                ShapeId::UNSHAPED
            };
        }
        self.table.insert_new(hash, key, value);
    }

    /// Appends the exact-str `key`, known to be absent, moving to shape `after`, which the
    /// caller took from a cache: it must be `shape::child(self.shape(), &key)` (the cache
    /// checked `self.shape()` against the shape it recorded the transition from).
    #[inline]
    pub fn insert_new_shaped(&mut self, hash: i64, key: Value, value: Value, after: ShapeId) {
        if self.watched & key_bit(hash) != 0 {
            self.changed(Some(hash));
        }
        self.shape = after;
        self.table.insert_new(hash, key, value);
    }

    /// Inserts or replaces using native equality; returns false (and does nothing) when a
    /// Python comparison is needed.
    pub fn insert_native(&mut self, hash: i64, key: Value, value: Value) -> bool {
        match self.find(hash, &key) {
            Lookup::Found(p) => {
                self.set_value(p, value);
                true
            }
            Lookup::Absent => {
                self.insert_new(hash, key, value);
                true
            }
            Lookup::Slow => false,
        }
    }

    /// Removes the entry at `pos` (a tombstone; other positions do not move), returning its
    /// key and value.
    pub fn remove_at(&mut self, pos: usize) -> Option<(Value, Value)> {
        if self.watched != 0 {
            self.changed_at(pos);
        }
        self.shape = ShapeId::UNSHAPED;
        self.table.remove_at(pos).map(|(_, k, v)| (k, v))
    }

    /// Removes and returns the last entry (LIFO, as `dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.shape = ShapeId::UNSHAPED;
        let (h, k, v) = self.table.pop_last()?;
        if self.watched & key_bit(h) != 0 {
            self.changed(Some(h));
        }
        Some((k, v))
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        if self.watched != 0 {
            self.changed(None);
        }
        self.shape = ShapeId::UNSHAPED;
        drop(self.table.clear());
    }

    /// Takes every entry out (the collector breaking a cycle), leaving an empty dict.
    pub fn take_all(&mut self) -> Dict {
        if self.watched != 0 {
            self.changed(None);
        }
        std::mem::take(self)
    }

    /// Marks the key with hash `hash` as one whose binding a trace assumes (see the field's
    /// docs).
    pub(crate) fn watch(&mut self, hash: i64) {
        self.watched |= key_bit(hash);
    }

    /// Whether a key with hash `hash` is (maybe) one whose binding a trace assumes: a
    /// change of it must be reported (the JIT's dict helpers leave such stores to the
    /// interpreter, `jit_dicts.rs`).
    #[inline]
    pub(crate) fn watches(&self, hash: i64) -> bool {
        self.watched & key_bit(hash) != 0
    }

    /// Reports a change of the binding at entry `pos` to the JIT's registry if its key's
    /// bit is watched (a position without a live entry changes no binding).
    #[inline(never)]
    fn changed_at(&mut self, pos: usize) {
        if let Some(h) = self.table.entry_hash(pos)
            && self.watched & key_bit(h) != 0
        {
            self.changed(Some(h));
        }
    }

    /// Reports a change of the binding of keys with hash `hash` (`None`: of every key) to
    /// the JIT's registry; the dict keeps the bits of the records left.
    #[cold]
    #[inline(never)]
    fn changed(&mut self, hash: Option<i64>) {
        let addr = std::ptr::from_ref::<Dict>(self) as usize;
        self.watched = crate::jit::inval::dict_changed(addr, hash);
    }

    /// Presizes before merging `incoming` entries (CPython `dict_merge`).
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        self.table.reserve_for_merge(incoming)
    }

    /// Python's `d.copy()` (CPython's copy rules: exact clone unless sparse).
    pub fn copy(&self) -> Dict {
        Dict {
            table: self.table.copy(),
            shape: ShapeId::UNSHAPED,
            watched: 0,
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.table.iter()
    }

    /// Live entries with their hashes.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value, &Value)> {
        self.table.iter_hashed()
    }

    /// Keys in insertion order (cloned).
    pub fn keys(&self) -> Vec<Value> {
        self.table.keys().cloned().collect()
    }
}
