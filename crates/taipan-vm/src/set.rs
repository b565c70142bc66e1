//! `set` and `frozenset` storage: a [`SetTable`] of values, so that iteration (and so
//! `print`) order is CPython 3.11's (`Objects/setobject.c` slot layout; see
//! [`crate::support::settable`] for the algorithm and which CPython function each
//! operation mirrors).
//!
//! Key equality: [`Set::find`] answers with native equality only ([`native_eq`]);
//! callers needing Python `__eq__` use [`Set::candidates`] outside the borrow and re-check
//! [`Set::version`] (see `crate::ops::Vm::set_find`), or run the generic drivers of
//! `support::settable` through the [`TableCell`] implementation below with [`PyKeyEq`].

use std::cell::RefCell;

use crate::dict::{Lookup, native_eq};
use crate::support::dicttable::{self, KeyEq, TableCell};
use crate::support::settable::SetTable;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// A hash set of values with their hashes, laid out as CPython's set table.
///
/// `Clone` copies the layout exactly (a Rust-level copy); Python's `s.copy()` is
/// [`Set::copy`], which may reorder as CPython's does.
#[derive(Clone, Default)]
pub struct Set {
    table: SetTable<Value>,
}

impl TableCell<SetTable<Value>> for RefCell<Set> {
    /// Borrows the set mutably for the duration of `f` (never while Python code runs).
    fn with_table<R>(&self, f: impl FnOnce(&mut SetTable<Value>) -> R) -> R {
        f(&mut self.borrow_mut().table)
    }
}

/// Python key equality for the generic table drivers: native when possible, else
/// identity then `stored.__eq__(probe)` (CPython's `PyObject_RichCompare(startkey, key)`).
pub struct PyKeyEq<'a>(pub &'a mut Vm);

impl KeyEq<Value> for PyKeyEq<'_> {
    type Error = PyErr;
    fn native(&mut self, stored: &Value, probe: &Value) -> Option<bool> {
        native_eq(stored, probe)
    }
    fn slow(&mut self, stored: &Value, probe: &Value) -> Result<bool, PyErr> {
        if stored.is(probe) {
            return Ok(true);
        }
        self.0.eq(stored, probe)
    }
}

impl Set {
    /// An empty set (8 slots).
    pub fn new() -> Set {
        Set::default()
    }
    /// Wraps a table.
    pub fn from_table(table: SetTable<Value>) -> Set {
        Set { table }
    }
    /// The table (read-only).
    pub fn table(&self) -> &SetTable<Value> {
        &self.table
    }
    /// The table (mutable).
    pub fn table_mut(&mut self) -> &mut SetTable<Value> {
        &mut self.table
    }
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.table.len()
    }
    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
    /// Change counter of the key set and layout.
    pub fn version(&self) -> u64 {
        self.table.version()
    }
    /// Native lookup: `Found(slot)`, `Absent`, or `Slow` when a candidate with an equal hash
    /// needs a Python-level comparison.
    pub fn find(&self, hash: i64, key: &Value) -> Lookup {
        match self.table.find(hash, |k| native_eq(k, key)) {
            dicttable::Lookup::Found(p) => Lookup::Found(p),
            dicttable::Lookup::Absent(_) => Lookup::Absent,
            dicttable::Lookup::NeedsSlowPath => Lookup::Slow,
        }
    }
    /// Candidates for a Python-level comparison: (slot, key) with an equal stored hash, in
    /// probe order.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        self.table.candidates(hash)
    }
    /// Adds a key known to be absent (CPython `set_add_entry` for an absent key, resize
    /// included).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        self.table.insert_new(hash, key)
    }
    /// Removes the element at a slot position (it becomes a dummy).
    pub fn remove_at(&mut self, pos: usize) -> Option<Value> {
        self.table.remove_at(pos)
    }
    /// Removes and returns an element as `set.pop` does (finger scan).
    pub fn pop(&mut self) -> Option<Value> {
        self.table.pop()
    }
    /// Removes everything (back to 8 slots).
    pub fn clear(&mut self) {
        drop(self.table.clear());
    }
    /// Removes everything, returning the removed elements (to drop after the borrow ends).
    pub fn take_all(&mut self) -> Vec<Value> {
        self.table.clear()
    }
    /// The element at slot `pos`, if active.
    pub fn entry(&self, pos: usize) -> Option<&Value> {
        self.table.key(pos)
    }
    /// The element at slot `pos` with its hash, if active.
    pub fn entry_hashed(&self, pos: usize) -> Option<(i64, &Value)> {
        self.table.entry(pos)
    }
    /// First active slot at or after `pos`.
    pub fn next_active(&self, pos: usize) -> Option<usize> {
        self.table.next_active(pos)
    }
    /// Number of slots; slot positions are `0..end()`.
    pub fn end(&self) -> usize {
        self.table.end()
    }
    /// Elements in iteration (slot) order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter()
    }
    /// Elements with their hashes, in iteration order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter_hashed()
    }
    /// Python's `s.copy()` / `set(s)`: a new set filled as CPython's `set_merge` into an
    /// empty set (may order differently from `self`).
    pub fn copy(&self) -> Set {
        Set {
            table: self.table.copy(),
        }
    }
    /// `hash(frozenset)` (CPython `frozenset_hash`).
    pub fn frozenset_hash(&self) -> i64 {
        self.table.frozenset_hash()
    }
    /// A frozenset constant as CPython 3.11's compiler builds it from a literal's items
    /// (hashes precomputed, in source order): see `SetTable::constant`. The items must be
    /// constants (native equality decides).
    pub fn constant(items: Vec<(i64, Value)>) -> Set {
        Set {
            table: SetTable::constant(items, |a, b| native_eq(a, b) == Some(true)),
        }
    }
}
