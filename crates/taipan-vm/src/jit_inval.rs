//! Invalidation by assumption records (`docs/jit.md`, "Invalidation").
//!
//! A compiled tree assumes bindings: a name bound to a value in a dict (a module's
//! globals, the builtins, a module's dict), a name absent from the globals (so a builtin
//! is found), a class's version tag ([`super::globals::Pin`]). When a tree is installed
//! (and when a side trace adds pins to it), each of its pins is checked once and becomes a
//! *record* in this registry: (watched object, key) → the trees that depend on it, where
//! the key is the name's hash for a dict and [`CLASS_KEY`] for a class. The object is
//! marked *watched* (`Dict::watched`: a word with one bit per key hash mod 32, so that
//! changes of other keys cost a bit test; `TypeData::watched`), so that every change of
//! one of its watched bindings reports itself here ([`dict_changed`], [`type_changed`]): the trees of the
//! records of that key are *invalidated* — marked invalid (a tree whose flag is set is
//! never entered again: [`TreeInval::invalid`] is what every entry, link and function call
//! checks, and what an opaque call's helper reads after the call for the running tree),
//! counted (`invalidations` in `--jit-stats`), and all their records removed. The VM
//! then drops such a tree from its loop (`TraceSet::invalidate`, the loop counts again) at
//! the next arrival there, where it finds the flag.
//!
//! Records are conservative: a key is a hash, so another name with the same hash also
//! invalidates, and a value handed out for writing counts as changed. A tree dropped for
//! any other reason removes its records ([`retire`]), so no record outlives its tree and a
//! dict or class no tree depends on stops reporting (its flag is cleared at its next
//! change). The registry holds the watched objects weakly (their addresses, the keys, are
//! not reused while a record exists) and is per thread, like the VM.
//!
//! Source of the idea: V8's code dependencies and PyPy's quasi-immutable fields
//! (invalidate compiled code when an assumed-constant field is written); CPython 3.12's
//! dict watchers (a flag on the dict, a callback on every mutation).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::Tree;
use super::globals::Pin;
use crate::dict::key_bit;
use crate::object::{ObjKind, Object};
use crate::value::Obj;

/// The key of a class's record (a class has one assumed binding: its version tag).
const CLASS_KEY: i64 = 0;

/// A tree's side of the registry.
pub(crate) struct TreeInval {
    /// The tree was invalidated (or retired): it is never entered again.
    invalid: Cell<bool>,
    /// The records of the tree: (watched object's address, key).
    records: RefCell<Vec<(usize, i64)>>,
    /// The VM's `invalidations` counter (`--jit-stats`).
    count: Rc<Cell<u64>>,
}

impl TreeInval {
    /// A valid tree with no record yet, counting its invalidation in `count`.
    pub(crate) fn new(count: Rc<Cell<u64>>) -> TreeInval {
        TreeInval {
            invalid: Cell::new(false),
            records: RefCell::new(Vec::new()),
            count,
        }
    }

    /// Whether a binding the tree assumes changed (or the tree was dropped).
    #[inline]
    pub(crate) fn invalid(&self) -> bool {
        self.invalid.get()
    }
}

/// A hasher for the registry's word keys (addresses, str hashes): one multiply per word
/// (FxHash's step); the registry is asked at every change of a watched dict, most of them
/// about keys no tree assumes.
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }

    fn write_i64(&mut self, x: i64) {
        self.write_u64(x as u64);
    }
}

/// A map with word keys.
type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The records of one watched object.
struct Watched {
    /// The object (weak: keeps its address from being reused while records exist).
    _obj: Weak<Object>,
    /// Per key: the trees that depend on it.
    deps: WordMap<i64, Vec<Weak<Tree>>>,
}

thread_local! {
    /// Watched objects by address (a dict's: its `Dict`'s; a class's: its object's).
    static REGISTRY: RefCell<WordMap<usize, Watched>> = RefCell::new(WordMap::default());
}

/// The watched object and key of pin `p`, marked watched; `None` when it cannot be (a
/// dead object, a dict borrowed right now).
fn mark(p: &Pin) -> Option<(Obj, usize, i64)> {
    let (o, key) = p.target()?;
    let addr = match &o.kind {
        ObjKind::Dict(c) => {
            c.try_borrow_mut().ok()?.watch(key?);
            c.as_ptr() as usize
        }
        ObjKind::Type(td) => {
            td.watched.set(true);
            Rc::as_ptr(&o) as usize
        }
        _ => return None,
    };
    Some((o, addr, key.unwrap_or(CLASS_KEY)))
}

/// Registers pins `pins` of `tree` (at its installation, or a side trace's new pins when
/// it is attached): each is checked to hold now — the recording ran Python code, and a
/// background compilation let more run since — and recorded. A pin that no longer holds
/// (or cannot be watched) invalidates the tree at once. Returns whether the tree is valid.
pub(crate) fn watch(tree: &Rc<Tree>, pins: &[Pin]) -> bool {
    if tree.inval.invalid() {
        return false;
    }
    for p in pins {
        let Some((o, addr, key)) = p.holds().then(|| mark(p)).flatten() else {
            invalidate(tree);
            return false;
        };
        let added = REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            let w = r.entry(addr).or_insert_with(|| Watched {
                _obj: Rc::downgrade(&o),
                deps: WordMap::default(),
            });
            let v = w.deps.entry(key).or_default();
            if v.iter().any(|t| std::ptr::eq(t.as_ptr(), Rc::as_ptr(tree))) {
                return false;
            }
            v.push(Rc::downgrade(tree));
            true
        });
        if added {
            tree.inval.records.borrow_mut().push((addr, key));
        }
    }
    true
}

/// Invalidates `tree`: a binding it assumes changed. Counted once; its records go.
fn invalidate(tree: &Tree) {
    if tree.inval.invalid.replace(true) {
        return;
    }
    tree.inval.count.set(tree.inval.count.get().saturating_add(1));
    unwatch(tree);
}

/// Marks `tree` invalid without counting it (dropped for another reason: type-unstable
/// entries, a failed run) and removes its records.
#[cold]
#[inline(never)]
pub(crate) fn retire(tree: &Tree) {
    tree.inval.invalid.set(true);
    unwatch(tree);
}

/// Removes the records of `tree`.
fn unwatch(tree: &Tree) {
    let records = std::mem::take(&mut *tree.inval.records.borrow_mut());
    if records.is_empty() {
        return;
    }
    let _ = REGISTRY.try_with(|r| {
        let mut r = r.borrow_mut();
        for (addr, key) in records {
            let Some(w) = r.get_mut(&addr) else { continue };
            if let Some(v) = w.deps.get_mut(&key) {
                v.retain(|t| t.strong_count() > 0 && !std::ptr::eq(t.as_ptr(), tree));
                if v.is_empty() {
                    w.deps.remove(&key);
                }
            }
            if w.deps.is_empty() {
                r.remove(&addr);
            }
        }
    });
}

/// Invalidates the trees of the records of `key` of watched object `addr` (every key
/// when `None`). Returns the [`key_bit`]s of the object's records left (0: it is no
/// longer watched; records the invalidated trees hold elsewhere on it go right after, so
/// the answer may have a bit more than needed until the next change).
fn changed(addr: usize, key: Option<i64>) -> u32 {
    let Ok((trees, left)) = REGISTRY.try_with(|r| {
        let mut r = r.borrow_mut();
        let Some(w) = r.get_mut(&addr) else {
            return (Vec::new(), 0);
        };
        let trees: Vec<Weak<Tree>> = match key {
            Some(k) => w.deps.remove(&k).unwrap_or_default(),
            None => w.deps.drain().flat_map(|(_, v)| v).collect(),
        };
        let left = w.deps.keys().fold(0, |m, &k| m | key_bit(k));
        if w.deps.is_empty() {
            r.remove(&addr);
        }
        (trees, left)
    }) else {
        return 0;
    };
    for t in trees {
        if let Some(t) = t.upgrade() {
            invalidate(&t);
        }
    }
    left
}

/// A binding of the watched dict at address `addr` changed: the key with hash `hash` (or
/// every key when `None`) was added, removed, rebound or handed out for writing
/// (`Dict`'s mutating methods). Returns the dict's new watched-keys word.
pub(crate) fn dict_changed(addr: usize, hash: Option<i64>) -> u32 {
    changed(addr, hash)
}

/// The version tag of the watched class `t` was bumped (`type_modified`). Returns whether
/// it stays watched.
pub(crate) fn type_changed(t: &Obj) -> bool {
    changed(Rc::as_ptr(t) as usize, Some(CLASS_KEY)) != 0
}

/// The number of records in the registry (`--jit-stats`: records of dropped trees are
/// removed, so this counts what the live trees assume).
pub(crate) fn live_records() -> usize {
    REGISTRY
        .try_with(|r| {
            r.borrow()
                .values()
                .map(|w| w.deps.values().map(Vec::len).sum::<usize>())
                .sum()
        })
        .unwrap_or(0)
}
