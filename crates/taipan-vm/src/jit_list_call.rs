//! The list-method shortcut of opaque calls (`py_call`, `jit_func.rs`): a bound `pop` or
//! `insert` of an exact list made directly (bm_fannkuch's `perm1_ins(r, perm1_pop(0))`).

use super::{Outcome, write_outcome};
use crate::PyResult;
use crate::jit::run::slot_value;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::Vm;

/// [`super::py_call`]'s shortcut for a bound `pop`/`insert` of an exact list with at most two
/// arguments (bm_fannkuch's `perm1_ins(r, perm1_pop(0))`, 2.5M calls): made by
/// [`list_method_call`] without the call area's context save and restore, the argument
/// array and the tree check (no Python code runs, no nested run uses the area). `None`
/// when it does not apply (another callable, other arguments, a marked run: see
/// [`super::py_call`]); nothing was done then.
///
/// # Safety
/// As [`super::py_call`]: `a` is the running call area with its context words written, `cw` the
/// word of a live callable, `n` the number of arguments in the area's argument slots.
pub(super) unsafe fn py_call_list(a: *mut u64, cw: u64, n: usize) -> Option<i64> {
    use taipan_jit::record::{AREA_ARGS, AREA_RESULT};
    // SAFETY: the caller's contract: word 4 is the run's mark, word 0 the Vm's address
    // (no reference into the Vm is held while the trace runs).
    let (mark, vm) = unsafe { (a.add(4).read(), &mut *(a.read() as *mut Vm)) };
    if mark != 0 {
        return None;
    }
    let mut buf = [Value::None, Value::None];
    for (k, slot) in buf.iter_mut().enumerate().take(n) {
        let s = 2 * (AREA_ARGS as usize + k);
        // SAFETY: argument slot `k < n` of this call, written by the trace.
        *slot = unsafe { slot_value(a.add(s).read(), a.add(s + 1).read()) }?;
    }
    // SAFETY: the caller's contract.
    let r = unsafe {
        crate::jit::helpers::with_obj(cw, |c| {
            matches!(&c.kind, ObjKind::Native(nf) if nf.owner == "list" && nf.receiver.is_some())
                .then(|| list_method_call(c, buf.get(..n).unwrap_or(&[])))
                .flatten()
        })
    }??;
    vm.jit.fx.epoch = vm.jit.fx.epoch.wrapping_add(1);
    vm.jit.runs = vm.jit.runs.wrapping_add(1);
    vm.jit.counters.py_calls += 1;
    let out = match r {
        Ok(v) => Outcome::Value(v),
        Err(e) => Outcome::Raised(e),
    };
    let res = a.wrapping_add(2 * AREA_RESULT as usize);
    // SAFETY: the area's result slot; no Python code ran, so the running tree still holds.
    let status = unsafe { write_outcome(res, &out, true) };
    vm.jit.fx.outcome = Some(out);
    Some(status)
}

/// A call of a bound `pop` or `insert` of an exact list (bm_fannkuch's `perm1_pop =
/// perm1.pop; perm1_ins = perm1.insert`, called as `perm1_ins(r, perm1_pop(0))`) made
/// directly, without the generic call's argument vectors and parsing: `xs.pop()`,
/// `xs.pop(i)` and `xs.insert(i, v)` with int arguments, as CPython's `list_pop_impl` and
/// `list_insert_impl` (`Objects/listobject.c`). `None` for any other callable or
/// arguments, and for a `pop` that would raise (empty list, index out of range): the
/// caller then makes the generic call, which raises the same error.
fn list_method_call(o: &crate::value::Obj, args: &[Value]) -> Option<PyResult<Value>> {
    let ObjKind::Native(nf) = &o.kind else { return None };
    let Some(Value::Obj(recv)) = &nf.receiver else {
        return None;
    };
    let ObjKind::List(l) = &recv.kind else { return None };
    if nf.owner != "list" || !crate::jit::helpers::exact(recv) {
        return None;
    }
    let mut items = l.try_borrow_mut().ok()?;
    let n = i64::try_from(items.len()).ok()?;
    match (nf.name, args) {
        ("pop", [] | [Value::Int(_)]) => {
            let i = match args {
                [Value::Int(i)] => *i,
                _ => -1,
            };
            let j = if i < 0 { i.saturating_add(n) } else { i };
            let j = usize::try_from(j).ok().filter(|&j| j < items.len())?;
            let v = items.remove(j);
            drop(items);
            Some(Ok(v))
        }
        ("insert", [Value::Int(i), v]) => {
            let j = if *i < 0 {
                i.saturating_add(n).max(0)
            } else {
                (*i).min(n)
            };
            items.insert(usize::try_from(j).ok()?, v.clone());
            Some(Ok(Value::None))
        }
        _ => None,
    }
}
