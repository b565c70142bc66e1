//! Loop peeling by copy-substitution (LuaJIT's loop optimization, `lj_opt_loop.c`'s idea).
//!
//! A looping trace `pre; loop; phis; body; jump` becomes
//! `pre; body₁; loop; phis'; body₂; jump` where
//! - `body₁` (the peeled first iteration) is `body` with each `phi` replaced by its entry
//!   operand;
//! - each new `phi'` has as entry operand `body₁`'s copy of the old back-edge value, and as
//!   back-edge operand `body₂`'s copy;
//! - `body₂` is `body` with each `phi` replaced by its `phi'`.
//!
//! By itself this changes nothing but the code size; its point is what the next passes see.
//! Everything in `body₂` that depends only on values of `pre` and `body₁` (loop invariants)
//! is now an exact copy of an instruction of `body₁` with the same operands, so CSE removes
//! it, guard elimination drops invariant guards (the first iteration already checked them),
//! and fold turns `phi'`s whose two operands became equal into plain values. Hence invariant
//! code motion falls out of copy-substitution plus CSE, with no dominance analysis.
//! Snapshots are copied per copy of the body; each copy's exits resume with that copy's
//! values, so semantics are unchanged iteration by iteration.
//!
//! A `phi` whose entry operand is an `undef_*` (a local the loop assigns before reading it,
//! `record/close.rs`) becomes that undef in `body₁`, where only snapshots can name it: those
//! entries are dropped (the frame keeps the value it had before the loop), and DCE removes
//! the undef.
//!
//! A trace without a `loop` marker is returned unchanged.

use hashbrown::HashMap;

use crate::ir::{Builder, Func, Insn, InsnId, Op, SnapId, SnapVal};

/// One copy of a range of instructions under a substitution.
struct Copier<'a> {
    old: &'a Func,
    map: Vec<Option<InsnId>>,
    snaps: HashMap<SnapId, SnapId>,
}

impl Copier<'_> {
    fn get(&self, v: InsnId) -> InsnId {
        self.map.get(v.index()).copied().flatten().unwrap_or(InsnId(u32::MAX))
    }

    fn copy(&mut self, b: &mut Builder, idx: usize) {
        let Some(insn) = self.old.insns.get(idx) else {
            return;
        };
        let mut new: Insn = insn.clone();
        for a in new.args.iter_mut() {
            *a = self.get(*a);
        }
        if let Some(s) = insn.snap {
            new.snap = Some(self.snap(b, s));
        }
        let id = b.push(new);
        if let Some(m) = self.map.get_mut(idx) {
            *m = Some(id);
        }
    }

    fn snap(&mut self, b: &mut Builder, s: SnapId) -> SnapId {
        if let Some(&n) = self.snaps.get(&s) {
            return n;
        }
        let Some(old) = self.old.snaps.get(s.index()) else {
            return s;
        };
        let built = b.func();
        let undef = |v: InsnId| built.insns.get(v.index()).is_some_and(|i| i.op.is_undef());
        let entries = old
            .entries
            .iter()
            .filter_map(|e| {
                let mut e = *e;
                if let SnapVal::Value(v) = e.val {
                    let v = self.get(v);
                    // a local the loop assigns before reading it, not yet assigned in the
                    // peeled iteration: the frame keeps what it holds
                    if undef(v) {
                        return None;
                    }
                    e.val = SnapVal::Value(v);
                }
                Some(e)
            })
            .collect();
        let release = old.release.iter().map(|&v| self.get(v)).collect();
        let n = b.snapshot_like(old, entries, release);
        self.snaps.insert(s, n);
        n
    }
}

/// Peels the first iteration of `f`'s loop (see the module docs).
pub fn peel(f: &Func) -> Func {
    let Some(lp) = f.loop_pos() else {
        return f.clone();
    };
    let n = f.insns.len();
    let phi_end = (lp + 1..n).find(|&i| f.insns[i].op != Op::Phi).unwrap_or(n);
    let phis: Vec<usize> = (lp + 1..phi_end).collect();
    let body_end = n.saturating_sub(1).max(phi_end);
    let mut b = Builder::new(&f.name, &f.params, f.ret);
    b.set_parent(f.parent.clone());
    b.reserve(2 * n, 2 * f.snaps.len());
    let mut pre = Copier {
        old: f,
        map: vec![None; n],
        snaps: HashMap::new(),
    };
    for (i, m) in pre.map.iter_mut().enumerate().take(f.params.len()) {
        *m = Some(InsnId(i as u32));
    }
    for i in f.params.len()..lp {
        pre.copy(&mut b, i);
    }
    // The peeled iteration: phis are their entry values.
    let mut first = Copier {
        old: f,
        map: pre.map.clone(),
        snaps: HashMap::new(),
    };
    for &p in &phis {
        let entry = f.insns[p].args.first().map(|&a| first.get(a));
        first.map[p] = entry;
    }
    for i in phi_end..body_end {
        first.copy(&mut b, i);
    }
    // The loop: new phis, then the second copy.
    b.op(Op::Loop, &[], crate::ir::Imm::None, None);
    let mut second = Copier {
        old: f,
        map: pre.map.clone(),
        snaps: HashMap::new(),
    };
    let mut new_phis = Vec::new();
    for &p in &phis {
        let back = f.insns[p].args.get(1).copied().unwrap_or(InsnId(u32::MAX));
        let entry = first.get(back);
        let id = b.binary(Op::Phi, entry, entry);
        second.map[p] = Some(id);
        new_phis.push((id, back));
    }
    for i in phi_end..body_end {
        second.copy(&mut b, i);
    }
    for (id, back) in new_phis {
        let v = second.get(back);
        b.set_arg(id, 1, v);
    }
    if let Some(last) = f.insns.last()
        && last.op.is_terminator()
    {
        second.copy(&mut b, n - 1);
    }
    b.finish()
}
