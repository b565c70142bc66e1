//! Bounds-check elimination for counted loops (issue 5: "bounds-check elimination for
//! `for i in range(len(xs))` patterns").
//!
//! In a peeled loop (`pre; body₁; loop; phis; body₂; jump`, see [`super::peel`]) an
//! *induction variable* is a `phi %i` whose back-edge value is `int_add %i, c` with a
//! constant `c >= 1`: it only grows. When `body₂` first checks it against a loop-invariant
//! bound, `guard_true (int_lt %i, S)` (the range's `stop`: the loop's own exit test), every
//! later `guard_true (int_lt %i, L)` against another loop-invariant `L` (a list's length,
//! hoisted by CSE) holds whenever `S <= L`: `%i < S <= L`. The pass then checks `S <= L`
//! once, at the end of the preamble (right before `loop`), and drops the check from the
//! loop body. The new guard resumes where the loop's own test would at the start of the
//! body's first iteration: the loop test's snapshot with each `phi` replaced by its entry
//! value (so it applies only when every value that snapshot lists is a `phi` or defined
//! before `loop`). When `S > L` the loop would fail that check in some iteration: the
//! trace leaves before the loop body instead and the interpreter runs the iterations (with
//! their `IndexError`, if any, exactly where CPython raises it).
//!
//! Comparisons of the form `int_lt %i, L` only (what the recorder emits for `xs[i]` and
//! `range` loops). Snapshots with owned values or `release` lists are left alone (the pass
//! does nothing then).

use hashbrown::HashMap;

use crate::ir::{Func, Imm, Insn, InsnId, Op, SnapEntry, SnapId, SnapVal};
use crate::opt::rewrite::{Action, rewrite};

/// What the analysis found: the body checks to drop and the preamble checks to add.
struct Plan {
    /// Old ids of the `guard_true` instructions of the loop body to drop.
    drop: Vec<InsnId>,
    /// The checks `S <= L` to add before `loop` (old ids), in order, without repeats.
    checks: Vec<(InsnId, InsnId)>,
    /// The loop test's snapshot (old id) the added guards resume from, phis substituted.
    snap: SnapId,
}

/// The constant of `const_i64` instruction `id`, if it is one.
fn const_of(f: &Func, id: InsnId) -> Option<i64> {
    match f.insn(id) {
        Some(Insn {
            op: Op::ConstI64,
            imm: Imm::Int(k),
            ..
        }) => Some(*k),
        _ => None,
    }
}

fn analyze(f: &Func) -> Option<Plan> {
    let lp = f.loop_pos()?;
    // the phis right after `loop`: id -> (entry, back-edge value)
    let mut phis: HashMap<InsnId, (InsnId, InsnId)> = HashMap::new();
    let mut k = lp + 1;
    while let Some(insn) = f.insns.get(k) {
        if insn.op != Op::Phi {
            break;
        }
        if let [e, b] = insn.args[..] {
            phis.insert(InsnId(k as u32), (e, b));
        }
        k += 1;
    }
    // induction variables: phi %i whose back-edge value is int_add %i, c (c >= 1)
    let is_iv = |p: InsnId| -> bool {
        let Some(&(_, back)) = phis.get(&p) else { return false };
        match f.insn(back) {
            Some(Insn {
                op: Op::IntAdd, args, ..
            }) => match args[..] {
                [a, c] | [c, a] if a == p => const_of(f, c).is_some_and(|c| c >= 1),
                _ => false,
            },
            _ => false,
        }
    };
    let invariant = |v: InsnId| v.index() < lp;
    let mut bound: HashMap<InsnId, InsnId> = HashMap::new();
    let mut loop_snap: Option<SnapId> = None;
    let mut drop = Vec::new();
    let mut checks: Vec<(InsnId, InsnId)> = Vec::new();
    for (i, insn) in f.insns.iter().enumerate().skip(lp + 1) {
        if insn.op != Op::GuardTrue {
            continue;
        }
        let Some(&cond) = insn.args.first() else { continue };
        let Some(Insn {
            op: Op::IntLt, args, ..
        }) = f.insn(cond)
        else {
            continue;
        };
        let [iv, lim] = args[..] else { continue };
        if !is_iv(iv) || !invariant(lim) {
            continue;
        }
        match bound.get(&iv) {
            None => {
                // the first check of this variable: the loop's own test (its stop). Its
                // snapshot must be expressible at the end of the preamble.
                let snap = insn.snap?;
                let s = f.snaps.get(snap.index())?;
                let expressible = s.release.is_empty()
                    && s.entries.iter().all(|e| match e.val {
                        SnapVal::Value(v) => invariant(v) || phis.contains_key(&v),
                        SnapVal::None | SnapVal::Obj(_) => true,
                    })
                    && s.entries.iter().all(|e| match e.val {
                        SnapVal::Value(v) => !f.owns(v),
                        _ => true,
                    });
                if loop_snap.is_none() {
                    if !expressible {
                        return None;
                    }
                    loop_snap = Some(snap);
                } else if loop_snap != Some(snap) {
                    // a second induction variable tested at another point: only the
                    // first test's snapshot is used
                    continue;
                }
                bound.insert(iv, lim);
            }
            Some(&stop) => {
                if stop != lim && !checks.contains(&(stop, lim)) {
                    checks.push((stop, lim));
                }
                drop.push(InsnId(i as u32));
            }
        }
    }
    if drop.is_empty() {
        return None;
    }
    Some(Plan {
        drop,
        checks,
        snap: loop_snap?,
    })
}

/// Runs bounds-check elimination over `f` (see the module docs). Returns a copy when there
/// is nothing to do.
pub fn bce(f: &Func) -> Func {
    let Some(plan) = analyze(f) else {
        return f.clone();
    };
    let Some(snap) = f.snaps.get(plan.snap.index()) else {
        return f.clone();
    };
    let phi_entry: HashMap<InsnId, InsnId> = f
        .insns
        .iter()
        .enumerate()
        .filter(|(_, i)| i.op == Op::Phi)
        .filter_map(|(k, i)| i.args.first().map(|&e| (InsnId(k as u32), e)))
        .collect();
    rewrite(f, |rw, old, insn| {
        if insn.op == Op::Loop && !plan.checks.is_empty() {
            // the state at the start of the body's first iteration: the loop test's
            // snapshot with each phi replaced by its entry value
            let entries: Vec<SnapEntry> = snap
                .entries
                .iter()
                .map(|e| {
                    let mut e = *e;
                    if let SnapVal::Value(v) = e.val {
                        let v = phi_entry.get(&v).copied().unwrap_or(v);
                        e.val = SnapVal::Value(rw.map(v));
                    }
                    e
                })
                .collect();
            let s = rw.b.snapshot(snap.pc, entries);
            for &(stop, lim) in &plan.checks {
                let c = rw.b.binary(Op::IntLe, rw.map(stop), rw.map(lim));
                rw.b.op(Op::GuardTrue, &[c], Imm::None, Some(s));
            }
            return Action::Keep;
        }
        if plan.drop.contains(&old) {
            return Action::Drop;
        }
        Action::Keep
    })
}
