//! In-place quickening of the tier-0 interpreter (PEP 659; CPython 3.11's
//! `Python/specialize.c` and `_PyCode_Quicken`, written independently).
//!
//! Every [`Code`] keeps a mutable copy of its instructions ([`Code::instrs`], one
//! `Cell<Instruction>` each) that the dispatch loop fetches from; the compiler's
//! `CodeObject` stays untouched for tracebacks, positions and the disassembler. Two kinds of
//! rewrite happen in that copy, never changing an instruction's index or argument:
//!
//! - **Superinstructions**, when the code object is created ([`superinstructions`]): a
//!   `LOAD_FAST`/`STORE_FAST`/`LOAD_CONST` followed by another of them becomes a combined
//!   form (`LOAD_FAST__LOAD_FAST`, ...) that also does the next instruction's work (reading
//!   that instruction's argument) and skips it. The next instruction stays as it is, so a
//!   jump to it still works; an error in the second half is reported at the second index.
//!   Three-instruction forms fuse a list/tuple subscript with the loads of its operands
//!   (`LOAD_FAST__LOAD_FAST__BINARY_SUBSCR`, ..., `SWAP__SWAP__STORE_SUBSCR`): when their
//!   guards fail they do the first two instructions' work and continue at the third,
//!   which runs as it is (generic or specialized); see `interp_subscr.rs`.
//!   `LOAD_FAST__UNPACK_SEQUENCE` (`a, b = local`) unpacks the local straight into the
//!   target locals once the `UNPACK_SEQUENCE` has become its `__STORE_FAST` form, and is a
//!   plain `LOAD_FAST` otherwise.
//! - **Specialized forms**, at run time: an instruction of a specializable family starts
//!   generic and counts its executions in its inline-cache [`Slot`]
//!   (`TAIPAN_SPECIALIZE_WARMUP`, 0 = at the first execution). When the count runs out it
//!   looks at what it just saw and rewrites itself into the matching form
//!   (`LOAD_ATTR_SLOT`, `BINARY_OP_ADD_FLOAT`, ...) whose facts live in the slot beside it.
//!   A form whose guard fails takes the generic path (a *miss*); after
//!   [`crate::interp::specialize::MISS_LIMIT`] misses the slot is cleared and the
//!   instruction rewritten back to its generic opcode (a *deopt*), which warms up again
//!   with an exponentially growing count (back-off) before it tries again. A failed attempt
//!   backs off the same way.
//!
//! The specialized forms are rows of the `specialized { .. }` part of the opcode table
//! (`taipan_bytecode::for_each_opcode!`); `Opcode::base` maps each to its generic opcode.
//!
//! Profile hook for the JIT: [`observed`] reads what an instruction has specialized to (the
//! form itself is the observation, plus the receiver type of the attribute forms).

use std::cell::Cell;
use std::rc::{Rc, Weak};

use taipan_bytecode::{Instruction, Opcode};

use super::specialize::{Entry, Family, How, Slot};
use super::{Frame, stack_underflow};
use crate::code::Code;
use crate::object::{ObjKind, Object};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Per-form counters for `--interp-stats`.
#[derive(Copy, Clone, Debug, Default)]
pub struct FormStats {
    /// Times an instruction was rewritten into this form.
    pub specialized: u64,
    /// Executions whose guards held.
    pub hits: u64,
    /// Executions whose guards failed (the generic path ran).
    pub misses: u64,
    /// Rewrites of this form back to its generic opcode.
    pub deopts: u64,
}

/// Kind of event counted by `Vm::tally`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tally {
    /// A guard held.
    Hit,
    /// A guard failed.
    Miss,
}

/// The instruction copy of `code` with superinstructions applied (see the module docs).
///
/// Three-instruction forms (a list/tuple subscript with its operands, see
/// [`subscript_triple`]) take precedence: a pair is not fused when the instruction it
/// would skip starts a triple, since execution would then never reach the triple.
pub fn superinstructions(raw: &[Instruction]) -> Box<[Cell<Instruction>]> {
    let mut out: Vec<Instruction> = raw.to_vec();
    for i in 0..out.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (raw.get(i), raw.get(i + 1)) else {
            break;
        };
        let fused = if let Some(t) = subscript_triple(raw, i) {
            t
        } else {
            let pair = match (a.op, b.op) {
                (Opcode::LoadFast, Opcode::LoadFast) => Opcode::LoadFastLoadFast,
                (Opcode::LoadFast, Opcode::LoadConst) => Opcode::LoadFastLoadConst,
                (Opcode::LoadConst, Opcode::LoadFast) => Opcode::LoadConstLoadFast,
                (Opcode::StoreFast, Opcode::LoadFast) => Opcode::StoreFastLoadFast,
                (Opcode::StoreFast, Opcode::StoreFast) => Opcode::StoreFastStoreFast,
                (Opcode::LoadFast, Opcode::UnpackSequence) => Opcode::LoadFastUnpackSequence,
                (Opcode::LoadFast, Opcode::LoadAttr) => Opcode::LoadFastLoadAttr,
                (Opcode::LoadFast, Opcode::LoadMethod) => Opcode::LoadFastLoadMethod,
                (Opcode::LoadFast, Opcode::StoreAttr) => Opcode::LoadFastStoreAttr,
                _ => continue,
            };
            // (a pair that would swallow the first half of a longer superinstruction or of
            // a `local.name` pair is not made: those save more)
            if subscript_triple(raw, i + 1).is_some() || attr_pair(raw, i + 1) {
                continue;
            }
            pair
        };
        if let Some(slot) = out.get_mut(i) {
            slot.op = fused;
        }
    }
    out.into_iter().map(Cell::new).collect()
}

/// True if instructions `i` and `i + 1` are `LOAD_FAST; LOAD_ATTR|LOAD_METHOD|STORE_ATTR`
/// (a `LOAD_FAST__LOAD_ATTR`, `__LOAD_METHOD` or `__STORE_ATTR` pair).
fn attr_pair(raw: &[Instruction], i: usize) -> bool {
    matches!(
        raw.get(i..i + 2),
        Some([a, b]) if a.op == Opcode::LoadFast
            && matches!(b.op, Opcode::LoadAttr | Opcode::LoadMethod | Opcode::StoreAttr)
    )
}

/// The three-instruction superinstruction starting at `i`, if any: `LOAD_FAST c;
/// LOAD_FAST|LOAD_CONST k; BINARY_SUBSCR|STORE_SUBSCR` (`c[k]`, `c[k] = v`), and the
/// halves of an augmented subscript assignment `c[k] op= x`: `COPY 2; COPY 2;
/// BINARY_SUBSCR` and `SWAP 3; SWAP 2; STORE_SUBSCR` (CPython 3.11's code for it).
fn subscript_triple(raw: &[Instruction], i: usize) -> Option<Opcode> {
    let [a, b, c] = raw.get(i..i + 3)? else { return None };
    Some(match (a.op, b.op, c.op) {
        (Opcode::LoadFast, Opcode::LoadFast, Opcode::BinarySubscr) => Opcode::LoadFastLoadFastBinarySubscr,
        (Opcode::LoadFast, Opcode::LoadConst, Opcode::BinarySubscr) => Opcode::LoadFastLoadConstBinarySubscr,
        (Opcode::LoadFast, Opcode::LoadFast, Opcode::StoreSubscr) => Opcode::LoadFastLoadFastStoreSubscr,
        (Opcode::LoadFast, Opcode::LoadConst, Opcode::StoreSubscr) => Opcode::LoadFastLoadConstStoreSubscr,
        (Opcode::Copy, Opcode::Copy, Opcode::BinarySubscr) if a.arg == 2 && b.arg == 2 => Opcode::CopyCopyBinarySubscr,
        (Opcode::Swap, Opcode::Swap, Opcode::StoreSubscr) if a.arg == 3 && b.arg == 2 => Opcode::SwapSwapStoreSubscr,
        _ => return None,
    })
}

/// Rewrites instruction `at` of `code` into the specialized form `op` (same argument).
/// A `LOAD_GLOBAL_MODULE` directly followed by a `LOAD_ATTR_CLASS` becomes
/// `LOAD_GLOBAL_MODULE__LOAD_ATTR_CLASS`, whichever of the two is installed last (the
/// fused form checks the next instruction's form itself, so a later change of the
/// `LOAD_ATTR` needs no undoing; a deopt of the `LOAD_GLOBAL` rewrites it generic).
/// Returns the form written at `at` (for the statistics).
#[inline]
pub(crate) fn set_form(code: &Code, at: usize, op: Opcode) -> Opcode {
    let form = |i: usize| code.instrs.get(i).map(|c| c.get().op);
    let op = if op == Opcode::LoadGlobalModule && form(at + 1) == Some(Opcode::LoadAttrClass) {
        Opcode::LoadGlobalModuleLoadAttrClass
    } else {
        op
    };
    if let Some(c) = code.instrs.get(at) {
        let ins = c.get();
        if ins.op.base() == op.base() {
            c.set(Instruction::new(op, ins.arg));
        }
    }
    if op == Opcode::LoadAttrClass
        && let Some(before) = at.checked_sub(1)
        && form(before) == Some(Opcode::LoadGlobalModule)
        && let Some(c) = code.instrs.get(before)
    {
        c.set(Instruction::new(Opcode::LoadGlobalModuleLoadAttrClass, c.get().arg));
    }
    op
}

/// Rewrites instruction `at` of `code` back to its generic opcode.
#[inline]
pub(crate) fn set_generic(code: &Code, at: usize) {
    if let Some(c) = code.instrs.get(at) {
        let ins = c.get();
        if ins.op.is_specialized() {
            c.set(Instruction::new(ins.op.base(), ins.arg));
        }
    }
}

/// The form an attribute/global family's entry is executed by (`None`: the family has no
/// rewritten form, e.g. calls of classes, which `CALL` checks itself).
pub(crate) fn form_of(fam: Family, e: &Entry, obj: Option<&Value>) -> Option<Opcode> {
    let single = |e: &Entry| match e {
        Entry::Types(cases) if cases.len() == 1 => cases.first().map(|c| c.how.clone()),
        _ => None,
    };
    Some(match (fam, e) {
        (Family::LoadGlobal, Entry::GlobalModule { .. }) => Opcode::LoadGlobalModule,
        (Family::LoadGlobal, Entry::GlobalBuiltin { .. }) => Opcode::LoadGlobalBuiltin,
        (Family::LoadAttr, Entry::ModuleAttr { .. }) => Opcode::LoadAttrModule,
        (Family::LoadAttr, Entry::TypeAttr { .. }) => Opcode::LoadAttrClass,
        (Family::LoadAttr, Entry::Types(_)) => match single(e) {
            Some(How::InstanceDict { .. }) => Opcode::LoadAttrWithHint,
            Some(How::InstanceSlot(_)) => Opcode::LoadAttrSlot,
            _ => Opcode::LoadAttrPoly,
        },
        (Family::LoadMethod, Entry::ModuleAttr { .. }) => Opcode::LoadMethodModule,
        (Family::LoadMethod, Entry::TypeAttr { .. }) => Opcode::LoadMethodClass,
        (Family::LoadMethod, Entry::Types(_)) => match single(e) {
            Some(How::Method(..)) => match obj {
                Some(Value::Obj(o)) if o.dict.is_none() => Opcode::LoadMethodNoDict,
                _ => Opcode::LoadMethodWithValues,
            },
            _ => Opcode::LoadMethodPoly,
        },
        (Family::StoreAttr, Entry::Types(_)) => match single(e) {
            Some(How::InstanceDict { .. } | How::InstanceDictAdd { .. }) => Opcode::StoreAttrWithHint,
            Some(How::InstanceSlot(_)) => Opcode::StoreAttrSlot,
            _ => Opcode::StoreAttrPoly,
        },
        _ => return None,
    })
}

/// The polymorphic form of a type-keyed family.
pub(crate) fn poly_form(fam: Family) -> Option<Opcode> {
    match fam {
        Family::LoadAttr => Some(Opcode::LoadAttrPoly),
        Family::LoadMethod => Some(Opcode::LoadMethodPoly),
        Family::StoreAttr => Some(Opcode::StoreAttrPoly),
        _ => None,
    }
}

/// What the interpreter observed at one instruction, for the JIT (see [`observed`]).
#[derive(Clone, Debug)]
pub struct Observation {
    /// The specialized form the instruction runs as (e.g. `BINARY_OP_ADD_FLOAT`: both
    /// operands were floats; `LOAD_ATTR_SLOT`: a `__slots__` slot of `receiver`).
    pub form: Opcode,
    /// For the monomorphic attribute forms: the receiver class and its version tag when
    /// the cache was filled (guard these before relying on the form).
    pub receiver: Option<(Weak<Object>, u32)>,
    /// For the monomorphic instance-dict forms: the shape of the instance dict the cache
    /// relies on (`LOAD_ATTR_WITH_HINT`/`STORE_ATTR_WITH_HINT`: the attribute's position is
    /// known for dicts of this shape; `STORE_ATTR_WITH_HINT` adding an attribute: the shape
    /// before the store; `LOAD_METHOD_WITH_VALUES`: a shape without the method's name).
    /// Guard `Dict::shape() == shape` (one comparison) before relying on it.
    pub shape: Option<crate::shape::ShapeId>,
}

/// The profile hook the JIT reads: what instruction `index` of `code` has specialized to,
/// or `None` while it is generic (warming up, backing off, or never specializable).
/// Reading it has no effect on the interpreter.
pub fn observed(code: &Code, index: usize) -> Option<Observation> {
    let form = code.instrs.get(index)?.get().op;
    if !form.is_specialized() || matches!(form.base(), Opcode::LoadFast | Opcode::StoreFast | Opcode::LoadConst) {
        return None;
    }
    let (receiver, shape) = code
        .caches
        .get(index)
        .and_then(|c| match &c.try_borrow().ok()?.entry {
            Entry::Types(cases) if cases.len() == 1 => cases.first().map(|k| {
                let shape = match &k.how {
                    How::InstanceDict { shape, .. }
                    | How::Method(_, shape)
                    | How::ClassValue(_, shape)
                    | How::ClassMethod(_, shape) => Some(*shape).filter(|s| *s != crate::shape::ShapeId::NEVER),
                    How::InstanceDictAdd { before, .. } => Some(*before),
                    How::InstanceSlot(_) | How::OwnClass => None,
                };
                (Some((k.ty.clone(), k.version)), shape)
            }),
            Entry::TypeAttr { ty, version, .. } => Some((Some((ty.clone(), *version)), None)),
            _ => None,
        })
        .unwrap_or((None, None));
    Some(Observation { form, receiver, shape })
}

/// True for the `BINARY_OP` arguments that have specialized forms (`+ - *` and in place).
#[inline(always)]
pub(super) fn binop_specializable(arg: usize) -> bool {
    matches!(arg, 0 | 13 | 10 | 23 | 5 | 18)
}

/// The `BINARY_OP` form for operator `arg` on the top two values of `stack`.
fn binop_form(arg: usize, stack: &[Value]) -> Option<Opcode> {
    let n = stack.len();
    let (a, b) = (stack.get(n.checked_sub(2)?)?, stack.get(n - 1)?);
    let (int, float) = match (a, b) {
        (Value::Int(_), Value::Int(_)) => (true, false),
        (Value::Float(_), Value::Float(_)) => (false, true),
        _ => return None,
    };
    Some(match arg {
        0 | 13 if int => Opcode::BinaryOpAddInt,
        10 | 23 if int => Opcode::BinaryOpSubtractInt,
        5 | 18 if int => Opcode::BinaryOpMultiplyInt,
        0 | 13 if float => Opcode::BinaryOpAddFloat,
        10 | 23 if float => Opcode::BinaryOpSubtractFloat,
        5 | 18 if float => Opcode::BinaryOpMultiplyFloat,
        _ => return None,
    })
}

impl Vm {
    /// Counts an event of family `fam` at instruction `at` (statistics on): the family's
    /// counter and that of the form the instruction currently runs as.
    pub(crate) fn tally(&mut self, fam: Family, code: &Code, at: usize, t: Tally) {
        if !self.spec.print_stats {
            return;
        }
        let op = code.instrs.get(at).map(|c| c.get().op);
        let st = self.spec.of(fam);
        match t {
            Tally::Hit => st.hits += 1,
            Tally::Miss => st.misses += 1,
        }
        if let Some(op) = op.filter(|op| op.is_specialized()) {
            let fs = self.spec.form(op);
            match t {
                Tally::Hit => fs.hits += 1,
                Tally::Miss => fs.misses += 1,
            }
        }
    }

    /// Counts a hit of specialized form `op` (statistics on).
    /// `S`: statistics may be on (the test of the flag is compiled in); false in the
    /// dispatch loop's plain instance (see `Vm::dispatch`), true everywhere else.
    #[inline(always)]
    pub(super) fn form_hit<const S: bool>(&mut self, fam: Family, op: Opcode) {
        if S && self.spec.print_stats {
            self.spec.of(fam).hits += 1;
            self.spec.form(op).hits += 1;
        }
    }

    /// The slot at `at` gave up its entry: counts the deopt and rewrites the instruction
    /// back to its generic opcode (the slot already backs off).
    pub(crate) fn deopt(&mut self, code: &Code, at: usize, fam: Family) {
        self.spec.of(fam).deopts += 1;
        let op = code.instrs.get(at).map(|c| c.get().op);
        if let Some(op) = op.filter(|op| self.spec.print_stats && op.is_specialized()) {
            self.spec.form(op).deopts += 1;
        }
        set_generic(code, at);
    }

    /// One generic execution of a data-free family (binary operations, comparisons,
    /// subscripts, unpacking) at `at`: true when the warm-up ran out and the caller should
    /// pick a form now (then call [`Vm::adapt`]).
    #[inline]
    pub(super) fn adapt_due(&mut self, code: &Code, at: usize) -> bool {
        match code.caches.get(at).map(|c| c.try_borrow_mut()) {
            Some(Ok(mut slot)) => slot.tick(),
            _ => false,
        }
    }

    /// Rewrites `at` into `form`, or backs off when there is none.
    #[inline(never)]
    pub(super) fn adapt(&mut self, code: &Code, at: usize, fam: Family, form: Option<Opcode>) {
        let warmup = self.spec.warmup;
        let Some(Ok(mut slot)) = code.caches.get(at).map(|c| c.try_borrow_mut()) else {
            return;
        };
        match form {
            Some(op) => {
                slot.install(Entry::Generic);
                drop(slot);
                set_form(code, at, op);
                self.spec.of(fam).specialized += 1;
                if self.spec.print_stats {
                    self.spec.form(op).specialized += 1;
                }
            }
            None => {
                slot.fail(warmup);
                self.spec.of(fam).failed += 1;
            }
        }
    }

    /// A guard of a data-free form at `at` failed: counts the miss and deopts after too many.
    #[inline(never)]
    pub(super) fn adapt_miss(&mut self, code: &Code, at: usize, fam: Family) {
        self.tally(fam, code, at, Tally::Miss);
        let warmup = self.spec.warmup;
        let dropped = code.caches.get(at).is_some_and(|c| {
            c.try_borrow_mut()
                .is_ok_and(|mut s: std::cell::RefMut<'_, Slot>| s.miss(warmup))
        });
        if dropped {
            self.deopt(code, at, fam);
        }
    }

    /// Generic `BINARY_OP` warm-up hook (before the operation runs; out of line: only
    /// generic instructions, warming up or backing off, run it).
    #[inline(always)]
    pub(super) fn adapt_binop(&mut self, code: &Code, at: usize, arg: usize, stack: &[Value]) {
        if binop_specializable(arg) {
            self.adapt_binop_slow(code, at, arg, stack);
        }
    }

    #[inline(never)]
    fn adapt_binop_slow(&mut self, code: &Code, at: usize, arg: usize, stack: &[Value]) {
        if self.adapt_due(code, at) {
            let form = binop_form(arg, stack);
            self.adapt(code, at, Family::BinaryOp, form);
        }
    }

    /// Generic `COMPARE_OP` warm-up hook: forms exist only when a conditional jump follows.
    #[inline(never)]
    pub(super) fn adapt_compare(&mut self, code: &Code, at: usize, arg: usize, stack: &[Value]) {
        let jump_follows = code
            .raw
            .instructions
            .get(at + 1)
            .is_some_and(|i| matches!(i.op, Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue));
        if jump_follows && self.adapt_due(code, at) {
            let n = stack.len();
            let form = match (n.checked_sub(2).and_then(|i| stack.get(i)), stack.last()) {
                (Some(Value::Int(_)), Some(Value::Int(_))) => Some(Opcode::CompareOpIntJump),
                (Some(Value::Float(_)), Some(Value::Float(_))) => Some(Opcode::CompareOpFloatJump),
                (Some(Value::Obj(x)), Some(Value::Obj(y))) if (arg == 2 || arg == 3) && self.exact_strs(x, y) => {
                    Some(Opcode::CompareOpStrJump)
                }
                (Some(x), Some(y)) if (arg == 2 || arg == 3) && self.eq_is_identity(x, y) => {
                    Some(Opcode::CompareOpIdentityJump)
                }
                _ => None,
            };
            self.adapt(code, at, Family::CompareOp, form);
        }
    }

    /// Generic `BINARY_SUBSCR` / `STORE_SUBSCR` warm-up hook (`store`: the latter).
    #[inline(never)]
    pub(super) fn adapt_subscr(&mut self, code: &Code, at: usize, c: &Value, key: &Value, store: bool) {
        if self.adapt_due(code, at) {
            let exact = |t: &Obj| matches!(c, Value::Obj(o) if o.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, t)));
            let int_key = matches!(key, Value::Int(_));
            let form = if exact(&self.types.list) && int_key {
                Some(if store {
                    Opcode::StoreSubscrListInt
                } else {
                    Opcode::BinarySubscrListInt
                })
            } else if store {
                exact(&self.types.dict).then_some(Opcode::StoreSubscrDict)
            } else if exact(&self.types.tuple) && int_key {
                Some(Opcode::BinarySubscrTupleInt)
            } else if exact(&self.types.dict) {
                Some(Opcode::BinarySubscrDict)
            } else {
                None
            };
            self.adapt(
                code,
                at,
                if store {
                    Family::StoreSubscr
                } else {
                    Family::BinarySubscr
                },
                form,
            );
        }
    }

    /// Generic `UNPACK_SEQUENCE` warm-up hook. When the `n` instructions that follow are
    /// all `STORE_FAST` (`a, b, c = seq` into locals), the form stores the items itself.
    #[inline(never)]
    pub(super) fn adapt_unpack(&mut self, code: &Code, at: usize, seq: &Value, n: usize) {
        if self.adapt_due(code, at) {
            let stores = n > 0
                && code
                    .raw
                    .instructions
                    .get(at + 1..at + 1 + n)
                    .is_some_and(|r| r.iter().all(|i| i.op == Opcode::StoreFast));
            let form = match seq {
                Value::Obj(o) => match (&o.kind, &o.class) {
                    (ObjKind::Tuple(t), Some(k)) if Rc::ptr_eq(k, &self.types.tuple) && t.len() == n => {
                        Some(if stores {
                            Opcode::UnpackSequenceTupleStoreFast
                        } else if n == 2 {
                            Opcode::UnpackSequenceTwoTuple
                        } else {
                            Opcode::UnpackSequenceTuple
                        })
                    }
                    (ObjKind::List(_), Some(k)) if Rc::ptr_eq(k, &self.types.list) => Some(if stores {
                        Opcode::UnpackSequenceListStoreFast
                    } else {
                        Opcode::UnpackSequenceList
                    }),
                    _ => None,
                },
                _ => None,
            };
            self.adapt(code, at, Family::UnpackSequence, form);
        }
    }

    /// The miss path of a `BINARY_OP_*` form: counts it and runs the generic operation.
    #[inline(never)]
    pub(super) fn binop_miss(&mut self, f: &mut Frame, code: &Code, at: usize, arg: u32) -> PyResult<()> {
        self.adapt_miss(code, at, Family::BinaryOp);
        let b = f.stack.pop().ok_or_else(stack_underflow)?;
        let a = f.stack.pop().ok_or_else(stack_underflow)?;
        let op = taipan_bytecode::BinaryOperator::from_arg(arg).unwrap_or(taipan_bytecode::BinaryOperator::Add);
        let r = self.binary_op(&a, &b, op)?;
        f.stack.push(r);
        Ok(())
    }

    /// The miss path of a `COMPARE_OP_*_JUMP` form: counts it and pushes the generic
    /// comparison's result (the following jump instruction then runs as usual).
    #[inline(never)]
    pub(super) fn compare_miss(&mut self, f: &mut Frame, code: &Code, at: usize, arg: u32) -> PyResult<()> {
        self.adapt_miss(code, at, Family::CompareOp);
        let b = f.stack.pop().ok_or_else(stack_underflow)?;
        let a = f.stack.pop().ok_or_else(stack_underflow)?;
        let op =
            taipan_bytecode::ComparisonOperator::from_arg(arg).unwrap_or(taipan_bytecode::ComparisonOperator::Equal);
        let r = self.compare(&a, &b, op)?;
        f.stack.push(r);
        Ok(())
    }

    /// `BINARY_SUBSCR_DICT`: an exact dict looked up with Python equality (`None`: not an
    /// exact dict, a miss).
    #[inline]
    pub(super) fn subscr_dict(&mut self, c: &Value, key: &Value) -> Option<PyResult<Value>> {
        let Value::Obj(o) = c else { return None };
        if !matches!(o.kind, ObjKind::Dict(_)) || !o.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, &self.types.dict)) {
            return None;
        }
        Some(match self.dict_get(o, key) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => self.getitem(c, key),
            Err(e) => Err(e),
        })
    }

    /// `STORE_SUBSCR_DICT`: `c[key] = v` for an exact dict `c` (CPython 3.11
    /// `STORE_SUBSCR_DICT`, `Python/ceval.c`); the key's hash and equality are the
    /// dict's usual ones (Python `__hash__`/`__eq__` included). `Err` gives the key and
    /// value back when `c` is not an exact dict (a miss: the generic path runs).
    #[inline]
    pub(super) fn store_subscr_dict(
        &mut self,
        c: &Value,
        key: Value,
        v: Value,
    ) -> Result<PyResult<()>, (Value, Value)> {
        let Value::Obj(o) = c else { return Err((key, v)) };
        if !matches!(o.kind, ObjKind::Dict(_)) || !o.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, &self.types.dict)) {
            return Err((key, v));
        }
        Ok(self.dict_set(o, key, v))
    }
}

use crate::value::Obj;

/// The exact-tuple or exact-list items of `seq` when there are `n` (`list`: the list form).
#[inline(always)]
pub(super) fn unpack_exact(vm: &Vm, seq: &Value, n: usize, list: bool, stack: &mut Vec<Value>) -> bool {
    let Value::Obj(o) = seq else { return false };
    let Some(k) = o.class.as_ref() else { return false };
    match &o.kind {
        ObjKind::Tuple(t) if !list && t.len() == n && Rc::ptr_eq(k, &vm.types.tuple) => {
            stack.extend(t.iter().rev().cloned());
            true
        }
        ObjKind::List(l) if list && Rc::ptr_eq(k, &vm.types.list) => match l.try_borrow() {
            Ok(l) if l.len() == n => {
                stack.extend(l.iter().rev().cloned());
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// `UNPACK_SEQUENCE_*__STORE_FAST`: the `n` items of the exact tuple or exact list `seq`
/// stored into the locals named by the `n` `STORE_FAST` instructions at `raw[next..]`, in
/// their order (item 0 first, as the unfused sequence does). False: not this case, nothing
/// done (the generic path runs and the stores execute as instructions). Out of line: the
/// call costs little next to `n` stores and keeps the dispatch function smaller.
///
/// Both forms take both kinds (neither type can be changed or overridden): a site that sees
/// tuples and lists in turn (pyperformance's `bm_unpack_sequence` calls the same function
/// with a tuple, then a list) would otherwise miss, deoptimize and run generic for a
/// back-off period at every switch.
#[inline(never)]
pub(super) fn unpack_to_locals(
    vm: &Vm,
    seq: &Value,
    n: usize,
    raw: &[Instruction],
    next: usize,
    f: &mut Frame,
) -> bool {
    let Some(stores) = raw.get(next..next + n) else {
        return false;
    };
    // straight from the sequence into the locals, item 0 first, as the STORE_FAST
    // instructions would store them: for an exact tuple always (its items cannot change
    // while old values are dropped), for an exact list when no target holds an object (no
    // destructor runs while the list is borrowed); otherwise through the operand stack
    if let Value::Obj(o) = seq
        && let Some(k) = o.class.as_ref()
    {
        match &o.kind {
            ObjKind::Tuple(t) if t.len() == n && Rc::ptr_eq(k, &vm.types.tuple) => {
                store_items(&mut f.locals, stores, t);
                return true;
            }
            ObjKind::List(l)
                if Rc::ptr_eq(k, &vm.types.list)
                    && stores
                        .iter()
                        .all(|st| !matches!(f.locals.get(st.arg as usize), Some(Some(Value::Obj(_))))) =>
            {
                if let Ok(items) = l.try_borrow()
                    && items.len() == n
                {
                    store_items(&mut f.locals, stores, &items);
                    return true;
                }
            }
            _ => {}
        }
    }
    let list = matches!(seq, Value::Obj(o) if matches!(o.kind, ObjKind::List(_)));
    if !unpack_exact(vm, seq, n, list, &mut f.stack) {
        return false;
    }
    // the items now lie on the stack, item 0 on top: each store takes the top, exactly as
    // the STORE_FAST instructions would (so a destructor run by an overwritten local sees
    // the same state)
    for st in stores {
        match f.stack.pop() {
            Some(v) => super::fast::store_local(&mut f.locals, st.arg as usize, v),
            None => return true,
        }
    }
    true
}

/// `items[i]` into the local named by `stores[i]`, in order.
///
/// Through `store_local`, as the `STORE_FAST` instructions: an old object is dropped after
/// the new value is in place (CPython's `SETLOCAL` order), so no copy of the new value has
/// to live across a destructor (a plain assignment dropped first and kept the new value in
/// a stack temporary: about a third of each item's instructions).
#[inline(always)]
fn store_items(locals: &mut [Option<Value>], stores: &[Instruction], items: &[Value]) {
    for (st, v) in stores.iter().zip(items) {
        super::fast::store_local(locals, st.arg as usize, v.clone());
    }
}
