//! The IR verifier: checks every structural rule of [`crate::ir`] and reports the first
//! violation, naming the function, the op, the instruction and (for parsed IR) the line.
//!
//! Rules checked:
//! - parameters: instructions `0..params.len()` are `param i` of the declared types, and no
//!   other instruction is a `param`;
//! - operands: the count and kinds the op table gives (`Any` operands: one common non-void
//!   type), each defined before the instruction (SSA in one block) — except a `phi`'s
//!   back-edge operand, which may be any instruction of the function;
//! - results: the type the table's rule gives (`Declared`: any type for calls);
//! - immediates: the kind the table gives;
//! - snapshots: present exactly on ops that can exit, positioned at or before their user,
//!   entries strictly increasing by slot and naming non-void values defined before the
//!   snapshot's position; snapshots sorted by position;
//! - control: the last instruction and only it is a terminator; at most one `loop`; every
//!   `phi` directly after the `loop` (a run of phis), its entry operand defined before the
//!   `loop`; a `jump` only in a trace with a `loop`; `ret`'s operand of the function's return
//!   type. (Whether a `link`'s target exists and takes its operands is checked where the
//!   module is linked: `eval::eval_linked`, `backend::link::TraceSet`.)
//!
//! - ownership (`docs/decisions/owned-references-in-traces.md`): owned values (see
//!   [`Func::owns`]) are `ptr`s; an owning `call` is declared `writes`; a `phi` does not mix
//!   an owned and a borrowed operand. A walk over the instructions keeps the set of live
//!   owned values: `obj_release` consumes its operand (which must be owned and live: a second
//!   release is an error naming the value, as is any use after it); at every instruction that
//!   can exit, each live owned value is listed by the snapshot's entries or its `release`
//!   list — never both, never twice in the list — and neither names a value that is not
//!   live (a *leak* and a *double release* are both errors naming the value); at `loop` the
//!   live set is exactly the owned phis' entry operands (they move into the phis), at `jump`
//!   exactly their back-edge operands; `ret`, `link` and `exit` leave nothing live (`ret` may
//!   return one, transferring it; an `exit`'s snapshot accounts for the rest).
//!
//! Not checked (the passes' business): that a guard can ever pass, that slot loads read a
//! slot of the right tag, that `call` arguments match the helper's real signature.

use std::fmt;

use crate::ir::{Func, Imm, ImmKind, InsnId, Kind, Op, Res, SnapId, SnapVal, Type};

/// A violated rule.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VerifyError {
    /// The function.
    pub func: String,
    /// The source line, for parsed IR.
    pub line: Option<u32>,
    /// The offending instruction, if the error is about one.
    pub insn: Option<InsnId>,
    /// The op's text name (or `snap` for snapshot errors, `func` for signature errors).
    pub op: &'static str,
    /// What is wrong.
    pub msg: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}: ", self.func)?;
        if let Some(l) = self.line {
            write!(f, "line {l}: ")?;
        }
        write!(f, "{}", self.op)?;
        if let Some(i) = self.insn {
            write!(f, " ({i})")?;
        }
        write!(f, ": {}", self.msg)
    }
}

impl std::error::Error for VerifyError {}

struct V<'a> {
    f: &'a Func,
}

impl V<'_> {
    fn err(&self, id: InsnId, msg: String) -> VerifyError {
        VerifyError {
            func: self.f.name.clone(),
            line: self.f.line(id),
            insn: Some(id),
            op: self.f.insn(id).map_or("?", |i| i.op.name()),
            msg,
        }
    }

    /// An error about snapshot `s`, reported at its first user (or as `snap` if unused).
    fn snap_err(&self, s: SnapId, msg: String) -> VerifyError {
        let user = self.f.insns.iter().position(|i| i.snap == Some(s));
        match user {
            Some(u) => self.err(InsnId(u as u32), format!("snapshot {s}: {msg}")),
            None => VerifyError {
                func: self.f.name.clone(),
                line: None,
                insn: None,
                op: "snap",
                msg: format!("{s}: {msg}"),
            },
        }
    }
}

fn kind_ok(k: Kind, t: Type) -> bool {
    match k {
        Kind::I64 => t == Type::I64,
        Kind::F64 => t == Type::F64,
        Kind::Bool => t == Type::Bool,
        Kind::Ptr => t == Type::Ptr,
        Kind::Any => t != Type::Void,
    }
}

/// Checks `f`; `Ok` if every rule in the module docs holds.
pub fn verify(f: &Func) -> Result<(), VerifyError> {
    let v = V { f };
    let n = f.insns.len();
    let loop_pos = f.loop_pos();
    for (k, ty) in f.params.iter().enumerate() {
        let id = InsnId(k as u32);
        match f.insn(id) {
            Some(i) if i.op == Op::Param && i.ty == *ty && i.imm == Imm::Param(k as u32) => {}
            _ => {
                return Err(VerifyError {
                    func: f.name.clone(),
                    line: None,
                    insn: Some(id),
                    op: "func",
                    msg: format!("parameter {k} is not instruction {id} of type {}", ty.name()),
                });
            }
        }
    }
    if n == f.params.len() {
        return Err(VerifyError {
            func: f.name.clone(),
            line: None,
            insn: None,
            op: "func",
            msg: "empty body (the last instruction must be ret, jump or exit)".into(),
        });
    }
    let mut last_pos = 0;
    for (s, snap) in f.snaps.iter().enumerate() {
        let sid = SnapId(s as u32);
        if snap.pos < last_pos {
            return Err(v.snap_err(sid, "snapshots out of position order".into()));
        }
        last_pos = snap.pos;
        let mut last_slot = None;
        for e in &snap.entries {
            if last_slot.is_some_and(|l| e.slot <= l) {
                return Err(v.snap_err(sid, format!("slot {} listed twice or out of order", e.slot)));
            }
            last_slot = Some(e.slot);
            // (a multi-frame snapshot's extra frames: `Snapshot::frames`)
            let (frame, _) = crate::ir::slot_frame(e.slot);
            if frame > snap.frames.len() {
                return Err(v.snap_err(
                    sid,
                    format!(
                        "slot {} belongs to frame {frame}, but the snapshot has {} extra frames",
                        e.slot,
                        snap.frames.len()
                    ),
                ));
            }
            if let SnapVal::Value(val) = e.val {
                if val.0 >= snap.pos {
                    return Err(v.snap_err(
                        sid,
                        format!("slot {} uses {val}, not defined before the snapshot", e.slot),
                    ));
                }
                if f.ty(val) == Type::Void {
                    return Err(v.snap_err(sid, format!("slot {} uses {val}, which has no value", e.slot)));
                }
            }
        }
    }
    let mut in_phis = false;
    for (idx, insn) in f.insns.iter().enumerate() {
        let id = InsnId(idx as u32);
        let info = insn.op.info();
        if insn.op == Op::Param && idx >= f.params.len() {
            return Err(v.err(id, "param outside the signature".into()));
        }
        // Control placement.
        if insn.op == Op::Phi {
            if !in_phis {
                return Err(v.err(id, "phi not directly after the loop marker (or other phis)".into()));
            }
        } else {
            in_phis = insn.op == Op::Loop;
        }
        if insn.op == Op::Loop && loop_pos != Some(idx) {
            return Err(v.err(id, "a second loop marker".into()));
        }
        if insn.op.is_terminator() != (idx + 1 == n) {
            return Err(v.err(
                id,
                if insn.op.is_terminator() {
                    "terminator before the end of the trace".into()
                } else {
                    "the last instruction must be ret, jump or exit".into()
                },
            ));
        }
        if insn.op == Op::Jump && loop_pos.is_none() {
            return Err(v.err(id, "jump in a trace without a loop marker".into()));
        }
        // Operands.
        let variadic = matches!(insn.op, Op::Call | Op::Link);
        if !variadic && insn.args.len() != info.args.len() {
            return Err(v.err(
                id,
                format!("{} operands, expected {}", insn.args.len(), info.args.len()),
            ));
        }
        let mut any_ty = None;
        for (k, &a) in insn.args.iter().enumerate() {
            let back_edge = insn.op == Op::Phi && k == 1;
            if a.index() >= n {
                return Err(v.err(id, format!("operand {} ({a}) does not exist", k + 1)));
            }
            if !back_edge && a.0 >= id.0 {
                return Err(v.err(id, format!("operand {} ({a}) is used before it is defined", k + 1)));
            }
            if insn.op == Op::Phi && k == 0 && loop_pos.is_some_and(|l| a.index() >= l) {
                return Err(v.err(id, format!("entry operand {a} is not defined before the loop")));
            }
            if f.insns[a.index()].op.is_undef() && !(insn.op == Op::Phi && k == 0) {
                return Err(v.err(
                    id,
                    format!("operand {} ({a}) is undef (only a phi's entry operand may be)", k + 1),
                ));
            }
            let t = f.ty(a);
            let kind = info.args.get(k).copied().unwrap_or(Kind::Any);
            if !kind_ok(kind, t) {
                return Err(v.err(
                    id,
                    format!(
                        "operand {} ({a}) has type {}, expected {}",
                        k + 1,
                        t.name(),
                        match kind {
                            Kind::I64 => "i64",
                            Kind::F64 => "f64",
                            Kind::Bool => "bool",
                            Kind::Ptr => "ptr",
                            Kind::Any => "a value",
                        }
                    ),
                ));
            }
            if kind == Kind::Any && !variadic {
                if let Some(t0) = any_ty
                    && t0 != t
                {
                    return Err(v.err(
                        id,
                        format!(
                            "operand {} ({a}) has type {}, expected {}",
                            k + 1,
                            t.name(),
                            Type::name(t0)
                        ),
                    ));
                }
                any_ty = Some(t);
            }
        }
        // Result type.
        let want = match info.res {
            Res::Void => Some(Type::Void),
            Res::I64 => Some(Type::I64),
            Res::F64 => Some(Type::F64),
            Res::Bool => Some(Type::Bool),
            Res::Ptr => Some(Type::Ptr),
            Res::Arg0 => Some(insn.args.first().map_or(Type::Void, |&a| f.ty(a))),
            Res::Declared => None,
        };
        if let Some(w) = want
            && w != insn.ty
        {
            return Err(v.err(id, format!("result type {}, expected {}", insn.ty.name(), w.name())));
        }
        if insn.op == Op::Ret
            && let Some(&a) = insn.args.first()
            && f.ty(a) != f.ret
        {
            return Err(v.err(
                id,
                format!(
                    "returns {} of type {}, the function returns {}",
                    a,
                    f.ty(a).name(),
                    f.ret.name()
                ),
            ));
        }
        // Immediate.
        if insn.imm.kind() != info.imm {
            return Err(v.err(
                id,
                format!("immediate of kind {:?}, expected {:?}", insn.imm.kind(), info.imm),
            ));
        }
        if matches!(info.imm, ImmKind::Callee | ImmKind::Trace) && insn.imm == Imm::None {
            return Err(v.err(id, "call without a callee".into()));
        }
        // Snapshot.
        match (info.can_exit, insn.snap) {
            (true, None) => return Err(v.err(id, "can exit but names no snapshot".into())),
            (false, Some(s)) => return Err(v.err(id, format!("cannot exit but names snapshot {s}"))),
            (true, Some(s)) => match f.snaps.get(s.index()) {
                None => return Err(v.err(id, format!("snapshot {s} does not exist"))),
                Some(snap) if snap.pos > id.0 => {
                    return Err(v.err(id, format!("snapshot {s} is taken after this instruction")));
                }
                Some(_) => {}
            },
            (false, None) => {}
        }
    }
    verify_ownership(&v)
}

/// The ownership walk (see the module docs). Runs after the structural checks, so operands
/// and snapshots exist.
fn verify_ownership(v: &V<'_>) -> Result<(), VerifyError> {
    let f = v.f;
    if !f
        .insns
        .iter()
        .any(|i| i.op == Op::ObjRelease || i.op.info().owns_result || matches!(&i.imm, Imm::Call(c) if c.owns))
        && f.snaps.iter().all(|s| s.release.is_empty())
    {
        return Ok(());
    }
    let loop_pos = f.loop_pos();
    let phis: Vec<InsnId> = match loop_pos {
        Some(l) => (l + 1..f.insns.len())
            .take_while(|&i| f.insns[i].op == Op::Phi)
            .map(|i| InsnId(i as u32))
            .collect(),
        None => Vec::new(),
    };
    // Values consumed so far (released, moved into a phi, ...), and the live owned ones in
    // definition order (so errors name the first).
    let mut live: Vec<InsnId> = Vec::new();
    let mut dead: std::collections::HashSet<InsnId> = std::collections::HashSet::new();
    let owned_phi_args = |k: usize| -> Vec<InsnId> {
        let mut out: Vec<InsnId> = phis
            .iter()
            .filter(|&&p| f.owns(p))
            .filter_map(|&p| f.insn(p).and_then(|i| i.args.get(k).copied()))
            .collect();
        out.sort();
        out
    };
    for (idx, insn) in f.insns.iter().enumerate() {
        let id = InsnId(idx as u32);
        if let Imm::Call(c) = &insn.imm
            && c.owns
            && (insn.ty != Type::Ptr || c.effect != crate::ir::CallEffect::Writes)
        {
            return Err(v.err(id, "an owning call must be declared '-> own ptr writes'".into()));
        }
        if insn.op == Op::Phi
            && let [a, b] = insn.args[..]
            && f.owns(a) != f.owns(b)
        {
            return Err(v.err(
                id,
                format!("mixes an owned and a borrowed value ({a} and {b}): increment the borrowed one first"),
            ));
        }
        // Uses of consumed values (a phi's back-edge operand is read at the jump).
        for &a in &insn.args {
            if matches!(insn.op, Op::Phi | Op::ObjRelease) {
                break;
            }
            if dead.contains(&a) {
                return Err(v.err(id, format!("uses {a} after it was released")));
            }
        }
        // Exits: every live owned value is accounted for exactly once.
        if let Some(s) = insn.snap
            && let Some(snap) = f.snaps.get(s.index())
        {
            let mut listed: Vec<InsnId> = snap
                .entries
                .iter()
                .filter_map(|e| match e.val {
                    SnapVal::Value(x) if f.owns(x) => Some(x),
                    _ => None,
                })
                .collect();
            listed.sort();
            listed.dedup();
            let mut seen: Vec<InsnId> = Vec::new();
            for &r in &snap.release {
                if !f.owns(r) {
                    return Err(v.err(id, format!("snapshot {s}: releases {r}, which is not owned")));
                }
                if seen.contains(&r) || listed.contains(&r) {
                    return Err(v.err(id, format!("snapshot {s}: double release of {r}")));
                }
                seen.push(r);
            }
            for &x in listed.iter().chain(&seen) {
                if !live.contains(&x) {
                    return Err(v.err(
                        id,
                        format!(
                            "snapshot {s}: double release of {x} (not live here: already released or not yet defined)"
                        ),
                    ));
                }
            }
            if let Some(&x) = live.iter().find(|x| !listed.contains(x) && !seen.contains(x)) {
                return Err(v.err(
                    id,
                    format!("snapshot {s}: leaks {x} (owned and live at this exit: list it or release it)"),
                ));
            }
        }
        match insn.op {
            Op::ObjRelease => {
                let a = insn.args[0];
                if !f.owns(a) {
                    return Err(v.err(id, format!("releases {a}, which is borrowed (not owned)")));
                }
                if !live.contains(&a) {
                    return Err(v.err(id, format!("double release of {a}")));
                }
                live.retain(|&x| x != a);
                dead.insert(a);
            }
            Op::Loop => {
                let words = EdgeWords {
                    at: "at the loop header, not a phi's entry value",
                    value: "entry value",
                    released: "before the loop",
                    twice: "one owned value enters two phis",
                };
                check_phi_edge(&owned_phi_args(0), &live, &words).map_err(|m| v.err(id, m))?;
                dead.extend(live.drain(..));
            }
            Op::Phi => {
                if f.owns(id) {
                    live.push(id);
                }
            }
            Op::Jump => {
                let words = EdgeWords {
                    at: "at the jump, not a phi's back-edge value",
                    value: "back-edge value",
                    released: "in the iteration",
                    twice: "one owned value goes back into two phis",
                };
                check_phi_edge(&owned_phi_args(1), &live, &words).map_err(|m| v.err(id, m))?;
                live.clear();
            }
            Op::Ret | Op::Link => {
                let returned = if insn.op == Op::Ret {
                    insn.args.first().copied()
                } else {
                    None
                };
                if let Some(&x) = live.iter().find(|&&x| Some(x) != returned) {
                    return Err(v.err(id, format!("leaks {x} (owned and live at the end of the trace)")));
                }
                live.clear();
            }
            Op::Exit => live.clear(),
            _ => {
                if insn.ty == Type::Ptr && f.owns(id) {
                    live.push(id);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Builder, Op, Type};

    #[test]
    fn void_operand_is_named() {
        let mut b = Builder::new("f", &[Type::Ptr, Type::I64], Type::I64);
        let st = b.store(Op::StoreInt, InsnId(0), 1, Some(InsnId(1)));
        let bad = b.binary(Op::IntAdd, InsnId(1), st);
        b.op(Op::Ret, &[bad], Imm::None, None);
        let err = verify(&b.finish()).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("@f: int_add (%3): operand 2 (%2) has type void, expected i64")
        );
    }

    #[test]
    fn builder_output_verifies() {
        let mut b = Builder::new("g", &[Type::I64], Type::I64);
        let one = b.const_i64(1);
        let s = b.snapshot(3, vec![]);
        let sum = b.exiting(Op::IntAddOv, &[InsnId(0), one], s);
        b.op(Op::Ret, &[sum], Imm::None, None);
        assert_eq!(verify(&b.finish()), Ok(()));
    }
}

/// The wording of [`check_phi_edge`]'s errors for one edge into the loop's phis (the
/// entry at `loop`, the back edge at `jump`).
struct EdgeWords {
    /// Where a leaked value is live: "at the jump, not a phi's back-edge value".
    at: &'static str,
    /// Which phi operand: "back-edge value".
    value: &'static str,
    /// When a phi operand was released too early: "in the iteration".
    released: &'static str,
    /// One owned value given to two phis.
    twice: &'static str,
}

/// At an edge into the loop's phis (`loop` or `jump`), the owned values `live` must be
/// exactly the owned phi operands `want` (sorted) of that edge, each given to one phi.
///
/// # Errors
/// The message naming the leaked, early released or doubly given value.
fn check_phi_edge(want: &[InsnId], live: &[InsnId], words: &EdgeWords) -> Result<(), String> {
    let mut have = live.to_vec();
    have.sort();
    if let Some(&x) = have.iter().find(|x| !want.contains(x)) {
        return Err(format!("leaks {x} (owned and live {})", words.at));
    }
    if let Some(&x) = want.iter().find(|x| !have.contains(x)) {
        return Err(format!("a phi's {} {x} was released {}", words.value, words.released));
    }
    if want.windows(2).any(|w| w[0] == w[1]) {
        return Err(words.twice.to_string());
    }
    Ok(())
}
