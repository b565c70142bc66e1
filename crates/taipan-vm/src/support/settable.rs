//! Hash table behind `set` and `frozenset`, generic over the key, reproducing CPython 3.11's
//! `Objects/setobject.c` slot layout so that iteration (and so `print`) order matches CPython.
//!
//! # Algorithm (CPython 3.11 `Objects/setobject.c`)
//! - `slots`: `2^k` (k >= 3) slots, each empty, dummy (deleted) or active `(hash, key)`.
//!   `fill` counts active + dummy slots, `used` active ones. Iteration walks slots in index
//!   order, so the order is a function of the hashes and of the history of the table.
//! - Probing: start at `i = hash & mask`; inspect slot `i` and, when `i + 9 <= mask`, the 9
//!   slots after it (`LINEAR_PROBES`); then `perturb >>= 5; i = (i*5 + 1 + perturb) & mask`
//!   (`perturb` starts as the hash, unsigned) and repeat. A walk ends at the first empty slot.
//! - Adding (`set_add_entry`): walk; a candidate is an active slot whose stored hash equals the
//!   hash; remember the *last* dummy seen. An absent key goes into that dummy (only `used`
//!   grows), else into the empty slot (`fill` and `used` grow, and if `fill*5 >= mask*3` the
//!   table is resized to hold `used*4` (`used*2` above 50000 elements)).
//! - Resizing (`set_table_resize(minused)`): new size = smallest power of two > `minused`, at
//!   least 8; active entries are re-inserted in old slot order, each into the first empty
//!   slot of its walk (`set_insert_clean`), dummies vanish. Exception: a size-8 table staying at
//!   size 8 without dummies is left alone. This re-insertion is what reorders a set.
//! - Deleting (`set_discard_entry`) turns the slot into a dummy; the table never shrinks on
//!   delete. `pop` scans from a `finger` left by the previous pop.
//! - Merging a set into a table (`set_merge`): first one resize to `(used + other.used)*2`
//!   when `(fill + other.used)*5 >= mask*3`; then, if the target is empty (`fill == 0`): an
//!   exact slot-by-slot copy when both have the same size and the source has no dummies,
//!   else `set_insert_clean` of the source's entries in slot order; otherwise ordinary adds in
//!   the source's slot order. So `s.copy()`, `set(s)` and `frozenset(s)` may order entries
//!   differently from `s`.
//! - Keys are never rehashed: the stored hash is used for probing and resizing. Python hashes
//!   are never -1; small ints hash to themselves (`hash(-1) == -2`).
//!
//! # Python `__eq__`
//! Lookups use the two-layer protocol of [`super::dicttable`] (fast path [`SetTable::find`]
//! with a native equality; slow path [`SetTable::candidates`] + [`SetTable::version`] compared
//! outside the borrow, restart on any change, where CPython restarts only when the table was
//! rebuilt or the compared slot changed). The driver functions below ([`set_add`],
//! [`set_contains`], [`set_discard`], and the whole-set operations) run that protocol through a
//! [`TableCell`], so that no table is borrowed while Python code runs. Operations iterating a
//! set while comparing do so by slot position, re-borrowing at every step, as CPython's
//! `set_next` does. `version` changes whenever the key set or the layout changes.
//!
//! # Which CPython function each operation mirrors
//! | Python                                   | CPython 3.11                                           | here |
//! |------------------------------------------|--------------------------------------------------------|------|
//! | `{a, b, c}` (not all constants), `{x for x in it}` | `BUILD_SET` / `SET_ADD`: `PySet_Add` in order | [`SetTable::new`] + [`set_add`] per element |
//! | frozenset constants: `{1, 2, 3}` (3+ constant items), `x in {1, 2}`, `for x in {1, 2}` | the compiler folds the items into a frozenset (adds in source order), and its constant merging (`merge_consts_recursive`) rebuilds it by adding its items again in the first one's iteration order | [`SetTable::constant`] |
//! | `{1, 2, 3}` (3+ constant items)          | `BUILD_SET 0`, `LOAD_CONST` frozenset, `SET_UPDATE`: `set_merge` into an empty set | [`set_update_from_set`] from [`SetTable::constant`] into [`SetTable::new`] |
//! | `set(it)`, `frozenset(it)`, `s.update(it)`, `s.union(it)`, `s \|= it` (iterable not set/dict) | `set_update_internal`: `set_add_key` per item | [`set_add`] per item |
//! | `set(d)`, `s.update(d)` (exact dict)     | `set_update_internal`: resize like `set_merge`, then `set_add_entry` in dict order with stored hashes | [`set_update_from_dict`] |
//! | `set(s2)`, `frozenset(s2)`, `s.update(s2)`, `s \|= s2` | `set_merge`                             | [`set_update_from_set`] |
//! | `s.copy()`, `set(s)`, `frozenset(s)`      | `set_copy` / `make_new_set` → `set_merge` into an empty set (but `frozenset(f)` of an exact frozenset is `f` itself) | [`SetTable::copy`] (same as [`set_update_from_set`] into [`SetTable::new`]) |
//! | `a \| b`, `a.union(b, ...)`              | `set_or` / `set_union`: copy of `a`, then `set_update_internal` per argument (skipping `a` itself) | [`set_union`] |
//! | `a & b`, `a.intersection(b)` (b a set)   | `set_intersection`: iterate the smaller (b on ties), add common keys to a new set | [`set_intersection`] |
//! | `a.intersection(it)`                     | iterate `it`, add keys found in `a`, stop once the result has `len(a)` keys | recipe: [`set_contains`] + [`set_add`] |
//! | `a &= b`, `a.intersection_update(...)`   | intersection, then `set_swap_bodies` (the `finger` stays) | [`SetTable::replace_body`] |
//! | `a - b`, `a.difference(b)` (b set)       | `set_difference`: copy-and-discard when `len(a)/4 > len(b)`, else add keys of `a` not in `b` | [`set_difference`] |
//! | `a - d` / `a.difference(d)` (exact dict)  | same choice, membership in the dict                    | [`set_difference_dict`] |
//! | `a.difference(it)`                       | `set_copy_and_difference`: copy, discard each, then the dummy rule | recipe: [`SetTable::copy`] + [`set_discard`] + [`SetTable::shrink_after_discards`] |
//! | `a -= b`, `a.difference_update(b)`       | `set_difference_update_internal` (b set: discard in b's slot order, b replaced by `a & b` when 8x larger; any iterable: discard each), then resize if dummies > mask/4 | [`set_difference_update`]; iterables: [`set_discard`] per item + [`SetTable::shrink_after_discards`] |
//! | `a ^ b`, `a.symmetric_difference(b)`     | `make_new_set(b)` (for a set `b`: its copy), then symmetric-difference-update with `a` | [`set_symmetric_difference`]; other iterables: `t` = new set by [`set_add`] per item (dict: [`set_update_from_dict`]), then [`set_symmetric_difference_update`]`(t, a)` |
//! | `a ^= b`, `a.symmetric_difference_update(b)` | b set: in b's slot order, discard else add; b exact dict: the same over its keys in dict order ([`DictTable::next_live`]); other iterables: `set(it)` first | [`set_symmetric_difference_update`]; dict: [`set_discard`], else [`set_add`], per key |
//! | `s.add(x)`, `s.discard(x)`, `s.remove(x)`, `x in s` | `set_add_key`, `set_discard_key`, `set_contains_key` | [`set_add`], [`set_discard`], [`set_contains`] |
//! | `s.pop()`                                 | `set_pop` (finger scan)                               | [`SetTable::pop`] |
//! | `s.clear()`                               | `set_clear_internal` (back to 8 slots; finger kept)   | [`SetTable::clear`] |
//! | `a <= b`, `a.issubset(b)`, `a == b`       | `set_issubset` (`set_richcompare`; a non-set argument is made a set first) | [`set_issubset`] |
//! | `a.isdisjoint(b)`                         | `set_isdisjoint`: iterate the smaller                 | [`set_isdisjoint`] |
//! | `hash(frozenset)`                         | `frozenset_hash`                                      | [`SetTable::frozenset_hash`] |
//! | iteration, `repr`                         | `setiter_iternext` / `set_next`: slot order; "Set changed size during iteration" when `len` changed | [`SetTable::next_active`] |
//!
//! Identity shortcuts (`a.update(a)`, `a & a`, `a - a`, `a ^= a`, ...) are detected by cell
//! address. Not covered (caller's job, needs the VM): hashing and iterating arbitrary
//! iterables, errors for unhashable keys, and `.pyc` round trips (marshal rebuilds frozenset
//! constants by adding their items in the original's iteration order).
//!
//! # Invariants
//! - `slots.len()` is a power of two >= 8; `used <= fill < slots.len()`, and after every add
//!   `fill*5 < mask*3`, so every walk reaches an empty slot.
//! - no two active slots hold equal keys (given a consistent `__eq__`).

use std::cell::RefCell;

use super::dicttable::{DictTable, HashLookup, InsertHint, KeyEq, Lookup, Resolved, TableCell, resolve};

/// Smallest table size (CPython `PySet_MINSIZE`).
const MIN_SIZE: usize = 8;
/// Slots inspected linearly after each probe position (CPython `LINEAR_PROBES`).
const LINEAR_PROBES: usize = 9;
/// Hash bits consumed per perturbation step (CPython `PERTURB_SHIFT`).
const PERTURB_SHIFT: u32 = 5;

/// One slot of the table.
#[derive(Clone, Debug)]
enum Slot<K> {
    /// Never used since the last resize or clear (hash 0, key NULL in CPython).
    Empty,
    /// Deleted (CPython's `dummy` key, hash -1).
    Dummy,
    /// A stored key with its hash.
    Active(i64, K),
}

/// The slot walk of a lookup: CPython's linear runs plus perturbed jumps.
struct Walk {
    base: usize,
    offset: usize,
    run: usize,
    perturb: u64,
    mask: usize,
}

impl Walk {
    fn new(hash: i64, mask: usize) -> Walk {
        let perturb = hash as u64;
        let base = (perturb as usize) & mask;
        Walk {
            base,
            offset: 0,
            run: Walk::run_len(base, mask),
            perturb,
            mask,
        }
    }

    fn run_len(base: usize, mask: usize) -> usize {
        if base.saturating_add(LINEAR_PROBES) <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }

    /// The current slot index.
    fn slot(&self) -> usize {
        self.base + self.offset
    }

    fn advance(&mut self) {
        if self.offset < self.run {
            self.offset += 1;
            return;
        }
        self.perturb >>= PERTURB_SHIFT;
        self.base = self
            .base
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize)
            & self.mask;
        self.offset = 0;
        self.run = Walk::run_len(self.base, self.mask);
    }
}

/// Set storage with CPython's slot layout (see the module docs).
///
/// `Clone` copies the layout exactly (a Rust-level copy); Python's `s.copy()` is
/// [`SetTable::copy`], which may reorder.
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    slots: Vec<Slot<K>>,
    fill: usize,
    used: usize,
    finger: usize,
    version: u64,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        SetTable::new()
    }
}

impl<K> HashLookup<K> for SetTable<K> {
    fn find(&self, hash: i64, eq: impl FnMut(&K) -> Option<bool>) -> Lookup {
        SetTable::find(self, hash, eq)
    }
    fn candidates(&self, hash: i64) -> Vec<(usize, K)>
    where
        K: Clone,
    {
        SetTable::candidates(self, hash)
    }
    fn version(&self) -> u64 {
        self.version
    }
    fn absent_hint(&self, hash: i64) -> InsertHint {
        SetTable::absent_hint(self, hash)
    }
}

fn empty_slots<K>(n: usize) -> Vec<Slot<K>> {
    let mut v = Vec::with_capacity(n);
    v.resize_with(n, || Slot::Empty);
    v
}

/// `set_insert_clean`: puts a key known to be absent into the first empty slot of its walk
/// (the table must have no dummies on that walk's way, which holds for fresh tables).
fn insert_clean<K>(slots: &mut [Slot<K>], hash: i64, key: K) {
    let mask = slots.len().wrapping_sub(1);
    let mut walk = Walk::new(hash, mask);
    loop {
        match slots.get_mut(walk.slot()) {
            Some(s @ Slot::Empty) => {
                *s = Slot::Active(hash, key);
                return;
            }
            Some(_) => walk.advance(),
            None => return,
        }
    }
}

impl<K> SetTable<K> {
    /// An empty set: 8 empty slots (CPython `make_new_set`).
    pub fn new() -> Self {
        SetTable {
            slots: empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    /// A frozenset constant as CPython 3.11's compiler makes it from the items of a literal
    /// (in source order): a first set by adds, then a second set by adding the first's items
    /// in its iteration order (`merge_consts_recursive`). `eq` decides equality natively
    /// (constants never need Python code).
    pub fn constant(items: impl IntoIterator<Item = (i64, K)>, mut eq: impl FnMut(&K, &K) -> bool) -> Self {
        let mut first = SetTable::new();
        for (hash, key) in items {
            if let Lookup::Absent(hint) = first.find(hash, |k| Some(eq(k, &key))) {
                first.insert_at(hint, hash, key);
            }
        }
        let mut second = SetTable::new();
        for slot in first.slots {
            if let Slot::Active(hash, key) = slot {
                second.insert_new(hash, key);
            }
        }
        second.version = 0;
        second
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used
    }

    /// True if there are no elements.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Change counter of the key set and layout.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of slots (CPython `mask + 1`); slot positions are `0..end()`.
    pub fn end(&self) -> usize {
        self.slots.len()
    }

    /// Active plus dummy slots (CPython `fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    fn bump(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    /// Fast-path lookup (`set_lookkey` with a native equality): `Found` carries the slot.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&K) -> Option<bool>) -> Lookup {
        let mut walk = Walk::new(hash, self.mask());
        let mut free = None;
        loop {
            match self.slots.get(walk.slot()) {
                None | Some(Slot::Empty) => {
                    let slot = free.unwrap_or(walk.slot());
                    return Lookup::Absent(InsertHint {
                        slot,
                        version: self.version,
                    });
                }
                Some(Slot::Dummy) => free = Some(walk.slot()),
                Some(Slot::Active(h, k)) => {
                    if *h == hash {
                        match eq(k) {
                            Some(true) => return Lookup::Found(walk.slot()),
                            Some(false) => {}
                            None => return Lookup::NeedsSlowPath,
                        }
                    }
                }
            }
            walk.advance();
        }
    }

    /// Slow-path candidates: (slot, key clone) of active slots whose hash equals `hash`, in
    /// walk order.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, K)>
    where
        K: Clone,
    {
        let mut out = Vec::new();
        let mut walk = Walk::new(hash, self.mask());
        loop {
            match self.slots.get(walk.slot()) {
                None | Some(Slot::Empty) => return out,
                Some(Slot::Active(h, k)) if *h == hash => out.push((walk.slot(), k.clone())),
                Some(_) => {}
            }
            walk.advance();
        }
    }

    /// Where `set_add_entry` would put a key with `hash` known to be absent: the last dummy
    /// of the walk, else the empty slot ending it.
    pub fn absent_hint(&self, hash: i64) -> InsertHint {
        let mut walk = Walk::new(hash, self.mask());
        let mut free = None;
        loop {
            match self.slots.get(walk.slot()) {
                None | Some(Slot::Empty) => {
                    let slot = free.unwrap_or(walk.slot());
                    return InsertHint {
                        slot,
                        version: self.version,
                    };
                }
                Some(Slot::Dummy) => free = Some(walk.slot()),
                Some(Slot::Active(..)) => {}
            }
            walk.advance();
        }
    }

    /// Looks up with a native equality that always decides; returns the slot.
    pub fn find_native(&self, hash: i64, mut eq: impl FnMut(&K) -> bool) -> Option<usize> {
        match self.find(hash, |k| Some(eq(k))) {
            Lookup::Found(i) => Some(i),
            _ => None,
        }
    }

    /// Adds a key known to be absent (no equality check), as `set_add_entry` does for an
    /// absent key, including the resize. Returns nothing: slots move on resize.
    pub fn insert_new(&mut self, hash: i64, key: K) {
        let hint = self.absent_hint(hash);
        self.insert_at(hint, hash, key);
    }

    /// Adds a key known to be absent at the slot `hint` names (from [`Lookup::Absent`] or
    /// [`Resolved::Absent`]); a stale hint is recomputed.
    pub fn insert_at(&mut self, hint: InsertHint, hash: i64, key: K) {
        let mut slot = hint.slot;
        let valid =
            hint.version == self.version && matches!(self.slots.get(slot), Some(Slot::Empty) | Some(Slot::Dummy));
        if !valid {
            slot = self.absent_hint(hash).slot;
        }
        let Some(s) = self.slots.get_mut(slot) else {
            return;
        };
        let was_empty = matches!(s, Slot::Empty);
        *s = Slot::Active(hash, key);
        self.used += 1;
        self.bump();
        if was_empty {
            self.fill += 1;
            if self.fill.saturating_mul(5) >= self.mask().saturating_mul(3) {
                self.resize(self.growth());
            }
        }
    }

    /// `minused` for growth: `used*4`, or `used*2` above 50000 elements.
    fn growth(&self) -> usize {
        if self.used > 50_000 {
            self.used.saturating_mul(2)
        } else {
            self.used.saturating_mul(4)
        }
    }

    /// `set_table_resize(minused)`: re-inserts the active entries, in slot order, into a table
    /// of the smallest power-of-two size > `minused` (at least 8).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            match size.checked_mul(2) {
                Some(s) => size = s,
                None => break,
            }
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(size));
        for slot in old {
            if let Slot::Active(h, k) = slot {
                insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
        self.bump();
    }

    /// The one big resize `set_merge` (and `set_update_internal` for dicts) does before
    /// adding `incoming` keys: to `(used + incoming)*2` when `(fill + incoming)*5 >= mask*3`.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if self.fill.saturating_add(incoming).saturating_mul(5) >= self.mask().saturating_mul(3) {
            self.resize(self.used.saturating_add(incoming).saturating_mul(2));
        }
    }

    /// `set_merge`'s fast paths for an empty target (`fill == 0`): an exact slot copy when
    /// the sizes match and `other` has no dummies, else clean inserts in `other`'s slot order.
    /// Returns false (doing nothing) if this table is not empty. Call
    /// [`SetTable::reserve_for_merge`] first, as `set_merge` does.
    pub fn fill_from_empty(&mut self, other: &SetTable<K>) -> bool
    where
        K: Clone,
    {
        if self.fill != 0 {
            return false;
        }
        if other.used == 0 {
            return true;
        }
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other
                .slots
                .iter()
                .map(|s| match s {
                    Slot::Active(h, k) => Slot::Active(*h, k.clone()),
                    _ => Slot::Empty,
                })
                .collect();
        } else {
            for s in &other.slots {
                if let Slot::Active(h, k) = s {
                    insert_clean(&mut self.slots, *h, k.clone());
                }
            }
        }
        self.fill = other.used;
        self.used = other.used;
        self.bump();
        true
    }

    /// `s.copy()` / `set(s)` / `frozenset(s)`: a new table filled by `set_merge` (may order
    /// differently from `self`). Version starts at 0.
    pub fn copy(&self) -> Self
    where
        K: Clone,
    {
        let mut t = SetTable::new();
        if self.used > 0 {
            t.reserve_for_merge(self.used);
            t.fill_from_empty(self);
        }
        t.version = 0;
        t
    }

    /// Removes the key in slot `slot` (`set_discard_entry` after the lookup): the slot
    /// becomes a dummy. Returns the removed key.
    pub fn remove_at(&mut self, slot: usize) -> Option<K> {
        let s = self.slots.get_mut(slot)?;
        if !matches!(s, Slot::Active(..)) {
            return None;
        }
        let Slot::Active(_, key) = std::mem::replace(s, Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        self.bump();
        Some(key)
    }

    /// `set.pop()`: removes the first active slot at or after the finger (wrapping), and
    /// leaves the finger after it. `None` if empty.
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        for _ in 0..self.slots.len() {
            if matches!(self.slots.get(i), Some(Slot::Active(..))) {
                self.finger = i + 1;
                return self.remove_at(i);
            }
            i = if i >= mask { 0 } else { i + 1 };
        }
        None
    }

    /// `set.clear()`: back to 8 empty slots (the finger is kept, as CPython). Returns the
    /// removed keys so the caller may drop them after releasing the borrow.
    pub fn clear(&mut self) -> Vec<K> {
        let old = std::mem::replace(&mut self.slots, empty_slots(MIN_SIZE));
        self.fill = 0;
        self.used = 0;
        self.bump();
        old.into_iter()
            .filter_map(|s| match s {
                Slot::Active(_, k) => Some(k),
                _ => None,
            })
            .collect()
    }

    /// The end of `set_difference_update_internal`: when more than `mask/4` slots are dummies,
    /// resize them away (to `used*4`, or `used*2` above 50000 elements).
    pub fn shrink_after_discards(&mut self) {
        if self.fill.saturating_sub(self.used) > self.mask() / 4 {
            self.resize(self.growth());
        }
    }

    /// `set_swap_bodies` as used by `intersection_update` / `&=`: this table takes `body`'s
    /// slots and counts (keeping its own finger) and returns its old body. Both versions move
    /// past both old versions.
    pub fn replace_body(&mut self, mut body: SetTable<K>) -> SetTable<K> {
        std::mem::swap(&mut self.slots, &mut body.slots);
        std::mem::swap(&mut self.fill, &mut body.fill);
        std::mem::swap(&mut self.used, &mut body.used);
        let v = self.version.max(body.version).wrapping_add(1);
        self.version = v;
        body.version = v;
        body
    }

    /// The active slot at `slot`: (hash, key).
    pub fn entry(&self, slot: usize) -> Option<(i64, &K)> {
        match self.slots.get(slot) {
            Some(Slot::Active(h, k)) => Some((*h, k)),
            _ => None,
        }
    }

    /// The key at `slot`, if active.
    pub fn key(&self, slot: usize) -> Option<&K> {
        self.entry(slot).map(|(_, k)| k)
    }

    /// First active slot `>= pos`: the iteration step. A set iterator keeps the next slot
    /// and the length it started with; CPython raises "Set changed size during iteration"
    /// when `len()` differs.
    pub fn next_active(&self, pos: usize) -> Option<usize> {
        let tail = self.slots.get(pos..)?;
        tail.iter()
            .position(|s| matches!(s, Slot::Active(..)))
            .map(|off| pos + off)
    }

    /// Keys in iteration (slot) order.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter_hashed().map(|(_, k)| k)
    }

    /// Keys with their hashes in iteration order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// `hash(frozenset)` (CPython `frozenset_hash`): depends only on the elements' hashes.
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = self.iter_hashed().fold(0u64, |acc, (h, _)| acc ^ shuffle(h as u64));
        hash ^= (self.used as u64).wrapping_add(1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        hash as i64
    }
}

/// Whether two cells are the same object (CPython's `so == other` shortcuts).
fn same_cell<A: ?Sized, B: ?Sized>(a: &A, b: &B) -> bool {
    std::ptr::addr_eq(a as *const A, b as *const B)
}

/// `s.add(key)` (`set_add_entry`): true if the key was added, false if an equal key was
/// present (the stored key stays). Errors: from `eq.slow`.
pub fn set_add<K, C, Q>(cell: &C, key: K, hash: i64, eq: &mut Q) -> Result<bool, Q::Error>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    match resolve(cell, &key, hash, eq)? {
        Resolved::Found(_) => Ok(false),
        Resolved::Absent(hint) => {
            cell.with_table(|t| t.insert_at(hint, hash, key));
            Ok(true)
        }
    }
}

/// `s.add(key)` in one borrow of the table when every comparison the probe makes is
/// answered by `native` (no Python code): `Some(true)` if the key was added, `Some(false)`
/// if an equal key was present (the stored key stays), `None` with nothing changed when a
/// comparison needs the slow path (the caller then takes [`set_add`] or another way).
pub fn set_add_native<K, C>(cell: &C, key: K, hash: i64, mut native: impl FnMut(&K, &K) -> Option<bool>) -> Option<bool>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
{
    cell.with_table(|t| match t.find(hash, |stored| native(stored, &key)) {
        Lookup::Found(_) => Some(false),
        Lookup::Absent(hint) => {
            t.insert_at(hint, hash, key);
            Some(true)
        }
        Lookup::NeedsSlowPath => None,
    })
}

/// `key in s` (`set_contains_entry`). Errors: from `eq.slow`.
pub fn set_contains<K, C, Q>(cell: &C, key: &K, hash: i64, eq: &mut Q) -> Result<bool, Q::Error>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    Ok(matches!(resolve(cell, key, hash, eq)?, Resolved::Found(_)))
}

/// `s.discard(key)` (`set_discard_entry`): the removed (stored) key, or `None` if absent.
/// Errors: from `eq.slow`.
pub fn set_discard<K, C, Q>(cell: &C, key: &K, hash: i64, eq: &mut Q) -> Result<Option<K>, Q::Error>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    Ok(match resolve(cell, key, hash, eq)? {
        Resolved::Found(slot) => cell.with_table(|t| t.remove_at(slot)),
        Resolved::Absent(_) => None,
    })
}

/// Calls `f(hash, key)` on each element of the set in `cell`, in slot order, re-borrowing at
/// every step (as CPython's `set_next`, so `f` may run Python code), until `f` returns
/// `Ok(false)`. Returns whether it went through all of them.
fn each_key<K, C, E>(cell: &C, mut f: impl FnMut(i64, K) -> Result<bool, E>) -> Result<bool, E>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
{
    let mut pos = 0;
    while let Some((slot, hash, key)) = cell.with_table(|t| {
        let slot = t.next_active(pos)?;
        t.entry(slot).map(|(h, k)| (slot, h, k.clone()))
    }) {
        if !f(hash, key)? {
            return Ok(false);
        }
        pos = slot + 1;
    }
    Ok(true)
}

/// As [`each_key`] for the keys of a dict, in dict order (as CPython's `_PyDict_Next`).
fn each_dict_key<K, V, D, E>(d: &D, mut f: impl FnMut(i64, K) -> Result<(), E>) -> Result<(), E>
where
    K: Clone,
    D: TableCell<DictTable<K, V>> + ?Sized,
{
    let mut pos = 0;
    while let Some((p, hash, key)) = d.with_table(|t| {
        let p = t.next_live(pos)?;
        t.entry_hashed(p).map(|(h, k, _)| (p, h, k.clone()))
    }) {
        f(hash, key)?;
        pos = p + 1;
    }
    Ok(())
}

/// `dst.update(src)` / `dst |= src` for a set `src` (`set_merge`). Errors: from `eq.slow`.
pub fn set_update_from_set<K, C, S, Q>(dst: &C, src: &S, eq: &mut Q) -> Result<(), Q::Error>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
    S: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    let incoming = src.with_table(|s| s.len());
    if same_cell(dst, src) || incoming == 0 {
        return Ok(());
    }
    let done = dst.with_table(|d| {
        d.reserve_for_merge(incoming);
        src.with_table(|s| d.fill_from_empty(s))
    });
    if !done {
        each_key(src, |hash, key| set_add(dst, key, hash, eq).map(|_| true))?;
    }
    Ok(())
}

/// `dst.update(d)` / `set(d)` for an exact dict `d` (`set_update_internal`): one resize, then
/// the keys in dict order with their stored hashes. Errors: from `eq.slow`.
pub fn set_update_from_dict<K, V, C, D, Q>(dst: &C, src: &D, eq: &mut Q) -> Result<(), Q::Error>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
    D: TableCell<DictTable<K, V>> + ?Sized,
    Q: KeyEq<K>,
{
    let incoming = src.with_table(|d| d.len());
    dst.with_table(|t| t.reserve_for_merge(incoming));
    each_dict_key(src, |hash, key| set_add(dst, key, hash, eq).map(|_| ()))
}

/// `a | b` / `a.union(b)` for a set `b` (`set_or`): a copy of `a` updated with `b`.
/// Errors: from `eq.slow`.
pub fn set_union<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<SetTable<K>, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    let result = RefCell::new(a.with_table(|t| t.copy()));
    if !same_cell(a, b) {
        set_update_from_set(&result, b, eq)?;
    }
    Ok(result.into_inner())
}

/// `a & b` / `a.intersection(b)` for a set `b` (`set_intersection`): iterates the smaller
/// set (`b` when equal), adding the keys found in the other to a new set.
/// Errors: from `eq.slow`.
pub fn set_intersection<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<SetTable<K>, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    if same_cell(a, b) {
        return Ok(a.with_table(|t| t.copy()));
    }
    if b.with_table(|t| t.len()) > a.with_table(|t| t.len()) {
        return common_keys(b, a, eq);
    }
    common_keys(a, b, eq)
}

/// Keys of `small`, in slot order, that are also in `big`, added to a new set.
fn common_keys<K, A, B, Q>(big: &A, small: &B, eq: &mut Q) -> Result<SetTable<K>, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    let result = RefCell::new(SetTable::new());
    each_key(small, |hash, key| {
        if set_contains(big, &key, hash, eq)? {
            set_add(&result, key, hash, eq)?;
        }
        Ok(true)
    })?;
    Ok(result.into_inner())
}

/// `a - b` / `a.difference(b)` for a set `b` (`set_difference`). Errors: from `eq.slow`.
pub fn set_difference<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<SetTable<K>, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    if (a.with_table(|t| t.len()) >> 2) > b.with_table(|t| t.len()) {
        let result = RefCell::new(a.with_table(|t| t.copy()));
        set_difference_update(&result, b, eq)?;
        return Ok(result.into_inner());
    }
    let result = RefCell::new(SetTable::new());
    each_key(a, |hash, key| {
        if !set_contains(b, &key, hash, eq)? {
            set_add(&result, key, hash, eq)?;
        }
        Ok(true)
    })?;
    Ok(result.into_inner())
}

/// `a - d` / `a.difference(d)` for an exact dict `d` (`set_difference`'s dict branch).
/// Errors: from `eq.slow`.
pub fn set_difference_dict<K, V, C, D, Q>(a: &C, d: &D, eq: &mut Q) -> Result<SetTable<K>, Q::Error>
where
    K: Clone,
    C: TableCell<SetTable<K>> + ?Sized,
    D: TableCell<DictTable<K, V>> + ?Sized,
    Q: KeyEq<K>,
{
    if (a.with_table(|t| t.len()) >> 2) > d.with_table(|t| t.len()) {
        let result = RefCell::new(a.with_table(|t| t.copy()));
        each_dict_key(d, |hash, key| set_discard(&result, &key, hash, eq).map(|_| ()))?;
        result.with_table(|r| r.shrink_after_discards());
        return Ok(result.into_inner());
    }
    let result = RefCell::new(SetTable::new());
    each_key(a, |hash, key| {
        if matches!(resolve(d, &key, hash, eq)?, Resolved::Absent(_)) {
            set_add(&result, key, hash, eq)?;
        }
        Ok(true)
    })?;
    Ok(result.into_inner())
}

/// `a -= b` / `a.difference_update(b)` for a set `b` (`set_difference_update_internal`).
/// Errors: from `eq.slow`.
pub fn set_difference_update<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<(), Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    if same_cell(a, b) {
        a.with_table(|t| t.clear());
        return Ok(());
    }
    let discard = |hash, key, eq: &mut Q| set_discard(a, &key, hash, eq).map(|_| true);
    if (b.with_table(|t| t.len()) >> 3) > a.with_table(|t| t.len()) {
        let common = RefCell::new(set_intersection(a, b, eq)?);
        each_key(&common, |hash, key| discard(hash, key, eq))?;
    } else {
        each_key(b, |hash, key| discard(hash, key, eq))?;
    }
    a.with_table(|t| t.shrink_after_discards());
    Ok(())
}

/// `a ^= b` / `a.symmetric_difference_update(b)` for a set `b`: in `b`'s slot order,
/// discard each key from `a`, adding it when absent. Errors: from `eq.slow`.
pub fn set_symmetric_difference_update<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<(), Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    if same_cell(a, b) {
        a.with_table(|t| t.clear());
        return Ok(());
    }
    each_key(b, |hash, key| {
        if set_discard(a, &key, hash, eq)?.is_none() {
            set_add(a, key, hash, eq)?;
        }
        Ok(true)
    })?;
    Ok(())
}

/// `a ^ b` / `a.symmetric_difference(b)` for a set `b`: a copy of `b`, then updated with `a`.
/// Errors: from `eq.slow`.
pub fn set_symmetric_difference<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<SetTable<K>, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    let result = RefCell::new(b.with_table(|t| t.copy()));
    set_symmetric_difference_update(&result, a, eq)?;
    Ok(result.into_inner())
}

/// `a <= b` / `a.issubset(b)` for a set `b` (`set_issubset`); `a == b` is equal lengths and
/// subset. Errors: from `eq.slow`.
pub fn set_issubset<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<bool, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    if a.with_table(|t| t.len()) > b.with_table(|t| t.len()) {
        return Ok(false);
    }
    each_key(a, |hash, key| set_contains(b, &key, hash, eq))
}

/// `a.isdisjoint(b)` for a set `b` (`set_isdisjoint`): iterates the smaller set.
/// Errors: from `eq.slow`.
pub fn set_isdisjoint<K, A, B, Q>(a: &A, b: &B, eq: &mut Q) -> Result<bool, Q::Error>
where
    K: Clone,
    A: TableCell<SetTable<K>> + ?Sized,
    B: TableCell<SetTable<K>> + ?Sized,
    Q: KeyEq<K>,
{
    if same_cell(a, b) {
        return Ok(a.with_table(|t| t.is_empty()));
    }
    if b.with_table(|t| t.len()) > a.with_table(|t| t.len()) {
        return each_key(a, |hash, key| set_contains(b, &key, hash, eq).map(|found| !found));
    }
    each_key(b, |hash, key| set_contains(a, &key, hash, eq).map(|found| !found))
}

#[cfg(test)]
#[path = "settable_tests.rs"]
mod tests;
