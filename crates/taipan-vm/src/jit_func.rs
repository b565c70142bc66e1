//! Function traces (`docs/jit.md`, "Function traces"): hot plain Python functions get a
//! trace from their entry to their return (`taipan_jit::record`'s `func.rs`), entered at
//! calls; calls of Python functions inside such a trace go through the helper
//! [`fn_call`], which runs the callee's function trace natively (no frame) or the
//! interpreter.
//!
//! # Counting and entering from the interpreter
//! The dispatch loop's in-loop call of a Python function with exactly its positional
//! parameters asks [`FuncJit::hot`] (a countdown per code object, one load, decrement and
//! store) and, when it answers true, returns to the trampoline with the callee's frame
//! pushed at index 0 ([`crate::jit::JitState::fn_entry`]); [`Vm::jit_func_entry_top`] then
//! counts, starts a recording in that frame, or runs the compiled trace on a buffer made
//! from the frame's locals. After `ret` the result is pushed on the frame's stack and the
//! frame continues at a `RETURN_VALUE` (the interpreter returns it as usual); after an exit
//! the snapshot is written into the frame and it continues there.
//!
//! # Calls inside function traces
//! [`fn_call`] gets the callee (an object word of a function the trace's pins keep alive),
//! the caller's buffer and the arguments' slots. With a compiled function trace for the
//! callee whose tree holds (`Tree::holds`: not invalidated, same globals), below the recursion limit and the native stack limit, it fills a
//! buffer on the Rust stack and runs it (one recursion level counted in `Vm::depth`, as
//! the interpreter's call would); at an exit it builds the callee's frame (the arguments,
//! then the snapshot) and runs it with a nested `run_frame`, raising a pending exception at
//! the `CALL` index of the snapshot when the exit is a call's. Without a trace it calls the
//! function (`Vm::call`). The outcome is kept ([`FnState::outcome`]) until the caller's
//! trace has checked its type: an exit through the call snapshot pushes it (or raises it)
//! without calling again. After the call the caller's tree is checked (any Python code may
//! have rebound a global, which invalidates the trees that assumed it: `jit_inval.rs`): an
//! invalidated tree makes the status match no type, so the caller leaves through the call
//! snapshot.
//!
//! # Direct calls
//! A function trace's calls of its own function are expanded by the lowering into a call
//! of the root trace's machine code (`taipan_jit::backend::SelfCall`, entry address in
//! [`FuncJit`]'s `entry`), with the callee's buffer in the caller's native frame and the
//! depth budget and `Vm::depth`'s address in the buffer's control slot (set by
//! [`Vm::jit_func_run`]); [`fn_call`] is the slow path and [`fn_exit`] handles a callee
//! that left through an exit (`docs/jit.md`, "Function traces").

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use taipan_jit::backend::{STATUS_LINK, STATUS_RET};
use taipan_jit::record::{AbortReason, CodeInfo, Recorder, args_slot, buffer_slots, ctl_slot, result_slot, vm_slot};

use super::helpers::{restore_obj, with_obj};
use super::run::{LoopCallEnd, slot_value};
use super::{Recording, Trace, Tree, globals};
use crate::code::Code;
use crate::interp::Frame;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

#[path = "jit_list_call.rs"]
mod list_call;

/// Aborted recordings of one function before it is blacklisted.
const MAX_FN_ABORTS: u8 = 3;

/// How many times more calls a *leaf* function (one that calls nothing) counts before its
/// recording starts, when the threshold is above 1. Its trace is never entered from the
/// interpreter (see `FnPhase::Compiled` in [`Vm::jit_func_entry_top`]), only by traces that
/// call it without inlining it; loop traces inline it, so at the loop threshold its
/// compilation was wasted: spectral_norm's `eval_A` (called from the loops before their
/// traces are installed, then only inline) cost a trace that never ran.
const LEAF_THRESHOLD_FACTOR: u32 = 16;

/// The most locals a function may have to run natively from [`fn_call`] (its buffer lives
/// on the Rust stack).
const MAX_NATIVE_LOCALS: usize = 24;

/// What a function's entry is doing.
enum FnPhase {
    /// Counting calls; `aborts` recordings aborted so far.
    Counting { aborts: u8, threshold: u32 },
    /// Being recorded; `aborts` earlier recordings aborted.
    Recording { aborts: u8 },
    /// Compiled.
    Compiled(Rc<Trace>),
    /// Never recorded again.
    Blacklisted,
}

/// The function-entry state of one code object (a field of `Code`).
pub struct FuncJit {
    /// Calls left before the interpreter asks the JIT (1: every call, with a trace).
    countdown: Cell<u32>,
    phase: RefCell<FnPhase>,
    /// The index of the code's first `RETURN_VALUE` (where a frame whose trace returned
    /// continues, its result on the stack), set when the trace is installed.
    ret_pc: Cell<usize>,
    /// The code makes no call (set when the trace is installed).
    leaf: Cell<bool>,
    /// Runs of the trace from the interpreter in the current window of [`EXIT_WINDOW`] runs,
    /// and how many of them left through an exit to the interpreter.
    window: Cell<(u32, u32)>,
    /// The entry address of the compiled trace (0: none): the word direct self-calls of
    /// the function's traces load (`taipan_jit::backend::SelfCall::cell`).
    entry: Cell<u64>,
}

/// Runs per window of a function trace's exit rate (a count): a trace that left to the
/// interpreter in more than a quarter of the runs of a window (its side traces did not take
/// over the hot exits) is dropped. `bench/programs/binary_trees.py`'s `check_tree` got a
/// trace for its leaves and left it at every inner node (half the calls), which made the
/// program 23% slower than interpreting it.
const EXIT_WINDOW: u32 = 2048;

impl Default for FuncJit {
    fn default() -> Self {
        FuncJit {
            countdown: Cell::new(0),
            phase: RefCell::new(FnPhase::Counting {
                aborts: 0,
                threshold: 0,
            }),
            ret_pc: Cell::new(0),
            leaf: Cell::new(false),
            window: Cell::new((0, 0)),
            entry: Cell::new(0),
        }
    }
}

impl FuncJit {
    /// Makes every call of the code ask the JIT (its trace is being compiled in the
    /// background: the next call installs it, `jit_compile.rs`).
    pub(crate) fn ask_each_call(&self) {
        self.countdown.set(1);
    }

    /// Counts one call; true when the JIT must see this one (see the module docs).
    #[inline(always)]
    pub fn hot(&self) -> bool {
        let c = self.countdown.get();
        if c > 1 {
            self.countdown.set(c - 1);
            false
        } else {
            true
        }
    }

    /// The compiled trace, if any.
    fn compiled(&self) -> Option<Rc<Trace>> {
        match &*self.phase.try_borrow().ok()? {
            FnPhase::Compiled(t) => Some(t.clone()),
            _ => None,
        }
    }
}

/// The Vm-wide state of function traces (a field of `JitState`).
#[derive(Default)]
pub struct FnState {
    /// The outcome of the last opaque call made by a trace (see the module docs).
    pub(crate) outcome: Option<Outcome>,
    /// Bumped whenever a call made by a trace may have run Python code (anything but a
    /// function trace returning): a trace checks its tree's invalidation flag after a call only then.
    pub(crate) epoch: u64,
    /// Per trace id (roots and side traces of function traces): its opaque calls' `CALL`
    /// indices.
    pub(crate) calls: HashMap<u32, Vec<u32>>,
    /// Per trace id: its loop calls' `CALL` indices with the number of stack entries their
    /// inlined calls' snapshots list (an exit through one of those, at the same index as
    /// the call snapshot, has the callable and the arguments on the stack: it is no exit
    /// through the call snapshot; `Recorder::loop_call_heights`).
    pub(crate) loop_heights: HashMap<u32, Vec<(u32, u32)>>,
    /// The function traces running (innermost last) with their frame's globals: the caller
    /// whose tree [`fn_call`] checks.
    running: Vec<(Rc<Trace>, crate::value::Obj)>,
    /// Buffers of native calls, reused (one per level in use).
    bufs: Vec<Vec<u64>>,
    /// `Vm::depth` when the function recording started (its frame's depth).
    pub(crate) rec_depth: usize,
    /// Function traces compiled.
    pub compiled: u64,
    /// Function trace runs (from the interpreter and from calls in traces).
    pub runs: u64,
    /// Calls made by traces through the helper.
    pub calls_made: u64,
}

/// What an opaque call did (kept for an exit through its call snapshot).
pub(crate) enum Outcome {
    /// Returned this value.
    Value(Value),
    /// Raised.
    Raised(PyErr),
    /// Not made (the native stack is low): the interpreter makes it, the callable and the
    /// arguments pushed back.
    Redo(Value, Vec<Value>),
}

/// Native stack kept free below a native function-trace call: a deeper call is left to the
/// interpreter (whose in-loop calls use no native stack), so the recursion limit, not the
/// native stack, decides where `RecursionError` is raised, as without the JIT.
const NATIVE_MARGIN: usize = 1024 * 1024;

/// Native stack counted per level of direct calls between function traces (the callee's
/// buffer and `out` in the caller's frame, at most about 1.5 KB, and the trace's own frame).
const LEVEL_BYTES: usize = 8192;

/// The name of the exit helper of direct calls ([`fn_exit`]).
pub(crate) const FN_EXIT_HELPER: &str = "fn_exit";

/// The most words of `out` an exit of a function trace of `code` may write (its snapshots
/// list locals and stack entries: a direct call reserves this many for the callee).
pub(crate) fn out_bound(code: &Code) -> usize {
    code.nlocalsplus + code.raw.max_stack as usize + 1
}

/// How a function trace's run ended.
enum FnEnd {
    /// `ret`: the result.
    Ret(Value),
    /// Exit `.1` of trace `.0`.
    Exit(Rc<Trace>, usize),
    /// The run failed (nothing done).
    Failed,
}

impl Vm {
    /// The trampoline's part of a call that [`FuncJit::hot`] flagged: the callee's frame is
    /// the innermost one (`top`), at index 0. Counts, starts a recording or runs the trace;
    /// an error is raised in the callee's frame (its `ip` is set past the failing `CALL`).
    #[inline(never)]
    pub(crate) fn jit_func_entry_top(&mut self, top: &mut Option<Box<Frame>>) -> PyResult<()> {
        if self.jit.compiling.is_some() {
            self.jit_poll();
        }
        let Some(f) = top.as_deref_mut() else { return Ok(()) };
        let code = f.code.clone();
        if self.jit.broken() || !self.jit.opts.func {
            code.fjit.countdown.set(u32::MAX);
            return Ok(());
        }
        let threshold = self.jit.opts.threshold.max(1);
        let mut phase = match code.fjit.phase.try_borrow_mut() {
            Ok(p) => p,
            Err(_) => return Ok(()),
        };
        match &mut *phase {
            FnPhase::Counting { aborts, threshold: th } => {
                if *th == 0 {
                    *th = if threshold > 1 && calls_nothing(&code) {
                        threshold.saturating_mul(LEAF_THRESHOLD_FACTOR)
                    } else {
                        threshold
                    };
                    if has_back_edge(&code) || code.fast_argcount.is_none() {
                        *phase = FnPhase::Blacklisted;
                        code.fjit.countdown.set(u32::MAX);
                        return Ok(());
                    }
                    // this call counts as the first
                    if *th > 1 {
                        code.fjit.countdown.set(*th - 1);
                        return Ok(());
                    }
                }
                if self.jit.busy() {
                    code.fjit.countdown.set(*th);
                    return Ok(());
                }
                *phase = FnPhase::Recording { aborts: *aborts };
                drop(phase);
                code.fjit.countdown.set(u32::MAX);
                let info = CodeInfo::from_code(&code.raw);
                self.jit.recording = Some(Box::new(Recording {
                    rec: Recorder::new_func(info),
                    pins: RefCell::new(globals::Pins::default()),
                    callees: Vec::new(),
                    frame: &*f as *const Frame as usize,
                    code: code.clone(),
                    header: 0,
                    depth: 0,
                    started: Instant::now(),
                    log: self.jit.dump.as_ref().is_some_and(|d| d.bytecode).then(Vec::new),
                    side: None,
                    pins_base: 0,
                }));
                self.jit.fx.rec_depth = self.depth;
                self.jit.counters.recordings += 1;
                Ok(())
            }
            FnPhase::Compiled(t) => {
                let t = t.clone();
                drop(phase);
                if code.fjit.leaf.get() {
                    // the trace of a function that calls nothing saves less than entering it
                    // from the interpreter costs (a leaf function called from a loop): only
                    // calls in traces run it
                    code.fjit.countdown.set(u32::MAX);
                    return Ok(());
                }
                self.jit_func_run_frame(f, &code, &t)
            }
            FnPhase::Recording { .. } | FnPhase::Blacklisted => {
                // (a function whose trace is being compiled in the background keeps asking,
                // so its calls reach the safe point that installs it)
                let pending = matches!(*phase, FnPhase::Recording { .. }) && self.jit.compiling.is_some();
                code.fjit.countdown.set(if pending { 1 } else { u32::MAX });
                Ok(())
            }
        }
    }

    /// Runs function trace `t` on the freshly called frame `f` (index 0, locals = the
    /// arguments): see the module docs.
    fn jit_func_run_frame(&mut self, f: &mut Frame, code: &Rc<Code>, t: &Rc<Trace>) -> PyResult<()> {
        let nlocals = code.nlocalsplus;
        if !t.tree.holds(&f.globals) {
            self.jit.counters.pin_fails += 1;
            self.jit_func_drop(code);
            return Ok(());
        }
        let Ok(nl32) = u32::try_from(nlocals) else {
            return Ok(());
        };
        let words = 2 * buffer_slots(nl32);
        let mut mem = self.jit.fx.bufs.pop().unwrap_or_default();
        mem.resize(words + self.jit.out_words.max(1), 0);
        let (buf, out) = mem.split_at_mut(words);
        for (k, l) in f.locals.iter().enumerate() {
            if let (Some(w), [a, b]) = (buf.get_mut(2 * k..2 * k + 2), super::run::slot_words(l.as_ref())) {
                w[0] = a;
                w[1] = b;
            }
        }
        let end = self.jit_func_run(t, buf, nl32, out, &f.globals);
        let (runs, exits) = code.fjit.window.get();
        let (runs, exits) = (runs + 1, exits + u32::from(matches!(end, FnEnd::Exit(..))));
        if runs >= EXIT_WINDOW {
            code.fjit.window.set((0, 0));
            // (not while a trace is being compiled in the background: the side trace for
            // the exits taken may be the one on its way)
            if exits > runs / 4 && self.jit.compiling.is_none() {
                // (this run's exit is still restored below; the trace is not entered again)
                self.jit_func_drop(code);
            }
        } else {
            code.fjit.window.set((runs, exits));
        }
        let r = match end {
            FnEnd::Ret(v) => {
                f.stack.clear();
                f.stack.push(v);
                f.ip = code.fjit.ret_pc.get();
                Ok(())
            }
            FnEnd::Failed => {
                self.jit_func_drop(code);
                Ok(())
            }
            // (a side recording that starts needs no switch request: the trampoline picks
            // the recording instance itself; a stale `switch` would make it drop the next
            // instance's result)
            FnEnd::Exit(x, n) => {
                let res = result_words(&mem, nl32);
                self.jit_func_exit(f, &x, n, mem.get(words..).unwrap_or(&[]), res)
                    .map(|_| ())
            }
        };
        self.jit.fx.bufs.push(mem);
        r
    }

    /// Drops the function trace of `code` (it is never entered again; the function counts
    /// again from a much higher threshold, or is blacklisted).
    fn jit_func_drop(&mut self, code: &Code) {
        self.jit.counters.dropped += 1;
        code.fjit.entry.set(0);
        if let Ok(mut p) = code.fjit.phase.try_borrow_mut() {
            if let FnPhase::Compiled(t) = &*p {
                super::inval::retire(&t.tree);
                if let Some(set) = self.jit.set.as_mut() {
                    set.invalidate(&t.func.name);
                }
            }
            *p = FnPhase::Blacklisted;
        }
        code.fjit.countdown.set(u32::MAX);
        self.jit.counters.blacklisted += 1;
    }

    /// Runs function trace `t` on `buf` (locals filled; the VM slot is set here). The
    /// result is read from the buffer's result slot.
    fn jit_func_run(
        &mut self,
        t: &Rc<Trace>,
        buf: &mut [u64],
        nlocals: u32,
        out: &mut [u64],
        globals: &crate::value::Obj,
    ) -> FnEnd {
        let vs = vm_slot(nlocals) as usize;
        if let Some(w) = buf.get_mut(2 * vs..2 * vs + 2) {
            w[0] = 4;
            w[1] = self as *mut Vm as u64;
        }
        // the depth budget of direct calls: below the recursion limit (a direct call is
        // made at depth `d` when `d < limit`, as `jit_fn_call` does) and within the native
        // stack left (`LEVEL_BYTES` per level above `NATIVE_MARGIN`)
        let here = 0u8;
        let addr = &here as *const u8 as usize;
        let native = if self.stack_limit == 0 {
            64
        } else {
            addr.saturating_sub(self.stack_limit.saturating_add(NATIVE_MARGIN)) / LEVEL_BYTES
        };
        let budget = self.recursion_limit.saturating_sub(self.depth).min(native);
        let cs = ctl_slot(nlocals) as usize;
        if let Some(w) = buf.get_mut(2 * cs..2 * cs + 2) {
            w[0] = budget as u64;
            w[1] = std::ptr::addr_of_mut!(self.depth) as u64;
        }
        if buf.len() < 2 * buffer_slots(nlocals) || out.len() < t.compiled.out_words {
            return FnEnd::Failed;
        }
        self.jit.fx.runs += 1;
        self.jit.counters.entries += 1;
        self.jit.fx.running.push((t.clone(), globals.clone()));
        let args = [buf.as_mut_ptr() as u64];
        // SAFETY: `t` was compiled by this Vm's `TraceSet` (never flushed while the Vm
        // lives) as a function trace: its one parameter points at a function buffer of
        // `buffer_slots(nlocals)` 16-byte slots (checked above): it loads locals below
        // `nlocals`, the VM slot, and stores only the result slot and the scratch slots.
        // `out` has room for every exit's words. Its helpers are `jit_helpers.rs`' and
        // [`fn_call`], which gets this Vm's address from the VM slot: no reference into
        // the Vm is held across this call (`buf`, `out` and `t` are not borrowed from it).
        let status = unsafe { taipan_jit::backend::link::call_raw(&t.compiled, &args, out) };
        self.jit.fx.running.pop();
        let Ok(status) = status else { return FnEnd::Failed };
        if status == STATUS_RET {
            let rs = result_slot(nlocals) as usize;
            let (Some(&tag), Some(&w)) = (buf.get(2 * rs), buf.get(2 * rs + 1)) else {
                return FnEnd::Failed;
            };
            // SAFETY: the trace stored the result: a scalar, or an object word it held
            // (a local's at the entry, alive: the caller keeps the arguments; or an item
            // loaded after its last call, alive by the invariant of `jit_helpers.rs`).
            return match unsafe { slot_value(tag, w) } {
                Some(v) => FnEnd::Ret(v),
                None => FnEnd::Failed,
            };
        }
        self.jit_func_decode(status)
    }

    /// The exit a function trace's status word (not [`STATUS_RET`]) names.
    fn jit_func_decode(&self, status: u64) -> FnEnd {
        if status & STATUS_LINK != 0 || status == u64::MAX || status == u64::MAX - 1 {
            return FnEnd::Failed;
        }
        let id = (status >> 32) as u32;
        let n = (status & 0xffff_ffff).wrapping_sub(1) as usize;
        match self.jit.by_id.get(&id) {
            Some(x) => FnEnd::Exit(x.clone(), n),
            None => FnEnd::Failed,
        }
    }

    /// Writes exit `n` of function trace `x` into `f` (fresh, or the frame the trace was
    /// entered on) and sets its `ip`; a call's exit pushes the call's result or returns the
    /// pending exception (then `f.ip` is one past the `CALL`, where raising reports it).
    /// `res` is the trace's buffer's slot `args_slot` (tag and payload): the result of its
    /// last call, written there by [`fn_call`] or a direct call (a tag above 4: the call
    /// raised or was not made, see [`FnState::outcome`]). `Ok(true)`: a side recording
    /// starts in `f` at its `ip`.
    fn jit_func_exit(&mut self, f: &mut Frame, x: &Rc<Trace>, n: usize, out: &[u64], res: [u64; 2]) -> PyResult<bool> {
        self.jit.counters.exits += 1;
        if !x.root {
            self.jit.counters.side_exits += 1;
        }
        let snap = x
            .compiled
            .exits
            .get(n)
            .and_then(|info| x.func.snaps.get(info.snap.index()));
        let Some(snap) = snap else {
            return Err(self.jit_internal("no snapshot"));
        };
        let pc = snap.pc as usize;
        let nlocals = f.code.nlocalsplus;
        let is_call = self
            .jit
            .fx
            .calls
            .get(&x.compiled.id)
            .is_some_and(|c| c.contains(&snap.pc));
        // the call's result, made a counted reference before any local is overwritten
        let result = if is_call && res[0] <= super::run::TAG_OBJ {
            // SAFETY: a result the helper or a direct call wrote: a scalar, or an object
            // word the callee's trace held (alive: reachable from its arguments, which the
            // caller holds) or the helper's kept outcome holds.
            unsafe { slot_value(res[0], res[1]) }
        } else {
            None
        };
        let mut vals = Vec::with_capacity(snap.entries.len());
        let mut release = Vec::new();
        // SAFETY: a borrowed `ptr` value is an object word the trace held: a local's value
        // at the entry (the frame or the helper's arguments keep it) or an item loaded since
        // its last call; nothing was written yet. Owned values are the trace's counts.
        unsafe { super::run::restore_snapshot(snap, out, &x.func, &x.pins, &mut vals, &mut release, x.py_calls) };
        f.stack.clear();
        for (slot, v) in vals {
            self.jit.counters.restored += 1;
            if slot < nlocals {
                if let Some(l) = f.locals.get_mut(slot) {
                    *l = Some(v);
                }
            } else {
                f.stack.push(v);
            }
        }
        // (owned values the exit did not transfer go after the frame is written)
        drop(release);
        f.ip = pc;
        if is_call {
            f.ip = pc + 1;
            let kept = self.jit.fx.outcome.take();
            if let Some(v) = result {
                f.stack.push(v);
                return Ok(false);
            }
            return match kept {
                Some(Outcome::Value(v)) => {
                    f.stack.push(v);
                    Ok(false)
                }
                Some(Outcome::Raised(e)) => Err(e),
                Some(Outcome::Redo(callable, args)) => {
                    f.ip = pc;
                    f.stack.push(callable);
                    f.stack.extend(args);
                    Ok(false)
                }
                None => Err(self.jit_internal("a call exit without an outcome")),
            };
        }
        if !(x.root && pc == 0 && snap.entries.is_empty())
            && self.jit_side_wanted(x, n)
            && self.jit_start_side(f, &f.code.clone(), x, n, snap.pc, &snap.entries)
        {
            if let Some(r) = self.jit.recording.as_mut() {
                r.rec.set_func();
            }
            self.jit.fx.rec_depth = self.depth;
            return Ok(true);
        }
        Ok(false)
    }

    /// A `SystemError` for a JIT invariant that failed (never expected).
    pub(crate) fn jit_internal(&mut self, what: &str) -> PyErr {
        let t = self.exc.system_error.clone();
        self.new_error(&t, format!("JIT function trace: {what}"))
    }

    /// A call of function object word `fw` with the `n` arguments in slots `base..` of the
    /// calling trace's buffer `slots`: the callee's function trace natively, else the
    /// interpreter (see the module docs). The native path copies the argument words as
    /// they are (no values are made: an object word is kept alive by the caller, see
    /// `jit_helpers.rs`).
    ///
    /// # Safety
    /// `fw` names a live function object (the caller's pins keep it); `slots` points at the
    /// calling trace's buffer, whose slots `base..base + n` hold the arguments in the
    /// entry-buffer format (object words of live objects).
    unsafe fn jit_fn_call(&mut self, fw: u64, slots: *const u64, base: usize, n: usize) -> Outcome {
        self.jit.fx.calls_made += 1;
        let here = 0u8;
        let addr = &here as *const u8 as usize;
        // at the recursion limit, or with the native stack low: the interpreter makes the
        // call (and raises RecursionError exactly where it would without the JIT)
        let room = self.depth < self.recursion_limit
            && (self.stack_limit == 0 || addr >= self.stack_limit.saturating_add(NATIVE_MARGIN));
        // SAFETY: `fw` names a live object (the contract).
        let native = unsafe {
            super::helpers::with_obj(fw, |o| match &o.kind {
                ObjKind::Function(func)
                    if room && func.code.fast_argcount == Some(n) && func.code.nlocalsplus <= MAX_NATIVE_LOCALS =>
                {
                    let t = func.code.fjit.compiled()?;
                    self.jit_func_pins_hold(&t, &func.globals)
                        .then(|| (t, func.code.clone(), func.globals.clone()))
                }
                _ => None,
            })
        };
        if let Some(Some((t, code, globals))) = native {
            self.depth += 1;
            // SAFETY: the contract (argument slots of live words).
            let r = unsafe { self.jit_fn_native(&code, &t, slots, base, n, &globals) };
            self.depth -= 1;
            return match r {
                Ok(v) => Outcome::Value(v),
                Err(e) => Outcome::Raised(e),
            };
        }
        // SAFETY: `fw` names a live object (the contract).
        let Some(callable) = (unsafe { restore_obj(fw) }) else {
            return Outcome::Raised(self.jit_internal("no callee"));
        };
        let mut args = Vec::with_capacity(n);
        for k in 0..n {
            // SAFETY: the contract: the arguments' slots hold live words.
            let v = unsafe { slot_value(slots.add(2 * (base + k)).read(), slots.add(2 * (base + k) + 1).read()) };
            match v {
                Some(v) => args.push(v),
                None => return Outcome::Raised(self.jit_internal("an unbound argument")),
            }
        }
        if !room {
            return Outcome::Redo(callable, args);
        }
        self.jit.fx.epoch = self.jit.fx.epoch.wrapping_add(1);
        match self.call(&callable, &args) {
            Ok(v) => Outcome::Value(v),
            Err(e) => Outcome::Raised(e),
        }
    }

    /// Whether the tree of trace `t` holds for globals `g` before it is entered from a
    /// call in a trace: no check when it is the calling trace's own tree with the same
    /// globals (they held at its entry or after its last call, and nothing ran since).
    fn jit_func_pins_hold(&self, t: &Trace, g: &crate::value::Obj) -> bool {
        if let Some((c, cg)) = self.jit.fx.running.last()
            && Rc::ptr_eq(&c.tree, &t.tree)
            && Rc::ptr_eq(cg, g)
        {
            return true;
        }
        t.tree.holds(g)
    }

    /// Runs function trace `t` of `code` for a call whose `n` arguments are in slots
    /// `base..` of `src` (depth counted by the caller); at an exit, the frame is built and
    /// run by the interpreter.
    ///
    /// # Safety
    /// As [`Vm::jit_fn_call`]: the argument slots hold live words.
    unsafe fn jit_fn_native(
        &mut self,
        code: &Rc<Code>,
        t: &Rc<Trace>,
        src: *const u64,
        base: usize,
        n: usize,
        globals: &crate::value::Obj,
    ) -> PyResult<Value> {
        let nlocals = code.nlocalsplus;
        let Ok(nl32) = u32::try_from(nlocals) else {
            return Err(self.jit_internal("too many locals"));
        };
        // the buffer and `out` of this level, reused across calls (no zeroing: the trace
        // reads only the slots written here or by itself, the VM only the words it wrote)
        let words = 2 * buffer_slots(nl32);
        let mut mem = self.jit.fx.bufs.pop().unwrap_or_default();
        let want = words + self.jit.out_words.max(1);
        if mem.len() < want {
            mem.resize(want, 0);
        }
        let (buf, out) = mem.split_at_mut(words);
        for (k, s) in buf.chunks_exact_mut(2).take(nlocals).enumerate() {
            if k < n {
                // SAFETY: the contract: slot `base + k` of `src` is an argument's.
                unsafe {
                    s[0] = src.add(2 * (base + k)).read();
                    s[1] = src.add(2 * (base + k) + 1).read();
                }
            } else {
                s[0] = super::run::TAG_UNBOUND;
            }
        }
        let end = self.jit_func_run(t, buf, nl32, out, globals);
        if let FnEnd::Ret(v) = end {
            self.jit.fx.bufs.push(mem);
            return Ok(v);
        }
        let res = result_words(&mem, nl32);
        // SAFETY: the contract.
        let (frame, throw) =
            unsafe { self.jit_fn_frame(code, globals, src, base, n, end, mem.get(words..).unwrap_or(&[]), res) };
        self.jit.fx.bufs.push(mem);
        self.jit_fn_finish(frame, throw)
    }

    /// The frame of a call of `code` whose function trace ended with `end` (an exit, or a
    /// failed run: the frame starts at the beginning): the `n` arguments from slots `base..`
    /// of `src`, then the exit's snapshot from `out` (see [`Vm::jit_func_exit`] for `res`),
    /// and the exception to raise in it, if any.
    ///
    /// # Safety
    /// As [`Vm::jit_fn_call`]: the argument slots hold live words; `out` holds the exit's
    /// values as the trace wrote them.
    #[allow(clippy::too_many_arguments)]
    unsafe fn jit_fn_frame(
        &mut self,
        code: &Rc<Code>,
        globals: &crate::value::Obj,
        src: *const u64,
        base: usize,
        n: usize,
        end: FnEnd,
        out: &[u64],
        res: [u64; 2],
    ) -> (Box<Frame>, Option<PyErr>) {
        // the interpreter runs the call from the exit (or from the start)
        self.jit.fx.epoch = self.jit.fx.epoch.wrapping_add(1);
        let mut frame = self.acquire_frame(code, globals);
        for j in 0..n {
            // SAFETY: the contract (the caller still holds the arguments).
            let v = unsafe { slot_value(src.add(2 * (base + j)).read(), src.add(2 * (base + j) + 1).read()) };
            frame.locals.push(v);
        }
        frame.locals.resize(code.nlocalsplus, None);
        frame.stack.reserve(code.raw.max_stack as usize);
        let throw = match end {
            FnEnd::Exit(x, k) => self.jit_func_exit(&mut frame, &x, k, out, res).err(),
            _ => None,
        };
        (frame, throw)
    }

    /// Runs a frame made by [`Vm::jit_fn_frame`] to its return.
    fn jit_fn_finish(&mut self, mut frame: Box<Frame>, throw: Option<PyErr>) -> PyResult<Value> {
        crate::gc::maybe_collect();
        let r = self.run_frame(&mut frame, throw);
        self.release_frame(frame);
        Ok(r?.value)
    }

    /// A function recording ended without a trace (`reason`): counted against the function;
    /// [`MAX_FN_ABORTS`] aborts (or a loop in it) blacklist it.
    pub(crate) fn jit_func_abort(&mut self, code: &Code, reason: AbortReason) {
        let Ok(mut p) = code.fjit.phase.try_borrow_mut() else {
            return;
        };
        let threshold = self.jit.opts.threshold.max(1);
        // (the phase is `Recording` while the aborted recording ran: it carries the count)
        let aborts = match &*p {
            FnPhase::Counting { aborts, .. } | FnPhase::Recording { aborts } => *aborts,
            _ => 0,
        }
        .saturating_add(1);
        let _ = &*p;
        if aborts >= MAX_FN_ABORTS || reason == AbortReason::InnerLoop {
            *p = FnPhase::Blacklisted;
            code.fjit.countdown.set(u32::MAX);
            self.jit.counters.blacklisted += 1;
        } else {
            let th = threshold.saturating_mul(1 << aborts);
            *p = FnPhase::Counting { aborts, threshold: th };
            code.fjit.countdown.set(th);
        }
    }

    /// A function recording closed: compile and install it (a failure blacklists it).
    pub(crate) fn jit_func_finish(
        &mut self,
        built: Option<(taipan_jit::ir::Func, taipan_jit::backend::CompiledTrace)>,
        r: Box<Recording>,
        us: u64,
    ) {
        let Some((func, compiled)) = built else {
            self.jit.counters.compile_failures += 1;
            self.jit_func_abort(&r.code, AbortReason::InnerLoop);
            return;
        };
        self.jit.counters.compiled += 1;
        self.jit.fx.compiled += 1;
        self.jit.trace_compile_us.push(us);
        let pins = r.pins.take();
        let tree = Rc::new(Tree {
            pins: RefCell::new(pins.clone()),
            inval: super::inval::TreeInval::new(self.jit.invalidations.clone()),
            inline: Cell::new(0),
            sides: Cell::new(0),
            checked_run: Cell::new(0),
            runs: Cell::new(0),
            passes: None,
            redone: Cell::new(0),
            sink: Cell::new(false),
        });
        // the bindings it assumes become records (checked once now)
        super::inval::watch(&tree, pins.pins_from(0));
        let place = super::compile::Place {
            header: 0,
            depth: 0,
            root: true,
            entry_tags: Vec::new(),
            dead_tags: Vec::new(),
            level: 0,
        };
        let mut t = Trace::from_recording(compiled, func, &r, pins, tree, place);
        // (a function trace makes no opaque call and keeps no link words)
        t.py_calls = false;
        t.link_foreign = true;
        let t = Rc::new(t);
        self.jit.by_id.insert(t.compiled.id, t.clone());
        if let Ok(mut p) = r.code.fjit.phase.try_borrow_mut() {
            r.code.fjit.entry.set(t.compiled.code.entry() as u64);
            *p = FnPhase::Compiled(t);
        }
        r.code.fjit.ret_pc.set(first_return(&r.code));
        r.code.fjit.leaf.set(calls_nothing(&r.code));
        r.code.fjit.countdown.set(1);
    }

    /// The direct self-calls of a function recording's trace (`SelfCall`): calls of the
    /// recorded function itself (same code, same globals) jump straight into the tree's
    /// root trace, whose entry address `code.fjit.entry` holds once it is installed.
    pub(crate) fn jit_self_call(&self, r: &Recording) -> Option<taipan_jit::backend::SelfCall> {
        if !self.jit.opts.direct_calls || r.code.nlocalsplus > MAX_NATIVE_LOCALS {
            return None;
        }
        let func = r.pins.borrow().self_function(&r.code)?;
        Some(taipan_jit::backend::SelfCall {
            helper: taipan_jit::record::CALL_HELPER,
            exit_helper: FN_EXIT_HELPER,
            func,
            cell: r.code.fjit.entry.as_ptr() as usize,
            nlocals: u32::try_from(r.code.nlocalsplus).ok()?,
            out_words: u32::try_from(out_bound(&r.code)).ok()?,
        })
    }

    /// Registers the opaque calls of a compiled function trace (root or side).
    pub(crate) fn jit_func_register(&mut self, id: u32, r: &Recording) {
        if r.rec.is_func() || r.rec.makes_py_calls() {
            self.jit.fx.calls.insert(id, r.rec.call_pcs());
            let heights = r.rec.loop_call_heights();
            if !heights.is_empty() {
                self.jit.fx.loop_heights.insert(id, heights);
            }
        }
    }

    /// The record hook's check for a function recording: true when the instruction of
    /// frame `me` at this depth is not recorded (a frame of an opaque call's callee);
    /// `Some(abort)` when the recorded frame is gone.
    pub(crate) fn jit_func_foreign(&self, me: usize) -> Option<bool> {
        let r = self.jit.recording.as_ref()?;
        // (the recorded frame, or the frame of an inlined call still open that the opaque
        // call was made in; not a loop call's callee, whose inlined prologue has ended)
        let open = r.rec.inline_depth() as usize;
        if !r.rec.in_opaque_call() || me == r.frame || r.callees.iter().take(open).any(|&c| c == me) {
            return None;
        }
        Some(self.depth > self.jit.fx.rec_depth)
    }
}

/// The opaque-call helper of function traces (`fn_call(vm, func, buf, base, n) -> i64`,
/// see the module docs): calls function object word `fw` with the `n` arguments in slots
/// `base..` of `buf`; writes the result into slot `base` and returns its tag, or -1 when
/// the call raised, -2 when the caller's tree was invalidated meanwhile (the outcome is kept in the
/// Vm for the exit either way).
pub(crate) extern "C" fn fn_call(vm: u64, fw: u64, buf: u64, base: i64, n: i64) -> i64 {
    // SAFETY: `vm` is the address `jit_func_run` stored into the VM slot of the buffer of
    // the running trace: the Vm is alive and no reference into it is held while the trace
    // runs (see there); this helper is the only user until it returns.
    let vm = unsafe { &mut *(vm as *mut Vm) };
    let (Ok(base), Ok(n)) = (usize::try_from(base), usize::try_from(n)) else {
        return -1;
    };
    let slots = buf as *mut u64;
    let epoch = vm.jit.fx.epoch;
    // SAFETY: `fw` is the object word of a function the caller's pins keep alive (checked
    // at the trace's entry and after each call); the trace stored the `n <= 8` arguments
    // into its buffer's scratch slots `base..base + n` (object words are locals' values at
    // the trace's entry, alive: kept by the trace's caller).
    let r = unsafe { vm.jit_fn_call(fw, slots, base, n) };
    // (a call that ran only function traces ran no Python code: the pins still hold)
    // SAFETY: slot `base` is a scratch slot of the caller's buffer.
    unsafe { call_status(vm, r, vm.jit.fx.epoch == epoch, slots.add(2 * base)) }
}

/// The status of a call made for a trace (see [`fn_call`]): writes the result into the
/// slot at `res` (or the tag 255 when it raised or was not made), keeps the outcome, and
/// checks the calling trace's tree unless `same_epoch` (no Python code ran).
///
/// # Safety
/// `res` points at a 16-byte slot of the calling trace's buffer.
unsafe fn call_status(vm: &mut Vm, r: Outcome, same_epoch: bool, res: *mut u64) -> i64 {
    let hold = same_epoch
        || match vm.jit.fx.running.last() {
            Some((t, g)) => t.tree.holds(g),
            None => false,
        };
    // SAFETY: the contract.
    let status = unsafe { write_outcome(res, &r, hold) };
    vm.jit.fx.outcome = Some(r);
    status
}

/// Writes a call's outcome into the result slot at `res` (tag and payload words; tag 255
/// when it raised or was not made) and returns the status the trace guards: the result's
/// tag, -2 when the calling trace's tree no longer holds (`hold`), -1 without a result.
///
/// # Safety
/// `res` must be valid for writing two words.
unsafe fn write_outcome(res: *mut u64, r: &Outcome, hold: bool) -> i64 {
    match r {
        Outcome::Value(v) => {
            let [tag, w] = super::run::slot_words(Some(v));
            // SAFETY: the caller's contract.
            unsafe {
                res.write(tag);
                res.add(1).write(w);
            }
            if hold { tag as i64 } else { -2 }
        }
        Outcome::Raised(_) | Outcome::Redo(..) => {
            // SAFETY: the caller's contract.
            unsafe { res.write(255) };
            -1
        }
    }
}

/// The exit helper of direct calls (`fn_exit(vm, func, callee_buf, status, buf, base) ->
/// i64`, `taipan_jit::backend::SelfCall`): the callee, function object word `fw`, was run
/// directly on buffer `cb` (its arguments in its first slots, its `out` after the
/// buffer) and left through the exit `status` names. Its frame is built from the exit and
/// run by the interpreter, one level deeper; the result is written into slot `base` of
/// the caller's buffer `buf` and its tag returned, as [`fn_call`] does.
pub(crate) extern "C" fn fn_exit(vm: u64, fw: u64, cb: u64, status: u64, buf: u64, base: i64) -> i64 {
    // SAFETY: as in `fn_call`: the VM slot's address, no reference into the Vm held.
    let vm = unsafe { &mut *(vm as *mut Vm) };
    let Ok(base) = usize::try_from(base) else { return -1 };
    // SAFETY: `fw` names the calling trace's own function, kept alive by its pins.
    let callee = unsafe {
        super::helpers::with_obj(fw, |o| match &o.kind {
            ObjKind::Function(func) => Some((func.code.clone(), func.globals.clone())),
            _ => None,
        })
    };
    let res = (buf as *mut u64).wrapping_add(2 * base);
    let Some(Some((code, globals))) = callee else {
        let e = vm.jit_internal("a direct call of no function");
        // SAFETY: slot `base` of the caller's buffer.
        return unsafe { call_status(vm, Outcome::Raised(e), false, res) };
    };
    let (Ok(nl32), Some(n)) = (u32::try_from(code.nlocalsplus), code.fast_argcount) else {
        let e = vm.jit_internal("a direct call of an unexpected function");
        // SAFETY: as above.
        return unsafe { call_status(vm, Outcome::Raised(e), false, res) };
    };
    let words = 2 * buffer_slots(nl32);
    let src = cb as *const u64;
    let end = vm.jit_func_decode(status);
    // the words of `out` the exit wrote (its snapshot's; the direct call does not clear
    // the area, so no other word is read)
    let written = match &end {
        FnEnd::Exit(x, k) => x
            .compiled
            .exits
            .get(*k)
            .and_then(|info| x.func.snaps.get(info.snap.index()))
            .map_or(0, |s| s.words()),
        _ => 0,
    }
    .min(out_bound(&code));
    // SAFETY: the direct call's area: the callee's buffer of `buffer_slots` slots (its
    // arguments in slots `0..n`, as the caller copied them: live words; its result slot,
    // set before the call), then its `out` of `out_bound` words, whose first `written`
    // the exit wrote.
    let (out, res_words) = unsafe {
        let out = std::slice::from_raw_parts(src.add(words), written);
        let rs = 2 * args_slot(nl32) as usize;
        (out.to_vec(), [src.add(rs).read(), src.add(rs + 1).read()])
    };
    vm.depth += 1;
    // SAFETY: as above.
    let (frame, throw) = unsafe { vm.jit_fn_frame(&code, &globals, src, 0, n, end, &out, res_words) };
    let r = vm.jit_fn_finish(frame, throw);
    vm.depth -= 1;
    let r = match r {
        Ok(v) => Outcome::Value(v),
        Err(e) => Outcome::Raised(e),
    };
    // SAFETY: slot `base` of the caller's buffer.
    unsafe { call_status(vm, r, false, res) }
}

/// The words of slot `args_slot` of a function buffer `mem` (see [`Vm::jit_func_exit`]).
fn result_words(mem: &[u64], nlocals: u32) -> [u64; 2] {
    let rs = 2 * args_slot(nlocals) as usize;
    [
        mem.get(rs).copied().unwrap_or(255),
        mem.get(rs + 1).copied().unwrap_or(0),
    ]
}

/// Whether `code` makes no call (no `CALL`/`CALL_METHOD`): a *leaf* function.
fn calls_nothing(code: &Code) -> bool {
    !code.raw.instructions.iter().any(|i| {
        matches!(
            i.op,
            taipan_bytecode::Opcode::Call | taipan_bytecode::Opcode::CallMethod
        )
    })
}

/// Whether `code` has a backward jump (a loop: left to loop traces).
fn has_back_edge(code: &Code) -> bool {
    code.raw
        .instructions
        .iter()
        .enumerate()
        .any(|(i, ins)| ins.op.is_jump() && (ins.arg as usize) <= i)
}

/// The index of the first `RETURN_VALUE` of `code` (where a frame whose trace returned
/// continues, its result on the stack).
fn first_return(code: &Code) -> usize {
    code.raw
        .instructions
        .iter()
        .position(|i| i.op == taipan_bytecode::Opcode::ReturnValue)
        .unwrap_or(0)
}

/// Arguments of an opaque call [`py_call`] gathers on the stack (more go into a vector).
const SMALL_ARGS: usize = 4;

/// Argument `k` of an opaque call, from the call area at `a` (`None`: the slot holds no
/// value).
///
/// # Safety
/// `a` is the VM's call area (see [`py_call`]) and `k` below `record::AREA_SLOTS -
/// AREA_ARGS`; the trace stored argument `k` into its slot (its object words are values it
/// holds, alive as the callable's).
unsafe fn area_arg(a: *mut u64, k: usize) -> Option<Value> {
    let s = 2 * (taipan_jit::record::AREA_ARGS as usize + k);
    // SAFETY: the caller's contract.
    unsafe { slot_value(a.add(s).read(), a.add(s + 1).read()) }
}

/// The call area's context words 0..6 (`JitState::call_area`, written by `jit_enter`): the
/// Vm's address, the running frame's code, its globals' word, the running tree, the link
/// mark and the running frame's address. Saved by the helpers that make a call (a nested
/// run writes its own) and put back with [`write_ctx`].
///
/// # Safety
///
/// `a` is the VM's call area (at least six words).
unsafe fn read_ctx(a: *const u64) -> [u64; 6] {
    // SAFETY: the caller's contract
    unsafe { std::array::from_fn(|k| a.add(k).read()) }
}

/// Whether the running tree still holds (not invalidated, `Tree::holds`) after a
/// call that may have run Python code (context words 3 and 2 of [`read_ctx`]).
///
/// # Safety
///
/// `ctx` holds the context words of the running call area: word 2 is the running frame's
/// globals (alive: the frame holds them) and word 3 the running tree (alive: `by_id` keeps
/// every trace and its tree while the Vm lives).
unsafe fn pins_hold(ctx: &[u64; 6]) -> bool {
    // SAFETY: the caller's contract
    unsafe {
        let tree = &*(ctx[3] as *const super::Tree);
        super::helpers::with_obj(ctx[2], |g| tree.holds(g)).unwrap_or(false)
    }
}

/// Puts back the context words saved by [`read_ctx`].
///
/// # Safety
///
/// As [`read_ctx`].
unsafe fn write_ctx(a: *mut u64, ctx: &[u64; 6]) {
    for (k, w) in ctx.iter().enumerate() {
        // SAFETY: the caller's contract
        unsafe { a.add(k).write(*w) };
    }
}

/// The opaque-call helper of loop traces (`py_call(area, callable, n) -> i64`,
/// `taipan_jit::record`'s `pycall.rs`): calls the object word `cw` with the `n` arguments in
/// the call area's argument slots through `Vm::call`, writes the result into the area's
/// result slot and keeps the outcome; returns the result's tag, -1 when the call raised,
/// -2 when the running tree was invalidated meanwhile (Python code rebound a global or
/// changed a class it assumes: `jit_inval.rs`). In a run that linked (word 4 of the area) it makes no call
/// (the outcome is `Redo`, status -1): a link may have handed the running trace object
/// words only the entry buffer holds, which the callee could free.
pub(crate) extern "C" fn py_call(area: u64, cw: u64, n: i64) -> i64 {
    use taipan_jit::record::AREA_RESULT;
    let a = area as *mut u64;
    if n >> 8 & 1 == 0 && n & 0xff <= 2 {
        // SAFETY: as below (`area` is the running call area, `cw` a live callable's word).
        if let Some(status) = unsafe { list_call::py_call_list(a, cw, (n & 0xff) as usize) } {
            return status;
        }
    }
    // SAFETY: `area` is the VM's call area (`JitState::call_area`, a boxed slice alive as
    // long as the Vm and its traces); `jit_enter` stored the Vm's address, the running
    // frame's code, its globals' word, the running tree, the link mark and the frame's
    // address in words 0..5 before running the trace, and no reference into the Vm is held while the trace runs.
    let ctx = unsafe { read_ctx(a) };
    // SAFETY: as above.
    let vm = unsafe { &mut *(ctx[0] as *mut Vm) };
    let extra = n >> 8 & 1 == 1;
    // (a call made inside inlined calls: the interpreter would have that many more frames,
    // bits 48.., `record/mframe.rs`)
    let frames = usize::try_from(n >> 48 & 0xff).unwrap_or(0);
    // (the `CALL`'s index + 1 from bit 16, 0: unknown)
    let at = usize::try_from(n >> 16 & 0xffff_ffff)
        .ok()
        .and_then(|k| k.checked_sub(1));
    let Ok(n) = usize::try_from(n & 0xff) else { return -1 };
    // SAFETY: the callable's word is a value the trace holds: a local's at the entry, a
    // known object kept alive by its pin, or a word the recorder checked survives.
    let callable = unsafe { restore_obj(cw) };
    // the arguments: up to `SMALL_ARGS` in an array on the stack (no allocation per call:
    // `bench/programs/mandelbrot.py` calls `escape_count(cr, ci, limit)` once per point),
    // more in a vector (a bound list method took `list_call::py_call_list` above)
    let small: [Value; SMALL_ARGS];
    let big: Vec<Value>;
    let args: &[Value] = if n <= SMALL_ARGS {
        // (an argument slot without a value leaves the count short: the call is not made)
        let mut got = 0;
        small = std::array::from_fn(|k| {
            // SAFETY: argument `k < n` of this call (see `area_arg`).
            let v = if k < n { unsafe { area_arg(a, k) } } else { None };
            got += usize::from(v.is_some());
            v.unwrap_or(Value::None)
        });
        small.get(..got).unwrap_or(&[])
    } else {
        // SAFETY: as above.
        big = (0..n).filter_map(|k| unsafe { area_arg(a, k) }).collect();
        &big
    };
    let r = match callable {
        Some(c) if args.len() == n && ctx[4] != 0 => {
            // the run linked: the interpreter makes the call (see `jit_enter`'s call area)
            let mut v = Vec::with_capacity(n + 1);
            if extra {
                v.push(Value::Obj(vm.null_marker.clone()));
            }
            v.extend_from_slice(args);
            Outcome::Redo(c, v)
        }
        Some(c) if args.len() == n => {
            vm.jit.fx.epoch = vm.jit.fx.epoch.wrapping_add(1);
            // (links of this run re-check their targets' trees: see `jit_enter`)
            vm.jit.runs = vm.jit.runs.wrapping_add(1);
            vm.jit.counters.py_calls += 1;
            let r = match (&c, at) {
                // SAFETY: word 1 is the running frame's code (alive: the frame holds it),
                // whose instruction `at` is this `CALL` (opaque calls are made only in the
                // trace's own frame).
                (Value::Obj(t), Some(at)) if !extra && matches!(t.kind, ObjKind::Type(_)) => unsafe {
                    class_call(vm, &*(ctx[1] as *const Code), at, &c, args)
                },
                _ => None,
            };
            let r = match r {
                Some(r) => r,
                None => {
                    vm.depth += frames;
                    let r = vm.call(&c, args);
                    vm.depth -= frames;
                    r
                }
            };
            match r {
                Ok(v) => Outcome::Value(v),
                Err(e) => Outcome::Raised(e),
            }
        }
        _ => Outcome::Raised(vm.jit_internal("an opaque call without a callable or an argument")),
    };
    // (a nested run may have used the area: the outer run's context goes back)
    // SAFETY: the area, as above.
    unsafe { write_ctx(a, &ctx) };
    // SAFETY: the context words of the running call area (`read_ctx` above).
    let hold = unsafe { pins_hold(&ctx) };
    let res = a.wrapping_add(2 * AREA_RESULT as usize);
    // SAFETY: the area's result slot.
    let status = unsafe { write_outcome(res, &r, hold) };
    vm.jit.fx.outcome = Some(r);
    status
}

/// The loop-call helper of loop traces (`loop_call(area, function, k) -> i64`,
/// `taipan_jit::record`'s `pycall.rs`, "Loop calls"): the trace ran the prologue of plain
/// function `fw` (its call inlined) up to the header of its first loop, whose compiled root
/// trace takes first arrivals, and stored the callee's bound locals (numbers and None) into
/// the call area from `AREA_LOOP` and the call's arguments from `AREA_ARGS`. `k`: the
/// header in bits 0..24, the number of arguments in bits 24..28, a NULL marker below the
/// callable in bit 30, the bound locals' mask from bit 32 (bit `s`: slot `s`).
///
/// Runs the loop's trace on those locals — without a frame when nothing else can run
/// (`Vm::loop_call_fast`), else on the callee's frame built at the header (`Vm::jit_enter`,
/// as a first arrival would) —; when the run leaves at a `return` of a local or a constant
/// (`run::return_at`), that value is the result, else the interpreter finishes the frame.
/// The result, the status and the kept outcome are those of [`py_call`], and so is a call
/// not made in a run that linked (the callable and the arguments go back to the
/// interpreter, which makes the call).
pub(crate) extern "C" fn loop_call(area: u64, fw: u64, k: i64) -> i64 {
    use taipan_jit::record::{AREA_LOOP, AREA_RESULT, LOOP_MAX_LOCALS};
    let a = area as *mut u64;
    // SAFETY: as in `py_call`: the VM's call area, its context words written by `jit_enter`
    // (all six go back after a nested run, the frame's address for `@sink_put` included).
    let ctx = unsafe { read_ctx(a) };
    // SAFETY: as in `py_call`.
    let vm = unsafe { &mut *(ctx[0] as *mut Vm) };
    let header = (k & 0xff_ffff) as usize;
    let nargs = (k >> 24 & 0xf) as usize;
    let extra = k >> 30 & 1 == 1;
    let mask = (k >> 32) as u32;
    if fw == 0 {
        return -1;
    }
    // without a frame when nothing but the loop's trace can run (`Vm::loop_call_fast`),
    // on the function's borrowed word (no count taken); `None`: the call is not made here
    // SAFETY: `fw` is the word of a known object of the trace, kept alive by its pin.
    let fast = unsafe {
        with_obj(fw, |callable| match &callable.kind {
            ObjKind::Function(func) if ctx[4] == 0 && func.code.nlocalsplus <= LOOP_MAX_LOCALS as usize => {
                vm.jit.fx.epoch = vm.jit.fx.epoch.wrapping_add(1);
                vm.jit.runs = vm.jit.runs.wrapping_add(1);
                vm.jit.counters.py_calls += 1;
                // SAFETY: the area holds the callee's bound locals (numbers and None) from
                // `AREA_LOOP`, and `n <= LOOP_MAX_LOCALS`.
                Some(vm.loop_call_fast(&func.globals, &func.code, header, a, mask))
            }
            _ => None,
        })
    }
    .flatten();
    if let Some(Some(LoopCallEnd::Returned(v, true))) = fast {
        // a run of the loop's trace alone that dropped nothing ran no Python code: the
        // area's context words are as they were and the caller's pins need no check
        let res = a.wrapping_add(2 * AREA_RESULT as usize);
        let r = Outcome::Value(v);
        // SAFETY: the area's result slot.
        let status = unsafe { write_outcome(res, &r, true) };
        vm.jit.fx.outcome = Some(r);
        return status;
    }
    // SAFETY: as above.
    let Some(callable) = (unsafe { restore_obj(fw) }) else {
        return -1;
    };
    let (func, fast) = match (callable.kind(), fast) {
        (Some(ObjKind::Function(func)), Some(fast)) => (func, fast),
        _ => {
            // not made (the run linked, see `py_call`): the interpreter makes the call
            // with the arguments the trace stored
            let mut args = Vec::with_capacity(nargs + 1);
            if extra {
                args.push(Value::Obj(vm.null_marker.clone()));
            }
            // SAFETY: the trace stored the call's `nargs <= PY_MAX_ARGS` arguments.
            args.extend((0..nargs).filter_map(|j| unsafe { area_arg(a, j) }));
            let r = Outcome::Redo(callable.clone(), args);
            let res = a.wrapping_add(2 * AREA_RESULT as usize);
            // SAFETY: the area's result slot.
            let status = unsafe { write_outcome(res, &r, true) };
            vm.jit.fx.outcome = Some(r);
            return status;
        }
    };
    let code = func.code.clone();
    let n = code.nlocalsplus;
    let quiet = matches!(fast, Some(LoopCallEnd::Returned(_, true)));
    let r = match fast {
        Some(LoopCallEnd::Returned(v, _)) => Ok(v),
        // (the locals are read from the area before anything runs: a nested run uses it)
        end => {
            let mut frame = vm.acquire_frame(&code, &func.globals);
            frame.locals.reserve(n);
            for slot in 0..n {
                let w = match &end {
                    Some(LoopCallEnd::Exit(_, _, buf, _) | LoopCallEnd::Failed(buf)) => {
                        buf.get(2 * slot..2 * slot + 2).map(|w| [w[0], w[1]])
                    }
                    _ if mask >> slot & 1 == 1 => {
                        let s = 2 * (AREA_LOOP as usize + slot);
                        // SAFETY: the trace stored this local (a number or None: no object
                        // word) into its slot of the area, within `AREA_SLOTS` (`n <=
                        // LOOP_MAX_LOCALS`).
                        Some(unsafe { [a.add(s).read(), a.add(s + 1).read()] })
                    }
                    _ => None,
                };
                // SAFETY: the words hold no object word (numbers, None or unbound).
                frame.locals.push(w.and_then(|[t, w]| unsafe { slot_value(t, w) }));
            }
            frame.ip = header;
            vm.depth += 1;
            let r = match vm.check_stack() {
                Ok(()) => match end {
                    Some(LoopCallEnd::Exit(t, k, buf, out)) => {
                        let next = vm.loop_call_finish(&mut frame, &code, &t, k, &out);
                        vm.jit.loop_buf = (buf, out);
                        vm.loop_call_resume(&mut frame, &code, next)
                    }
                    Some(LoopCallEnd::Failed(_)) => vm.run_frame(&mut frame, None).map(|x| x.value),
                    _ => vm.loop_call_run(&mut frame, &code),
                },
                Err(e) => Err(e),
            };
            vm.depth -= 1;
            vm.release_frame(frame);
            r
        }
    };
    let r = match r {
        Ok(v) => Outcome::Value(v),
        Err(e) => Outcome::Raised(e),
    };
    // (a nested run may have used the area: the outer run's context goes back)
    // SAFETY: the area, as above.
    unsafe { write_ctx(a, &ctx) };
    // SAFETY: as in `py_call`.
    let hold = quiet || unsafe { pins_hold(&ctx) };
    let res = a.wrapping_add(2 * AREA_RESULT as usize);
    // SAFETY: the area's result slot.
    let status = unsafe { write_outcome(res, &r, hold) };
    vm.jit.fx.outcome = Some(r);
    status
}

impl Vm {
    /// The body of [`loop_call`]: runs `frame` (a plain function's, stopped at the header
    /// of its first loop) to its return, entering the loop's trace first when it may run.
    fn loop_call_run(&mut self, frame: &mut Frame, code: &Rc<Code>) -> PyResult<Value> {
        let header = frame.ip;
        let t = code
            .loops
            .takes_first(header)
            .then(|| u32::try_from(header).ok().and_then(|h| code.loops.compiled(h)))
            .flatten();
        if let Some(t) = t
            && frame.stack.len() == t.depth
            && self.jit_may_enter(frame, code, &t)
        {
            if Vm::jit_dead_tags_hold(frame, &t) {
                let next = self.jit_enter(frame, code, &t, true);
                return self.loop_call_resume(frame, code, next);
            }
            self.jit_entry_failed(code, &t, true);
        }
        Ok(self.run_frame(frame, None)?.value)
    }

    /// The rest of a loop call after its trace ran on `frame`: continues at `next` (or
    /// where a side recording starts, `SWITCH_IP`), raising first an exception an exit
    /// through an opaque call's snapshot keeps; a `return` of a local or a constant there
    /// gives its value without the interpreter.
    fn loop_call_resume(&mut self, frame: &mut Frame, code: &Code, next: usize) -> PyResult<Value> {
        // (a side recording that starts leaves `ip` where it starts)
        self.jit.switch = false;
        if next != super::SWITCH_IP {
            frame.ip = next;
        }
        // an exit through an opaque call's snapshot whose call raised: raised at the `CALL`
        // (`ip` past it)
        let throw = self.jit.raise.take();
        if !self.jit.mframes.is_empty() {
            // (an exit that resumes mid-callee: `jit_mframe.rs`)
            return Ok(self.run_frame_resumed(frame, throw)?.value);
        }
        if throw.is_none()
            && self.jit.recording.is_none()
            && let Some(v) = return_now(frame, code)
        {
            return Ok(v);
        }
        Ok(self.run_frame(frame, throw)?.value)
    }
}

/// The value frame `f` returns at once when it resumes at a `return` of a local or a
/// constant, directly or through a conditional jump on the only stack entry, a bool
/// ([`super::run::return_at`]).
fn return_now(f: &Frame, code: &Code) -> Option<Value> {
    let top = match f.stack.as_slice() {
        [] => None,
        [Value::Bool(b)] => Some(*b),
        _ => return None,
    };
    match super::run::return_at(code, f.ip, top)? {
        (super::run::ReturnOf::Local, s) => f.locals.get(s)?.clone(),
        (super::run::ReturnOf::Const, c) => code.consts.get(c).cloned(),
    }
}

/// A call of class `c` with `args` through the inline cache of `CALL` `at` of `code`, as the
/// interpreter's specialized path makes it (`Vm::call_class_cached`: the instance built
/// directly, a Python `__init__` run on a bound frame); `None` when the cache does not
/// apply (the caller makes the generic call). `__init__` must return None, as the
/// interpreter's `return_from_init` checks.
fn class_call(vm: &mut Vm, code: &Code, at: usize, c: &Value, args: &[Value]) -> Option<PyResult<Value>> {
    let mut stack = Vec::with_capacity(args.len() + 1);
    stack.push(c.clone());
    stack.extend(args.iter().cloned());
    match vm.call_class_cached(code, at, &mut stack, args.len()) {
        Ok(crate::interp::specialize::ClassCall::Generic) => None,
        Ok(crate::interp::specialize::ClassCall::Done(v)) => Some(Ok(v)),
        Ok(crate::interp::specialize::ClassCall::Init(frame)) => {
            let obj = stack.first().cloned().unwrap_or(Value::None);
            Some(vm.execute_frame(frame).and_then(|r| {
                if r.is_none() {
                    Ok(obj)
                } else {
                    let tn = vm.type_name(&r);
                    Err(vm.type_error(format!("__init__() should return None, not '{tn}'")))
                }
            }))
        }
        Err(e) => Some(Err(e)),
    }
}

/// `py_take(area) -> own ptr`: the object a [`py_call`] returned (kept in the outcome),
/// handed to the trace as an owned word; 0 when there is none (never: the trace calls it
/// after guarding the result's tag).
pub(crate) extern "C" fn py_take(area: u64) -> u64 {
    // SAFETY: as in `py_call`: word 0 of the call area is the Vm's address.
    let vm = unsafe { &mut *((area as *const u64).read() as *mut Vm) };
    match vm.jit.fx.outcome.take() {
        Some(Outcome::Value(Value::Obj(o))) => super::helpers::give_obj(o),
        other => {
            vm.jit.fx.outcome = other;
            0
        }
    }
}
