//! Snapshot sharing: an exit with nothing written since the previous exit resumes where that
//! exit resumes.
//!
//! A guard's snapshot describes the interpreter state at its own bytecode. If nothing
//! between the previous exit-capable instruction and this one changes any state the
//! interpreter can see — no store, no writing `call`, no control op — then the previous
//! exit's snapshot is an equally valid place to resume: the interpreter re-executes the
//! bytecodes in between (loads, arithmetic, type checks: they compute the same values
//! from the same memory) and reaches the failing check itself, which then takes its
//! generic path (raises, converts, branches) exactly as it would have. So every
//! exit-capable instruction of such a run takes the run's first snapshot. The run is cut
//! by every instruction that writes (`Writes` ops, `call`s declared `writes`, including
//! every allocation and reference count change) and by every control op (`loop` in
//! particular: the loop body never resumes at a snapshot of the peeled iteration).
//!
//! This relies on what the recorder guarantees of every snapshot: it is the state at a
//! bytecode *on the trace's path* (a branch resumes at the branch, its condition on the
//! stack; a `for` loop's end at its `FOR_ITER`; an inlined call at the call), so the
//! interpreter, started there, walks the path the trace took. A hand-written trace whose
//! snapshot resumes at a branch's other side must not be run through this pass.
//!
//! Two kinds of snapshot are never taken from an earlier exit:
//! - a *branch* snapshot ([`crate::ir::Snapshot::branch`]): the program's own `if`/`while`
//!   conditions and loop ends, whose exits are expected (they grow side traces or leave the
//!   loop for good): resuming them earlier would re-execute bytecodes on every such exit,
//!   start their side traces before the branch, and hide the branch from the VM's shortcut
//!   exits (`jit_loop_call.rs`: a loop call returns at once from an exit at its `while`).
//!   A branch snapshot starts a new run: the type and bounds checks after it take it.
//! - nothing is shared into a run whose first snapshot restores nothing (an empty snapshot
//!   costs its exit block no stores, and an exit through it at a root trace's header is an
//!   *entry guard* exit, which the VM treats as the trace's entry assumptions failing).
//!
//! Why: each distinct snapshot an exit uses costs a cold exit block that stores all of its
//! entries (the backend shares one block per snapshot), and those stores were about half
//! of the machine code of a numeric root trace (session 24: 550 of 1,111 instructions in
//! nbody's inner loop, 19 snapshots of 12–16 entries in the loop body alone, most of them
//! bounds and type checks between two list stores). Fewer snapshots also means fewer
//! values kept alive only for an exit: a value only an unshared snapshot named becomes
//! dead (DCE, which runs after this pass, drops it and the now unused snapshots).
//!
//! The cost: an exit through a shared snapshot re-executes a few bytecodes in the
//! interpreter, and a side trace grown from it records them again.
//!
//! Source: PyPy's trace optimizer shares the resume data of consecutive guards with no
//! side-effecting operation between them (`rpython/jit/metainterp/optimizeopt/
//! optimizer.py`); here at the IR level, after peeling.

use hashbrown::HashMap;

use crate::ir::{CallEffect, Effect, Func, Imm, Insn, InsnId, Op, SnapId, SnapVal};
use crate::opt::rewrite::{Action, rewrite};

/// Whether `insn` ends a run of instructions the interpreter may re-execute: it writes
/// memory or objects, or is control flow.
fn cuts(insn: &Insn) -> bool {
    match insn.op.info().effect {
        Effect::Pure | Effect::Reads => false,
        Effect::Writes | Effect::Control => true,
        Effect::Call => !matches!(&insn.imm, Imm::Call(c) if c.effect != CallEffect::Writes),
    }
}

/// Whether snapshot `s` restores anything. A snapshot that restores nothing costs its exit
/// block no stores, so sharing it gains nothing; and an exit through it at a root trace's
/// header is an *entry guard* exit, which the VM treats as the trace's entry assumptions
/// failing (a type-unstable loop), not as an exit from inside the loop.
fn restores(f: &Func, s: SnapId) -> bool {
    f.snaps
        .get(s.index())
        .is_some_and(|snap| !snap.entries.is_empty() || !snap.frames.is_empty() || !snap.release.is_empty())
}

/// Whether snapshot `s` is a branch snapshot ([`crate::ir::Snapshot::branch`]).
fn is_branch(f: &Func, s: SnapId) -> bool {
    f.snaps.get(s.index()).is_some_and(|snap| snap.branch)
}

/// How many times each instruction's value is used: as an operand, or an entry or a
/// released value of a snapshot some instruction names.
fn use_counts(f: &Func) -> Vec<u32> {
    let mut n = vec![0u32; f.insns.len()];
    let mut count = |v: InsnId| {
        if let Some(c) = n.get_mut(v.index()) {
            *c = c.saturating_add(1);
        }
    };
    let mut named = vec![false; f.snaps.len()];
    for insn in &f.insns {
        insn.args.iter().copied().for_each(&mut count);
        if let Some(m) = insn.snap.and_then(|s| named.get_mut(s.index())) {
            *m = true;
        }
    }
    for (snap, _) in f.snaps.iter().zip(&named).filter(|(_, m)| **m) {
        for e in &snap.entries {
            if let SnapVal::Value(v) = e.val {
                count(v);
            }
        }
        snap.release.iter().copied().for_each(&mut count);
    }
    n
}

/// `x` and `k` when `id` is `int_gt x, k` with `k` a `const_i64`: a bounds check `len > k`
/// (a constant subscript `v[k]`, an unpacking's length).
fn lower_bound(f: &Func, id: InsnId) -> Option<(InsnId, i64)> {
    let cmp = f.insn(id)?;
    if cmp.op != Op::IntGt {
        return None;
    }
    let (x, k) = (*cmp.args.first()?, *cmp.args.get(1)?);
    match f.insn(k) {
        Some(Insn {
            op: Op::ConstI64,
            imm: Imm::Int(k),
            ..
        }) => Some((x, *k)),
        _ => None,
    }
}

/// Runs snapshot sharing over `f`, then *guard strengthening* of the lower bounds it makes
/// share a snapshot: within a run, `guard_true (int_gt x, k1)` and a later `guard_true
/// (int_gt x, k2)` (constants, the same `x`) exit through the same snapshot, so the first
/// may check `x > max(k1, k2)` and the second goes (if `x` lies between, the original trace
/// ran only pure instructions from the first check to the second, then exited through that
/// same snapshot). nbody's `v[0]`, `v[1]`, `v[2]` check the list's length once.
pub fn share(f: &Func) -> Func {
    let mut g = f.clone();
    let mut first: Option<SnapId> = None;
    for insn in &mut g.insns {
        if cuts(insn) {
            first = None;
        } else if insn.op.info().can_exit {
            let own = insn.snap;
            match first {
                Some(s) if !own.is_some_and(|o| is_branch(f, o)) => insn.snap = Some(s),
                // (a branch keeps its snapshot and starts a new run)
                _ => first = own.filter(|o| restores(f, *o)),
            }
        }
    }
    // The strongest lower bound per (value, snapshot) in the current run: the first such
    // guard's compare, and the largest constant. A compare anything else uses (another
    // instruction, a snapshot entry: a condition on the stack at a branch) keeps its value:
    // then only weaker or equal later bounds go.
    let uses = use_counts(&g);
    let mut bound: HashMap<(InsnId, SnapId), (InsnId, i64)> = HashMap::new();
    let mut raise: HashMap<InsnId, i64> = HashMap::new();
    let mut gone = vec![false; g.insns.len()];
    for (i, insn) in g.insns.iter().enumerate() {
        if cuts(insn) {
            bound.clear();
            continue;
        }
        let (Op::GuardTrue, Some(s), Some(&c)) = (insn.op, insn.snap, insn.args.first()) else {
            continue;
        };
        let Some((x, k)) = lower_bound(&g, c) else { continue };
        match bound.get_mut(&(x, s)) {
            None => {
                bound.insert((x, s), (c, k));
            }
            Some((c0, k0)) => {
                if k > *k0 {
                    if uses.get(c0.index()).copied().unwrap_or(0) != 1 {
                        continue;
                    }
                    *k0 = k;
                    raise.insert(*c0, k);
                }
                gone[i] = true;
            }
        }
    }
    if raise.is_empty() && !gone.contains(&true) {
        return g;
    }
    let src = &g;
    rewrite(src, |rw, old, insn| {
        if gone.get(old.index()).copied().unwrap_or(false) {
            return Action::Drop;
        }
        match (raise.get(&old), insn.args.first()) {
            (Some(&k), Some(&x)) => {
                // (the visitor's operands are renamed already)
                let kc = rw.b.const_i64(k);
                Action::Replace(rw.b.binary(Op::IntGt, x, kc))
            }
            _ => Action::Keep,
        }
    })
}
