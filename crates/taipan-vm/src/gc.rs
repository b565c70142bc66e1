//! The cycle collector: reclaims reference cycles that reference counting cannot.
//!
//! Algorithm: CPython's (`Modules/gcmodule.c`), without generations.
//! 1. Every object that can take part in a cycle is *tracked* when allocated
//!    ([`alloc`]): a weak pointer goes into a per-thread list.
//! 2. A collection upgrades every live tracked object and sets
//!    `gc_refs = strong_count - 1` (minus our own temporary reference).
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
//! Scheduling: a collection runs at the next safe point (a call or loop back-edge) after
//! `max(MIN_THRESHOLD, live objects after the last collection)` tracked allocations, so
//! the amortized cost per allocation is constant and memory stays within about twice the
//! live size. Not handled yet: `__del__` finalizers (taipan does not call `__del__`).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::object::{IterState, ObjKind, Object};
use crate::value::{Obj, Value};

/// Tracked allocations between collections, at least.
const MIN_THRESHOLD: usize = 20_000;

struct GcState {
    tracked: Vec<Weak<Object>>,
    since_last: usize,
    threshold: usize,
    collections: usize,
    collected: usize,
}

thread_local! {
    static STATE: RefCell<GcState> = const {
        RefCell::new(GcState { tracked: Vec::new(), since_last: 0, threshold: MIN_THRESHOLD, collections: 0, collected: 0 })
    };
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// True for payloads that can hold references to other objects.
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
        ObjKind::Tuple(items) => items.iter().any(|v| matches!(v, Value::Obj(x) if !is_atomic(x))),
        ObjKind::Native(n) => n.receiver.is_some(),
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
#[inline]
pub fn alloc(o: Object) -> Obj {
    let track = is_container(&o);
    let rc = Rc::new(o);
    if track {
        STATE.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.tracked.push(Rc::downgrade(&rc));
                s.since_last += 1;
                if s.since_last >= s.threshold {
                    PENDING.with(|p| p.set(true));
                }
            }
        });
    }
    rc
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
            STATE.with(|s| {
                if let Ok(mut s) = s.try_borrow_mut() {
                    s.since_last = 0;
                }
            });
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
    STATE.with(|s| s.try_borrow().map(|s| (s.collections, s.collected)).unwrap_or((0, 0)))
}

/// Collects cyclic garbage now; returns the number of objects found unreachable.
pub fn collect() -> usize {
    let tracked = STATE.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => std::mem::take(&mut s.tracked),
        Err(_) => Vec::new(),
    });
    let objs: Vec<Obj> = tracked.iter().filter_map(|w| w.upgrade()).collect();
    drop(tracked);
    let index: hashbrown::HashMap<usize, usize> = objs
        .iter()
        .enumerate()
        .map(|(i, o)| (Rc::as_ptr(o) as usize, i))
        .collect();
    // gc_refs: references from outside the tracked set (minus our own temporary one)
    let mut refs: Vec<isize> = objs.iter().map(|o| Rc::strong_count(o) as isize - 1).collect();
    let mut opaque = vec![false; objs.len()];
    for (i, o) in objs.iter().enumerate() {
        let ok = traverse(o, &mut |child: &Obj| {
            if let Some(&j) = index.get(&(Rc::as_ptr(child) as usize)) {
                refs[j] -= 1;
            }
        });
        if !ok {
            opaque[i] = true;
        }
    }
    // everything reachable from an externally referenced (or unreadable) object is alive
    let mut alive = vec![false; objs.len()];
    let mut stack: Vec<usize> = (0..objs.len()).filter(|&i| refs[i] > 0 || opaque[i]).collect();
    for &i in &stack {
        alive[i] = true;
    }
    while let Some(i) = stack.pop() {
        traverse(&objs[i], &mut |child: &Obj| {
            if let Some(&j) = index.get(&(Rc::as_ptr(child) as usize)) {
                if !alive[j] {
                    alive[j] = true;
                    stack.push(j);
                }
            }
        });
    }
    let garbage: Vec<usize> = (0..objs.len()).filter(|&i| !alive[i]).collect();
    let n = garbage.len();
    // keep the survivors tracked
    let survivors: Vec<Weak<Object>> = objs
        .iter()
        .zip(alive.iter())
        .filter(|(_, a)| **a)
        .map(|(o, _)| Rc::downgrade(o))
        .collect();
    let live = survivors.len();
    STATE.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            let newer = std::mem::take(&mut s.tracked);
            s.tracked = survivors;
            s.tracked.extend(newer);
            s.since_last = 0;
            s.threshold = MIN_THRESHOLD.max(live);
            s.collections += 1;
            s.collected += n;
        }
    });
    // break the cycles: clear contents, collecting the dropped values so that their
    // destructors run after every object was cleared
    let mut dropped: Vec<Value> = Vec::new();
    for &i in &garbage {
        clear(&objs[i], &mut dropped);
    }
    drop(dropped);
    drop(objs);
    n
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
            f.closure.iter().for_each(|c| visit(c));
            val(&f.module, visit);
            let ok = [
                f.defaults
                    .try_borrow()
                    .map(|d| d.iter().for_each(|v| val(v, visit)))
                    .is_ok(),
                f.kwdefaults
                    .try_borrow()
                    .map(|d| d.iter().for_each(|x| visit(x)))
                    .is_ok(),
                f.doc.try_borrow().map(|d| val(&d, visit)).is_ok(),
                f.annotations
                    .try_borrow()
                    .map(|d| d.iter().for_each(|v| val(v, visit)))
                    .is_ok(),
                f.attrs.try_borrow().map(|d| d.iter().for_each(|x| visit(x))).is_ok(),
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
            let ok = t.bases.try_borrow().map(|b| b.iter().for_each(|x| visit(x))).is_ok()
                && t.mro_tail.try_borrow().map(|b| b.iter().for_each(|x| visit(x))).is_ok();
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
        ObjKind::Property { fget, fset, fdel, doc } => {
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
                let old = std::mem::take(&mut *d);
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
            if let Ok(mut d) = f.kwdefaults.try_borrow_mut() {
                if let Some(x) = d.take() {
                    out.push(Value::Obj(x));
                }
            }
            if let Ok(mut d) = f.annotations.try_borrow_mut() {
                if let Some(x) = d.take() {
                    out.push(x);
                }
            }
            if let Ok(mut d) = f.attrs.try_borrow_mut() {
                if let Some(x) = d.take() {
                    out.push(Value::Obj(x));
                }
            }
            if let Ok(mut d) = f.doc.try_borrow_mut() {
                out.push(std::mem::replace(&mut *d, Value::None));
            }
        }
        ObjKind::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                if let Some(v) = c.take() {
                    out.push(v);
                }
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
