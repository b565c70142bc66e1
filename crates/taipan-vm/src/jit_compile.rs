//! Compiling closed recordings (`jit.rs` step 3): optimize, check, lower, run Cranelift,
//! install — and, with `--jit-async=on` (off by default), run Cranelift on a second thread.
//!
//! # Background compilation
//! A closed recording is optimized, checked and lowered to a Cranelift function on the VM's
//! thread ([`Vm::jit_build_start`]); the function goes to the compilation thread
//! (`taipan_jit::backend::worker`) and the VM carries on: the loop keeps running in the
//! interpreter (its state stays `Recording`), a side trace's exit keeps exiting, a function
//! keeps being interpreted. The trace waiting for its code is [`JitState::compiling`]; while
//! it is set no recording starts (root, side or function), so at most one trace is in
//! flight and nothing recorded can depend on a trace that does not exist yet. At the next
//! safe point after the code is ready — a back-edge the JIT sees or a function entry that
//! asks it, exactly where a recording may close — [`Vm::jit_poll`] installs it
//! ([`Vm::jit_build_end`]: arena copy, relocations, seal, a bridge slot for a side trace,
//! whose parent is checked again) and finishes as a synchronous compilation does.
//! Everything a trace's code assumes is checked when it runs (entry guards) or when it is
//! installed (its pins, checked once and registered as records whose changes invalidate
//! the tree from then on: `jit_inval.rs`), so installing it later changes no behaviour;
//! the objects its code names stay alive through the recording's pins, kept with it.
//!
//! `--jit-async=off` compiles when the recording closes (the trace is installed at once);
//! `--jit-async=wait` compiles on the thread but waits for it at the first safe point: the
//! deferred installation at a deterministic point, which the JIT test mode of the
//! `tests/run` corpus uses (`crates/taipan-cli/tests/run.rs`).
//!
//! Time accounting (`--jit-stats`): `compile: total_us` and the per-trace figures are the
//! VM thread's time (recording, optimizing, lowering, installing); `backend_us` is
//! Cranelift's time wherever it ran plus installing; `async=` counts the compilations that
//! went to the thread.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Instant;

use taipan_jit::backend::ClifFunction as Function;
use taipan_jit::backend::isa::Tier;
use taipan_jit::backend::link::{DEFAULT_HOT_EXIT, PendingTrace, TraceSet};
use taipan_jit::backend::worker::CodegenWorker;
use taipan_jit::backend::{Backend, Codegen, CompileError, CompiledTrace, HelperTable, LowerOptions};
use taipan_jit::ir::Func;

use super::{AsyncMode, LoopState, MAX_SIDE_ABORTS, Recording, Trace, Tree, func, helpers, snapshots_restorable};
use crate::vm::Vm;

/// What kind of recording closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A loop's root trace.
    Root,
    /// A side trace for its parent's exit.
    Side,
    /// A function trace.
    Func,
}

/// A closed recording whose machine code is being made on the compilation thread
/// ([`JitState::compiling`](super::JitState)).
pub(crate) struct Compiling {
    kind: Kind,
    /// The recording (its pins keep the objects the code names alive).
    r: Box<Recording>,
    /// The optimized IR.
    opt: Func,
    /// The trace waiting for its code.
    pending: PendingTrace,
    /// The helpers its relocations resolve against.
    table: HelperTable,
    /// The VM thread's time on it so far (recording, optimizing, lowering), µs.
    main_us: u64,
}

/// How [`Vm::jit_build_start`] left a closed trace.
enum Start {
    /// Nothing to install (optimization, checks or lowering failed).
    Failed,
    /// Compiled here: install it now.
    Ready(Func, PendingTrace, Box<Result<Codegen, CompileError>>, HelperTable),
    /// On the compilation thread.
    Submitted(Func, PendingTrace, HelperTable),
}

/// Where a new trace sits in its tree ([`Trace::from_recording`]).
pub(super) struct Place {
    /// The loop header of the tree's root (0 for a function trace).
    pub(super) header: u32,
    /// The operand stack depth there.
    pub(super) depth: usize,
    /// A root trace (else a side trace).
    pub(super) root: bool,
    /// A root loop trace's entry tags (empty otherwise).
    pub(super) entry_tags: Vec<(u32, taipan_jit::ir::Tag)>,
    /// A root loop trace's locals dead at the entry, with their tags (`Recorder::dead_tags`;
    /// empty otherwise).
    pub(super) dead_tags: Vec<(u32, taipan_jit::ir::Tag)>,
    /// 0 for a root, the parent's plus 1 for a side trace.
    pub(super) level: u8,
}

impl Trace {
    /// A trace from a closed recording `r`, its optimized IR and its machine code, with its
    /// pins and tree, placed in its tree as `place` says; no exit tried, no link resolved.
    pub(super) fn from_recording(
        compiled: CompiledTrace,
        func: Func,
        r: &Recording,
        pins: super::globals::Pins,
        tree: Rc<Tree>,
        place: Place,
    ) -> Trace {
        let nexits = compiled.exits.len();
        Trace {
            compiled,
            func,
            header: place.header,
            depth: place.depth,
            entry_fails: Cell::new(0),
            first_fails: Cell::new(0),
            pins,
            tree,
            root: place.root,
            entry_tags: place.entry_tags,
            dead_tags: place.dead_tags,
            tries: RefCell::new(vec![0; nexits]),
            level: place.level,
            bytecodes: r.rec.recorded_len(),
            link_run: Cell::new(0),
            link_to: Cell::new(0),
            link_entry: Cell::new(None),
            link_tree: Cell::new(0),
            py_calls: r.rec.holds_owned(),
            link_foreign: r.rec.link_stores_foreign(),
            frame_calls: r.rec.inlined_call_sites(),
            loop_returns: std::cell::OnceCell::new(),
        }
    }
}

/// Microseconds since `t`.
fn elapsed_us(t: Instant) -> u64 {
    u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX)
}

impl Vm {
    /// A recording closed: optimize, check and compile the trace and install it (a root
    /// trace for its loop, a side trace at its parent's exit, a function trace for its
    /// code), now or — with background compilation — at a later safe point
    /// ([`Vm::jit_poll`]).
    pub(super) fn jit_finish(&mut self, func: Func) {
        let Some(r) = self.jit.recording.take() else {
            return;
        };
        let kind = if r.side.is_some() {
            Kind::Side
        } else if r.rec.is_func() {
            Kind::Func
        } else {
            self.jit.counters.closed += 1;
            Kind::Root
        };
        if kind == Kind::Func {
            self.jit.counters.closed += 1;
        }
        let (tag, attach) = match kind {
            Kind::Root => ("t", false),
            Kind::Side => ("s", true),
            Kind::Func => ("f", false),
        };
        match self.jit_build_start(func, &r, tag, attach) {
            Start::Failed => {
                let us = elapsed_us(r.started);
                self.jit_done(kind, r, None, us);
            }
            Start::Ready(opt, pending, cg, table) => {
                let built = self.jit_build_end(opt, &r, pending, *cg, &table);
                let us = elapsed_us(r.started);
                self.jit_done(kind, r, built, us);
            }
            Start::Submitted(opt, pending, table) => {
                let main_us = elapsed_us(r.started);
                if kind == Kind::Func {
                    // (the function's calls keep asking the JIT, so they reach a safe point)
                    r.code.fjit.ask_each_call();
                }
                self.jit.counters.async_compiles += 1;
                self.jit.compiling = Some(Compiling {
                    kind,
                    r,
                    opt,
                    pending,
                    table,
                    main_us,
                });
            }
        }
    }

    /// The machine code of the trace being compiled in the background is ready (with
    /// `--jit-async=wait`: wait for it): install it and finish as [`Vm::jit_finish`] does.
    /// Called at safe points — a back-edge the JIT sees, a function entry asking the JIT —
    /// while [`JitState::compiling`] is set: no trace of this run is being entered or
    /// recorded there, as at the end of a recording.
    pub(super) fn jit_poll(&mut self) {
        let wait = self.jit.opts.async_compile == AsyncMode::Wait;
        let Some(cg) = self.jit.worker.as_mut().and_then(|w| w.poll(wait)) else {
            if self.jit.worker.as_ref().is_none_or(|w| !w.busy()) {
                // (nothing in flight after all: never leave a recording blocked)
                if let Some(c) = self.jit.compiling.take() {
                    self.jit_done(c.kind, c.r, None, c.main_us);
                }
            }
            return;
        };
        let Some(c) = self.jit.compiling.take() else { return };
        let start = Instant::now();
        let built = self.jit_build_end(c.opt, &c.r, c.pending, cg, &c.table);
        let us = c.main_us.saturating_add(elapsed_us(start));
        self.jit_done(c.kind, c.r, built, us);
    }

    /// Finishes a closed recording with its trace (`None`: it failed) and the main thread's
    /// time spent on it, µs.
    fn jit_done(&mut self, kind: Kind, r: Box<Recording>, built: Option<(Func, CompiledTrace)>, us: u64) {
        self.jit.counters.compile_us = self.jit.counters.compile_us.saturating_add(us);
        match kind {
            Kind::Root => self.jit_root_done(r, built, us),
            Kind::Side => self.jit_side_done(r, built),
            Kind::Func => self.jit_func_finish(built, r, us),
        }
    }

    /// A root recording's trace (`None`: it failed, which blacklists the loop) is installed
    /// for its loop.
    fn jit_root_done(&mut self, r: Box<Recording>, built: Option<(Func, CompiledTrace)>, us: u64) {
        let trace = built.map(|(func, compiled)| Rc::new(self.jit_root_trace(func, compiled, &r)));
        if let Some(t) = &trace {
            self.jit.by_id.insert(t.compiled.id, t.clone());
        }
        let ok = trace.is_some();
        if ok {
            self.jit.counters.compiled += 1;
            self.jit.trace_compile_us.push(us);
        } else {
            self.jit.counters.compile_failures += 1;
            self.jit.counters.blacklisted += 1;
        }
        let threshold = self.jit.opts.threshold.max(1);
        // (entered at first arrivals too, until they keep failing its entry guards)
        r.code.loops.set_first(r.header, ok);
        r.code.loops.with(r.header, threshold, |e| {
            e.state = match trace {
                Some(t) => LoopState::Compiled(t),
                None => LoopState::Blacklisted,
            };
        });
    }

    /// Optimizes, checks and lowers a closed trace under the name `{code}_pc{pc}_{tag}N`
    /// (a root or function trace with `attach` false, else a side trace to attach to its
    /// parent's exit), then runs Cranelift on it here or hands it to the compilation
    /// thread ([`Start`]); [`Vm::jit_build_end`] installs it. Traces are compiled at
    /// [`Tier::Quick`] (`backend/isa.rs`), root and function traces at [`Tier::Speed`] with
    /// `--jit-egraph=on`.
    fn jit_build_start(&mut self, func: Func, r: &Recording, tag: &str, attach: bool) -> Start {
        let tier = if attach || !self.jit.opts.egraph {
            Tier::Quick
        } else {
            Tier::Speed
        };
        match self.jit_lower(func, r, tag, attach) {
            None => Start::Failed,
            Some((opt, clif, pending, table)) => {
                if self.jit.opts.async_compile != AsyncMode::Off && self.jit_worker() {
                    let disasm = self.jit.dump.as_ref().is_some_and(|d| d.asm);
                    if let Some(w) = self.jit.worker.as_mut() {
                        match w.submit(clif, disasm, tier) {
                            Ok(()) => return Start::Submitted(opt, pending, table),
                            Err(clif) => {
                                let cg = self.jit_codegen_here(*clif, tier);
                                return Start::Ready(opt, pending, Box::new(cg), table);
                            }
                        }
                    }
                    Start::Failed
                } else {
                    let cg = self.jit_codegen_here(clif, tier);
                    Start::Ready(opt, pending, Box::new(cg), table)
                }
            }
        }
    }

    /// Cranelift on this thread, at `tier`.
    fn jit_codegen_here(&mut self, clif: Function, tier: Tier) -> Result<Codegen, CompileError> {
        match self.jit.set.as_mut() {
            Some(set) => set.codegen_tier(clif, tier),
            None => Err(CompileError::Codegen("no backend".to_string())),
        }
    }

    /// The compilation thread, started at the first background compilation (`false`: it
    /// cannot be started, or Cranelift panicked on it: compile here from then on).
    fn jit_worker(&mut self) -> bool {
        if self.jit.worker.is_none() && !self.jit.worker_failed {
            match self
                .jit
                .set
                .as_ref()
                .map(|s| CodegenWorker::spawn(s.backend().isa_handle(), s.backend().quick_isa_handle()))
            {
                Some(Ok(w)) => self.jit.worker = Some(w),
                _ => self.jit.worker_failed = true,
            }
        }
        self.jit.worker.as_ref().is_some_and(|w| w.alive())
    }

    /// Optimizes, checks and lowers a closed trace (see [`Vm::jit_build_start`]): the
    /// optimized IR, its Cranelift function, the trace waiting for its code and the helper
    /// table its relocations resolve against; `None` on any failure.
    fn jit_lower(
        &mut self,
        func: Func,
        r: &Recording,
        tag: &str,
        attach: bool,
    ) -> Option<(Func, Function, PendingTrace, HelperTable)> {
        let name = format!("{}_pc{}_{tag}{}", r.code.raw.name, r.rec.start_pc(), self.jit.next_name);
        if let Some(d) = &mut self.jit.dump {
            if let Some(log) = &r.log {
                d.block("bytecode", &name, &log.join("\n"));
            }
            if d.trace {
                d.block("trace", &name, &func.to_string());
            }
        }
        let record_us = u64::try_from(r.started.elapsed().as_micros()).unwrap_or(u64::MAX);
        self.jit.counters.record_us = self.jit.counters.record_us.saturating_add(record_us);
        let opt_start = std::time::Instant::now();
        let opt = taipan_jit::opt::pipeline(&func);
        let opt_us = u64::try_from(opt_start.elapsed().as_micros()).unwrap_or(u64::MAX);
        self.jit.counters.opt_us = self.jit.counters.opt_us.saturating_add(opt_us);
        if let (Some(d), Err(e)) = (&mut self.jit.dump, &opt) {
            d.block("opt", &name, &format!("optimization failed: {e}"));
        }
        let mut opt = opt.ok()?;
        let nlocals = u32::try_from(r.code.nlocalsplus).ok()?;
        let depth = u32::try_from(r.depth).ok()?;
        let nobjs = u32::try_from(r.pins.borrow().objs_len()).ok()?;
        let ends_in_link = opt.insns.last().is_some_and(|i| i.op == taipan_jit::ir::Op::Link);
        let func_ret = r.rec.is_func() && opt.insns.last().is_some_and(|i| i.op == taipan_jit::ir::Op::Ret);
        if !snapshots_restorable(&opt, nlocals, depth, nobjs)
            || (opt.loop_pos().is_none() && !ends_in_link && !func_ret)
        {
            return None;
        }
        opt.name = name;
        self.jit.next_name += 1;
        if let Some(d) = &mut self.jit.dump
            && d.opt
        {
            d.block("opt", &opt.name, &opt.to_string());
        }
        if self.jit.set.is_none() {
            match Backend::new(self.jit.opts.mem_size) {
                Ok(mut b) => {
                    if self.jit.opts.perf_map
                        && let Err(e) = b.enable_perf_map()
                    {
                        eprintln!("taipan: cannot write the perf map: {e}");
                    }
                    b.set_disasm(self.jit.dump.as_ref().is_some_and(|d| d.asm));
                    self.jit.set = Some(TraceSet::new(b, DEFAULT_HOT_EXIT));
                }
                Err(_) => {
                    self.jit.broken = true;
                    return None;
                }
            }
        }
        let layout = match self.jit.layout {
            Some(l) => l,
            None => {
                let l = helpers::ObjLayout::measure(&self.types);
                self.jit.layout = Some(l);
                l
            }
        };
        let mut table = helpers::helper_table(layout.as_ref());
        if r.rec.is_func() {
            // every exit of a function tree fits the `out` a direct call reserves
            let bound = func::out_bound(&r.code);
            if opt.snaps.iter().any(|s| s.words() > bound) {
                return None;
            }
            if let Some(sc) = self.jit_self_call(r) {
                table.set_self_call(sc);
            }
        }
        let set = self.jit.set.as_mut()?;
        let lo = LowerOptions {
            deopt_stress: self.jit.opts.stress,
            // (a trace making opaque calls counts its passes for `Tree::passes`)
            count_runs: self.jit.opts.stats || r.rec.makes_py_calls(),
            ..LowerOptions::default()
        };
        // (a side trace names its parent: `TraceSet::lower` checks it and attaches it)
        debug_assert_eq!(attach, opt.parent.is_some());
        match set.lower(&opt, &table, &lo) {
            Ok((clif, pending)) => Some((opt, clif, pending, table)),
            Err(e) => {
                if let Some(d) = &mut self.jit.dump
                    && d.asm
                {
                    d.block("asm", &opt.name, &format!("compile failed: {e}"));
                }
                None
            }
        }
    }

    /// Installs the machine code `cg` of a trace lowered by [`Vm::jit_lower`] (a side trace
    /// is attached to its parent's exit); returns the optimized IR and the compiled trace
    /// (`None` on any failure).
    fn jit_build_end(
        &mut self,
        opt: Func,
        r: &Recording,
        pending: PendingTrace,
        cg: Result<Codegen, CompileError>,
        table: &HelperTable,
    ) -> Option<(Func, CompiledTrace)> {
        let set = self.jit.set.as_mut()?;
        let compiled = set.install(pending, cg, table);
        if let Some(d) = &mut self.jit.dump
            && d.asm
        {
            let text = match &compiled {
                Ok(()) => set.backend().last_listing(Some(&opt)).unwrap_or_default(),
                Err(e) => format!("compile failed: {e}"),
            };
            d.block("asm", &opt.name, &text);
        }
        compiled.ok()?;
        let compiled = set.trace(&opt.name)?.clone();
        self.jit.counters.lower_us = self.jit.counters.lower_us.saturating_add(compiled.lower_us);
        self.jit_func_register(compiled.id, r);
        self.jit.out_words = self.jit.out_words.max(compiled.out_words).max(compiled.params);
        Some((opt, compiled))
    }

    /// The root trace of a closed root recording, from its optimized IR and machine code.
    fn jit_root_trace(&mut self, func: Func, compiled: CompiledTrace, r: &Recording) -> Trace {
        let pins = r.pins.take();
        let tree = Rc::new(Tree {
            pins: RefCell::new(pins.clone()),
            inval: super::inval::TreeInval::new(self.jit.invalidations.clone()),
            inline: Cell::new(r.rec.deepest_inline() as usize),
            sides: Cell::new(0),
            checked_run: Cell::new(0),
            runs: Cell::new(0),
            passes: r.rec.makes_py_calls().then(|| (compiled.runs.clone(), Cell::new(0))),
            redone: Cell::new(0),
            sink: Cell::new(r.rec.yields_to_sink()),
        });
        // the bindings it assumes become records (checked once now)
        super::inval::watch(&tree, pins.pins_from(0));
        if r.rec.uses_call_area() {
            r.code.loops.area.set(true);
        }
        if r.rec.checks_run_mark() {
            r.code.loops.calls.set(true);
        }
        let place = Place {
            header: r.header,
            depth: r.depth,
            root: true,
            entry_tags: r.rec.entry_tags(),
            dead_tags: r.rec.dead_tags(),
            level: 0,
        };
        Trace::from_recording(compiled, func, r, pins, tree, place)
    }

    /// A side recording's trace (`None`: it failed, which leaves that exit to the
    /// interpreter for good) is attached to its parent's exit.
    fn jit_side_done(&mut self, r: Box<Recording>, built: Option<(Func, CompiledTrace)>) {
        let Some((parent, exit)) = r.side.clone() else {
            return;
        };
        let Some((func, compiled)) = built else {
            self.jit.counters.side_failures += 1;
            if let Some(n) = parent.tries.borrow_mut().get_mut(exit as usize) {
                *n = MAX_SIDE_ABORTS;
            }
            return;
        };
        let pins = r.pins.take();
        let tree = parent.tree.clone();
        // (both recorded in the same frame: the same globals dict)
        tree.pins.borrow_mut().absorb(&pins, r.pins_base);
        // its new bindings become records of the tree (checked once now)
        super::inval::watch(&tree, pins.pins_from(r.pins_base));
        tree.inline.set(tree.inline.get().max(r.rec.deepest_inline() as usize));
        tree.sides.set(tree.sides.get().saturating_add(1));
        if r.rec.yields_to_sink() {
            tree.sink.set(true);
        }
        if r.rec.uses_call_area() {
            r.code.loops.area.set(true);
        }
        if r.rec.checks_run_mark() {
            r.code.loops.calls.set(true);
        }
        let place = Place {
            header: parent.header,
            depth: parent.depth,
            root: false,
            entry_tags: Vec::new(),
            dead_tags: Vec::new(),
            level: parent.level.saturating_add(1),
        };
        let t = Rc::new(Trace::from_recording(compiled, func, &r, pins, tree, place));
        self.jit.counters.bridges += 1;
        self.jit.by_id.insert(t.compiled.id, t);
    }
}
