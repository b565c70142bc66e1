//! Dead-code elimination.
//!
//! Mark and sweep over the trace. Roots: instructions that must run whatever their value's
//! use — control (`loop`, `jump`, `ret`, `exit`), stores, `call`s declared `writes`, the
//! parameters, and everything that can exit (a guard or an overflow check is a use of the
//! state it checks). Loads and `pure`/`reads` calls whose value is unused are dead. An instruction is live if it is a
//! root or a live instruction uses it as an operand or through its snapshot's entries. The
//! sweep drops dead instructions; snapshots no live instruction names disappear with them
//! (the rewriter copies snapshots only for their kept users). A `phi` kept alive only by
//! its own back-edge chain is dead, since liveness flows from roots only.

use crate::ir::{CallEffect, Effect, Func, Imm, Insn, InsnId, SnapVal};
use crate::opt::rewrite::{Action, rewrite};

fn is_root(insn: &Insn) -> bool {
    insn.op.info().can_exit
        || match insn.op.info().effect {
            Effect::Control | Effect::Writes => true,
            Effect::Call => matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes),
            Effect::Pure | Effect::Reads => false,
        }
}

/// Which instructions of `f` are live.
pub fn live(f: &Func) -> Vec<bool> {
    let mut live = vec![false; f.insns.len()];
    let mut work: Vec<InsnId> = Vec::new();
    for (i, insn) in f.insns.iter().enumerate() {
        if is_root(insn) || i < f.params.len() {
            live[i] = true;
            work.push(InsnId(i as u32));
        }
    }
    while let Some(id) = work.pop() {
        let Some(insn) = f.insn(id) else { continue };
        let mut uses: Vec<InsnId> = insn.args.to_vec();
        if let Some(s) = insn.snap.and_then(|s| f.snaps.get(s.index())) {
            uses.extend(s.entries.iter().filter_map(|e| match e.val {
                SnapVal::Value(v) => Some(v),
                SnapVal::None | SnapVal::Obj(_) => None,
            }));
            uses.extend(s.release.iter().copied());
        }
        for u in uses {
            if let Some(l) = live.get_mut(u.index())
                && !*l
            {
                *l = true;
                work.push(u);
            }
        }
    }
    live
}

/// Runs DCE over `f`.
pub fn dce(f: &Func) -> Func {
    let live = live(f);
    rewrite(f, |_, old, _| {
        if live.get(old.index()).copied().unwrap_or(true) {
            Action::Keep
        } else {
            Action::Drop
        }
    })
}
