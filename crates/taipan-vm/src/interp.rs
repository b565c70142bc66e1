//! The bytecode interpreter loop (tier 0).
//!
//! One `match` over the opcode; each arm is a few lines and delegates semantics to the
//! protocol modules (`ops`, `numops`, `attr`, `call`).
//!
//! Calls of Python functions from `CALL`, `CALL_METHOD` and `CALL_KW` run in the same
//! dispatch loop (CPython 3.11's inlined calls in `_PyEval_EvalFrameDefault`): the callee's
//! frame is bound, pushed on the chain of frames of this `run_frame` invocation (each frame
//! owns its caller through [`Frame::back`]) and the loop continues in it; `RETURN_VALUE` of
//! such a frame pops it and stores the value in the caller's operand stack, in the slot the
//! callable occupied. No native frame is used per Python call. Generators and coroutines,
//! class bodies, module code and calls made by native code (`Vm::call`) still run a nested
//! `run_frame` (Rust recursion); the native stack is protected there by the recursion limit
//! and by a stack-address check (`Vm::check_stack`), so deep recursion raises
//! RecursionError instead of overflowing. In-loop frames count towards the same depth.
//!
//! Exceptions: an instruction that fails at index `i` gets a traceback entry for its frame,
//! then the exception table of that frame's code object is searched for `i`: the handler
//! row gives the stack depth to unwind to and the target (CPython 3.11's zero-cost
//! exception handling). Without a handler an in-loop frame is popped (restoring the
//! exception being handled as it was at the call) and unwinding continues at the caller's
//! call instruction; the entry frame propagates the exception to its native caller.

#[path = "specialize.rs"]
pub mod specialize;

use std::cell::Cell;
use std::rc::Rc;

use taipan_bytecode::{BinaryOperator, ComparisonOperator, Opcode};

use crate::code::Code;
use crate::interp::specialize::{ClassCall, Family};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

#[macro_use]
#[path = "interp_macros.rs"]
mod macros;

/// Makes `frame` (entered by `Vm::enter_frame`) the innermost frame of a dispatch loop's
/// chain.
#[inline(always)]
#[allow(clippy::if_same_then_else)]
fn link_frame(top: &mut Option<Box<Frame>>, mut frame: Box<Frame>) {
    // (entered frames come unlinked and `top` is emptied first: the tests keep the
    // drops of the overwritten links out of the common path)
    let old = std::mem::replace(&mut frame.back, top.take());
    if old.is_some() {
        drop(old);
    } else {
        std::mem::forget(old);
    }
    let old = top.replace(frame);
    if old.is_some() {
        drop(old);
    } else {
        std::mem::forget(old);
    }
}

pub(crate) fn stack_underflow() -> PyErr {
    // Only reachable with malformed bytecode; the compiler guarantees balanced stacks.
    PyErr(Value::None)
}

#[path = "interp_calls.rs"]
pub(crate) mod calls;
#[path = "interp_cold.rs"]
mod cold;
#[path = "interp_entry.rs"]
mod entry;
#[path = "interp_fast.rs"]
mod fast;
#[path = "interp_frames.rs"]
mod frames;
pub use frames::{ExitKind, Frame, FrameExit};
#[path = "quicken.rs"]
pub mod quick;
#[path = "interp_subscr.rs"]
mod subscr;
#[path = "interp_support.rs"]
mod support;
#[path = "interp_unwind.rs"]
mod unwind;
use fast::{
    ForItem, IntResult, compare_fast, float_arith, for_iter_fast, int_arith, pop_scalars, push_clone, scalar_truth,
    store_local, subscr_seq_in_place, unpack2_step,
};

impl Vm {
    /// The dispatch loop: runs the innermost frame of the chain (`top`, or `entry` when
    /// the chain is empty) and switches frames at in-loop calls and returns. With `RECORD`
    /// (a trace is being recorded) it calls the recorder before each instruction, executes
    /// the raw instructions (no quickened forms) and fuses no instruction with the next.
    /// With `COUNT` (`--jit-stats` or `--interp-stats`) it counts the instructions it
    /// executes (the recording instance counts them too under `--jit-stats`) and passes
    /// `COUNT` as the `S` parameter of the hit paths and statistics counters
    /// ([`Vm::count_hit`], [`Vm::count_fast`], ...): the other instances have no test of the
    /// statistics flag on any hit (callgrind, bm_deltablue `--loops 5`: 2.15M such tests,
    /// ~6.4M instructions). The recording instance counts no hits of fast paths.
    fn dispatch<const RECORD: bool, const COUNT: bool>(
        &mut self,
        entry: &mut Frame,
        top: &mut Option<Box<Frame>>,
    ) -> PyResult<FrameExit> {
        // the innermost frame of the chain and its code
        let mut inlined = top.is_some();
        let mut f: &mut Frame = match top.as_deref_mut() {
            Some(t) => t,
            None => &mut *entry,
        };
        // the code of the innermost frame, borrowed from it without a reference count: a
        // frame in the chain keeps its `code` (only pooled frames are given another one)
        // and keeps it alive; after a return the reference is replaced (by
        // `switch_frame!`) before any use, so it is never used after its frame is gone
        // SAFETY: `f.code` is alive while `f` is the innermost frame (see above)
        let mut code: &Code = unsafe { &*Rc::as_ptr(&f.code) };
        let mut instrs: &[Cell<taipan_bytecode::Instruction>] = &code.instrs;
        // the instruction index lives in a register; it is written back to `f.ip` only
        // where that is read: before a frame switch (the caller's `ip`, read when the
        // callee returns or raises), at every exit from this function (errors: the
        // unwinder reads it for the handler and the traceback line; yields: the resume
        // point; the JIT's hooks) and nowhere else (no handler reads `f.ip`)
        let mut ip = f.ip;
        // `?` for the instructions' results: an error leaves with `ip` written back
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        f.ip = ip;
                        return Err(e);
                    }
                }
            };
        }
        // the error of an operand stack that is too short (malformed bytecode only)
        macro_rules! underflow {
            () => {{
                f.ip = ip;
                stack_underflow()
            }};
        }
        // the name argument of a `LOAD_GLOBAL`/`LOAD_ATTR`/`LOAD_METHOD`/`STORE_ATTR` form,
        // for their hit paths (only in the arms of those forms, and in those of the
        // `LOAD_FAST__LOAD_ATTR`/`LOAD_METHOD` superinstructions with the argument of the
        // next instruction once its opcode is seen to be such a form)
        macro_rules! name {
            ($arg:ident) => {
                // SAFETY: `$arg` is the argument of one of those instructions (this arm's
                // opcode, or the next instruction's, is one of their forms), checked in
                // range by `Code::new`
                unsafe { code.name_unchecked($arg) }
            };
        }
        // after an in-loop call or return: continues in the (new) innermost frame
        macro_rules! switch_frame {
            () => {{
                inlined = top.is_some();
                f = match top.as_deref_mut() {
                    Some(t) => t,
                    None => &mut *entry,
                };
                // SAFETY: `f` is the new innermost frame; its code lives as long as it is
                // (see the declaration of `code`)
                code = unsafe { &*Rc::as_ptr(&f.code) };
                instrs = &code.instrs;
                ip = f.ip;
                continue;
            }};
        }
        // a taken jump to `$t`; backward, it is a back-edge for the JIT (counting,
        // recording, entering a trace): unless the loop is blacklisted, the frame stops at
        // the header and this instance returns to the trampoline, which calls the JIT
        // ([`Vm::jit_back_edge_top`]) and resumes. No call here: the loop's register
        // allocation pays nothing for the JIT (a call whose result is the next `ip` made
        // the compiler keep the frame pointer and more in stack slots).
        macro_rules! jump_to {
            ($t:expr) => {{
                let t: usize = $t;
                if !RECORD && t < ip && self.jit.on && !code.loops.blacklisted(t) {
                    f.ip = t;
                    self.jit.back_edge = true;
                    self.jit.switch = true;
                    return Ok(FrameExit::ret(Value::None));
                }
                ip = t;
            }};
        }
        loop {
            if RECORD && self.jit_record_hook(f, ip) {
                f.ip = ip;
                self.jit.switch = true;
                return Ok(FrameExit::ret(Value::None));
            }
            let ins = if RECORD {
                match code.raw.instructions.get(ip) {
                    Some(ins) => *ins,
                    None => {
                        // (unreachable: see `code::check_control_flow`)
                        f.ip = ip;
                        return Err(stack_underflow());
                    }
                }
            } else {
                debug_assert!(ip < instrs.len(), "instruction index {ip} out of range");
                // SAFETY: `ip < instrs.len()`: `Code::new` checked the code object with
                // `code::check_control_flow` (the last instruction never falls through,
                // jump and handler targets are in range), and every `ip` this loop reaches
                // is one of the indices that check covers (its documentation lists them)
                unsafe { instrs.get_unchecked(ip) }.get()
            };
            ip += 1;
            if COUNT || (RECORD && self.jit.opts.stats) {
                self.jit.counters.interp_instrs += 1;
            }
            let arg = ins.arg as usize;
            // the specialized `BINARY_OP` forms: guard the operand types, compute in place (one
            // store over the left operand), or take the counted miss path
            macro_rules! binop_int {
                ($op:ident) => {{
                    let n = f.stack.len();
                    if n >= 2 {
                        if let (&Value::Int(x), &Value::Int(y)) = (&f.stack[n - 2], &f.stack[n - 1]) {
                            if let Some(r) = x.$op(y) {
                                f.stack[n - 2].set_int(r);
                                pop_scalars(&mut f.stack, 1);
                                self.form_hit::<COUNT>(Family::BinaryOp, ins.op);
                                continue;
                            }
                        }
                    }
                    tri!(self.binop_miss(f, code, ip - 1, ins.arg));
                }};
            }
            macro_rules! binop_float {
                ($op:tt) => {{
                    let n = f.stack.len();
                    if n >= 2 {
                        if let (&Value::Float(x), &Value::Float(y)) = (&f.stack[n - 2], &f.stack[n - 1]) {
                            f.stack[n - 2].set_float(x $op y);
                            pop_scalars(&mut f.stack, 1);
                            self.form_hit::<COUNT>(Family::BinaryOp, ins.op);
                            continue;
                        }
                    }
                    tri!(self.binop_miss(f, code, ip - 1, ins.arg));
                }};
            }
            // the compare-and-branch forms: the next instruction is a POP_JUMP_IF_FALSE/TRUE
            // (checked when the form was chosen; conditional jumps are never rewritten), consumed here
            macro_rules! compare_jump {
                ($px:pat, $py:pat, $scalar:expr, $b:expr) => {{
                    let n = f.stack.len();
                    if n >= 2 {
                        if let ($px, $py) = (&f.stack[n - 2], &f.stack[n - 1]) {
                            let b: bool = $b;
                            // (`$scalar`: the patterns match values that own nothing)
                            if $scalar {
                                pop_scalars(&mut f.stack, 2);
                            } else {
                                f.stack.truncate(n - 2);
                            }
                            self.form_hit::<COUNT>(Family::CompareOp, ins.op);
                            match instrs.get(ip).map(Cell::get) {
                                Some(next) if next.op == Opcode::PopJumpIfFalse => {
                                    if b {
                                        ip += 1
                                    } else {
                                        jump_to!(next.arg as usize)
                                    }
                                }
                                Some(next) => {
                                    if b {
                                        jump_to!(next.arg as usize)
                                    } else {
                                        ip += 1
                                    }
                                }
                                None => f.stack.push(Value::Bool(b)),
                            }
                            continue;
                        }
                    }
                    tri!(self.compare_miss(f, code, ip - 1, ins.arg));
                }};
            }
            match ins.op {
                Opcode::Nop => {}
                Opcode::LoopEntry => {
                    // the first arrival at the loop headed by the next instruction (`ip`):
                    // when its compiled trace takes first arrivals, the frame stops at the
                    // header and the trampoline enters the trace (`Vm::jit_back_edge`)
                    if !RECORD && code.loops.takes_first(ip) {
                        f.ip = ip;
                        self.jit.back_edge = true;
                        self.jit.first_arrival = true;
                        self.jit.switch = true;
                        return Ok(FrameExit::ret(Value::None));
                    }
                }
                Opcode::PopTop => {
                    pop!(f, ip);
                }
                Opcode::Copy => {
                    let n = f.stack.len();
                    if arg == 0 || arg > n {
                        return Err(underflow!());
                    }
                    let v = f.stack[n - arg].clone();
                    f.stack.push(v);
                }
                Opcode::Swap => {
                    let n = f.stack.len();
                    if arg == 0 || arg > n {
                        return Err(underflow!());
                    }
                    f.stack.swap(n - 1, n - arg);
                }
                Opcode::LoadConst => load_const!(f, code, arg),
                Opcode::LoadFast => load_fast!(self, f, code, arg, ip),
                Opcode::StoreFast => {
                    let v = pop!(f, ip);
                    store_local(&mut f.locals, arg, v);
                }
                // superinstructions (quicken.rs): this instruction and the next, which is
                // skipped; the second half's errors are reported at the second index
                Opcode::LoadFastLoadFast => {
                    load_fast!(self, f, code, arg, ip);
                    let a2 = second_half!(instrs, ip);
                    load_fast!(self, f, code, a2, ip);
                }
                Opcode::LoadFastLoadConst => {
                    load_fast!(self, f, code, arg, ip);
                    let a2 = second_half!(instrs, ip);
                    load_const!(f, code, a2);
                }
                Opcode::LoadConstLoadFast => {
                    load_const!(f, code, arg);
                    let a2 = second_half!(instrs, ip);
                    load_fast!(self, f, code, a2, ip);
                }
                Opcode::StoreFastLoadFast => {
                    let v = pop!(f, ip);
                    store_local(&mut f.locals, arg, v);
                    let a2 = second_half!(instrs, ip);
                    load_fast!(self, f, code, a2, ip);
                }
                Opcode::StoreFastStoreFast => {
                    let v = pop!(f, ip);
                    store_local(&mut f.locals, arg, v);
                    let a2 = second_half!(instrs, ip);
                    let v = pop!(f, ip);
                    store_local(&mut f.locals, a2, v);
                }
                // subscript superinstructions (quicken.rs, bodies in interp_subscr.rs): on a
                // guard failure, the first two instructions' work, then the subscript runs
                Opcode::LoadFastLoadFastBinarySubscr | Opcode::LoadFastLoadConstBinarySubscr => {
                    let a2 = instrs.get(ip).map_or(0, |c| c.get().arg as usize);
                    let local = ins.op == Opcode::LoadFastLoadFastBinarySubscr;
                    if subscr::load_fast_subscr(f, code, arg, a2, local, &self.types.list, &self.types.tuple) {
                        self.count_fast::<COUNT>(Family::BinarySubscr, true);
                        ip += 2;
                        f.ip = ip;
                        continue;
                    }
                    load_pair!(self, f, code, instrs, ip, arg, local);
                }
                Opcode::LoadFastLoadFastStoreSubscr | Opcode::LoadFastLoadConstStoreSubscr => {
                    let a2 = instrs.get(ip).map_or(0, |c| c.get().arg as usize);
                    let local = ins.op == Opcode::LoadFastLoadFastStoreSubscr;
                    if subscr::store_fast_subscr(f, code, arg, a2, local, &self.types.list) {
                        self.count_fast::<COUNT>(Family::StoreSubscr, true);
                        ip += 2;
                        f.ip = ip;
                        continue;
                    }
                    load_pair!(self, f, code, instrs, ip, arg, local);
                }
                // `a, b, ... = local` (quicken.rs): the to-locals unpack of the UNPACK_SEQUENCE
                // after it, without pushing and popping the local
                Opcode::LoadFastUnpackSequence => {
                    if let Some(next) = instrs.get(ip).map(Cell::get)
                        && matches!(
                            next.op,
                            Opcode::UnpackSequenceTupleStoreFast | Opcode::UnpackSequenceListStoreFast
                        )
                        && let Some(Some(seq)) = f.locals.get(arg)
                    {
                        // (held by its own reference: a store may overwrite the local)
                        let seq = seq.clone();
                        let n = next.arg as usize;
                        if quick::unpack_to_locals(self, &seq, n, &code.raw.instructions, ip + 1, f) {
                            ip += 1 + n;
                            f.ip = ip;
                            self.form_hit::<COUNT>(Family::UnpackSequence, next.op);
                            continue;
                        }
                    }
                    load_fast!(self, f, code, arg, ip);
                }
                Opcode::LoadFastLoadAttr => {
                    // `local.name`: the hit of a `LOAD_ATTR_WITH_HINT` / `_SLOT` / `_POLY` /
                    // `_CLASS` next pushes the attribute (the local is never pushed) and
                    // skips it; anything else (another form, a miss, an unbound local) is
                    // this LOAD_FAST, the LOAD_ATTR then running as it is
                    debug_assert!(ip < instrs.len());
                    // SAFETY: `ip` is one past a superinstruction, which
                    // `quick::superinstructions` writes only over an instruction that has
                    // a next one
                    let next = unsafe { instrs.get_unchecked(ip) }.get();
                    if matches!(
                        next.op,
                        Opcode::LoadAttrWithHint | Opcode::LoadAttrSlot | Opcode::LoadAttrPoly | Opcode::LoadAttrClass
                    ) && let Some(Some(obj)) = f.locals.get(arg)
                    {
                        let a2 = next.arg as usize;
                        // (a polymorphic site tries the slot's copies of its first two
                        // cases first, then all of them)
                        let hint = matches!(next.op, Opcode::LoadAttrWithHint | Opcode::LoadAttrPoly);
                        if (hint && self.attr_hint_push::<COUNT>(code, ip, obj, name!(a2), &mut f.stack))
                            || (next.op != Opcode::LoadAttrWithHint
                                && self.attr_hit_push::<COUNT>(code, ip, obj, name!(a2), &mut f.stack))
                        {
                            ip += 1;
                            continue;
                        }
                    }
                    load_fast!(self, f, code, arg, ip);
                }
                Opcode::LoadFastLoadMethod => {
                    // `local.name(...)`: as LOAD_FAST__LOAD_ATTR, for a hit of a
                    // `LOAD_METHOD_WITH_VALUES` / `_NO_DICT` / `_POLY` next: the method, then
                    // the local as its `self`
                    debug_assert!(ip < instrs.len());
                    // SAFETY: as in LOAD_FAST__LOAD_ATTR
                    let next = unsafe { instrs.get_unchecked(ip) }.get();
                    if matches!(
                        next.op,
                        Opcode::LoadMethodWithValues | Opcode::LoadMethodNoDict | Opcode::LoadMethodPoly
                    ) && f.stack.capacity() - f.stack.len() >= 2
                        && let Some(Some(obj)) = f.locals.get(arg)
                    {
                        let a2 = next.arg as usize;
                        let hit = if next.op == Opcode::LoadMethodPoly {
                            self.load_method_hit::<COUNT>(code, ip, obj, name!(a2))
                        } else {
                            self.method_hint_hit::<COUNT>(code, ip, obj, name!(a2))
                        };
                        if let Some(m) = hit {
                            let len = f.stack.len();
                            // SAFETY: two free slots at `len` (checked above), each written
                            // once, then counted
                            unsafe {
                                let p = f.stack.as_mut_ptr().add(len);
                                p.write(Value::Obj(m));
                                p.add(1).write(obj.clone());
                                f.stack.set_len(len + 2);
                            }
                            ip += 1;
                            continue;
                        }
                    }
                    load_fast!(self, f, code, arg, ip);
                }
                Opcode::LoadFastStoreAttr => {
                    // `local.name = top`: the hit of a `STORE_ATTR_WITH_HINT` / `_SLOT` /
                    // `_POLY` next stores the value (popped) into the local's object, the
                    // local never pushed, and skips it; anything else (the value is pushed
                    // back on a miss) is this LOAD_FAST, the STORE_ATTR then running as it is
                    debug_assert!(ip < instrs.len());
                    // SAFETY: as in LOAD_FAST__LOAD_ATTR
                    let next = unsafe { instrs.get_unchecked(ip) }.get();
                    if matches!(
                        next.op,
                        Opcode::StoreAttrWithHint | Opcode::StoreAttrSlot | Opcode::StoreAttrPoly
                    ) && let Some(Some(obj)) = f.locals.get(arg)
                        && let Some(v) = f.stack.pop()
                    {
                        let a2 = next.arg as usize;
                        // (the local keeps the object alive while the old value is dropped)
                        match self.store_attr_hit::<COUNT>(code, ip, obj, name!(a2), v) {
                            None => {
                                ip += 1;
                                continue;
                            }
                            Some(v) => f.stack.push(v),
                        }
                    }
                    load_fast!(self, f, code, arg, ip);
                }
                Opcode::CopyCopyBinarySubscr => {
                    if subscr::copy_subscr(&mut f.stack, &self.types.list, &self.types.tuple) {
                        self.count_fast::<COUNT>(Family::BinarySubscr, true);
                        ip += 2;
                        f.ip = ip;
                        continue;
                    }
                    // (COPY 2 twice: the compiler's stack depth guarantees two items)
                    for _ in 0..2 {
                        let n = f.stack.len();
                        if n < 2 {
                            return Err(underflow!());
                        }
                        let v = f.stack[n - 2].clone();
                        f.stack.push(v);
                    }
                    second_half!(instrs, ip);
                }
                Opcode::SwapSwapStoreSubscr => {
                    if subscr::swap_store_subscr(&mut f.stack, &self.types.list) {
                        self.count_fast::<COUNT>(Family::StoreSubscr, true);
                        ip += 2;
                        f.ip = ip;
                        continue;
                    }
                    // (SWAP 3, SWAP 2)
                    let n = f.stack.len();
                    if n < 3 {
                        return Err(underflow!());
                    }
                    f.stack.swap(n - 1, n - 3);
                    f.stack.swap(n - 1, n - 2);
                    second_half!(instrs, ip);
                }
                Opcode::LoadGlobal => {
                    let v = tri!(self.load_global_cached(code, ip - 1, &f.globals, &code.names[arg]));
                    f.stack.push(v);
                }
                Opcode::LoadGlobalModule => {
                    let name = name!(arg);
                    if !self.load_global_module_push::<COUNT>(code, ip - 1, &f.globals, name, &mut f.stack) {
                        let v = tri!(self.load_global_cached(code, ip - 1, &f.globals, name));
                        f.stack.push(v);
                    }
                }
                Opcode::LoadGlobalModuleLoadAttrClass => {
                    // `Global.name` of a class attribute: both hits at once, the
                    // `LOAD_ATTR_CLASS` skipped (`Vm::global_class_attr_push`); otherwise
                    // LOAD_GLOBAL_MODULE, the LOAD_ATTR then running as it is
                    let name = name!(arg);
                    if instrs.get(ip).is_some_and(|i| i.get().op == Opcode::LoadAttrClass)
                        && self.global_class_attr_push::<COUNT>(code, ip - 1, &f.globals, name, &mut f.stack)
                    {
                        ip += 1;
                        continue;
                    }
                    if !self.load_global_module_push::<COUNT>(code, ip - 1, &f.globals, name, &mut f.stack) {
                        let v = tri!(self.load_global_cached(code, ip - 1, &f.globals, name));
                        f.stack.push(v);
                    }
                }
                Opcode::LoadGlobalBuiltin => {
                    let name = name!(arg);
                    // (the hit path pushes the value cloned from its dict entry: a returned
                    // value is spilled in halves, which stalls the push's whole-value load)
                    if !self.load_global_hit_push::<COUNT>(code, ip - 1, &f.globals, name, &mut f.stack) {
                        let v = tri!(self.load_global_cached(code, ip - 1, &f.globals, name));
                        f.stack.push(v);
                    }
                }
                Opcode::LoadDeref => {
                    if !Vm::load_deref_push(f, arg) {
                        let v = tri!(self.load_deref(f, arg));
                        f.stack.push(v);
                    }
                }
                Opcode::StoreDeref => {
                    let v = pop!(f, ip);
                    let cell = self.cell_at(f, arg);
                    if let Some(ObjKind::Cell(c)) = cell.as_ref().map(|c| &c.kind) {
                        *c.borrow_mut() = Some(v);
                    }
                }
                Opcode::LoadClosure => {
                    let cell = self.cell_at(f, arg);
                    f.stack.push(cell.map(Value::Obj).unwrap_or(Value::None));
                }
                Opcode::LoadAttr | Opcode::LoadAttrModule => {
                    let obj = pop!(f, ip);
                    let v = tri!(self.load_attr_cached(code, ip - 1, &obj, &code.names[arg]));
                    f.stack.push(v);
                }
                Opcode::LoadAttrWithHint | Opcode::LoadAttrPoly => {
                    // as below, with the checks of the slot's copies of the entry's first
                    // cases inline (`HintKey`); the miss path tries every case
                    let Some(slot) = f.stack.last_mut() else {
                        return Err(underflow!());
                    };
                    let obj = std::mem::replace(slot, Value::None);
                    if !self.attr_hint_into::<COUNT>(code, ip - 1, &obj, name!(arg), slot) {
                        tri!(self.load_attr_miss(code, ip - 1, name!(arg), &mut f.stack, obj));
                    }
                }
                Opcode::LoadAttrSlot | Opcode::LoadAttrClass => {
                    // the attribute replaces the object in its slot (no push: see
                    // `Vm::attr_hit_into`); the slot holds None meanwhile
                    let Some(slot) = f.stack.last_mut() else {
                        return Err(underflow!());
                    };
                    let obj = std::mem::replace(slot, Value::None);
                    if !self.attr_hit_into::<COUNT>(code, ip - 1, &obj, name!(arg), slot) {
                        f.stack.pop();
                        let v = tri!(self.load_attr_cached(code, ip - 1, &obj, &code.names[arg]));
                        f.stack.push(v);
                    }
                }
                Opcode::StoreAttr => {
                    let obj = pop!(f, ip);
                    let v = pop!(f, ip);
                    tri!(self.store_attr_cached(code, ip - 1, &obj, &code.names[arg], v));
                }
                Opcode::StoreAttrWithHint | Opcode::StoreAttrSlot | Opcode::StoreAttrPoly => {
                    let obj = pop!(f, ip);
                    let v = pop!(f, ip);
                    if let Some(v) = self.store_attr_hit::<COUNT>(code, ip - 1, &obj, name!(arg), v) {
                        tri!(self.store_attr_cached(code, ip - 1, &obj, &code.names[arg], v));
                    }
                }
                Opcode::BuildSlice => {
                    // BUILD_SLICE fused with a following BINARY_SUBSCR / STORE_SUBSCR when the
                    // bounds are ints or None and the container an exact list/tuple/str
                    // (CPython 3.12's BINARY_SLICE / STORE_SLICE): no slice object is built
                    let nb = if arg == 3 { 3 } else { 2 };
                    let n = f.stack.len();
                    let next = instrs.get(ip).map(|i| i.get().op.base());
                    if !RECORD && n > nb && matches!(next, Some(Opcode::BinarySubscr | Opcode::StoreSubscr)) {
                        let none = Value::None;
                        let step = if nb == 3 { &f.stack[n - 1] } else { &none };
                        if let Some(b) =
                            crate::subscript::SliceBounds::plain(&f.stack[n - nb], &f.stack[n - nb + 1], step)
                        {
                            let c = f.stack[n - nb - 1].clone();
                            if next == Some(Opcode::BinarySubscr) {
                                if let Some(v) = crate::builtins::seqops::get_slice_plain(self, &c, &b) {
                                    f.stack.truncate(n - nb - 1);
                                    f.stack.push(v);
                                    ip += 1;
                                    f.ip = ip;
                                    continue;
                                }
                            } else if n > nb + 1 {
                                let v = f.stack[n - nb - 2].clone();
                                // errors belong to the store instruction
                                f.ip = ip + 1;
                                if let Some(r) = crate::builtins::seqops::set_slice_plain(self, &c, &b, &v) {
                                    f.stack.truncate(n - nb - 2);
                                    ip += 1;
                                    tri!(r);
                                    continue;
                                }
                                f.ip = ip;
                            }
                        }
                    }
                    let step = if arg == 3 { pop!(f, ip) } else { Value::None };
                    let stop = pop!(f, ip);
                    let start = pop!(f, ip);
                    let s = Value::new_obj(&self.types.slice, ObjKind::Slice { start, stop, step });
                    f.stack.push(s);
                }
                Opcode::BinarySubscr => {
                    if let [.., c, key] = &f.stack[..] {
                        self.adapt_subscr(code, ip - 1, c, key, false);
                    }
                    if subscr_seq_in_place(&mut f.stack, &self.types.list, &self.types.tuple) {
                        // (the index was an int)
                        pop_scalars(&mut f.stack, 1);
                        self.count_fast::<COUNT>(Family::BinarySubscr, true);
                        continue;
                    }
                    self.count_fast::<COUNT>(Family::BinarySubscr, false);
                    let key = pop!(f, ip);
                    let c = pop!(f, ip);
                    let v = tri!(self.getitem(&c, &key));
                    f.stack.push(v);
                }
                Opcode::StoreSubscr => {
                    let key = pop!(f, ip);
                    let c = pop!(f, ip);
                    let v = pop!(f, ip);
                    self.adapt_subscr(code, ip - 1, &c, &key, true);
                    if let Some(v) = self.store_subscr_fast(&c, &key, v) {
                        tri!(self.setitem(&c, key, v));
                    }
                }
                Opcode::BinarySubscrListInt | Opcode::BinarySubscrTupleInt => {
                    if subscr_seq_in_place(&mut f.stack, &self.types.list, &self.types.tuple) {
                        // (the index was an int)
                        pop_scalars(&mut f.stack, 1);
                        self.form_hit::<COUNT>(Family::BinarySubscr, ins.op);
                        continue;
                    }
                    self.adapt_miss(code, ip - 1, Family::BinarySubscr);
                    let key = pop!(f, ip);
                    let c = pop!(f, ip);
                    let v = tri!(self.getitem(&c, &key));
                    f.stack.push(v);
                }
                Opcode::BinarySubscrDict => {
                    let key = pop!(f, ip);
                    let c = pop!(f, ip);
                    match self.subscr_dict(&c, &key) {
                        Some(r) => {
                            f.stack.push(tri!(r));
                            self.form_hit::<COUNT>(Family::BinarySubscr, ins.op);
                        }
                        None => {
                            self.adapt_miss(code, ip - 1, Family::BinarySubscr);
                            let v = tri!(self.getitem(&c, &key));
                            f.stack.push(v);
                        }
                    }
                }
                Opcode::StoreSubscrListInt => {
                    let key = pop!(f, ip);
                    let c = pop!(f, ip);
                    let v = pop!(f, ip);
                    match self.store_subscr_fast(&c, &key, v) {
                        None => self.form_hit::<COUNT>(Family::StoreSubscr, ins.op),
                        Some(v) => {
                            self.adapt_miss(code, ip - 1, Family::StoreSubscr);
                            tri!(self.setitem(&c, key, v));
                        }
                    }
                }
                Opcode::StoreSubscrDict => {
                    let key = pop!(f, ip);
                    let c = pop!(f, ip);
                    let v = pop!(f, ip);
                    match self.store_subscr_dict(&c, key, v) {
                        Ok(r) => {
                            tri!(r);
                            self.form_hit::<COUNT>(Family::StoreSubscr, ins.op);
                        }
                        Err((key, v)) => {
                            self.adapt_miss(code, ip - 1, Family::StoreSubscr);
                            tri!(self.setitem(&c, key, v));
                        }
                    }
                }
                Opcode::UnaryNegative => {
                    let v = pop!(f, ip);
                    let r = match v {
                        Value::Int(i) if i != i64::MIN => Value::Int(-i),
                        Value::Float(x) => Value::Float(-x),
                        _ => tri!(self.unary_op(&v, "__neg__")),
                    };
                    f.stack.push(r);
                }
                Opcode::UnaryNot => {
                    let b = match scalar_truth(&f.stack) {
                        Some(b) => {
                            // (a bool, None or an int)
                            pop_scalars(&mut f.stack, 1);
                            b
                        }
                        None => {
                            let v = pop!(f, ip);
                            tri!(self.truthy(&v))
                        }
                    };
                    f.stack.push(Value::Bool(!b));
                }
                Opcode::BinaryOp => {
                    self.adapt_binop(code, ip - 1, arg, &f.stack);
                    // int and float operands: computed in place on the operand stack (the
                    // result overwrites the left operand's slot with one store)
                    let n = f.stack.len();
                    if n >= 2 {
                        let (rest, top) = f.stack.split_at_mut(n - 1);
                        let done = match (&mut rest[n - 2], &top[0]) {
                            (left @ Value::Int(_), Value::Int(y)) => {
                                let Value::Int(x) = *left else { unreachable!() };
                                match int_arith(arg, x, *y) {
                                    Some(IntResult::Int(r)) => {
                                        left.set_int(r);
                                        true
                                    }
                                    Some(IntResult::Float(r)) => {
                                        left.set_float(r);
                                        true
                                    }
                                    None => false,
                                }
                            }
                            (left, Value::Float(y)) => match *left {
                                Value::Float(x) => float_arith(arg, x, *y).map(|r| left.set_float(r)).is_some(),
                                // int operands convert with round-to-nearest-even, as
                                // CPython's PyLong_AsDouble (exact up to 2**53)
                                Value::Int(x) => float_arith(arg, x as f64, *y).map(|r| left.set_float(r)).is_some(),
                                _ => false,
                            },
                            (left @ Value::Float(_), Value::Int(y)) => {
                                let Value::Float(x) = *left else { unreachable!() };
                                float_arith(arg, x, *y as f64).map(|r| left.set_float(r)).is_some()
                            }
                            _ => false,
                        };
                        if done {
                            // (the right operand was an int or a float)
                            pop_scalars(&mut f.stack, 1);
                            self.count_fast::<COUNT>(Family::BinaryOp, true);
                            continue;
                        }
                    }
                    self.count_fast::<COUNT>(Family::BinaryOp, false);
                    let b = pop!(f, ip);
                    let a = pop!(f, ip);
                    let op = BinaryOperator::from_arg(ins.arg).unwrap_or(BinaryOperator::Add);
                    let r = tri!(self.binary_op(&a, &b, op));
                    f.stack.push(r);
                }
                Opcode::CompareOp => {
                    self.adapt_compare(code, ip - 1, arg, &f.stack);
                    let n = f.stack.len();
                    if n >= 2 {
                        let fast = match (&f.stack[n - 2], &f.stack[n - 1]) {
                            (Value::Int(x), Value::Int(y)) => Some(compare_fast(arg, x, y)),
                            (Value::Float(x), Value::Float(y)) => Some(compare_fast(arg, x, y)),
                            _ => None,
                        };
                        if let Some(b) = fast {
                            // (two ints or two floats)
                            pop_scalars(&mut f.stack, 2);
                            self.count_fast::<COUNT>(Family::CompareOp, true);
                            // compare-and-branch: a following POP_JUMP_IF_FALSE/TRUE consumes
                            // the result directly (no bool is pushed)
                            match instrs.get(ip).map(Cell::get).filter(|_| !RECORD) {
                                Some(next) if next.op == Opcode::PopJumpIfFalse => {
                                    if b {
                                        ip += 1
                                    } else {
                                        jump_to!(next.arg as usize)
                                    }
                                }
                                Some(next) if next.op == Opcode::PopJumpIfTrue => {
                                    if b {
                                        jump_to!(next.arg as usize)
                                    } else {
                                        ip += 1
                                    }
                                }
                                _ => f.stack.push(Value::Bool(b)),
                            }
                            continue;
                        }
                    }
                    self.count_fast::<COUNT>(Family::CompareOp, false);
                    let b = pop!(f, ip);
                    let a = pop!(f, ip);
                    let r = match (&a, &b) {
                        (Value::Obj(x), Value::Obj(y)) if (arg == 2 || arg == 3) && self.exact_strs(x, y) => {
                            let eq = match (&x.kind, &y.kind) {
                                (ObjKind::Str(p), ObjKind::Str(q)) => p.as_str() == q.as_str(),
                                _ => false,
                            };
                            Value::Bool(eq == (arg == 2))
                        }
                        _ => {
                            let op = ComparisonOperator::from_arg(ins.arg).unwrap_or(ComparisonOperator::Equal);
                            tri!(self.compare(&a, &b, op))
                        }
                    };
                    f.stack.push(r);
                }
                Opcode::BinaryOpAddInt => binop_int!(checked_add),
                Opcode::BinaryOpSubtractInt => binop_int!(checked_sub),
                Opcode::BinaryOpMultiplyInt => binop_int!(checked_mul),
                Opcode::BinaryOpAddFloat => binop_float!(+),
                Opcode::BinaryOpSubtractFloat => binop_float!(-),
                Opcode::BinaryOpMultiplyFloat => binop_float!(*),
                Opcode::CompareOpIntJump => compare_jump!(Value::Int(x), Value::Int(y), true, compare_fast(arg, x, y)),
                Opcode::CompareOpFloatJump => {
                    compare_jump!(Value::Float(x), Value::Float(y), true, compare_fast(arg, x, y))
                }
                Opcode::CompareOpIdentityJump => {
                    compare_jump!(x @ (Value::None | Value::Obj(_)), y @ (Value::None | Value::Obj(_)), false, {
                        // (the classes' remembered facts only: a class changed since, or
                        // operands of other classes, take the miss path, `Vm::compare`)
                        if !self.eq_is_identity_cached(x, y) {
                            tri!(self.compare_miss(f, code, ip - 1, ins.arg));
                            continue;
                        }
                        x.is(y) == (arg == 2)
                    })
                }
                Opcode::CompareOpStrJump => compare_jump!(Value::Obj(x), Value::Obj(y), false, {
                    match (&x.kind, &y.kind) {
                        (ObjKind::Str(p), ObjKind::Str(q)) if self.exact_strs(x, y) => {
                            (p.as_str() == q.as_str()) == (arg == 2)
                        }
                        _ => {
                            tri!(self.compare_miss(f, code, ip - 1, ins.arg));
                            continue;
                        }
                    }
                }),
                Opcode::IsOp => {
                    // compared in place, both operands dropped by one truncation (in the
                    // order the two pops dropped them); fused with a following
                    // POP_JUMP_IF_FALSE/TRUE as the int/float COMPARE_OP is (no bool pushed)
                    let n = f.stack.len();
                    if n < 2 {
                        return Err(underflow!());
                    }
                    let b = f.stack[n - 2].is(&f.stack[n - 1]) != (arg == 1);
                    f.stack.truncate(n - 2);
                    match instrs.get(ip).map(Cell::get).filter(|_| !RECORD) {
                        Some(next) if next.op == Opcode::PopJumpIfFalse => {
                            if b {
                                ip += 1
                            } else {
                                jump_to!(next.arg as usize)
                            }
                        }
                        Some(next) if next.op == Opcode::PopJumpIfTrue => {
                            if b {
                                jump_to!(next.arg as usize)
                            } else {
                                ip += 1
                            }
                        }
                        _ => f.stack.push(Value::Bool(b)),
                    }
                }
                Opcode::ContainsOp => {
                    let b = pop!(f, ip);
                    let a = pop!(f, ip);
                    // `x in d` for an exact dict (wordcount's `if word in counts`): no
                    // dispatch on the container's kind
                    let r = match &b {
                        Value::Obj(o)
                            if matches!(o.kind, ObjKind::Dict(_))
                                && o.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, &self.types.dict)) =>
                        {
                            tri!(self.dict_contains(o, &a))
                        }
                        _ => tri!(self.contains(&b, &a)),
                    };
                    f.stack.push(Value::Bool(r != (arg == 1)));
                }
                Opcode::BuildTuple => {
                    let items = tri!(self.pop_n(f, arg));
                    f.stack.push(self.new_tuple(items));
                }
                Opcode::BuildList => {
                    let items = tri!(self.pop_n(f, arg));
                    f.stack.push(self.new_list(items));
                }
                Opcode::ListAppend => {
                    let v = pop!(f, ip);
                    let l = tri!(self.peek(f, arg));
                    if let Some(ObjKind::List(l)) = l.kind() {
                        l.borrow_mut().push(v);
                    }
                }
                Opcode::UnpackSequence => {
                    let seq = pop!(f, ip);
                    self.adapt_unpack(code, ip - 1, &seq, arg);
                    // exact tuples and lists of the right length: no intermediate vector (a
                    // subclass may override `__iter__`, so it takes the generic path)
                    let exact = match &seq {
                        Value::Obj(o) => o
                            .class
                            .as_ref()
                            .is_some_and(|c| Rc::ptr_eq(c, &self.types.tuple) || Rc::ptr_eq(c, &self.types.list)),
                        _ => false,
                    };
                    let done = exact
                        && match seq.kind() {
                            Some(ObjKind::Tuple(t)) if t.len() == arg => {
                                f.stack.reserve(arg);
                                for v in t.iter().rev() {
                                    f.stack.push(v.clone());
                                }
                                true
                            }
                            Some(ObjKind::List(l)) => match l.try_borrow() {
                                Ok(l) if l.len() == arg => {
                                    f.stack.reserve(arg);
                                    for v in l.iter().rev() {
                                        f.stack.push(v.clone());
                                    }
                                    true
                                }
                                _ => false,
                            },
                            _ => false,
                        };
                    if !done {
                        let items = tri!(self.unpack(&seq, arg));
                        f.stack.extend(items.into_iter().rev());
                    }
                }
                Opcode::UnpackSequenceTwoTuple | Opcode::UnpackSequenceTuple => {
                    let seq = pop!(f, ip);
                    if quick::unpack_exact(self, &seq, arg, false, &mut f.stack) {
                        self.form_hit::<COUNT>(Family::UnpackSequence, ins.op);
                    } else {
                        self.adapt_miss(code, ip - 1, Family::UnpackSequence);
                        let items = tri!(self.unpack(&seq, arg));
                        f.stack.extend(items.into_iter().rev());
                    }
                }
                Opcode::UnpackSequenceTupleStoreFast | Opcode::UnpackSequenceListStoreFast => {
                    let seq = pop!(f, ip);
                    if quick::unpack_to_locals(self, &seq, arg, &code.raw.instructions, ip, f) {
                        ip += arg;
                        f.ip = ip;
                        self.form_hit::<COUNT>(Family::UnpackSequence, ins.op);
                    } else {
                        self.adapt_miss(code, ip - 1, Family::UnpackSequence);
                        let items = tri!(self.unpack(&seq, arg));
                        f.stack.extend(items.into_iter().rev());
                    }
                }
                Opcode::UnpackSequenceList => {
                    let seq = pop!(f, ip);
                    if quick::unpack_exact(self, &seq, arg, true, &mut f.stack) {
                        self.form_hit::<COUNT>(Family::UnpackSequence, ins.op);
                    } else {
                        self.adapt_miss(code, ip - 1, Family::UnpackSequence);
                        let items = tri!(self.unpack(&seq, arg));
                        f.stack.extend(items.into_iter().rev());
                    }
                }
                Opcode::GetIter => {
                    let v = pop!(f, ip);
                    let it = tri!(self.iter(&v));
                    f.stack.push(it);
                }
                Opcode::ForIter => {
                    // SAFETY: FOR_ITER is never the last instruction (it falls through;
                    // `Code::new` checks that the last one does not)
                    let next = unsafe { instrs.get_unchecked(ip) }.get();
                    // `for i, x in enumerate(seq)` / `for k, v in d.items()`: FOR_ITER fused
                    // with UNPACK_SEQUENCE 2, no tuple per item (`unpack2_step`)
                    if !RECORD
                        && next.arg == 2
                        && next.op.base() == Opcode::UnpackSequence
                        && unpack2_step(&mut f.stack)
                    {
                        ip += 1;
                        f.ip = ip;
                        self.count_fast::<COUNT>(Family::ForIter, true);
                        continue;
                    }
                    // built-in range, list and tuple iterators: stepped in place; the item
                    // goes straight into the local when a STORE_FAST (or a pair starting
                    // with one, whose second half then runs) comes next: no push and pop
                    match f.stack.last().and_then(for_iter_fast) {
                        Some(item @ (ForItem::Int(_) | ForItem::Value(_))) => {
                            self.count_fast::<COUNT>(Family::ForIter, true);
                            if !RECORD && matches!(next.op, Opcode::StoreFast | Opcode::StoreFastLoadFast) {
                                store_local(&mut f.locals, next.arg as usize, item.into_value());
                                ip += 1;
                            } else {
                                item.push(&mut f.stack);
                            }
                            continue;
                        }
                        Some(ForItem::Done) => {
                            // (the exhausted iterator is kept for the next loop's `iter()`
                            // when nothing else holds it, `Vm::recycle_iter`)
                            if let Some(it) = f.stack.pop() {
                                self.recycle_iter(it);
                            }
                            ip = arg;
                            self.count_fast::<COUNT>(Family::ForIter, true);
                            continue;
                        }
                        None => {}
                    }
                    let it = match f.stack.last() {
                        Some(v) => v.clone(),
                        None => return Err(underflow!()),
                    };
                    // a generator: its frame runs in this loop until it yields the next
                    // item or ends (`generator::take_loop_frame`); not while recording
                    if !RECORD && let Some(frame) = crate::generator::take_loop_frame(self, &it) {
                        self.count_fast::<COUNT>(Family::ForIter, true);
                        f.ip = ip;
                        link_frame(top, frame);
                        switch_frame!();
                    }
                    self.count_fast::<COUNT>(Family::ForIter, false);
                    match tri!(self.next(&it)) {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.stack.pop();
                            ip = arg;
                        }
                    }
                }
                Opcode::Jump => {
                    if arg < ip {
                        crate::gc::maybe_collect();
                        self.note_hot::<COUNT>(code);
                    }
                    jump_to!(arg);
                }
                // (the condition is read in place, one tag word, before the pop: popping
                // first loads the whole value, which stalls when the instruction before
                // wrote it in halves, as a pushed `Value::Bool` is)
                Opcode::PopJumpIfFalse => {
                    let b = match scalar_truth(&f.stack) {
                        Some(b) => {
                            // (a bool, None or an int)
                            pop_scalars(&mut f.stack, 1);
                            b
                        }
                        None => {
                            let v = pop!(f, ip);
                            tri!(self.truthy(&v))
                        }
                    };
                    if !b {
                        jump_to!(arg);
                    }
                }
                Opcode::PopJumpIfTrue => {
                    let b = match scalar_truth(&f.stack) {
                        Some(b) => {
                            // (a bool, None or an int)
                            pop_scalars(&mut f.stack, 1);
                            b
                        }
                        None => {
                            let v = pop!(f, ip);
                            tri!(self.truthy(&v))
                        }
                    };
                    if b {
                        jump_to!(arg);
                    }
                }
                Opcode::PopJumpIfNone => {
                    if pop!(f, ip).is_none() {
                        jump_to!(arg);
                    }
                }
                Opcode::PopJumpIfNotNone => {
                    if !pop!(f, ip).is_none() {
                        jump_to!(arg);
                    }
                }
                // (a bool/None/int condition is read in place, as by `POP_JUMP_IF_FALSE`;
                // an object is cloned out of the stack for `truthy`, which may run code)
                Opcode::JumpIfFalseOrPop => {
                    let b = match scalar_truth(&f.stack) {
                        Some(b) => b,
                        None => {
                            let v = f.stack.last().cloned().unwrap_or(Value::None);
                            tri!(self.truthy(&v))
                        }
                    };
                    if !b {
                        ip = arg;
                    } else {
                        f.stack.pop();
                    }
                }
                Opcode::JumpIfTrueOrPop => {
                    let b = match scalar_truth(&f.stack) {
                        Some(b) => b,
                        None => {
                            let v = f.stack.last().cloned().unwrap_or(Value::None);
                            tri!(self.truthy(&v))
                        }
                    };
                    if b {
                        ip = arg;
                    } else {
                        f.stack.pop();
                    }
                }
                Opcode::Call => {
                    let n = f.stack.len();
                    if n < arg + 1 {
                        return Err(underflow!());
                    }
                    let (head, args) = f.stack.split_at_mut(n - arg);
                    if let Some(Value::Obj(o)) = head.last() {
                        match &o.kind {
                            // a Python function called with exactly its positional
                            // parameters: the frame is built in place (the arguments move)
                            // and run by this loop; the callable's slot receives the result
                            ObjKind::Function(func) if func.code.fast_argcount == Some(arg) => {
                                self.count_fast::<COUNT>(Family::CallPy, true);
                                // SAFETY: the moved arguments are forgotten at once
                                let frame = unsafe { self.fast_frame(func, None, args) };
                                // SAFETY: the slots above `n - arg` were moved out
                                unsafe { f.stack.set_len(n - arg) };
                                let frame = tri!(self.enter_frame::<COUNT>(frame));
                                // the JIT's function-entry hook (`jit_func.rs`)
                                let jit = !RECORD && self.jit.on && frame.code.fjit.hot();
                                f.ip = ip;
                                link_frame(top, frame);
                                if jit {
                                    self.jit.fn_entry = true;
                                    self.jit.switch = true;
                                    return Ok(FrameExit::ret(Value::None));
                                }
                                switch_frame!();
                            }
                            // a plain built-in function (len, isinstance, abs, ...): called
                            // directly; `len` of an exact container computed here
                            ObjKind::Native(nf) if nf.receiver.is_none() && !nf.is_method && !nf.needs_frame => {
                                let func = nf.func;
                                let isinstance = arg == 2 && Rc::ptr_eq(o, &self.known.isinstance);
                                if arg == 1 && Rc::ptr_eq(o, &self.known.len) && self.call_len_fast(&mut f.stack) {
                                    continue;
                                }
                                if isinstance && self.call_isinstance_fast(&mut f.stack) {
                                    continue;
                                }
                                self.count_fast::<COUNT>(Family::CallPy, true);
                                let r = func(self, &f.stack[n - arg..], &[]);
                                // the result replaces the callable in its slot (a push
                                // after the truncation is an out-of-line call)
                                f.stack.truncate(n - arg);
                                match f.stack.last_mut() {
                                    Some(slot) => *slot = tri!(r),
                                    None => return Err(underflow!()),
                                }
                                continue;
                            }
                            // a bound built-in method (`ins = xs.insert; ins(i, x)`): its
                            // receiver takes the callable's slot, so the arguments lie as the
                            // method expects them (`[receiver, a1..an]`), no vector is built;
                            // the result then replaces the receiver
                            ObjKind::Native(nf) if !nf.needs_frame && nf.receiver.is_some() => {
                                tri!(self.call_bound_native(&mut f.stack, arg));
                                continue;
                            }
                            // a generator function (a generator expression's too) called
                            // with exactly its positional parameters: the generator is made
                            // here (as `Vm::call_function` makes it) and replaces the callable
                            ObjKind::Function(func)
                                if func.code.raw.flags & taipan_bytecode::flags::GENERATOR != 0
                                    && let Some(frame) = self.generator_frame(func, args, &[]) =>
                            {
                                self.count_fast::<COUNT>(Family::CallPy, true);
                                let g = crate::generator::new_generator(self, frame, func);
                                f.stack.truncate(n - arg);
                                match f.stack.last_mut() {
                                    Some(slot) => *slot = g,
                                    None => return Err(underflow!()),
                                }
                                continue;
                            }
                            // `super()`, `super(T, obj)` and `int(x)`: built here (see
                            // `interp_calls.rs`), else the class call below
                            ObjKind::Type(_) if arg == 0 && Rc::ptr_eq(o, &self.types.super_) => {
                                if let Some(r) = self.call_super_fast(f) {
                                    tri!(r);
                                    continue;
                                }
                            }
                            ObjKind::Type(_) if arg == 2 && Rc::ptr_eq(o, &self.types.super_) => {
                                tri!(self.call_super2_fast(&mut f.stack));
                                continue;
                            }
                            ObjKind::Type(_) if arg == 1 && Rc::ptr_eq(o, &self.types.int) => {
                                if self.call_int_fast(&mut f.stack) {
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    }
                    // other Python functions (defaults, cells, *args...) and bound methods
                    let (head, args) = f.stack.split_at_mut(n - arg);
                    if let Some(callable) = head.last()
                        // SAFETY: the moved-out arguments are forgotten at once
                        && let Some(r) = unsafe { self.py_call_frame(callable, args) }
                    {
                        self.count_fast::<COUNT>(Family::CallPy, true);
                        // SAFETY: the slots above `n - arg` were moved out or left None
                        unsafe { f.stack.set_len(n - arg) };
                        let frame = tri!(self.enter_frame::<COUNT>(tri!(r)));
                        f.ip = ip;
                        link_frame(top, frame);
                        switch_frame!();
                    }
                    match tri!(self.call_class_cached(code, ip - 1, &mut f.stack, arg)) {
                        ClassCall::Generic => {}
                        ClassCall::Done(obj) => {
                            f.stack.push(obj);
                            continue;
                        }
                        // a Python `__init__`: run by this loop; the call's slot holds the
                        // instance, which `RETURN_VALUE` of the frame leaves there
                        ClassCall::Init(frame) => {
                            let mut frame = tri!(self.enter_frame::<COUNT>(frame));
                            frame.init_call = true;
                            f.ip = ip;
                            link_frame(top, frame);
                            switch_frame!();
                        }
                    }
                    self.count_fast::<COUNT>(Family::CallPy, false);
                    tri!(self.call_generic(f, code, ip - 1, arg));
                }
                Opcode::LoadMethodClass => {
                    // `Class.name(...)`: a class method's function with the class as its
                    // `self` ([class] -> [function, class]), or a function, static
                    // method's function or plain value called without one ([class] ->
                    // [value, NULL]); otherwise the cached path, as LOAD_METHOD
                    let hit = match f.stack.last() {
                        Some(obj) => self.type_method_hit::<COUNT>(code, ip - 1, obj),
                        None => return Err(underflow!()),
                    };
                    match hit {
                        Some((m, true)) => method_in_place!(f, m),
                        Some((m, false)) => {
                            if let Some(top) = f.stack.last_mut() {
                                *top = Value::Obj(m);
                            }
                            f.stack.push(Value::Obj(self.null_marker.clone()));
                        }
                        None => {
                            let obj = pop!(f, ip);
                            let (m, recv) = tri!(self.load_method_cached(code, ip - 1, obj, &code.names[arg]));
                            f.stack.push(m);
                            f.stack.push(recv);
                        }
                    }
                }
                Opcode::LoadMethod | Opcode::LoadMethodModule => {
                    let obj = pop!(f, ip);
                    let (m, recv) = tri!(self.load_method_cached(code, ip - 1, obj, &code.names[arg]));
                    f.stack.push(m);
                    f.stack.push(recv);
                }
                Opcode::LoadMethodWithValues | Opcode::LoadMethodNoDict => {
                    // as below, with the one check of the form's case inline and the rest
                    // out of line
                    let hit = match f.stack.last() {
                        Some(obj) => self.method_hint_hit::<COUNT>(code, ip - 1, obj, name!(arg)),
                        None => return Err(underflow!()),
                    };
                    match hit {
                        Some(m) => method_in_place!(f, m),
                        None => tri!(self.load_method_miss(code, ip - 1, name!(arg), &mut f.stack)),
                    }
                }
                Opcode::LoadMethodPoly => {
                    let hit = match f.stack.last() {
                        Some(obj) => self.load_method_hit::<COUNT>(code, ip - 1, obj, name!(arg)),
                        None => return Err(underflow!()),
                    };
                    match hit {
                        Some(m) => method_in_place!(f, m),
                        None => {
                            let obj = pop!(f, ip);
                            let (m, recv) = tri!(self.load_method_cached(code, ip - 1, obj, &code.names[arg]));
                            f.stack.push(m);
                            f.stack.push(recv);
                        }
                    }
                }
                Opcode::CallMethod => {
                    let n = f.stack.len();
                    if n < arg + 2 {
                        return Err(underflow!());
                    }
                    let base = n - arg - 2;
                    let is_null = matches!(&f.stack[base + 1], Value::Obj(o) if Rc::ptr_eq(o, &self.null_marker));
                    // a Python function or a bound method of one ([method, self, args...] or
                    // [callable, NULL, args...]): bound and run by this loop, the arguments
                    // (with `self`) move into its frame and the callable's slot receives the
                    // result
                    let start = if is_null { base + 2 } else { base + 1 };
                    let (head, args) = f.stack.split_at_mut(start);
                    if let Some(callable) = head.get(base)
                        // SAFETY: the moved-out arguments are forgotten at once
                        && let Some(r) = unsafe { self.py_call_frame(callable, args) }
                    {
                        self.count_fast::<COUNT>(Family::CallPy, true);
                        // SAFETY: the slots above `start` were moved out or left None
                        unsafe { f.stack.set_len(start) };
                        if is_null {
                            f.stack.truncate(base + 1);
                        }
                        let frame = tri!(self.enter_frame::<COUNT>(tri!(r)));
                        f.ip = ip;
                        link_frame(top, frame);
                        switch_frame!();
                    }
                    let meth = f.stack[base].clone();
                    let r = if is_null {
                        if self.needs_frame(&meth) {
                            self.frame_ctx = Some(self.make_frame_ctx(f, &meth));
                        }
                        self.call(&meth, &f.stack[base + 2..])
                    } else {
                        match meth.kind() {
                            Some(ObjKind::Function(func)) => self.call_function(func, &f.stack[base + 1..], &[]),
                            // (`list.append(x)` / `list.pop([i])` on a list done there)
                            Some(ObjKind::Native(nf)) => self.call_native_method(&meth, nf.func, &f.stack[base + 1..]),
                            _ => self.call(&meth, &f.stack[base + 1..]),
                        }
                    };
                    f.stack.truncate(base);
                    f.stack.push(tri!(r));
                }
                Opcode::ReturnValue => {
                    let v = pop!(f, ip);
                    if !inlined {
                        f.ip = ip;
                        return Ok(FrameExit::ret(v));
                    }
                    if f.init_call {
                        // (`f` is gone: the innermost frame is the caller, its `ip` written at the call)
                        self.return_from_init(top, v)?;
                    } else if !code.runs_to_return {
                        // a generator resumed by `FOR_ITER`: finished, the loop ends
                        self.return_to_loop(entry, top);
                    } else {
                        self.return_to_caller(entry, top, v);
                    }
                    switch_frame!();
                }
                Opcode::CallKw => {
                    // a Python function (not a generator): bound with its keywords and run
                    // by this loop
                    let n = f.stack.len();
                    if n >= arg + 2 {
                        let (head, rest) = f.stack.split_at(n - arg - 1);
                        if let (Some(Value::Obj(o)), Some((names, args))) = (head.last(), rest.split_last())
                            && let ObjKind::Function(func) = &o.kind
                            && func.code.runs_to_return
                        {
                            let kwnames: &[Value] = match names.kind() {
                                Some(ObjKind::Tuple(t)) => t,
                                _ => &[],
                            };
                            self.count_fast::<COUNT>(Family::CallPy, true);
                            let r = self.bind_arguments(func, args, kwnames);
                            f.stack.truncate(n - arg - 1);
                            let frame = tri!(self.enter_frame::<COUNT>(tri!(r)));
                            f.ip = ip;
                            link_frame(top, frame);
                            switch_frame!();
                        }
                    }
                    tri!(self.exec_cold(f, &ins, arg));
                }
                Opcode::YieldValue => {
                    let v = pop!(f, ip);
                    if inlined {
                        // a generator resumed by `FOR_ITER` (the only in-loop frames that
                        // yield): the value is the loop's next item
                        f.ip = ip;
                        self.yield_to_loop(entry, top, v);
                        switch_frame!();
                    }
                    // a consumer storing this generator's values (`generator::GenSink`):
                    // the value is stored and the generator continues, sent None
                    let v = match &self.gen_sink {
                        Some(sink) if !RECORD && std::ptr::eq(sink.frame, &*f) => {
                            match crate::generator::sink_yield(self, v) {
                                Ok(()) => {
                                    // (the sent None is discarded at once by a generator
                                    // expression's `POP_TOP`: both skipped)
                                    match instrs.get(ip) {
                                        Some(next) if !COUNT && next.get().op == Opcode::PopTop => ip += 1,
                                        _ => f.stack.push(Value::None),
                                    }
                                    continue;
                                }
                                Err(v) => v,
                            }
                        }
                        _ => v,
                    };
                    f.ip = ip;
                    return Ok(FrameExit {
                        value: v,
                        kind: ExitKind::Yield,
                    });
                }
                Opcode::Send => {
                    let v = pop!(f, ip);
                    if tri!(self.send_step(f, v)) {
                        ip = arg;
                    }
                }
                // everything else: rarely hot, kept out of this function so its native
                // frame stays small (a Python call enters it once per frame); named, not
                // `_` (see `cold_opcodes!`)
                cold_opcodes!() => tri!(self.exec_cold(f, &ins, arg)),
            }
        }
    }
}
