//! Constant folding and algebraic simplification.
//!
//! One forward walk. For each instruction, with its operands already folded:
//! 1. canonicalize: a commutative op or a comparison with a constant on the left gets it
//!    on the right (comparisons mirror: `lt` ↔ `gt`, `le` ↔ `ge`), so the rules below and
//!    CSE see one form;
//! 2. if every operand is a constant, evaluate with the evaluator's own semantics
//!    ([`eval_pure`], so folding cannot disagree with execution): a value becomes a
//!    constant, a guard that passes is dropped; an op that would always exit is kept (the
//!    trace really exits there);
//! 3. otherwise apply identities that hold for every input, including overflow and IEEE
//!    special values: `x+0`, `x-0`, `x*1`, `x*0` (ints), `x-x`, `x^x`, `x&x`, `x|x`,
//!    `x&0`, `x|0`, `x^0`, `x&-1`, shifts by 0, `x//1`, `x%1`, `x==x` and friends on ints
//!    and pointers, double negation, `x*1.0`, `x/1.0`, `x-0.0` (not `x+0.0`: `-0.0+0.0` is
//!    `+0.0`), `guard_true (bool_not c)` → `guard_false c` (and back), `phi a, itself` → `a`,
//!    `phi a, a` → `a`; Python's floor division and modulo by a power of two `2**k`
//!    (`k >= 1`) become `x >> k` (arithmetic) and `x & (2**k - 1)`, which cannot exit
//!    (bm_spectral_norm's `(i + j) * (i + j + 1) // 2`: 11 machine instructions → 1); and,
//!    for wrapping arithmetic only, reassociation of constants: `x - c` → `x + (-c)`,
//!    `(x + c1) + c2` → `x + (c1 + c2)`.
//!
//! Constants are interned: a folded constant reuses an identical earlier one.
//!
//! Source: the rule catalogue is the usual one (LuaJIT `lj_opt_fold.c` organizes the same
//! facts as a rule table); every rule here is restated and checked against [`eval_pure`] in
//! the filetests (`run` directives before and after).

use crate::ir::eval::{Pure, Val, eval_pure, pure_computable};
use crate::ir::{Func, Imm, Insn, InsnId, Op};
use crate::opt::rewrite::{Action, Rewriter, emit_new, rewrite};

/// The constant value of new instruction `id`, if it is a constant.
fn const_val(rw: &Rewriter<'_>, id: InsnId) -> Option<Val> {
    let i = rw.insn(id)?;
    if !i.op.is_const() {
        return None;
    }
    match eval_pure(i.op, &i.imm, &[])? {
        Pure::Value(v) => Some(v),
        _ => None,
    }
}

/// The constant `v`: an existing identical constant of the new function if there is one
/// (a scan; traces are short), else a new one.
fn emit_const(rw: &mut Rewriter<'_>, v: Val) -> InsnId {
    let (op, imm) = match v {
        Val::I64(k) => (Op::ConstI64, Imm::Int(k)),
        Val::F64(x) => (Op::ConstF64, Imm::Float(x.to_bits())),
        Val::Bool(b) => (Op::ConstBool, Imm::Bool(b)),
        Val::Ptr(p) => (Op::ConstPtr, Imm::Word(p)),
    };
    let found = rw.new_func().insns.iter().position(|i| i.op == op && i.imm == imm);
    match found {
        Some(i) => InsnId(i as u32),
        None => rw.b.op(op, &[], imm, None),
    }
}

fn mirror(op: Op) -> Op {
    match op {
        Op::IntLt => Op::IntGt,
        Op::IntGt => Op::IntLt,
        Op::IntLe => Op::IntGe,
        Op::IntGe => Op::IntLe,
        Op::FloatLt => Op::FloatGt,
        Op::FloatGt => Op::FloatLt,
        Op::FloatLe => Op::FloatGe,
        Op::FloatGe => Op::FloatLe,
        o => o,
    }
}

/// Folds one instruction (operands already renamed).
fn visit(rw: &mut Rewriter<'_>, old: InsnId, insn: &Insn) -> Action {
    let mut insn = insn.clone();
    if insn.op == Op::Phi {
        let back = rw.old.insn(old).and_then(|i| i.args.get(1).copied());
        let entry_old = rw.old.insn(old).and_then(|i| i.args.first().copied());
        if let (Some(b), Some(e)) = (back, entry_old)
            && (b == old || b == e)
            && let Some(&a) = insn.args.first()
        {
            return Action::Replace(a);
        }
        return Action::Keep;
    }
    if !pure_computable(insn.op) || insn.op.is_const() {
        return Action::Keep;
    }
    // 1. Constants to the right.
    let mut changed = false;
    if let [a, b] = insn.args[..]
        && const_val(rw, a).is_some()
        && const_val(rw, b).is_none()
        && (insn.op.is_commutative() || mirror(insn.op) != insn.op)
    {
        insn.args.swap(0, 1);
        insn.op = mirror(insn.op);
        changed = true;
    }
    // 2. All operands constant.
    let consts: Option<Vec<Val>> = insn.args.iter().map(|&a| const_val(rw, a)).collect();
    if let Some(vals) = consts {
        match eval_pure(insn.op, &insn.imm, &vals) {
            Some(Pure::Value(v)) => return Action::Replace(emit_const(rw, v)),
            Some(Pure::Pass) => return Action::Drop,
            Some(Pure::Exit) | None => {}
        }
    }
    // 3. Identities.
    if let Some(a) = simplify(rw, &insn) {
        return a;
    }
    if changed {
        // Canonicalized: emit the new form in place of the old one.
        return Action::Replace(emit_new(rw, insn));
    }
    Action::Keep
}

fn simplify(rw: &mut Rewriter<'_>, insn: &Insn) -> Option<Action> {
    use Op::*;
    let a = insn.args.first().copied()?;
    let b = insn.args.get(1).copied();
    let kb = b.and_then(|b| const_val(rw, b));
    let ib = match kb {
        Some(Val::I64(k)) => Some(k),
        _ => None,
    };
    let fb = match kb {
        Some(Val::F64(x)) => Some(x),
        _ => None,
    };
    let same = b == Some(a);
    let def = rw.insn(a).cloned();
    let def_op = def.as_ref().map(|d| d.op);
    let def_arg = def.as_ref().and_then(|d| d.args.first().copied());
    let zero = |rw: &mut Rewriter<'_>| Action::Replace(emit_const(rw, Val::I64(0)));
    let truth = |rw: &mut Rewriter<'_>, t: bool| Action::Replace(emit_const(rw, Val::Bool(t)));
    let def_const = def.as_ref().and_then(|d| d.args.get(1)).and_then(|&c| const_val(rw, c));
    Some(match (insn.op, ib) {
        (IntAdd | IntSub | IntAddOv | IntSubOv | IntOr | IntXor | IntShl | IntShr, Some(0)) => Action::Replace(a),
        // Wrapping arithmetic reassociates: x - c = x + (-c), (x + c1) + c2 = x + (c1 + c2).
        (IntSub, Some(c)) => {
            let k = emit_const(rw, Val::I64(c.wrapping_neg()));
            let add = Insn {
                op: IntAdd,
                args: smallvec::smallvec![a, k],
                ..insn.clone()
            };
            match simplify(rw, &add) {
                Some(act) => act,
                None => Action::Replace(emit_new(rw, add)),
            }
        }
        (IntAdd, Some(c2)) if def_op == Some(IntAdd) && matches!(def_const, Some(Val::I64(_))) => {
            let (Some(Val::I64(c1)), Some(x)) = (def_const, def_arg) else {
                return None;
            };
            let c = c1.wrapping_add(c2);
            if c == 0 {
                return Some(Action::Replace(x));
            }
            let k = emit_const(rw, Val::I64(c));
            Action::Replace(emit_new(
                rw,
                Insn {
                    op: IntAdd,
                    args: smallvec::smallvec![x, k],
                    ..insn.clone()
                },
            ))
        }
        (IntMul | IntMulOv | IntFloorDiv, Some(1)) => Action::Replace(a),
        // Python's `x // 2**k` rounds toward negative infinity, as the arithmetic shift
        // does on two's complement; `x % 2**k` (a positive divisor) is in `0..2**k`, the
        // low `k` bits. Neither can exit (the divisor is neither 0 nor -1).
        (IntFloorDiv | IntMod, Some(c)) if c > 1 && c.count_ones() == 1 => {
            let (op, k) = if insn.op == IntFloorDiv {
                (IntShr, i64::from(c.trailing_zeros()))
            } else {
                (IntAnd, c - 1)
            };
            let k = emit_const(rw, Val::I64(k));
            Action::Replace(emit_new(
                rw,
                Insn {
                    op,
                    ty: insn.ty,
                    args: smallvec::smallvec![a, k],
                    imm: Imm::None,
                    snap: None,
                },
            ))
        }
        (IntMul | IntMulOv | IntAnd, Some(0)) => zero(rw),
        (IntMod, Some(1)) => zero(rw),
        (IntAnd, Some(-1)) => Action::Replace(a),
        (IntSub | IntSubOv | IntXor, _) if same => zero(rw),
        (IntAnd | IntOr, _) if same => Action::Replace(a),
        (IntEq | IntLe | IntGe, _) if same => truth(rw, true),
        (IntNe | IntLt | IntGt, _) if same => truth(rw, false),
        (PtrEq, _) if same => truth(rw, true),
        (IntNeg, _) if def_op == Some(IntNeg) => Action::Replace(def_arg?),
        (FloatNeg, _) if def_op == Some(FloatNeg) => Action::Replace(def_arg?),
        (BoolNot, _) if def_op == Some(BoolNot) => Action::Replace(def_arg?),
        (FloatMul | FloatDiv, _) if fb == Some(1.0) => Action::Replace(a),
        (FloatSub, _) if fb.is_some_and(|x| x == 0.0 && x.is_sign_positive()) => Action::Replace(a),
        (GuardTrue | GuardFalse, _) if def_op == Some(BoolNot) => {
            let mut g = insn.clone();
            g.op = if insn.op == GuardTrue { GuardFalse } else { GuardTrue };
            g.args = smallvec::smallvec![def_arg?];
            Action::Replace(emit_new(rw, g))
        }
        _ => return None,
    })
}

/// Runs constant folding and algebraic simplification over `f`.
pub fn fold(f: &Func) -> Func {
    rewrite(f, visit)
}
