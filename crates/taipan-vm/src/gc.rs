//! The cycle collector: reclaims reference cycles that reference counting cannot.
//!
//! Algorithm: CPython's trial deletion (`Modules/gcmodule.c`), without generations.
//! 1. Every object that can take part in a cycle is *tracked* when allocated ([`alloc`]):
//!    its address goes into a slot of a per-thread table and the slot's position into its
//!    header (`Object::gc_index`, the analogue of CPython's `PyGC_Head` list links). The
//!    object's destructor (`Drop for Object` in `object.rs`) calls [`untrack`], which
//!    empties the slot again (and puts it on a free list for reuse). So the table holds exactly
//!    the live tracked objects, and it never keeps memory alive: an object's memory is
//!    returned the moment its reference count drops to zero.
//! 2. A collection takes a temporary strong reference to every tracked object and sets
//!    `gc_refs = strong_count - 1` (minus that temporary reference).
//! 3. For every reference from one tracked object to another (see [`traverse`]),
//!    the target's `gc_refs` is decremented. What remains counts references from outside
//!    the tracked set (frames, the VM, Rust locals).
//! 4. Objects with `gc_refs > 0`, and everything reachable from them, are alive. The rest
//!    is cyclic garbage: its mutable contents are cleared ([`clear`]), which breaks the
//!    cycles; reference counting then frees the objects when the temporary references drop.
//!
//! Because liveness comes from reference counts, the collector needs no root set and is
//! safe to run whenever no `RefCell` borrow is held by the interpreter: borrows that are
//! held make `try_borrow` fail, and such objects are treated as alive.
//!
//! ## The tracking table (the one place with `unsafe`)
//!
//! The table is a `Vec` of raw `*const Object` slots (null when free) plus a stack of free
//! slot positions; each tracked object's header holds its slot's position (`gc_index`,
//! [`UNTRACKED`] otherwise), so tracking (fill a free slot, or push) and untracking (null
//! the slot, push it on the free stack) are O(1) without hashing and touch no other
//! object (a swap-remove would write the header of the object moved into the hole, a
//! cache miss per free: measured clearly slower on binary_trees). No `Weak` is needed (a
//! `Weak` would keep the allocation alive until the next collection). A collection sorts
//! its snapshot by address, so its passes walk memory roughly sequentially instead of
//! missing the cache on every object. A raw pointer cannot be turned back into a
//! reference or an `Rc` safely, so the collection step 2 and the table compaction
//! (`shrink_table`) use `unsafe`. They rely on one invariant: **a pointer is in the table, in slot `i`, if and only if its object is
//! alive (strong count at least 1, destructor not started) and its `gc_index` is `i`**.
//! It holds because:
//! - [`alloc`] (through `track`) pushes the pointer right after `Rc::new` (obtained with
//!   `Rc::into_raw`, as `Rc::increment_strong_count` requires), while the object is alive,
//!   and stores its position in the header;
//! - the destructor removes it first thing (found through `gc_index`), and Rust runs the
//!   destructor exactly when the strong count reaches zero, with no code in between; the
//!   compaction moves entries and updates their `gc_index` in the same step;
//! - objects never move out of their `Rc` allocation (no `Rc::get_mut`/`Rc::make_mut`/
//!   `Rc::try_unwrap`/`Rc::into_inner` on objects anywhere in the VM), so the address in
//!   the table stays the object's address, and after construction only this module
//!   writes `gc_index`;
//! - the table's `RefCell` is only borrowed inside the small functions of this module,
//!   which never drop an object (or run any other code) while holding the borrow, so the
//!   destructor's removal can never find the table busy.
//!
//! Scheduling (CPython's generation-0 count): `count` is tracked allocations minus
//! tracked deallocations since the last collection (never below zero). Acyclic garbage
//! therefore costs nothing; only objects that survive reference counting (live growth or
//! cyclic garbage) advance it. A collection runs at the next safe point (a call or loop
//! back-edge) once `count` reaches `max(MIN_THRESHOLD, live objects after the last
//! collection)`: each full pass costs time proportional to the live set and happens only
//! after at least as many new survivors, so the amortized cost per allocation is constant
//! and cyclic garbage stays within about the live size. Not handled yet: `__del__`
//! finalizers (taipan does not call `__del__`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::{IterState, ObjKind, Object};
use crate::value::{Obj, Value};

/// Growth of the tracked set (see the module doc) that triggers a collection, at least.
const MIN_THRESHOLD: usize = 20_000;

/// The tracked objects: `slots[i]` is the object whose `gc_index` is `i`, or null; `free`
/// lists the null slots (each once).
struct Table {
    slots: Vec<*const Object>,
    free: Vec<u32>,
}

impl Table {
    /// Live tracked objects.
    fn live(&self) -> usize {
        self.slots.len() - self.free.len()
    }
}

/// `Object::gc_index` of an object that is not in the table.
pub const UNTRACKED: u32 = u32::MAX;

thread_local! {
    /// Live tracked objects; each one's `gc_index` is its position here (see the module
    /// doc for the invariant). Borrowed only inside this module, never across a drop.
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table { slots: Vec::new(), free: Vec::new() })
    };
    /// Tracked allocations minus tracked deallocations since the last collection.
    static COUNT: Cell<usize> = const { Cell::new(0) };
    /// The `COUNT` that makes a collection due.
    static THRESHOLD: Cell<usize> = const { Cell::new(MIN_THRESHOLD) };
    /// (collections run, objects found unreachable) so far.
    static STATS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    /// A collection is due at the next safe point.
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    /// A collection is running (no nested collection).
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
}

/// True for objects that can hold references to other objects (the ones [`alloc`]
/// tracks). Asked once, at allocation; the destructor goes by the header's `gc_index`.
#[inline]
fn is_container(o: &Object) -> bool {
    match &o.kind {
        ObjKind::Str(_)
        | ObjKind::Int(_)
        | ObjKind::Float(_)
        | ObjKind::Complex(..)
        | ObjKind::Bytes(_)
        | ObjKind::ByteArray(_)
        | ObjKind::Range { .. } => o.dict.is_some(),
        ObjKind::NotImplemented | ObjKind::Ellipsis | ObjKind::Code(_) | ObjKind::File(_) => false,
        ObjKind::Tuple(items) => tuple_holds_containers(items),
        ObjKind::Native(n) => n.receiver.is_some(),
        // slice fields never change: `x[1:n]` slices hold ints/None
        ObjKind::Slice { start, stop, step } => {
            o.dict.is_some()
                || [start, stop, step]
                    .iter()
                    .any(|v| matches!(v, Value::Obj(x) if !is_atomic(x)))
        }
        ObjKind::Iter(state) => o.dict.is_some() || iter_may_hold_containers(state),
        _ => true,
    }
}

/// Whether a tuple's items may reference a tracked object (out of line: [`is_container`]
/// is inlined into every allocation).
#[inline(never)]
fn tuple_holds_containers(items: &[Value]) -> bool {
    items.iter().any(|v| matches!(v, Value::Obj(x) if !is_atomic(x)))
}

/// Whether an iterator's state may reference a tracked object. Range iterators and
/// iterators over a str/bytes/bytearray without an instance dict hold nothing that can
/// reach back to them.
///
fn iter_may_hold_containers(state: &RefCell<IterState>) -> bool {
    let Ok(st) = state.try_borrow() else { return true };
    match &*st {
        IterState::Range { .. } => false,
        IterState::Str { s, .. } => s.dict.is_some(),
        IterState::Bytes { seq, .. } => {
            seq.dict.is_some() || !matches!(seq.kind, ObjKind::Bytes(_) | ObjKind::ByteArray(_))
        }
        _ => true,
    }
}

fn is_atomic(o: &Object) -> bool {
    o.dict.is_none()
        && matches!(
            o.kind,
            ObjKind::Str(_)
                | ObjKind::Int(_)
                | ObjKind::Float(_)
                | ObjKind::Complex(..)
                | ObjKind::Bytes(_)
                | ObjKind::Code(_)
                | ObjKind::NotImplemented
                | ObjKind::Ellipsis
        )
}

/// Allocates an object, tracking it if it can be part of a cycle.
///
/// Always inlined: the object is then built in place in its `Rc` allocation instead of
/// being copied through the stack frames of an out-of-line call (measured: the copies
/// were most of this function's cost); the tracking itself stays out of line.
#[inline(always)]
pub fn alloc(o: Object) -> Obj {
    let rc = Rc::new(o);
    if is_container(&rc) { track(rc) } else { rc }
}

/// Pushes a new container object on the tracking table, records its position in its
/// header, and counts it towards the next collection.
#[inline(never)]
fn track(rc: Obj) -> Obj {
    let ptr = Rc::into_raw(rc);
    // SAFETY: `ptr` comes from `Rc::into_raw` just above and is converted back exactly
    // once, restoring the strong reference that `into_raw` gave up.
    let rc = unsafe { Rc::from_raw(ptr) };
    let inserted = TABLE
        .try_with(|t| match t.try_borrow_mut() {
            Ok(mut t) => {
                if let Some(i) = t.free.pop()
                    && let Some(slot) = t.slots.get_mut(i as usize)
                {
                    *slot = ptr;
                    rc.gc_index.set(i);
                    return true;
                }
                match u32::try_from(t.slots.len()) {
                    Ok(i) if i != UNTRACKED => {
                        t.slots.push(ptr);
                        rc.gc_index.set(i);
                        true
                    }
                    _ => false,
                }
            }
            Err(_) => false,
        })
        .unwrap_or(false);
    if inserted {
        let c = COUNT.with(|c| {
            let n = c.get() + 1;
            c.set(n);
            n
        });
        if c >= THRESHOLD.with(|t| t.get()) {
            PENDING.with(|p| p.set(true));
        }
    }
    rc
}

/// Removes a dying object from the tracking table; called first thing by the object's
/// destructor (`Drop for Object`). O(1); does nothing for objects that were not tracked.
#[inline]
pub fn untrack(o: &Object) {
    let i = o.gc_index.get();
    if i != UNTRACKED {
        untrack_at(o, i);
    }
}

/// The removal half of [`untrack`], out of line: frees slot `i` (which holds `o`).
#[inline(never)]
fn untrack_at(o: &Object, i: u32) {
    o.gc_index.set(UNTRACKED);
    let ptr: *const Object = o;
    let removed = TABLE
        .try_with(|t| match t.try_borrow_mut() {
            Ok(mut t) => match t.slots.get_mut(i as usize) {
                Some(slot) if *slot == ptr => {
                    *slot = std::ptr::null();
                    t.free.push(i);
                    true
                }
                _ => false,
            },
            Err(_) => false,
        })
        .unwrap_or(false);
    if removed {
        let _ = COUNT.try_with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// Runs a collection if one is due. Call only at safe points (no borrows held by the
/// caller on objects that might be garbage).
#[inline]
pub fn maybe_collect() {
    if PENDING.with(|p| p.get()) {
        PENDING.with(|p| p.set(false));
        if ENABLED.with(|e| e.get()) {
            collect();
        } else {
            COUNT.with(|c| c.set(0));
        }
    }
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// (collections run, objects reclaimed) so far.
pub fn stats() -> (usize, usize) {
    STATS.with(|s| s.get())
}

/// (growth count since the last collection, the count that triggers the next one,
/// live tracked objects): the analogue of CPython's `gc.get_count()` /
/// `gc.get_threshold()` for the single generation.
pub fn counts() -> (usize, usize, usize) {
    let live = TABLE.with(|t| t.try_borrow().map(|t| t.live()).unwrap_or(0));
    (COUNT.with(|c| c.get()), THRESHOLD.with(|t| t.get()), live)
}

/// A tracked object's pointer as a sortable item (`Default`: null, never read).
#[derive(Clone, Copy)]
struct PtrKey(*const Object);

impl Default for PtrKey {
    fn default() -> Self {
        PtrKey(std::ptr::null())
    }
}

/// Takes a strong reference to every tracked object, in address order.
///
/// The table is in allocation/removal order, which is scattered in memory; a collection touches
/// every object several times, and in random order nearly every touch is a cache miss
/// (measured: twice the run time on a cycle-heavy loop). Sorting by address makes the
/// passes walk the heap roughly sequentially. The sort is a radix sort on the address bits
/// that vary (`support/radix.rs`; `sort_unstable` was 80% of a collection of bm_float's
/// 100,000 live objects).
fn snapshot() -> Vec<Obj> {
    TABLE.with(|t| match t.try_borrow() {
        Ok(t) => {
            let mut ptrs: Vec<PtrKey> = t.slots.iter().copied().filter(|p| !p.is_null()).map(PtrKey).collect();
            crate::support::radix::sort_by_word(&mut ptrs, |p| p.0.addr() as u64);
            ptrs.into_iter()
                .map(|PtrKey(p)| {
                    // SAFETY: `p` is in the table (still borrowed, so unchanged), so its
                    // object is alive (strong count >= 1, destructor not started; see the
                    // module doc) and `p` came from `Rc::into_raw` in `track`.
                    // Incrementing the count and rebuilding an `Rc` from the pointer
                    // yields an owned strong reference, balanced when that `Rc` is
                    // dropped. Nothing is dropped while the table is borrowed.
                    unsafe {
                        Rc::increment_strong_count(p);
                        Rc::from_raw(p)
                    }
                })
                .collect()
        }
        Err(_) => Vec::new(),
    })
}

/// The positions of the tracked objects in a collection's snapshot, by table slot (an
/// array lookup through the object's `gc_index` instead of hashing its address).
struct Index(Vec<u32>);

impl Index {
    /// `child`'s position in the snapshot, if it is tracked.
    fn pos(&self, child: &Obj) -> Option<usize> {
        match self.0.get(child.gc_index.get() as usize) {
            Some(&p) if p != u32::MAX => Some(p as usize),
            _ => None,
        }
    }
}

/// Collects cyclic garbage now; returns the number of objects found unreachable.
pub fn collect() -> usize {
    if COLLECTING.with(|c| c.replace(true)) {
        return 0;
    }
    let objs = snapshot();
    COUNT.with(|c| c.set(0));
    // a tracked object's position in `objs`, found through its table slot (`gc_index`):
    // the table does not change during the collection (nothing is allocated or freed
    // before the garbage is cleared), so slot `i` is the object whose `gc_index` is `i`
    let slots = TABLE.with(|t| t.try_borrow().map(|t| t.slots.len()).unwrap_or(0));
    let mut at_slot = vec![u32::MAX; slots];
    for (i, o) in objs.iter().enumerate() {
        if let Some(p) = at_slot.get_mut(o.gc_index.get() as usize) {
            *p = u32::try_from(i).unwrap_or(u32::MAX);
        }
    }
    let index = Index(at_slot);
    // gc_refs: references from outside the tracked set (minus our own temporary one)
    let mut refs: Vec<isize> = objs.iter().map(|o| Rc::strong_count(o) as isize - 1).collect();
    let mut opaque = vec![false; objs.len()];
    for (i, o) in objs.iter().enumerate() {
        let ok = traverse(o, &mut |child: &Obj| {
            if let Some(r) = index.pos(child).and_then(|j| refs.get_mut(j)) {
                *r -= 1;
            }
        });
        if let (false, Some(op)) = (ok, opaque.get_mut(i)) {
            *op = true;
        }
    }
    // everything reachable from an externally referenced (or unreadable) object is alive
    let mut alive: Vec<bool> = refs.iter().zip(&opaque).map(|(&r, &op)| r > 0 || op).collect();
    let mut stack: Vec<usize> = (0..objs.len()).filter(|&i| alive.get(i) == Some(&true)).collect();
    while let Some(i) = stack.pop() {
        let Some(o) = objs.get(i) else { continue };
        traverse(o, &mut |child: &Obj| {
            if let Some(j) = index.pos(child)
                && let Some(a @ false) = alive.get_mut(j)
            {
                *a = true;
                stack.push(j);
            }
        });
    }
    drop(index);
    let garbage: Vec<&Obj> = objs.iter().zip(&alive).filter(|(_, a)| !**a).map(|(o, _)| o).collect();
    let n = garbage.len();
    let survivors = objs.len() - n;
    THRESHOLD.with(|t| t.set(MIN_THRESHOLD.max(survivors)));
    STATS.with(|s| {
        let (runs, total) = s.get();
        s.set((runs + 1, total + n));
    });
    // break the cycles: clear contents, collecting the dropped values so that their
    // destructors run after every object was cleared
    let mut dropped: Vec<Value> = Vec::new();
    for o in garbage {
        clear(o, &mut dropped);
    }
    drop(dropped);
    // the garbage is freed here, when the last (temporary) references go
    drop(objs);
    shrink_table();
    COLLECTING.with(|c| c.set(false));
    n
}

/// Compacts the table and gives back its memory after the live set shrank a lot (the
/// table keeps the size of the largest live set otherwise): live entries move to the
/// front, in order, and their `gc_index` is updated.
fn shrink_table() {
    TABLE.with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            let live = t.live();
            if t.slots.len() <= 4 * live.max(4096) {
                return;
            }
            let old = std::mem::take(&mut t.slots);
            let mut slots: Vec<*const Object> = Vec::with_capacity(2 * live);
            for p in old.into_iter().filter(|p| !p.is_null()) {
                let Ok(i) = u32::try_from(slots.len()) else { break };
                // SAFETY: `p` is in the table (borrowed: no object is dropped meanwhile),
                // so its object is alive and still at this address (see the module doc):
                // a shared reference to it is valid for this statement. Only its `Cell`
                // is written.
                unsafe { (*p).gc_index.set(i) };
                slots.push(p);
            }
            t.slots = slots;
            t.free = Vec::new();
        }
    });
}

/// Calls `visit` for every object directly referenced by `o`. Returns false if a
/// payload could not be read (borrowed): the caller must then treat `o` as alive.
pub fn traverse(o: &Object, visit: &mut dyn FnMut(&Obj)) -> bool {
    fn val(v: &Value, visit: &mut dyn FnMut(&Obj)) {
        if let Value::Obj(x) = v {
            visit(x);
        }
    }
    if let Some(c) = &o.class {
        visit(c);
    }
    if let Some(d) = &o.dict {
        visit(d);
    }
    match &o.kind {
        ObjKind::Tuple(items) => items.iter().for_each(|v| val(v, visit)),
        ObjKind::List(l) => match l.try_borrow() {
            Ok(l) => l.iter().for_each(|v| val(v, visit)),
            Err(_) => return false,
        },
        ObjKind::Dict(d) => match d.try_borrow() {
            Ok(d) => d.iter().for_each(|(k, v)| {
                val(k, visit);
                val(v, visit);
            }),
            Err(_) => return false,
        },
        ObjKind::Set(s) => match s.try_borrow() {
            Ok(s) => s.iter().for_each(|v| val(v, visit)),
            Err(_) => return false,
        },
        ObjKind::FrozenSet(s) => s.iter().for_each(|v| val(v, visit)),
        ObjKind::Slice { start, stop, step } => {
            val(start, visit);
            val(stop, visit);
            val(step, visit);
        }
        ObjKind::Function(f) => {
            visit(&f.globals);
            f.closure.iter().for_each(&mut *visit);
            let ok = [
                f.module.try_borrow().map(|d| val(&d, visit)).is_ok(),
                f.defaults
                    .try_borrow()
                    .map(|d| d.iter().for_each(|v| val(v, visit)))
                    .is_ok(),
                f.defaults_tuple.try_borrow().map(|d| val(&d, visit)).is_ok(),
                f.kwdefaults
                    .try_borrow()
                    .map(|d| d.iter().for_each(&mut *visit))
                    .is_ok(),
                f.doc.try_borrow().map(|d| val(&d, visit)).is_ok(),
                f.annotations
                    .try_borrow()
                    .map(|d| d.iter().for_each(|v| val(v, visit)))
                    .is_ok(),
                f.attrs.try_borrow().map(|d| d.iter().for_each(&mut *visit)).is_ok(),
            ];
            if ok.iter().any(|k| !k) {
                return false;
            }
        }
        ObjKind::BoundMethod { func, receiver } => {
            val(func, visit);
            val(receiver, visit);
        }
        ObjKind::Native(n) => {
            if let Some(r) = &n.receiver {
                val(r, visit);
            }
        }
        ObjKind::Type(t) => {
            visit(&t.dict);
            let ok = t.bases.try_borrow().map(|b| b.iter().for_each(&mut *visit)).is_ok()
                && t.mro_tail.try_borrow().map(|b| b.iter().for_each(&mut *visit)).is_ok();
            if !ok {
                return false;
            }
        }
        ObjKind::Instance(slots) => {
            if let Some(s) = slots {
                match s.try_borrow() {
                    Ok(s) => s.iter().flatten().for_each(|v| val(v, visit)),
                    Err(_) => return false,
                }
            }
        }
        ObjKind::Exception(e) => match e.try_borrow() {
            Ok(e) => {
                val(&e.args, visit);
                e.cause.iter().for_each(|v| val(v, visit));
                e.context.iter().for_each(|v| val(v, visit));
            }
            Err(_) => return false,
        },
        ObjKind::Cell(c) => match c.try_borrow() {
            Ok(c) => c.iter().for_each(|v| val(v, visit)),
            Err(_) => return false,
        },
        ObjKind::Property {
            fget,
            fset,
            fdel,
            doc,
            name,
        } => {
            if let Some(n) = &*name.borrow() {
                val(n, visit);
            }
            val(fget, visit);
            val(fset, visit);
            val(fdel, visit);
            val(doc, visit);
        }
        ObjKind::StaticMethod(f) | ObjKind::ClassMethod(f) => val(f, visit),
        ObjKind::Super { this, obj, start } => {
            visit(this);
            val(obj, visit);
            visit(start);
        }
        ObjKind::Generator(g) => match g.try_borrow() {
            Ok(g) => {
                if let Some(f) = &g.frame {
                    visit(&f.globals);
                    f.locals.iter().flatten().for_each(|v| val(v, visit));
                    f.stack.iter().for_each(|v| val(v, visit));
                    if let Some(l) = &f.locals_dict {
                        val(l, visit);
                    }
                    // a suspended generator keeps its own handled exception here
                    if let Some(e) = &f.saved_exc {
                        val(e, visit);
                    }
                    f.code.consts.iter().for_each(|v| val(v, visit));
                }
            }
            Err(_) => return false,
        },
        ObjKind::Iter(st) => match st.try_borrow() {
            Ok(st) => traverse_iter(&st, visit),
            Err(_) => return false,
        },
        ObjKind::DictView { dict, .. } => visit(dict),
        ObjKind::Module
        | ObjKind::Int(_)
        | ObjKind::Float(_)
        | ObjKind::Complex(..)
        | ObjKind::Str(_)
        | ObjKind::Bytes(_)
        | ObjKind::ByteArray(_)
        | ObjKind::Range { .. }
        | ObjKind::BigRange { .. }
        | ObjKind::Code(_)
        | ObjKind::File(_)
        | ObjKind::NotImplemented
        | ObjKind::Ellipsis => {}
    }
    true
}

fn traverse_iter(st: &IterState, visit: &mut dyn FnMut(&Obj)) {
    let mut val = |v: &Value| {
        if let Value::Obj(x) = v {
            visit(x);
        }
    };
    match st {
        IterState::List { seq, .. } | IterState::Tuple { seq, .. } | IterState::Bytes { seq, .. } => {
            val(&Value::Obj(seq.clone()))
        }
        IterState::Str { s, .. } => val(&Value::Obj(s.clone())),
        IterState::Dict { dict, .. } => val(&Value::Obj(dict.clone())),
        IterState::Set { set, .. } => val(&Value::Obj(set.clone())),
        IterState::Reversed { seq, .. } => val(seq),
        IterState::Enumerate { it, count } => {
            val(it);
            val(count);
        }
        IterState::Zip { its, .. } => its.iter().for_each(val),
        IterState::Map { func, its } => {
            val(func);
            its.iter().for_each(val);
        }
        IterState::Filter { func, it } => {
            val(func);
            val(it);
        }
        IterState::Callable { func, sentinel } => {
            val(func);
            val(sentinel);
        }
        IterState::SeqIndex { seq, .. } => val(seq),
        IterState::Range { .. } | IterState::Exhausted => {}
    }
}

/// Empties the mutable parts of a garbage object (moving the values into `out`).
fn clear(o: &Object, out: &mut Vec<Value>) {
    match &o.kind {
        ObjKind::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                out.append(&mut l);
            }
        }
        ObjKind::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = d.take_all();
                for (k, v) in old.iter() {
                    out.push(k.clone());
                    out.push(v.clone());
                }
                drop(old);
            }
        }
        ObjKind::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let old = std::mem::take(&mut *s);
                out.extend(old.iter().cloned());
            }
        }
        ObjKind::Function(f) => {
            if let Ok(mut d) = f.defaults.try_borrow_mut() {
                out.append(&mut d);
            }
            if let Ok(mut d) = f.defaults_tuple.try_borrow_mut() {
                out.push(std::mem::replace(&mut *d, Value::None));
            }
            if let Ok(mut d) = f.kwdefaults.try_borrow_mut()
                && let Some(x) = d.take()
            {
                out.push(Value::Obj(x));
            }
            if let Ok(mut d) = f.annotations.try_borrow_mut()
                && let Some(x) = d.take()
            {
                out.push(x);
            }
            if let Ok(mut d) = f.attrs.try_borrow_mut()
                && let Some(x) = d.take()
            {
                out.push(Value::Obj(x));
            }
            if let Ok(mut d) = f.doc.try_borrow_mut() {
                out.push(std::mem::replace(&mut *d, Value::None));
            }
            if let Ok(mut d) = f.module.try_borrow_mut() {
                out.push(std::mem::replace(&mut *d, Value::None));
            }
        }
        ObjKind::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut()
                && let Some(v) = c.take()
            {
                out.push(v);
            }
        }
        ObjKind::Instance(Some(slots)) => {
            if let Ok(mut s) = slots.try_borrow_mut() {
                for v in s.iter_mut() {
                    if let Some(x) = v.take() {
                        out.push(x);
                    }
                }
            }
        }
        ObjKind::Exception(e) => {
            if let Ok(mut e) = e.try_borrow_mut() {
                out.push(std::mem::replace(&mut e.args, Value::None));
                if let Some(c) = e.cause.take() {
                    out.push(c);
                }
                if let Some(c) = e.context.take() {
                    out.push(c);
                }
                e.traceback.clear();
            }
        }
        ObjKind::Type(t) => {
            if let Ok(mut m) = t.mro_tail.try_borrow_mut() {
                out.extend(m.drain(..).map(Value::Obj));
            }
            if let Ok(mut b) = t.bases.try_borrow_mut() {
                out.extend(b.drain(..).map(Value::Obj));
            }
        }
        ObjKind::Generator(g) => {
            if let Ok(mut g) = g.try_borrow_mut() {
                if let Some(mut f) = g.frame.take() {
                    out.append(&mut f.stack);
                    out.extend(f.locals.drain(..).flatten());
                    out.extend(f.saved_exc.take());
                }
                g.finished = true;
            }
        }
        ObjKind::Iter(st) => {
            if let Ok(mut st) = st.try_borrow_mut() {
                let old = std::mem::replace(&mut *st, IterState::Exhausted);
                drop(old);
            }
        }
        _ => {}
    }
}
