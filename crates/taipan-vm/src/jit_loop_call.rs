//! Loop calls (part of `jit_run.rs`; `docs/jit.md`, "Loop calls"): a loop trace's call of
//! a plain function whose first loop has a compiled root trace runs that trace on the
//! callee's locals from the call area, without a frame when nothing else can run, and a
//! `return` of a local or a constant at its exit hands the value back ([`return_at`]).

use super::*;
use taipan_jit::ir::SnapVal;

/// What a `return` found by [`return_at`] returns.
pub(crate) enum ReturnOf {
    /// Local `arg` (`LOAD_FAST arg`).
    Local,
    /// Constant `arg` (`LOAD_CONST arg`).
    Const,
}

/// Whether the frame of `code` resuming at `pc` returns at once: `LOAD_FAST s` or
/// `LOAD_CONST c` followed by `RETURN_VALUE` (nothing can run between the two), reached
/// directly or through one `POP_JUMP_IF_FALSE`/`POP_JUMP_IF_TRUE` on `top`, the truth
/// value on the stack (the only entry; `None`: the stack is empty). Returns what is
/// returned and `s` or `c`.
pub(crate) fn return_at(code: &Code, pc: usize, top: Option<bool>) -> Option<(ReturnOf, usize)> {
    use taipan_bytecode::Opcode as O;
    let ins = &code.raw.instructions;
    let pc = match top {
        None => pc,
        Some(b) => {
            let j = ins.get(pc)?;
            // (jump arguments are instruction indexes)
            match j.op {
                O::PopJumpIfFalse if !b => j.arg as usize,
                O::PopJumpIfTrue if b => j.arg as usize,
                O::PopJumpIfFalse | O::PopJumpIfTrue => pc.checked_add(1)?,
                _ => return None,
            }
        }
    };
    let (a, r) = (ins.get(pc)?, ins.get(pc.checked_add(1)?)?);
    if r.op != O::ReturnValue {
        return None;
    }
    match a.op {
        O::LoadFast => Some((ReturnOf::Local, a.arg as usize)),
        O::LoadConst => Some((ReturnOf::Const, a.arg as usize)),
        _ => None,
    }
}

/// How exit `k` of a loop call's trace returns without a frame, worked out at the first
/// exit of a frameless run (`Trace::loop_returns`, one per exit; [`exit_returns`]): the
/// snapshot entry that holds the branch's truth value on the stack, if any, and the return
/// taken when it is false (or there is none) and when it is true.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ExitReturn {
    /// The truth value's entry: its index in the snapshot (and in `out`) and value.
    top: Option<(usize, Dec)>,
    /// The return for a false (or no) truth value, then for a true one.
    ret: [Option<Ret>; 2],
}

/// What a shortcut exit returns ([`ExitReturn`]).
#[derive(Clone, Copy, Debug)]
enum Ret {
    /// Constant `c` of the code.
    Const(usize),
    /// The snapshot's entry (index and value): the local's value at the exit.
    Snap(usize, Dec),
    /// Local `s` as the entry buffer holds it (the run did not change it).
    Buf(usize),
}

/// How a snapshot entry's exit word becomes a value, worked out once per exit
/// ([`exit_returns`]): numbers and bools directly, the rest by [`snapshot_value`].
#[derive(Clone, Copy, Debug)]
enum Dec {
    /// An int's word.
    Int,
    /// A float's bits.
    Float,
    /// A bool's word (0 or 1).
    Bool,
    /// Any other entry, through [`snapshot_value`].
    Snap(SnapVal),
}

impl Dec {
    /// The decoding of snapshot value `val` of `func`.
    fn of(val: SnapVal, func: &taipan_jit::ir::Func) -> Dec {
        match val {
            SnapVal::Value(id) => match func.ty(id) {
                Type::I64 => Dec::Int,
                Type::F64 => Dec::Float,
                Type::Bool => Dec::Bool,
                _ => Dec::Snap(val),
            },
            _ => Dec::Snap(val),
        }
    }

    /// The value of exit word `w` of trace `t`.
    ///
    /// # Safety
    /// As [`snapshot_value`].
    unsafe fn value(self, w: u64, t: &Trace) -> Option<Value> {
        match self {
            Dec::Int => Some(Value::Int(w as i64)),
            Dec::Float => Some(Value::Float(f64::from_bits(w))),
            Dec::Bool => Some(Value::Bool(w != 0)),
            // SAFETY: the caller's contract.
            Dec::Snap(val) => unsafe { snapshot_value(val, w, &t.func, &t.pins) },
        }
    }
}

/// [`ExitReturn`] for every exit of `t`, a root loop trace of `code` at `header` (`n`
/// locals): `None` where the exit cannot return without a frame — its snapshot releases
/// values, it is an entry guard (at the header, nothing restored), the stack holds more
/// than a truth value, or the code does not return there at once ([`return_at`]).
pub(crate) fn exit_returns(t: &Trace, code: &Code, header: usize, n: usize) -> Box<[Option<ExitReturn>]> {
    let one = |k: usize| {
        let snap = t.func.snaps.get(t.compiled.exits.get(k)?.snap.index())?;
        let pc = snap.pc as usize;
        if !snap.release.is_empty() || (pc == header && snap.entries.is_empty()) {
            return None;
        }
        let mut above = snap.entries.iter().enumerate().filter(|(_, e)| e.slot as usize >= n);
        let top = match (above.next(), above.next()) {
            (None, _) => None,
            (Some((i, e)), None) if e.slot as usize == n => Some((i, Dec::of(e.val, &t.func))),
            _ => return None,
        };
        let ret = |b: Option<bool>| {
            let (op, arg) = return_at(code, pc, b)?;
            Some(match op {
                ReturnOf::Const => Ret::Const(arg),
                // the local's value at the exit: the snapshot's (its last entry for the
                // slot), else the buffer's (unchanged since the entry)
                ReturnOf::Local => match snap
                    .entries
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, e)| e.slot as usize == arg)
                {
                    Some((i, e)) => Ret::Snap(i, Dec::of(e.val, &t.func)),
                    None => Ret::Buf(arg),
                },
            })
        };
        let ret = match top {
            None => [ret(None), None],
            Some(_) => [ret(Some(false)), ret(Some(true))],
        };
        ret.iter().any(Option::is_some).then_some(ExitReturn { top, ret })
    };
    (0..t.compiled.exits.len()).map(one).collect()
}

/// How a loop call run without a frame ended ([`Vm::loop_call_fast`]).
pub(crate) enum LoopCallEnd {
    /// The callee returned this value (an exit at a `return` of a local or a constant);
    /// `.1`: the run dropped nothing (no value an object store replaced), so no Python code
    /// ran at all and the caller's pins still hold.
    Returned(Value, bool),
    /// The trace ran and the callee's frame goes on in the interpreter: it is built from
    /// these entry-buffer words (the locals at the header, which the run did not change),
    /// and the run's exit is applied to it ([`Vm::loop_call_finish`]).
    Exit(Rc<Trace>, usize, Vec<u64>, Vec<u64>),
    /// The trace did not run (the run failed: it is dropped): the frame, built from these
    /// words, resumes at the header.
    Failed(Vec<u64>),
}

/// The value a shortcut exit returns ([`ExitReturn`]) from the run's `out` and entry
/// buffer `buf` of `t`, a loop call's trace of `code`; `None` when it cannot be read.
fn shortcut_value(r: &ExitReturn, t: &Trace, code: &Code, buf: &[u64], out: &[u64]) -> Option<Value> {
    let word = |i: usize| out.get(i).copied();
    let which = match r.top {
        None => 0,
        // SAFETY: the trace makes no opaque call and holds no object word but those of
        // live objects it loaded (`snapshot_value`'s contract; nothing ran since the exit).
        Some((i, dec)) => match unsafe { dec.value(word(i)?, t) } {
            Some(Value::Bool(b)) => usize::from(b),
            _ => return None,
        },
    };
    match r.ret.get(which).copied().flatten()? {
        Ret::Const(c) => code.consts.get(c).cloned(),
        // SAFETY: as above.
        Ret::Snap(i, dec) => unsafe { dec.value(word(i)?, t) },
        Ret::Buf(slot) => {
            let w = buf.get(2 * slot..2 * slot + 2)?;
            // SAFETY: the buffer holds no object word.
            unsafe { slot_value(*w.first()?, *w.get(1)?) }
        }
    }
}

impl Vm {
    /// A loop call (`func::loop_call`) without a frame: when the callee's loop trace `t`
    /// (at `header`, no entry stack) may run on the locals the caller's trace stored into
    /// the call area at `area` (`mask`: the bound ones) and no Python code can run during
    /// the run — no trace of the callee's code uses the call area (no opaque call), its tree
    /// has no side trace (no link, no bridge), no recording —, the entry buffer is filled
    /// straight from the area and the trace runs; an exit at a `return` of a local or a
    /// constant gives the result without a frame. `None` (nothing ran) when a condition
    /// fails: the caller builds the frame and enters the trace the usual way, which makes
    /// the entry checks with their bookkeeping (drops, entry failures).
    ///
    /// # Safety
    /// `area` is the VM's call area with the callee's bound locals (numbers and None, no
    /// object word) in its slots from `AREA_LOOP`, and `code.nlocalsplus <= LOOP_MAX_LOCALS`.
    pub(crate) unsafe fn loop_call_fast(
        &mut self,
        globals: &Obj,
        code: &Rc<Code>,
        header: usize,
        area: *const u64,
        mask: u32,
    ) -> Option<LoopCallEnd> {
        let h = u32::try_from(header).ok()?;
        if self.jit.recording.is_some() || code.loops.area.get() || !code.loops.takes_first(header) {
            return None;
        }
        let t = code.loops.compiled(h)?;
        if t.depth != 0 || t.tree.sides.get() != 0 {
            return None;
        }
        let inline = t.tree.inline.get();
        if inline > 0 && self.depth.saturating_add(inline) >= self.recursion_limit {
            return None;
        }
        if !t.tree.holds(globals) {
            return None;
        }
        let n = code.nlocalsplus;
        let want = buffer_words(n, 0);
        let out_need = self.jit.out_words.max(1);
        // (the reused buffers stay in place on the common path: only an end that needs
        // them takes them)
        let (buf, out) = &mut self.jit.loop_buf;
        // (reused as they are: every slot the trace reads is written below, and `out` is
        // only read where the exit wrote it; the region of an entry one deeper, which no
        // trace of a tree without side traces reads, is zeroed as `fill_entry_buffer` does)
        if buf.len() != want {
            buf.clear();
            buf.resize(want, 0);
        } else if let Some(extra) = buf.get_mut(2 * entry_slot(n, 0)..) {
            extra.fill(0);
        }
        let locals = buf.get_mut(..2 * n)?;
        // SAFETY: the caller's contract: the area's slots from `AREA_LOOP` hold the bound
        // locals, and `n <= LOOP_MAX_LOCALS` slots lie within the area; `locals` is `2 * n`
        // words of the buffer, which the area does not overlap.
        unsafe {
            let from = area.add(2 * taipan_jit::record::AREA_LOOP as usize);
            std::ptr::copy_nonoverlapping(from, locals.as_mut_ptr(), 2 * n);
        }
        // (the unbound ones: the area's words there are stale)
        let mut unbound = !mask & u32::MAX.checked_shr(32 - n as u32).unwrap_or(0);
        while unbound != 0 {
            let slot = unbound.trailing_zeros() as usize;
            unbound &= unbound - 1;
            if let Some(d) = locals.get_mut(2 * slot..2 * slot + 2) {
                d.copy_from_slice(&[TAG_UNBOUND, 0]);
            }
        }
        // the pop mark: no entry popped
        if let Some(d) = buf.get_mut(2 * n..2 * n + 2) {
            d.copy_from_slice(&[TAG_INT, 0]);
        }
        // each local dead at the trace's entry holds its type or nothing (as
        // `jit_dead_tags_hold` checks a frame)
        for &(slot, tag) in &t.dead_tags {
            let w = buf.get(2 * slot as usize).copied().unwrap_or(TAG_UNBOUND);
            let ok = w == TAG_UNBOUND
                || matches!(
                    (w, tag),
                    (TAG_INT, taipan_jit::ir::Tag::Int)
                        | (TAG_FLOAT, taipan_jit::ir::Tag::Float)
                        | (TAG_BOOL, taipan_jit::ir::Tag::Bool)
                );
            if !ok {
                return None;
            }
        }
        if out.len() < out_need {
            out.resize(out_need, 0);
        }
        let entry = taipan_jit::backend::link::entry_of(&t.compiled, 1, out.len())?;
        let args = [buf.as_ptr() as u64];
        let out_ptr = out.as_mut_ptr();
        self.jit.counters.entries += 1;
        t.tree.runs.set(t.tree.runs.get().saturating_add(1));
        self.jit.runs = self.jit.runs.wrapping_add(1);
        t.tree.checked_run.set(self.jit.runs);
        let deferred_mark = super::super::helpers::deferred_mark();
        // SAFETY: as in `jit_enter`: `entry` is the entry of `t`, compiled by this Vm's
        // `TraceSet` (never flushed while the Vm lives), checked by `entry_of` to take one
        // parameter and to write at most `out.len()` words; the buffer holds the slots of
        // an entry with no entry stack and the one a link deeper would write (the tree has
        // no side trace and a root loop trace makes no link, so none is written); it holds
        // no object word (numbers, None, unbound), and the trace's other memory accesses
        // are those of `jit_helpers.rs`. No Python code runs in it (no opaque call: the
        // code's traces do not use the call area). Both vectors stay in place (and
        // unresized) until it returns.
        let status = unsafe { entry(args.as_ptr(), out_ptr) };
        let quiet = super::super::helpers::deferred_drop_since(deferred_mark);
        let id = (status >> 32) as u32;
        let k = (status & 0xffff_ffff).wrapping_sub(1) as usize;
        let exit = status & STATUS_LINK == 0
            && status != STATUS_RET
            && status != STATUS_OUT_OF_FUEL
            && status != STATUS_INVALIDATED
            && id == t.compiled.id;
        if !exit {
            // (a root loop trace without side traces only exits)
            self.jit.counters.dropped += 1;
            self.jit_drop(code, t.header);
            let (buf, out) = std::mem::take(&mut self.jit.loop_buf);
            self.jit.loop_buf = (Vec::new(), out);
            return Some(LoopCallEnd::Failed(buf));
        }
        let returns = t.loop_returns.get_or_init(|| exit_returns(&t, code, header, n));
        let shortcut = match returns.get(k).copied().flatten() {
            Some(r) if !self.jit_side_wanted(&t, k) => {
                let (buf, out) = &self.jit.loop_buf;
                shortcut_value(&r, &t, code, buf, out)
            }
            _ => None,
        };
        if let Some(v) = shortcut {
            self.jit.counters.exits += 1;
            t.entry_fails.set(0);
            t.first_fails.set(0);
            return Some(LoopCallEnd::Returned(v, quiet));
        }
        let (buf, out) = std::mem::take(&mut self.jit.loop_buf);
        Some(LoopCallEnd::Exit(t, k, buf, out))
    }

    /// The frame of a loop call whose run ended at exit `k` of `t` without a shortcut
    /// ([`LoopCallEnd::Exit`]): `f` was built from the entry buffer; the exit is applied to
    /// it as `jit_enter` applies a run's final exit (no link was made). Returns the index
    /// to resume at, or `SWITCH_IP` when a side recording starts there (`f.ip` set).
    pub(crate) fn loop_call_finish(
        &mut self,
        f: &mut Frame,
        code: &Rc<Code>,
        t: &Rc<Trace>,
        k: usize,
        out: &[u64],
    ) -> usize {
        let nlocals = f.code.nlocalsplus;
        let mut restore = std::mem::take(&mut self.jit.restore);
        restore.clear();
        let mut release: Vec<Value> = Vec::new();
        let pc = self.jit_exit(f, code, t, k, true, out, &mut restore, &mut release);
        f.stack.truncate(t.depth);
        for (slot, v) in restore.drain(..) {
            self.jit.counters.restored += 1;
            restore_slot(f, slot, nlocals, t.depth, v);
        }
        self.jit.restore = restore;
        drop(release);
        pc
    }
}
