//! `dict` storage and the hash-table protocol shared with `set`.
//!
//! Layout as CPython's compact dict (`Objects/dictobject.c` since 3.6): an insertion-ordered
//! entries vector (deleted entries become `None` tombstones, compacted when they exceed
//! half) and a `hashbrown::HashTable<usize>` index from hash to entry position.
//!
//! Key equality may run Python code (`__eq__`), which may mutate this very dict. The
//! [`Dict`] methods therefore only compare keys natively ([`native_eq`]); when a candidate
//! needs Python, the caller (see `crate::ops::dict_*`) copies the candidates out, releases
//! the borrow, compares, and re-checks [`Dict::version`] before acting.

use hashbrown::HashTable;

use crate::object::ObjKind;
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
    entries: Vec<Option<(i64, Value, Value)>>,
    index: HashTable<usize>,
    used: usize,
    version: u64,
}

/// Native key equality: `Some(answer)` when it can be decided without running Python
/// code, `None` otherwise. Identity implies equality (as CPython's dict lookup).
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => Some((*x as f64) == *y && (*y as i64) == *x),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => Some(*x as i64 as f64 == *y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::None, _) | (_, Value::None) => match (a, b) {
            (Value::Obj(o), _) | (_, Value::Obj(o)) if !is_plain_builtin(&o.kind) => None,
            _ => Some(false),
        },
        (Value::Obj(x), Value::Obj(y)) => match (&x.kind, &y.kind) {
            (ObjKind::Str(s), ObjKind::Str(t)) => Some(s.as_str() == t.as_str()),
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
        },
        (Value::Obj(o), _) | (_, Value::Obj(o)) => {
            if is_plain_builtin(&o.kind) { Some(false) } else { None }
        }
    }
}

/// Kinds whose equality never runs Python code and never equals another kind's value
/// (besides the numeric cross-kind cases handled in [`native_eq`]).
fn is_plain_builtin(k: &ObjKind) -> bool {
    matches!(k, ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::Type(_) | ObjKind::Function(_) | ObjKind::Native(_))
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.used
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Mutation counter: changes whenever an entry is added, removed or replaced.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Looks `key` (with hash `hash`) up using native equality only.
    pub fn find(&self, hash: i64, key: &Value) -> Lookup {
        let mut slow = false;
        let mut found = None;
        for &pos in self.index.iter_hash(hash as u64) {
            if let Some(Some((h, k, _))) = self.entries.get(pos) {
                if *h != hash {
                    continue;
                }
                match native_eq(k, key) {
                    Some(true) => {
                        found = Some(pos);
                        break;
                    }
                    Some(false) => {}
                    None => slow = true,
                }
            }
        }
        match found {
            Some(p) => Lookup::Found(p),
            None if slow => Lookup::Slow,
            None => Lookup::Absent,
        }
    }

    /// Entries whose stored hash equals `hash`: (position, key), for a Python-level
    /// comparison outside the borrow.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        for &pos in self.index.iter_hash(hash as u64) {
            if let Some(Some((h, k, _))) = self.entries.get(pos) {
                if *h == hash {
                    out.push((pos, k.clone()));
                }
            }
        }
        out.sort_by_key(|c| c.0);
        out
    }

    /// Looks up a str key by its text (attribute and global lookups).
    pub fn get_str(&self, hash: i64, key: &str) -> Option<&Value> {
        for &pos in self.index.iter_hash(hash as u64) {
            if let Some(Some((h, k, v))) = self.entries.get(pos) {
                if *h == hash && k.as_str() == Some(key) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Looks up a str key given as a str value: pointer identity first (interned names),
    /// then text equality.
    #[inline]
    pub fn get_name(&self, hash: i64, key: &Value) -> Option<&Value> {
        let Some(text) = key.as_str() else { return None };
        for &pos in self.index.iter_hash(hash as u64) {
            if let Some(Some((h, k, v))) = self.entries.get(pos) {
                if *h == hash && (k.is(key) || k.as_str() == Some(text)) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// The entry at `pos`, if live.
    pub fn entry(&self, pos: usize) -> Option<(&Value, &Value)> {
        match self.entries.get(pos) {
            Some(Some((_, k, v))) => Some((k, v)),
            _ => None,
        }
    }

    /// The stored hash of the entry at `pos`.
    pub fn entry_hash(&self, pos: usize) -> Option<i64> {
        match self.entries.get(pos) {
            Some(Some((h, _, _))) => Some(*h),
            _ => None,
        }
    }

    /// One past the last entry position (positions `0..end()` may hold tombstones).
    pub fn end(&self) -> usize {
        self.entries.len()
    }

    /// Replaces the value at `pos`.
    pub fn set_value(&mut self, pos: usize, value: Value) {
        if let Some(Some((_, _, v))) = self.entries.get_mut(pos) {
            *v = value;
            self.version += 1;
        }
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len();
        self.entries.push(Some((hash, key, value)));
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, pos, |&p| match entries.get(p) {
            Some(Some((h, _, _))) => *h as u64,
            _ => 0,
        });
        self.used += 1;
        self.version += 1;
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

    /// Removes the entry at `pos`, returning its key and value.
    pub fn remove_at(&mut self, pos: usize) -> Option<(Value, Value)> {
        let (hash, k, v) = self.entries.get_mut(pos)?.take()?;
        if let Ok(e) = self.index.find_entry(hash as u64, |&p| p == pos) {
            e.remove();
        }
        self.used -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.used * 2 < self.entries.len() {
            self.compact();
        }
        Some((k, v))
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        self.used = 0;
        for (h, k, v) in old.into_iter().flatten() {
            self.insert_new(h, k, v);
        }
    }

    /// Removes and returns the last entry (LIFO, as `dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(pos)
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.used = 0;
        self.version += 1;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter_map(|e| e.as_ref().map(|(_, k, v)| (k, v)))
    }

    /// Live entries with their hashes.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value, &Value)> {
        self.entries.iter().filter_map(|e| e.as_ref().map(|(h, k, v)| (*h, k, v)))
    }

    /// Keys in insertion order (cloned).
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
}
