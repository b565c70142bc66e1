//! Linked traces: exit counters, bridges (side traces) attached to hot exits, `link`s
//! between traces, invalidation and the full-arena policy (issue 5).
//!
//! A [`TraceSet`] owns a [`Backend`] and every trace compiled into its arena, by name.
//!
//! - **Exit counters.** Every exit of a compiled trace increments its own counter in the
//!   trace's exit data (see `lower`'s module doc); [`TraceSet::exit_counts`] reads them and
//!   [`TraceSet::hot_exits`] lists the exits that reached the hot-exit threshold
//!   ([`TraceSet::new`]'s `hot_exit`, default [`DEFAULT_HOT_EXIT`] = 10 exits, as LuaJIT's
//!   `hotexit`) and have no bridge yet: the tier manager records a side trace there.
//! - **Bridges.** [`TraceSet::attach_bridge`] compiles a side trace (`side @parent xN`) and
//!   stores its entry address into the parent's bridge slot for exit `N` — one store into
//!   data, so W^X holds and no code page is remapped. From then on the exit calls the bridge
//!   directly (no return to the caller); the bridge gets the parent's parameters and the
//!   exit's snapshot values (the `crate::ir` module doc, "Side traces and links") — in the
//!   machine ABI the parameters in `args` and the snapshot values in `out`, where the exit
//!   wrote them (`backend::SideParams`).
//! - **Links.** `link @t(args)` returns [`STATUS_LINK`]` | source << 32 | id(@t)` (`source`:
//!   the linking trace's id) with `args` in `out`;
//!   [`TraceSet::run`] is the trampoline that enters `@t` with them, so a bridge going back
//!   into its parent's loop costs one return to Rust and one trace entry per pass, and the
//!   native stack stays bounded. An exit enters its bridge with an indirect *call* (then
//!   returns the bridge's status), so a chain of bridges (a bridge's exit with its own
//!   bridge) costs one native frame per level of the side-trace tree — bounded by the
//!   tree's depth, never by the iteration count. True jumps (no frames, and `link` straight
//!   into the loop header) need traces compiled with Cranelift's `tail` calling convention
//!   behind one `extern "C"` trampoline: left for later.
//! - **Invalidation.** [`TraceSet::invalidate`] marks a trace dead: [`TraceSet::run`]
//!   refuses to enter it (or to continue into it after a `link`) and every bridge slot that
//!   pointed at it is redirected to a stub returning [`STATUS_INVALIDATED`]; counted in
//!   [`LinkStats::invalidations`]. The code stays in the arena until the next flush.
//! - **Full arena.** A compilation refused with `ArenaError::Full` is counted in
//!   [`LinkStats::refused_full`] and nothing changes (the interpreter keeps running that
//!   code). [`TraceSet::flush`] is the safe point: it drops every trace and resets the arena
//!   (`CodeArena::reset`); it takes `&mut self`, so no trace of this set can be running.

use std::collections::HashMap;
use std::sync::atomic::Ordering;

use cranelift_codegen::ir::Function;

use super::{
    Backend, Codegen, CompileError, CompiledTrace, HelperTable, LowerOptions, LoweredTrace, STATUS_INVALIDATED,
    STATUS_LINK, SideParams,
};
use crate::arena::ArenaError;
use crate::ir::{ExitId, Func, SnapVal, Type};

/// Default hot-exit threshold: exits taken before a side trace is wanted (a count).
pub const DEFAULT_HOT_EXIT: u64 = 10;

/// Counters of a [`TraceSet`] (for `--jit-stats`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkStats {
    /// Traces compiled (root and side traces).
    pub traces: u64,
    /// Bridges attached to exits.
    pub bridges: u64,
    /// Traces invalidated.
    pub invalidations: u64,
    /// Compilations refused because the code arena was full.
    pub refused_full: u64,
    /// Flushes (whole-arena resets).
    pub flushes: u64,
}

/// How a run through a [`TraceSet`] ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkedOutcome {
    /// `ret`: the value's bits.
    Ret(u64),
    /// An exit without a bridge: which trace, which exit, one word per snapshot entry.
    Exit {
        /// The trace that exited.
        trace: String,
        /// The exit point.
        exit: ExitId,
        /// One word per snapshot entry (0 for `none`).
        values: Vec<u64>,
    },
    /// The trace entered (or one reached by a link or bridge) was invalidated.
    Invalidated,
}

/// A trace between [`TraceSet::lower`] and [`TraceSet::install`]: its IR and everything
/// of its compiled form but the machine code.
#[derive(Debug)]
pub struct PendingTrace {
    func: Func,
    lowered: LoweredTrace,
}

impl PendingTrace {
    /// The trace's IR.
    pub fn func(&self) -> &Func {
        &self.func
    }
}

/// Where a side trace attaches (`TraceSet::bridge_site`).
struct BridgeSite {
    parent_params: usize,
    out_pos: Vec<u32>,
    data: std::sync::Arc<[std::sync::atomic::AtomicU64]>,
    slot: usize,
}

struct Entry {
    func: Func,
    trace: CompiledTrace,
    invalidated: bool,
}

/// A set of linked traces in one backend (see the module documentation).
pub struct TraceSet {
    backend: Backend,
    hot_exit: u64,
    traces: Vec<Entry>,
    by_name: HashMap<String, usize>,
    stats: LinkStats,
}

/// Calls compiled trace `t` once with `args` (one word per parameter) and `out` (room for
/// every word any trace reachable from `t` writes) and returns the raw status word:
/// [`super::STATUS_RET`], `STATUS_LINK | id`, an exit `id << 32 | (1 + n)` of `t` or of a
/// bridge it ran, [`STATUS_INVALIDATED`], [`super::STATUS_OUT_OF_FUEL`]. For a caller that
/// follows links itself (the interpreter resolves a link's target through its loop table).
///
/// # Safety
/// As [`CompiledTrace::run`], for `t` and every bridge reachable from its exits.
///
/// # Errors
/// A message when `args` or `out` are too short.
pub unsafe fn call_raw(t: &CompiledTrace, args: &[u64], out: &mut [u64]) -> Result<u64, String> {
    if args.len() != t.params || out.len() < t.out_words.max(1) {
        return Err(format!(
            "{} arguments for {} parameters, out too short",
            args.len(),
            t.params
        ));
    }
    // SAFETY: `t` was compiled with the `TraceFn` ABI; `args` has one word per parameter and
    // `out` at least `out_words`; the rest is the caller's contract.
    Ok(unsafe {
        let entry: super::TraceFn = t.code.as_fn();
        entry(args.as_ptr(), out.as_mut_ptr())
    })
}

/// The entry of compiled trace `t` for a caller that calls it itself (the interpreter's
/// run loop, `Vm::jit_enter`): `None` unless it takes `nargs` parameters and writes at most
/// `out_len` words of `out` (the checks of [`call_raw`], made once per target instead of
/// at every call).
#[inline]
pub fn entry_of(t: &CompiledTrace, nargs: usize, out_len: usize) -> Option<super::TraceFn> {
    if nargs != t.params || out_len < t.out_words.max(1) {
        return None;
    }
    // SAFETY: `t` was compiled with the `TraceFn` ABI (taking the function pointer is safe;
    // calling it is the caller's `unsafe` step, under `CompiledTrace::run`'s contract).
    Some(unsafe { t.code.as_fn() })
}

/// The entry every bridge slot of an invalidated trace points to.
extern "C" fn invalidated_stub(_args: *const u64, _out: *mut u64) -> u64 {
    STATUS_INVALIDATED
}

impl TraceSet {
    /// A set compiling into `backend`, wanting side traces after `hot_exit` exits (a count).
    pub fn new(backend: Backend, hot_exit: u64) -> TraceSet {
        TraceSet {
            backend,
            hot_exit,
            traces: Vec::new(),
            by_name: HashMap::new(),
            stats: LinkStats::default(),
        }
    }

    /// The backend (arena sizes, compile statistics).
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// Runs Cranelift on `clif` (from [`TraceSet::lower`]) on this thread, with the
    /// backend's context ([`Backend::codegen`]).
    ///
    /// # Errors
    /// As [`Backend::codegen`].
    pub fn codegen(&mut self, clif: Function) -> Result<Codegen, CompileError> {
        self.backend.codegen(clif)
    }

    /// [`TraceSet::codegen`] with the settings of `tier` (side traces: [`Tier::Quick`]).
    ///
    /// # Errors
    /// As [`TraceSet::codegen`].
    pub fn codegen_tier(&mut self, clif: Function, tier: super::isa::Tier) -> Result<Codegen, CompileError> {
        self.backend.codegen_tier(clif, tier)
    }

    /// The counters.
    pub fn stats(&self) -> LinkStats {
        self.stats
    }

    /// The compiled trace named `name`, if any.
    pub fn trace(&self, name: &str) -> Option<&CompiledTrace> {
        self.by_name
            .get(name)
            .and_then(|&i| self.traces.get(i))
            .map(|e| &e.trace)
    }

    /// Whether trace `name` is compiled and not invalidated.
    pub fn is_live(&self, name: &str) -> bool {
        self.entry(name).is_some_and(|e| !e.invalidated)
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        self.by_name.get(name).and_then(|&i| self.traces.get(i))
    }

    fn compile_inner(
        &mut self,
        f: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
        side: Option<SideParams<'_>>,
    ) -> Result<usize, CompileError> {
        let (clif, lowered) = self.lower_inner(f, helpers, opts, side)?;
        let cg = self.backend.codegen(clif);
        self.install_inner(f, lowered, cg, helpers)
    }

    /// Lowers `f` (not compiled before; a `link` may only name traces compiled before it).
    fn lower_inner(
        &mut self,
        f: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
        side: Option<SideParams<'_>>,
    ) -> Result<(Function, LoweredTrace), CompileError> {
        if self.by_name.contains_key(&f.name) {
            return Err(CompileError::Lower(format!("trace @{} compiled twice", f.name)));
        }
        let ids: HashMap<String, u32> = self
            .by_name
            .iter()
            .filter_map(|(n, &i)| Some((n.clone(), self.traces.get(i)?.trace.id)))
            .collect();
        let target = |n: &str| ids.get(n).copied();
        self.backend.lower_trace(f, helpers, opts, &target, side)
    }

    /// Installs the code `cg` of `f` (lowered as `lowered`) and registers it by name.
    fn install_inner(
        &mut self,
        f: &Func,
        lowered: LoweredTrace,
        cg: Result<Codegen, CompileError>,
        helpers: &HelperTable,
    ) -> Result<usize, CompileError> {
        let trace = match self.backend.finish_trace(lowered, cg, helpers) {
            Ok(t) => t,
            Err(e) => {
                if matches!(e, CompileError::Arena(ArenaError::Full { .. })) {
                    self.stats.refused_full += 1;
                }
                return Err(e);
            }
        };
        self.stats.traces += 1;
        let i = self.traces.len();
        self.traces.push(Entry {
            func: f.clone(),
            trace,
            invalidated: false,
        });
        self.by_name.insert(f.name.clone(), i);
        Ok(i)
    }

    /// Compiles the root trace `f` (a `link` may only name traces compiled before it).
    ///
    /// # Errors
    /// As [`Backend::compile_trace`]; `ArenaError::Full` is also counted
    /// ([`LinkStats::refused_full`]) and leaves the set unchanged.
    pub fn compile(&mut self, f: &Func, helpers: &HelperTable, opts: &LowerOptions) -> Result<(), CompileError> {
        self.compile_inner(f, helpers, opts, None).map(|_| ())
    }

    /// Compiles the side trace `bridge` (`side @parent xN`) and attaches it to exit `N` of
    /// its parent, which must be compiled and live. Its parameters must be the parent's
    /// followed by the types of the exit snapshot's non-`none` values.
    ///
    /// # Errors
    /// [`CompileError::Lower`] for a bad parent, exit or signature, else as
    /// [`TraceSet::compile`].
    pub fn attach_bridge(
        &mut self,
        bridge: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
    ) -> Result<(), CompileError> {
        let (clif, pending) = self.lower(bridge, helpers, opts)?;
        let cg = self.backend.codegen(clif);
        self.install(pending, cg, helpers)
    }

    /// The first half of [`TraceSet::compile`] (a root trace) or [`TraceSet::attach_bridge`]
    /// (a side trace: `f.parent` is set): lowers `f` and returns its Cranelift function, to
    /// be compiled by [`super::codegen`] (on a [`super::worker::CodegenWorker`]), and what
    /// [`TraceSet::install`] needs to finish. Nothing is registered yet: until then the
    /// trace does not exist for this set (a `link` cannot name it, a bridge is not
    /// attached).
    ///
    /// # Errors
    /// As [`TraceSet::compile`] / [`TraceSet::attach_bridge`].
    pub fn lower(
        &mut self,
        f: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
    ) -> Result<(Function, PendingTrace), CompileError> {
        let (clif, lowered) = match &f.parent {
            None => self.lower_inner(f, helpers, opts, None)?,
            Some(_) => {
                let site = self.bridge_site(f)?;
                let side = SideParams {
                    parent_params: site.parent_params,
                    out_pos: &site.out_pos,
                };
                self.lower_inner(f, helpers, opts, Some(side))?
            }
        };
        Ok((
            clif,
            PendingTrace {
                func: f.clone(),
                lowered,
            },
        ))
    }

    /// The second half of [`TraceSet::lower`]: installs the machine code `cg` of `p` and
    /// registers it; a side trace is attached to its parent's exit, which is checked again
    /// (the parent may have been invalidated while the code was made).
    ///
    /// # Errors
    /// The error of `cg`, [`CompileError::Lower`] for a parent gone meanwhile, else as
    /// [`TraceSet::compile`].
    pub fn install(
        &mut self,
        p: PendingTrace,
        cg: Result<Codegen, CompileError>,
        helpers: &HelperTable,
    ) -> Result<(), CompileError> {
        // (a failure here leaves only an unused id and exit data behind)
        let site = match &p.func.parent {
            None => None,
            Some(_) => Some(self.bridge_site(&p.func)?),
        };
        let i = self.install_inner(&p.func, p.lowered, cg, helpers)?;
        if let Some(site) = site {
            let addr = self.traces.get(i).map_or(0, |e| e.trace.code.block.addr() as u64);
            if let Some(slot) = site.data.get(site.slot) {
                slot.store(addr, Ordering::Relaxed);
            }
            self.stats.bridges += 1;
        }
        Ok(())
    }

    /// Checks side trace `bridge` against its parent (compiled, live, the exit exists, the
    /// parameters match) and returns the parent's parameter count, the `out` position of
    /// each snapshot-value parameter and the exit's bridge slot (the parent's exit data and
    /// the slot's index in it).
    fn bridge_site(&self, bridge: &Func) -> Result<BridgeSite, CompileError> {
        let bad = |m: String| CompileError::Lower(format!("bridge @{}: {m}", bridge.name));
        let (parent, exit) = bridge.parent.clone().ok_or_else(|| bad("not a side trace".into()))?;
        let p = self
            .entry(&parent)
            .ok_or_else(|| bad(format!("parent @{parent} is not compiled")))?;
        if p.invalidated {
            return Err(bad(format!("parent @{parent} is invalidated")));
        }
        let insn = *p
            .func
            .exits()
            .get(exit.index())
            .ok_or_else(|| bad(format!("@{parent} has no exit {exit}")))?;
        let snap = p
            .func
            .insn(insn)
            .and_then(|i| i.snap)
            .and_then(|s| p.func.snaps.get(s.index()))
            .ok_or_else(|| bad("exit without snapshot".into()))?;
        let mut want: Vec<Type> = p.func.params.clone();
        let mut out_pos = Vec::new();
        for (k, e) in snap.entries.iter().enumerate() {
            if let SnapVal::Value(v) = e.val {
                want.push(p.func.ty(v));
                out_pos.push(u32::try_from(k).map_err(|_| bad("snapshot too large".into()))?);
            }
        }
        if bridge.params != want {
            let names: Vec<&str> = want.iter().map(|t| t.name()).collect();
            return Err(bad(format!("parameters must be ({})", names.join(", "))));
        }
        let k = p.trace.exits.len() + exit.index();
        if p.trace.exit_data.get(k).is_none() {
            return Err(bad("no bridge slot".into()));
        }
        Ok(BridgeSite {
            parent_params: p.func.params.len(),
            out_pos,
            data: p.trace.exit_data.clone(),
            slot: k,
        })
    }

    fn slot(t: &CompiledTrace, k: usize) -> Option<&std::sync::atomic::AtomicU64> {
        t.exit_data.get(k)
    }

    /// Whether exit `exit` of trace `name` has a bridge attached.
    pub fn has_bridge(&self, name: &str, exit: ExitId) -> bool {
        self.entry(name).is_some_and(|e| {
            Self::slot(&e.trace, e.trace.exits.len() + exit.index()).is_some_and(|s| s.load(Ordering::Relaxed) != 0)
        })
    }

    /// How many times each exit of trace `name` was taken (empty if it is not compiled).
    pub fn exit_counts(&self, name: &str) -> Vec<u64> {
        self.entry(name).map_or_else(Vec::new, |e| e.trace.exit_counts())
    }

    /// The exits of trace `name` taken at least the hot-exit threshold times and without a
    /// bridge: where the tier manager wants side traces.
    pub fn hot_exits(&self, name: &str) -> Vec<ExitId> {
        self.exit_counts(name)
            .iter()
            .enumerate()
            .map(|(k, &c)| (ExitId(k as u32), c))
            .filter(|&(x, c)| c >= self.hot_exit && !self.has_bridge(name, x))
            .map(|(x, _)| x)
            .collect()
    }

    /// Invalidates trace `name` (see the module doc). Returns false if it is not compiled
    /// or already invalidated.
    pub fn invalidate(&mut self, name: &str) -> bool {
        let Some(&i) = self.by_name.get(name) else {
            return false;
        };
        let Some(e) = self.traces.get_mut(i) else {
            return false;
        };
        if e.invalidated {
            return false;
        }
        e.invalidated = true;
        let entry = e.trace.code.block.addr() as u64;
        let stub = invalidated_stub as extern "C" fn(*const u64, *mut u64) -> u64 as usize as u64;
        for t in &self.traces {
            let n = t.trace.exits.len();
            for slot in t.trace.exit_data.iter().skip(n).take(n) {
                if slot.load(Ordering::Relaxed) == entry {
                    slot.store(stub, Ordering::Relaxed);
                }
            }
        }
        self.stats.invalidations += 1;
        true
    }

    /// Flush at a safe point: drops every trace and resets the arena (all its code memory
    /// free again). `&mut self` proves no trace of this set is running.
    ///
    /// # Errors
    /// [`ArenaError::Os`] if the reset's system calls fail.
    pub fn flush(&mut self) -> Result<(), ArenaError> {
        self.traces.clear();
        self.by_name.clear();
        // SAFETY: every trace compiled into this arena belongs to this set (the backend is
        // private to it) and was just dropped; `&mut self` means no `run` is in progress, so
        // no machine-code frame of the arena is on the stack.
        unsafe { self.backend.arena_mut().reset() }?;
        self.stats.flushes += 1;
        Ok(())
    }

    /// Words `out` must have for any run of this set.
    pub fn out_words(&self) -> usize {
        self.traces
            .iter()
            .map(|e| e.trace.out_words.max(e.trace.params))
            .max()
            .unwrap_or(1)
            .max(1)
    }

    /// Runs trace `name` with `args` (one word per parameter), following bridges and links.
    ///
    /// # Safety
    /// As [`CompiledTrace::run`], for every trace reachable through bridges and links.
    ///
    /// # Errors
    /// Unknown names, argument counts, fuel exhaustion and unknown status words.
    pub unsafe fn run(&self, name: &str, args: &[u64]) -> Result<LinkedOutcome, String> {
        let mut i = *self.by_name.get(name).ok_or_else(|| format!("no trace @{name}"))?;
        let mut args = args.to_vec();
        let mut out = vec![0u64; self.out_words()];
        loop {
            let e = self.traces.get(i).ok_or("bad trace index")?;
            if e.invalidated {
                return Ok(LinkedOutcome::Invalidated);
            }
            if args.len() != e.trace.params {
                return Err(format!(
                    "@{}: {} arguments for {} parameters",
                    e.func.name,
                    args.len(),
                    e.trace.params
                ));
            }
            // SAFETY: `e.trace` was compiled with the `TraceFn` ABI; `args` has one word per
            // parameter and `out` room for every word any trace of the set writes
            // (`out_words`); the rest is the caller's contract.
            let status = unsafe {
                let entry: super::TraceFn = e.trace.code.as_fn();
                entry(args.as_ptr(), out.as_mut_ptr())
            };
            match status {
                super::STATUS_RET => return Ok(LinkedOutcome::Ret(out.first().copied().unwrap_or(0))),
                STATUS_INVALIDATED => return Ok(LinkedOutcome::Invalidated),
                super::STATUS_OUT_OF_FUEL => return Err("out of fuel (loop_fuel back-edges)".into()),
                s if s & STATUS_LINK != 0 => {
                    let id = (s & 0xffff_ffff) as u32;
                    i = self
                        .traces
                        .iter()
                        .position(|t| t.trace.id == id)
                        .ok_or_else(|| format!("link to unknown trace id {id}"))?;
                    let n = self.traces.get(i).map_or(0, |t| t.trace.params);
                    args = out.get(..n).ok_or("link arguments")?.to_vec();
                }
                s => {
                    let id = (s >> 32) as u32;
                    let t = self
                        .traces
                        .iter()
                        .find(|t| t.trace.id == id)
                        .ok_or_else(|| format!("status {s:#x} of unknown trace"))?;
                    let n = (s & 0xffff_ffff) - 1;
                    let info = usize::try_from(n)
                        .ok()
                        .and_then(|n| t.trace.exits.get(n))
                        .ok_or_else(|| format!("unknown status word {s:#x}"))?;
                    let values = out.get(..info.entries).ok_or("exit values")?.to_vec();
                    return Ok(LinkedOutcome::Exit {
                        trace: t.func.name.clone(),
                        exit: ExitId(n as u32),
                        values,
                    });
                }
            }
        }
    }

    /// The IR of trace `name` (as compiled).
    pub fn func(&self, name: &str) -> Option<&Func> {
        self.entry(name).map(|e| &e.func)
    }
}
