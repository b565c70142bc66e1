//! `set` and `frozenset` storage.
//!
//! For now a [`Dict`] with `None` values (insertion order); to be replaced by a table that
//! reproduces CPython's `Objects/setobject.c` slot order, so printed sets match CPython.

use crate::dict::{Dict, Lookup};
use crate::value::Value;

/// A hash set of values with their hashes.
#[derive(Clone, Default)]
pub struct Set {
    table: Dict,
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set::default()
    }
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.table.len()
    }
    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
    /// Mutation counter.
    pub fn version(&self) -> u64 {
        self.table.version()
    }
    /// Native lookup (see [`Dict::find`]).
    pub fn find(&self, hash: i64, key: &Value) -> Lookup {
        self.table.find(hash, key)
    }
    /// Candidates for a Python-level comparison (see [`Dict::candidates`]).
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        self.table.candidates(hash)
    }
    /// Adds a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        self.table.insert_new(hash, key, Value::None)
    }
    /// Removes the element at a slot position.
    pub fn remove_at(&mut self, pos: usize) -> Option<Value> {
        self.table.remove_at(pos).map(|(k, _)| k)
    }
    /// Removes and returns an arbitrary element (as `set.pop`).
    pub fn pop(&mut self) -> Option<Value> {
        let pos = (0..self.table.end()).find(|&p| self.table.entry(p).is_some())?;
        self.remove_at(pos)
    }
    /// Removes everything.
    pub fn clear(&mut self) {
        self.table.clear()
    }
    /// The element at slot `pos`, if any.
    pub fn entry(&self, pos: usize) -> Option<&Value> {
        self.table.entry(pos).map(|(k, _)| k)
    }
    /// One past the last slot position.
    pub fn end(&self) -> usize {
        self.table.end()
    }
    /// Elements in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().map(|(k, _)| k)
    }
    /// Elements with their hashes.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter_hashed().map(|(h, k, _)| (h, k))
    }
}
