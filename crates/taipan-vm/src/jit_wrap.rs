//! The VM's side of `enumerate` and `zip` entries in loop traces (the recorder's
//! `record/wrap.rs`; `docs/jit.md`, "Entry stack").
//!
//! An entry-stack `enumerate` (an int count over one part) or `zip` (1 to `MAX_ZIP`
//! distinct parts), each part a list or tuple iterator or a range iterator of step ±1, is
//! *eligible*: the recorder is told its state ([`wrap_obs`]) and the entry buffer gets the
//! layout of `record/wrap.rs` ([`wrap_fill`]): the *lead* (the count, or the first part's
//! counter) as the entry's counter, the kind code, and per part `off = counter - s·ℓ·lead`
//! (`s` the part's direction, `ℓ` the lead's) and its bounds. Any other entry gets the
//! "other object" layout, which every trace's entry guards refuse.
//!
//! An exit writes back a new lead ([`set_wrap_lead`]): the number of steps taken is
//! `(new - lead)·ℓ`; the count becomes the new lead and every part advances by that many
//! steps. The write-back is relative to the iterator's current state and idempotent (a
//! second write of the same lead takes no step), which the run loop relies on: after a
//! run with links the changed counters are written back before the final snapshot, which
//! may list the same counter again. (CPython `Objects/enumobject.c`,
//! `Python/bltinmodule.c` `zip_next`.)

use taipan_jit::record::{MAX_ZIP, PartObs, WrapObs, wrap_code};

use super::{TAG_BOOL, TAG_INT, TAG_NONE, TAG_OBJ, seq_obs};
use crate::object::{IterState, ObjKind};
use crate::value::Value;

/// A part's state: its counter, direction (±1) and the words of its two bound slots.
fn part_state(v: &Value) -> Option<(i64, i64, [u64; 4])> {
    let Value::Obj(o) = v else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    match &*cell.try_borrow().ok()? {
        IterState::Range { next, stop, step } if *step == 1 || *step == -1 => {
            Some((*next, *step, [TAG_INT, *stop as u64, TAG_INT, *step as u64]))
        }
        IterState::List { seq, index } => Some((
            i64::try_from(*index).ok()?,
            1,
            [TAG_OBJ, super::obj_word_rc(seq), TAG_NONE, 0],
        )),
        IterState::Tuple { seq, index } => Some((
            i64::try_from(*index).ok()?,
            1,
            [TAG_OBJ, super::obj_word_rc(seq), TAG_BOOL, 0],
        )),
        _ => None,
    }
}

/// A part as the recorder sees it.
fn part_obs(v: &Value) -> Option<PartObs> {
    let Value::Obj(o) = v else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    match &*cell.try_borrow().ok()? {
        IterState::Range { next, stop, step } if *step == 1 || *step == -1 => Some(PartObs::Range {
            next: *next,
            stop: *stop,
            step: *step,
        }),
        IterState::List { seq, index } | IterState::Tuple { seq, index } => Some(PartObs::Seq {
            index: *index as u64,
            seq: seq_obs(&Value::Obj(seq.clone()), i64::try_from(*index).ok())?,
        }),
        _ => None,
    }
}

/// Runs `f` on an eligible-shaped `enumerate` (its int count and inner iterator) or `zip`
/// (no count, its distinct iterators); `None` for anything else.
fn with_wrap<R>(v: &Value, f: impl FnOnce(Option<i64>, &[Value]) -> Option<R>) -> Option<R> {
    let Value::Obj(o) = v else { return None };
    let ObjKind::Iter(cell) = &o.kind else { return None };
    match &*cell.try_borrow().ok()? {
        IterState::Enumerate {
            it,
            count: Value::Int(c),
        } => f(Some(*c), std::slice::from_ref(it)),
        IterState::Zip { its, .. } if (1..=MAX_ZIP).contains(&its.len()) => {
            // the same iterator twice (`zip(it, it)`) advances twice per step
            for (k, a) in its.iter().enumerate() {
                let Value::Obj(a) = a else { return None };
                if its
                    .iter()
                    .skip(k + 1)
                    .any(|b| matches!(b, Value::Obj(b) if std::rc::Rc::ptr_eq(a, b)))
                {
                    return None;
                }
            }
            f(None, its)
        }
        _ => None,
    }
}

/// What the recorder is told about stack entry `v`, if it is an eligible `enumerate`/`zip`.
pub(super) fn wrap_obs(v: &Value) -> Option<WrapObs> {
    with_wrap(v, |count, its| {
        // (also checks that the buffer layout can be made: the offsets fit)
        wrap_fill_parts(count, its)?;
        let parts = its.iter().map(part_obs).collect::<Option<Vec<_>>>()?;
        Some(WrapObs { count, parts })
    })
}

/// The entry-buffer contents of an eligible entry: the lead, the kind code, and per part
/// its offset and the words of its two bound slots.
pub(super) struct WrapFill {
    /// The lead (the entry's counter).
    pub(super) lead: i64,
    /// The kind code (`record::wrap_code`).
    pub(super) code: i64,
    /// Per part: `off` and the bound slots' words (the first `n`; a fixed array: this is
    /// made at every trace entry from the interpreter, and two `Vec`s were ~40% of the
    /// entry buffer's filling for bm_spectral_norm's enumerate loops).
    parts: [(i64, [u64; 4]); MAX_ZIP],
    /// How many parts.
    n: usize,
}

impl WrapFill {
    /// Per part, in order: `off` and the bound slots' words.
    pub(super) fn parts(&self) -> &[(i64, [u64; 4])] {
        self.parts.get(..self.n).unwrap_or(&[])
    }
}

/// The buffer contents of stack entry `v`, if it is an eligible `enumerate`/`zip`.
pub(super) fn wrap_fill(v: &Value) -> Option<WrapFill> {
    with_wrap(v, wrap_fill_parts)
}

/// [`wrap_fill`] of an entry with count `count` (`None`: a zip) over `its`.
fn wrap_fill_parts(count: Option<i64>, its: &[Value]) -> Option<WrapFill> {
    if its.is_empty() || its.len() > MAX_ZIP {
        return None;
    }
    let mut states = [(0i64, 0i64, [0u64; 4]); MAX_ZIP];
    for (st, it) in states.iter_mut().zip(its) {
        *st = part_state(it)?;
    }
    let (lead, ell) = match count {
        Some(c) => (c, 1i64),
        None => (states[0].0, states[0].1),
    };
    let mut parts = [(0i64, [0u64; 4]); MAX_ZIP];
    for (p, (c, s, bounds)) in parts.iter_mut().zip(&states[..its.len()]) {
        let off = c.checked_sub(s.checked_mul(ell)?.checked_mul(lead)?)?;
        *p = (off, *bounds);
    }
    Some(WrapFill {
        lead,
        code: wrap_code(count.is_some(), its.len()),
        parts,
        n: its.len(),
    })
}

/// Moves part `v` forward by `steps` elements (a range iterator by `steps · step`).
fn advance_part(v: &Value, steps: i64) {
    if let Value::Obj(o) = v
        && let ObjKind::Iter(cell) = &o.kind
        && let Ok(mut st) = cell.try_borrow_mut()
    {
        match &mut *st {
            IterState::Range { next, step, .. } => {
                if let Some(n) = steps.checked_mul(*step).and_then(|d| next.checked_add(d)) {
                    *next = n;
                }
            }
            IterState::List { index, .. } | IterState::Tuple { index, .. } => {
                if let Some(k) = i64::try_from(*index)
                    .ok()
                    .and_then(|k| k.checked_add(steps))
                    .and_then(|k| usize::try_from(k).ok())
                {
                    *index = k;
                }
            }
            _ => {}
        }
    }
}

/// Stores lead `new` into the `enumerate`/`zip` `v` (see the module docs); `false` when `v`
/// is no such entry.
pub(super) fn set_wrap_lead(v: &Value, new: i64) -> bool {
    let Value::Obj(o) = v else { return false };
    let ObjKind::Iter(cell) = &o.kind else { return false };
    let Ok(mut st) = cell.try_borrow_mut() else {
        return false;
    };
    match &mut *st {
        IterState::Enumerate { it, count } => {
            let Value::Int(c) = *count else { return true };
            if let Some(steps) = new.checked_sub(c) {
                advance_part(it, steps);
                *count = Value::Int(new);
            }
            true
        }
        IterState::Zip { its, .. } => {
            let Some((c, s, _)) = its.first().and_then(part_state) else {
                return true;
            };
            if let Some(steps) = new.checked_sub(c).and_then(|d| d.checked_mul(s)) {
                for p in its.iter() {
                    advance_part(p, steps);
                }
            }
            true
        }
        _ => false,
    }
}
