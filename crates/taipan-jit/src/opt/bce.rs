//! Bounds-check elimination for counted loops (issue 5: "bounds-check elimination for
//! `for i in range(len(xs))` patterns").
//!
//! In a peeled loop (`pre; body₁; loop; phis; body₂; jump`, see [`super::peel`]) an
//! *induction variable* is a `phi %i` whose back-edge value is `int_add %i, c` with a
//! constant `c >= 1`: it only grows. When `body₂` first checks it against a loop-invariant
//! bound, `guard_true (int_lt %i, S)` (the range's `stop`: the loop's own exit test), every
//! later subscript check `guard_true (int_lt %i, L)` against a loop-invariant length `L`
//! (`@list_len`/`@tuple_len`, hoisted by CSE) holds whenever `%i < min(S, L)`.
//! The pass computes `M = min(S, L, ...)` once before `loop`, makes the loop's test
//! `%i < M`, and drops the other checks from the loop body. When a list is shorter than
//! the range, the loop's test now fails at `%i = L` instead of the list's check: the
//! trace leaves at the start of that iteration (the test's snapshot) and the interpreter
//! runs it, raising `IndexError` where CPython does; a loop that leaves earlier (a `break`
//! before the end of the list) runs entirely in the trace as before.
//!
//! Leaving at the loop's test instead of a later check of the same iteration is always
//! exact (an exit hands the iteration to the interpreter at that point), so the only cost
//! is where the loop would go on past a list's end, which raises. Comparisons of the form
//! `int_lt %i, L` only (what the recorder emits for `xs[i]` and `range` loops).

use hashbrown::HashMap;

use crate::ir::{Func, Imm, Insn, InsnId, Op};
use crate::opt::rewrite::{Action, emit_new, rewrite};

/// What the analysis found (old ids).
struct Plan {
    /// The loop's test: its `guard_true`, the induction variable and the stop `S`.
    test: (InsnId, InsnId, InsnId),
    /// The other invariant bounds `L` of that variable, in order, without repeats.
    bounds: Vec<InsnId>,
    /// The `guard_true` instructions of the loop body to drop.
    drop: Vec<InsnId>,
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
    let mut test: Option<(InsnId, InsnId, InsnId)> = None;
    let mut bounds: Vec<InsnId> = Vec::new();
    let mut drop = Vec::new();
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
        if !invariant(lim) || !is_iv(iv) {
            continue;
        }
        match test {
            // the first check of a growing variable: the loop's test
            None => test = Some((InsnId(i as u32), iv, lim)),
            Some((_, v, stop)) if v == iv && (lim == stop || is_length(f, lim)) => {
                if lim != stop && !bounds.contains(&lim) {
                    bounds.push(lim);
                }
                drop.push(InsnId(i as u32));
            }
            Some(_) => {}
        }
    }
    let test = test?;
    if drop.is_empty() {
        return None;
    }
    Some(Plan { test, bounds, drop })
}

/// Whether `v` is the length a subscript's bounds check compares with (`@list_len`,
/// `@tuple_len`, `record/list.rs`): a user's own comparison `i < len(xs)` goes through
/// `@obj_len` and stays (a branch the loop takes in some iterations would otherwise make
/// the loop's test leave early in each of them).
fn is_length(f: &Func, v: InsnId) -> bool {
    matches!(f.insn(v), Some(Insn { op: Op::Call, imm: Imm::Call(c), .. }) if c.name == "list_len" || c.name == "tuple_len")
}

/// Runs bounds-check elimination over `f` (see the module docs). Returns a copy when there
/// is nothing to do.
pub fn bce(f: &Func) -> Func {
    let Some(plan) = analyze(f) else {
        return f.clone();
    };
    let (test, iv, stop) = plan.test;
    let mut bound: Option<InsnId> = None;
    rewrite(f, |rw, old, insn| {
        if insn.op == Op::Loop && !plan.bounds.is_empty() {
            // M = min(S, L, ...), before the loop
            let mut m = rw.map(stop);
            for &l in &plan.bounds {
                m = rw.b.binary(Op::IntMin, m, rw.map(l));
            }
            bound = Some(m);
            return Action::Keep;
        }
        if old == test
            && let Some(m) = bound
        {
            // the loop's test against M
            let c = rw.b.binary(Op::IntLt, rw.map(iv), m);
            let mut g = insn.clone();
            if let Some(a) = g.args.first_mut() {
                *a = c;
            }
            emit_new(rw, g);
            return Action::Drop;
        }
        if plan.drop.contains(&old) {
            return Action::Drop;
        }
        Action::Keep
    })
}
