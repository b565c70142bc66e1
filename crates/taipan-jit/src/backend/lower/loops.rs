//! Loop and element-access helpers of the lowering: what Cranelift's e-graph pass did for
//! root traces before every trace was compiled at `opt_level=none` (`docs/jit.md`,
//! "Optimization level per trace"): element addresses made once, a `for` loop's previous
//! counter computed where it is read, counters advanced at the back edge.

use cranelift_codegen::ir::{self as clir, InstBuilder};

use super::{Lower, const_i64, err};
use crate::backend::CompileError;
use crate::ir::{Func, Imm, InsnId, Op, SnapVal, Type};

/// For each instruction of `f`, whether it is a wrapping `int_add`/`int_sub` of the loop
/// body whose only uses are back-edge operands of the loop's phis (a counter's next
/// value): the lowering emits it right before the `jump`, after the last use of the value
/// it advances, so both need not live in two registers with a move at the back edge (what
/// Cranelift's e-graph pass did for root traces by placing it late; side traces have none).
pub(super) fn backedge_only(f: &Func) -> Vec<bool> {
    let n = f.insns.len();
    let mut out = vec![false; n];
    let Some(lp) = f.loop_pos() else {
        return out;
    };
    // uses other than a phi's back-edge operand, and back-edge uses
    let mut other = vec![false; n];
    let mut back = vec![false; n];
    for insn in &f.insns {
        for (k, a) in insn.args.iter().enumerate() {
            let uses = if insn.op == Op::Phi && k == 1 {
                &mut back
            } else {
                &mut other
            };
            if let Some(u) = uses.get_mut(a.index()) {
                *u = true;
            }
        }
    }
    for snap in &f.snaps {
        for e in &snap.entries {
            if let SnapVal::Value(v) = e.val
                && let Some(u) = other.get_mut(v.index())
            {
                *u = true;
            }
        }
        for r in &snap.release {
            if let Some(u) = other.get_mut(r.index()) {
                *u = true;
            }
        }
    }
    for (i, insn) in f.insns.iter().enumerate().skip(lp + 1) {
        let pure = matches!(insn.op, Op::IntAdd | Op::IntSub);
        if let (Some(o), Some(b), Some(d)) = (other.get(i), back.get(i), out.get_mut(i)) {
            *d = pure && *b && !*o;
        }
    }
    out
}

/// Whether loop phi `a` is *derived*: `a = phi a0, b` where `b = phi (a0 + k), (b + k)`
/// is another phi of the loop (`phis`; so not derived itself), `k` one constant (a
/// `for` loop's counter and its previous value, which the loop-exit snapshot restores):
/// then `a == b - k` in every iteration (wrapping arithmetic, as `int_add`), and the lowering
/// computes it from `b` where it is used instead of carrying it in a block parameter
/// ([`Lower::ensure_derived`], [`Lower::exit_val`]).
/// Returns `(a, b, k)`.
///
/// Why: the two parameters were a register swap through a temporary at every back edge
/// (`lea; mov; mov; mov`), and `a` is read only by exits; Cranelift places the `b - k`
/// where it is used (the cold exit blocks). `bench/programs/matmul.py`'s inner loop: 20 → 17
/// machine instructions per iteration.
pub(super) fn derived_phi(f: &Func, phis: &[InsnId], a: InsnId) -> Option<(InsnId, InsnId, i64)> {
    let pa = f.insn(a)?;
    let (&a0, &b) = (pa.args.first()?, pa.args.get(1)?);
    if f.ty(a) != Type::I64 || b == a || !phis.contains(&b) {
        return None;
    }
    let pb = f.insn(b)?;
    // (`b`'s back-edge value is an `int_add`, not a phi: `b` is not derived itself)
    let (&b0, &bb) = (pb.args.first()?, pb.args.get(1)?);
    let add_of = |v: InsnId, base: InsnId| -> Option<i64> {
        let x = f.insn(v)?;
        if x.op != Op::IntAdd {
            return None;
        }
        let (&l, &r) = (x.args.first()?, x.args.get(1)?);
        let other = if l == base {
            r
        } else if r == base {
            l
        } else {
            return None;
        };
        match f.insn(other)? {
            c if c.op == Op::ConstI64 => match c.imm {
                Imm::Int(k) => Some(k),
                _ => None,
            },
            _ => None,
        }
    };
    let k = add_of(bb, b)?;
    (add_of(b0, a0)? == k).then_some((a, b, k))
}

impl Lower<'_, '_> {
    /// The address of element `i` (operand 1) of the slot array at operand 0, as a value
    /// and a byte offset to add to it: `(base, 16 * c)` for a constant index `c` (folded
    /// into the access's immediate), else `(base + 16 * i, 0)`, computed once per (array,
    /// index) pair (`item_addrs`; the offset once per index, `item_offs`). Without this, every tag load, payload load and store of
    /// an element shifted and added anew, which only Cranelift's e-graph pass (root traces)
    /// merged.
    pub(super) fn item_addr(&mut self, at: InsnId) -> Result<(clir::Value, i32), CompileError> {
        let insn = self.f.insn(at).ok_or_else(|| err("bad insn"))?;
        let (Some(&b), Some(&i)) = (insn.args.first(), insn.args.get(1)) else {
            return Err(err(format!("{at}: element access without operands")));
        };
        let base = self.val(b)?;
        let folded = const_i64(self.f, i)
            .and_then(|c| c.checked_mul(16))
            .and_then(|o| i32::try_from(o).ok())
            .filter(|o| o.checked_add(8).is_some());
        if let Some(off) = folded {
            return Ok((base, off));
        }
        if let Some(&addr) = self.item_addrs.get(&(b, i)) {
            return Ok((addr, 0));
        }
        let off = match self.item_offs.get(&i) {
            Some(&off) => off,
            None => {
                let iv = self.val(i)?;
                let off = self.fb.ins().ishl_imm_u(iv, 4);
                self.item_offs.insert(i, off);
                off
            }
        };
        let addr = self.fb.ins().iadd(base, off);
        self.item_addrs.insert((b, i), addr);
        Ok((addr, 0))
    }

    /// Computes the derived phis among `args` not computed yet, in the current block (on
    /// the trace's path: it dominates their later uses there; exit blocks compute their
    /// own, [`Lower::exit_val`]).
    pub(super) fn ensure_derived(&mut self, args: &[InsnId]) {
        for a in args {
            if self.vals.get(a.index()).is_some_and(Option::is_none)
                && let Some(&(_, bv, k)) = self.derived.iter().find(|d| d.0 == *a)
            {
                let v = self.fb.ins().iadd_imm_s(bv, k.wrapping_neg());
                if let Some(slot) = self.vals.get_mut(a.index()) {
                    *slot = Some(v);
                }
            }
        }
    }

    /// The value of `id` in an exit block: a derived phi is computed there from its counter
    /// (a value the body computed at a later use would not dominate this exit).
    pub(super) fn exit_val(&mut self, id: InsnId) -> Result<clir::Value, CompileError> {
        match self.derived.iter().find(|d| d.0 == id) {
            Some(&(_, bv, k)) => Ok(self.fb.ins().iadd_imm_s(bv, k.wrapping_neg())),
            None => self.val(id),
        }
    }
}
