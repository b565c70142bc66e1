//! Per-opcode translation: what the recorder emits for each bytecode instruction, and the
//! index execution continues at.
//!
//! Opcodes are matched on their generic form ([`generic`]); every opcode without a row
//! here aborts with [`AbortReason::UnsupportedOpcode`]. Branches guard the direction the
//! interpreter is about to take (read from the observed condition) and resume, on exit,
//! at the branch itself with its condition on the stack.

use taipan_bytecode::{Instruction, Opcode};

use crate::ir::{Op, SnapId, Type};
use crate::record::{Abort, AbortReason, ConstVal, Observe, PyVal, Recorder};

/// The generic opcode an instruction belongs to: a specialized (quickened) form is
/// translated as its base opcode, whose semantics it shares (its guards are the
/// interpreter's business; the recorder guards on what it observes). A superinstruction's
/// base is its first half: the interpreter records the second half as its own call.
pub(crate) fn generic(op: Opcode) -> Opcode {
    op.base()
}

/// Whether `op` (generic) is a branch of the program's control flow: the snapshots of the
/// guards it records are branch snapshots ([`crate::ir::Snapshot::branch`]).
fn is_branch(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::ForIter
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfTrue
            | Opcode::JumpIfFalseOrPop
            | Opcode::JumpIfTrueOrPop
            | Opcode::PopJumpIfNone
            | Opcode::PopJumpIfNotNone
    )
}

impl Recorder {
    /// Translates one instruction; returns the index execution continues at. The
    /// snapshots of the exits a branch records are marked branch snapshots.
    pub(crate) fn translate(&mut self, pc: u32, instr: Instruction, obs: &dyn Observe) -> Result<u32, Abort> {
        let from = self.b.func().insns.len();
        let next = self.translate_op(pc, instr, obs)?;
        if is_branch(generic(instr.op)) {
            self.b.mark_branches_since(from);
        }
        Ok(next)
    }

    fn translate_op(&mut self, pc: u32, instr: Instruction, obs: &dyn Observe) -> Result<u32, Abort> {
        let arg = instr.arg;
        let next = pc.saturating_add(1);
        if self.pending_slice.is_some() && !self.pending_slice_allows(generic(instr.op)) {
            self.make_pending_slice();
        }
        if !self.vtuple.is_empty() && generic(instr.op) != Opcode::UnpackSequence {
            // (an `enumerate`/`zip` item used as a tuple: it would have to be allocated)
            let d = "the tuple of an enumerate/zip step is not unpacked at once";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        if let Some(&PyVal::VSlice(vs)) = self.stack.last() {
            // (a slice object used otherwise would have to be allocated)
            return match generic(instr.op) {
                Opcode::BinarySubscr => self.subscr_slice(pc, vs).map(|()| next),
                Opcode::StoreSubscr => self.store_slice(pc, vs).map(|()| next),
                _ => {
                    let d = "a slice is not subscripted at once";
                    Err(self.abort(AbortReason::UnsupportedOperand, pc, d))
                }
            };
        }
        match generic(instr.op) {
            Opcode::Nop | Opcode::LoopEntry => {}
            Opcode::BuildTuple => self.build_seq(pc, arg, false, obs)?,
            Opcode::BuildList => self.build_seq(pc, arg, true, obs)?,
            Opcode::LoadFast => {
                let v = self.read_local(arg, obs, pc)?;
                self.push(v);
            }
            Opcode::StoreFast => {
                let v = self.pop(pc)?;
                if v.is_virtual() {
                    return Err(self.abort(AbortReason::UnsupportedOperand, pc, "storing a virtual range"));
                }
                self.write_local(arg, v, obs, pc)?;
            }
            Opcode::LoadConst => {
                let c = self.code.consts.get(arg as usize).copied();
                let v = match c {
                    Some(ConstVal::None) => PyVal::None,
                    Some(ConstVal::Bool(b)) => PyVal::Bool(self.b.const_bool(b)),
                    Some(ConstVal::Int(k)) => PyVal::Int(self.b.const_i64(k)),
                    Some(ConstVal::Float(x)) => PyVal::Float(self.b.const_f64(x)),
                    // any other constant (a str, a tuple, ...) is an object word of the
                    // trace, kept alive by the code object that holds it
                    Some(ConstVal::Other(t)) => match obs.const_word(arg) {
                        Some(w) => PyVal::Obj(self.b.const_ptr(w)),
                        None => return Err(self.abort(AbortReason::UnsupportedConstant, pc, t)),
                    },
                    None => return Err(self.abort(AbortReason::Desync, pc, format!("no constant {arg}"))),
                };
                self.push(v);
            }
            // a side trace leaving an inner loop by `break` pops its iterator (`virtual.rs`)
            Opcode::PopTop
                if self.stack.is_empty()
                    && self.is_side()
                    && self.inl.is_empty()
                    && self.live_depth() > 0
                    && !Self::is_wrap_entry(obs, 0) =>
            {
                // (a counter the path advanced is listed by the guard's snapshot)
                return self.pop_entry(pc, next);
            }
            Opcode::PopTop => {
                self.pop(pc)?;
            }
            Opcode::Copy => {
                let v = self.peek((arg as usize).saturating_sub(1), pc)?;
                self.push(v);
            }
            Opcode::Swap => {
                let len = self.stack.len();
                if arg == 0 {
                    return Err(self.abort(AbortReason::Desync, pc, "SWAP 0"));
                }
                match len.checked_sub(arg as usize) {
                    Some(i) => self.stack.swap(i, len - 1),
                    None => return Err(self.below(arg as usize - 1 - len, pc)),
                }
            }
            Opcode::IsOp => {
                // Identity is decided by the types when one side is None (the only
                // singleton the trace holds); ints and floats have no identity here.
                let (a, b) = (self.peek(1, pc)?, self.peek(0, pc)?);
                if let (PyVal::Obj(x), PyVal::Obj(y)) = (a, b) {
                    // objects: identity is the object word
                    self.pop(pc)?;
                    self.pop(pc)?;
                    let same = self.b.binary(Op::PtrEq, x, y);
                    let r = if arg == 1 {
                        self.b.unary(Op::BoolNot, same)
                    } else {
                        same
                    };
                    self.push(PyVal::Bool(r));
                    return Ok(next);
                }
                if a != PyVal::None && b != PyVal::None {
                    let d = format!("{} is {}", a.tag().name(), b.tag().name());
                    return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
                }
                let same = a == b;
                self.pop(pc)?;
                self.pop(pc)?;
                let c = self.b.const_bool(same != (arg == 1));
                self.push(PyVal::Bool(c));
            }
            Opcode::BinaryOp => self.binary_op(pc, arg, obs)?,
            Opcode::CompareOp => self.compare_op(pc, arg, obs)?,
            Opcode::UnaryNegative | Opcode::UnaryPositive | Opcode::UnaryNot | Opcode::UnaryInvert => {
                self.unary_op(pc, generic(instr.op), obs)?;
            }
            Opcode::Jump => return Ok(arg),
            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                let jump_if = generic(instr.op) == Opcode::PopJumpIfTrue;
                let truth = self.guard_truth(pc, obs)?;
                self.pop(pc)?;
                return Ok(if truth == jump_if { arg } else { next });
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                let jump_if = generic(instr.op) == Opcode::JumpIfTrueOrPop;
                let truth = self.guard_truth(pc, obs)?;
                if truth == jump_if {
                    return Ok(arg);
                }
                self.pop(pc)?;
            }
            Opcode::PopJumpIfNone | Opcode::PopJumpIfNotNone => {
                // The type is known (entry guards, typed results): no guard needed.
                let is_none = self.pop(pc)? == PyVal::None;
                let jump_if_none = generic(instr.op) == Opcode::PopJumpIfNone;
                return Ok(if is_none == jump_if_none { arg } else { next });
            }
            Opcode::ForIter if !self.inl.is_empty() => {
                return Err(self.abort(AbortReason::InnerLoop, pc, "FOR_ITER in an inlined call"));
            }
            Opcode::ForIter => return self.for_iter(pc, arg, obs),
            Opcode::GetIter => self.get_iter(pc, obs)?,
            Opcode::BuildSlice => self.build_slice(pc, arg)?,
            Opcode::BinarySubscr if Self::is_dict_op(obs, 1, 0) => self.dict_subscr(pc, obs)?,
            Opcode::BinarySubscr => self.binary_subscr(pc, obs)?,
            Opcode::StoreSubscr if Self::is_dict_op(obs, 1, 0) => self.dict_store(pc, obs)?,
            Opcode::StoreSubscr => self.store_subscr(pc, obs)?,
            Opcode::ContainsOp => self.dict_contains(pc, arg == 1, obs)?,
            Opcode::UnpackSequence if !self.vtuple.is_empty() => self.unpack_vtuple(pc, arg)?,
            Opcode::UnpackSequence => self.unpack_sequence(pc, arg, obs)?,
            Opcode::LoadGlobal => self.load_global(pc, arg, obs)?,
            Opcode::LoadDeref => self.load_deref(pc, arg, obs)?,
            Opcode::YieldValue => self.yield_to_sink(pc, obs)?,
            Opcode::LoadAttr => self.load_attr(pc, arg, obs, false)?,
            Opcode::LoadMethod => self.load_attr(pc, arg, obs, true)?,
            Opcode::StoreAttr => self.store_attr(pc, arg, obs)?,
            Opcode::Call => return self.call(pc, arg, false, obs),
            Opcode::CallMethod => return self.call(pc, arg, true, obs),
            Opcode::ReturnValue if !self.inl.is_empty() => return self.return_inlined(pc),
            Opcode::ReturnValue => return Err(self.abort(AbortReason::LeftLoop, pc, "RETURN_VALUE")),
            op => return Err(self.abort(AbortReason::UnsupportedOpcode, pc, op.name())),
        }
        Ok(next)
    }

    /// Guards the truth value of the top of stack to be what the interpreter observes, and
    /// returns it. The exit resumes at the branch with the condition still on the stack.
    fn guard_truth(&mut self, pc: u32, obs: &dyn Observe) -> Result<bool, Abort> {
        let v = self.peek(0, pc)?;
        if let PyVal::Obj(x) = v {
            // an exact list, tuple, str or dict is true when it is not empty (CPython's
            // `sq_length`/`mp_length` truth): `@obj_len`, -1 for anything else, which exits
            // at the jump so the interpreter asks the object itself
            let Some(n) = obs.stack_len_of(0) else {
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, "truth of an object"));
            };
            let s = self.snap(pc);
            let len = self.b.call("obj_len", self.list_read_effect(), &[x], Type::I64);
            let zero = self.b.const_i64(0);
            let known = self.b.binary(Op::IntGe, len, zero);
            self.guard(true, known, s);
            let cond = self.b.binary(Op::IntNe, len, zero);
            let truth = n != 0;
            self.guard(truth, cond, s);
            return Ok(truth);
        }
        let o = obs.stack(0);
        self.check(v, o, pc)?;
        let truth = o
            .truthy()
            .ok_or_else(|| self.abort(AbortReason::Desync, pc, format!("no truth value for {o:?}")))?;
        let cond = match v {
            PyVal::None => return Ok(false),
            PyVal::Known(o) => {
                let d = format!("truth value of a {:?}", o.info);
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
            PyVal::VRange(_)
            | PyVal::VIter(_)
            | PyVal::VSeqIter(..)
            | PyVal::VTuple
            | PyVal::VEnum(..)
            | PyVal::VZip(_)
            | PyVal::VSlice(_)
            | PyVal::VSliceOf
            | PyVal::VSuper(..) => {
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, "truth of a virtual range"));
            }
            PyVal::Bool(c) => c,
            PyVal::Int(x) => {
                let z = self.b.const_i64(0);
                self.b.binary(Op::IntNe, x, z)
            }
            PyVal::Float(x) => {
                let z = self.b.const_f64(0.0);
                self.b.binary(Op::FloatNe, x, z)
            }
            PyVal::Obj(_) => return Ok(false),
        };
        let s = self.snap(pc);
        self.guard(truth, cond, s);
        Ok(truth)
    }

    /// `guard_true c` if `want`, else `guard_false c`.
    pub(crate) fn guard(&mut self, want: bool, c: crate::ir::InsnId, s: SnapId) {
        let op = if want { Op::GuardTrue } else { Op::GuardFalse };
        self.b.exiting(op, &[c], s);
    }
}
