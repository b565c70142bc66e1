//! The Cranelift backend: compile a Cranelift function into the W^X code arena.
//!
//! Pipeline of [`Backend::compile`]: `Context::compile` (legalize, optimize, register-allocate,
//! emit) for the host ISA ([`isa::host_isa`]) → the function's bytes and relocations →
//! [`CodeArena::alloc`] (read+write pages) → copy → [`reloc::apply`] (helper addresses and
//! PC-relative fields patched at the final address) → [`PendingBlock::seal`] (read+execute)
//! → a [`JitFunction`]: entry address, code bytes, compile time.
//!
//! The trace IR reaches Cranelift through [`lower()`] (one match arm per IR op; the machine
//! ABI of a trace, [`TraceFn`], is documented there), and
//! [`Backend::compile_trace`] returns a [`CompiledTrace`] whose [`CompiledTrace::run`] decodes
//! the status word into a [`TraceOutcome`]. Calls into the Rust runtime (slow paths) are
//! `colocated=false` imports in [`HELPER_NAMESPACE`] ([`import_helper`]), resolved against a
//! [`HelperTable`] by absolute address. [`check`] runs compiled traces the way
//! `ir::eval` runs IR, for the differential filetests.
//!
//! Exits: every compiled trace counts its exits ([`CompiledTrace::exit_counts`]) in exit
//! data it shares with the code, and each exit has a patchable bridge slot in the same data;
//! [`link::TraceSet`] attaches side traces to hot exits, follows `link`s, invalidates traces
//! and applies the full-arena policy (refuse and count; flush at a safe point).
//! Measured (min of 5 × 200 000 calls, `measure_exit_path`): a trace call that returns
//! costs ~2.5 ns, one leaving through a counted exit ~3.1 ns (the exit path: ~0.6 ns), one
//! whose exit enters a bridge that returns at once ~5.5 ns.
//!
//! Calling compiled code is the one `unsafe` step outside the arena: the caller states the
//! Rust `extern "C"` type matching the Cranelift signature ([`JitFunction::as_fn`]), or uses
//! [`CompiledTrace::run`] for traces.
//!
//! Observability: per function `compile_us` and `code_bytes` (summed in [`JitStats`] for
//! `--jit-stats`, with failures and arena-full counts), Cranelift's disassembly on request
//! ([`Backend::set_disasm`]) and a perf map ([`Backend::enable_perf_map`]).
//!
//! Measured (dev profile: dependencies at opt-level 1, Cranelift verifier on; min of 10 on
//! the 2-core machine): a one-op function lowers in ~6 µs and compiles+installs in ~85 µs
//! (21 code bytes); a 50-guard loop trace lowers in ~50 µs and compiles+installs in ~1.1 ms
//! (1 571 code bytes). `cargo test -p taipan-jit --lib measure -- --nocapture` prints them.
//!
//! [`PendingBlock::seal`]: crate::arena::PendingBlock::seal

pub mod check;
pub mod disasm;
pub mod isa;
pub mod link;
pub mod lower;
pub mod reloc;
pub mod worker;

use core::fmt;
use std::time::Instant;

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{ExtFuncData, ExternalName, FuncRef, Function, Signature, UserExternalName};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};

use crate::arena::{ArenaError, CodeArena, CodeBlock};
pub use lower::{
    LinkEnv, LowerOptions, STATUS_INVALIDATED, STATUS_LINK, STATUS_OUT_OF_FUEL, STATUS_RET, SideParams, TraceFn,
    exit_status, lower, lower_linked,
};
pub use reloc::{DictLayout, HELPER_NAMESPACE, HelperTable, InlineHelper, RelocError, SelfCall};

/// Cranelift's function type, for crates that hand lowered traces around without depending
/// on Cranelift ([`link::TraceSet::lower`], [`worker::CodegenWorker`]).
pub use cranelift_codegen::ir::Function as ClifFunction;

use crate::ir::{ExitId, Func, InsnId, SnapId};

/// Why a function could not be compiled and installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// Cranelift rejected the function (verifier error, unsupported feature...): its message.
    Codegen(String),
    /// The code arena refused the allocation (notably [`ArenaError::Full`]).
    Arena(ArenaError),
    /// A relocation could not be applied.
    Reloc(RelocError),
    /// The trace IR could not be lowered (an op or type the lowering does not handle).
    Lower(String),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Codegen(m) => write!(f, "cranelift: {m}"),
            CompileError::Arena(e) => write!(f, "{e}"),
            CompileError::Reloc(e) => write!(f, "{e}"),
            CompileError::Lower(m) => write!(f, "lowering: {m}"),
        }
    }
}

impl std::error::Error for CompileError {}

impl From<ArenaError> for CompileError {
    fn from(e: ArenaError) -> Self {
        CompileError::Arena(e)
    }
}

impl From<RelocError> for CompileError {
    fn from(e: RelocError) -> Self {
        CompileError::Reloc(e)
    }
}

/// A compiled, installed function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JitFunction {
    /// Where the code lives (read+execute) in the backend's arena.
    pub block: CodeBlock,
    /// Size of the machine code in bytes (including Cranelift's constant pool).
    pub code_bytes: usize,
    /// Wall time of `Context::compile` plus install (copy, relocate, seal), in microseconds.
    pub compile_us: u64,
    /// Number of relocations applied.
    pub relocs: usize,
}

impl JitFunction {
    /// The entry address.
    pub fn entry(&self) -> *const u8 {
        self.block.as_ptr()
    }

    /// The entry as a function pointer of type `F` (an `extern "C" fn(...) -> ...` type).
    ///
    /// # Safety
    /// `F` must be a function-pointer type whose ABI matches the compiled function's
    /// Cranelift signature (System V on x86-64 Linux: `extern "C"`), every pointer argument
    /// must satisfy what the code does with it, and the code must still be live
    /// ([`CodeArena::is_live`]): the backend not dropped, its arena not reset.
    pub unsafe fn as_fn<F: Copy>(&self) -> F {
        const { assert!(size_of::<F>() == size_of::<*const u8>()) };
        let entry = self.entry();
        // SAFETY: `F` is pointer-sized (checked at compile time) and, by the caller's
        // contract, a function-pointer type matching the code at `entry`.
        unsafe { core::mem::transmute_copy::<*const u8, F>(&entry) }
    }
}

/// Backend totals for `--jit-stats`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JitStats {
    /// Functions compiled and installed.
    pub functions: u64,
    /// Compilations that failed (any [`CompileError`]).
    pub failures: u64,
    /// Failures because the code arena was full.
    pub arena_full: u64,
    /// Sum of [`JitFunction::compile_us`], in microseconds.
    pub compile_us: u64,
    /// Sum of [`JitFunction::code_bytes`], in bytes.
    pub code_bytes: u64,
}

/// The Cranelift backend: a host ISA, a code arena and statistics.
pub struct Backend {
    isa: OwnedTargetIsa,
    /// The ISA of [`isa::Tier::Quick`] compilations (side traces).
    quick: OwnedTargetIsa,
    arena: CodeArena,
    stats: JitStats,
    /// Whether to keep Cranelift's disassembly (VCode text) of the last compilation.
    disasm: bool,
    /// The open perf map (`/tmp/perf-PID.map`), if enabled.
    perf_map: Option<std::fs::File>,
    last_disasm: Option<String>,
    /// The installed code of the last successful compilation with its IR ranges, if
    /// [`Backend::set_disasm`] is on.
    last_code: Option<disasm::CodeListing>,
    /// The id the next compiled trace gets.
    next_trace_id: u32,
    /// Cranelift's compilation context, reused by every compilation (cleared first: its
    /// vectors keep their capacity, so a compile allocates less).
    ctx: Context,
}

impl fmt::Debug for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Backend")
            .field("isa", &self.isa.triple().to_string())
            .field("arena", &self.arena)
            .field("stats", &self.stats)
            .finish()
    }
}

impl Backend {
    /// A backend for the host CPU whose arena has a budget of `mem_size` bytes
    /// (`--jit-mem-size`; see [`crate::arena::DEFAULT_CAPACITY`]).
    ///
    /// # Errors
    /// [`CompileError::Codegen`] if the host ISA is unsupported, [`CompileError::Arena`] if
    /// the arena cannot be reserved.
    pub fn new(mem_size: usize) -> Result<Backend, CompileError> {
        let isa = isa::host_isa().map_err(CompileError::Codegen)?;
        let quick = isa::host_isa_for(isa::Tier::Quick).map_err(CompileError::Codegen)?;
        let arena = CodeArena::new(mem_size)?;
        Ok(Backend {
            isa,
            quick,
            arena,
            stats: JitStats::default(),
            disasm: false,
            last_disasm: None,
            last_code: None,
            perf_map: None,
            next_trace_id: 0,
            ctx: Context::new(),
        })
    }

    /// The target ISA (for building functions: pointer type, frontend config).
    pub fn isa(&self) -> &dyn cranelift_codegen::isa::TargetIsa {
        &*self.isa
    }

    /// The calling convention of compiled functions and helpers (`extern "C"` on the host).
    pub fn call_conv(&self) -> CallConv {
        self.isa.default_call_conv()
    }

    /// The code arena (sizes, liveness checks).
    pub fn arena(&self) -> &CodeArena {
        &self.arena
    }

    /// Mutable access to the arena (for [`CodeArena::reset`] at a safe point).
    pub fn arena_mut(&mut self) -> &mut CodeArena {
        &mut self.arena
    }

    /// Keep Cranelift's disassembly of each compilation and its installed bytes with the IR
    /// ranges (for dumps; costs compile time).
    pub fn set_disasm(&mut self, on: bool) {
        self.disasm = on;
    }

    /// The disassembly of the last successful compilation, if [`Backend::set_disasm`] is on.
    pub fn last_disasm(&self) -> Option<&str> {
        self.last_disasm.as_deref()
    }

    /// The machine-code listing of the last successful compilation, with the IR
    /// instructions of `f` (the IR it was lowered from) interleaved; `None` unless
    /// [`Backend::set_disasm`] is on. See [`disasm`].
    pub fn last_listing(&self, f: Option<&Func>) -> Option<String> {
        self.last_code.as_ref().map(|c| c.render(f))
    }

    /// Starts writing a perf map, `/tmp/perf-PID.map` (appended; one `ADDR SIZE NAME` line in
    /// hex per installed function), so Linux `perf report` names JIT code.
    ///
    /// # Errors
    /// The I/O error if the file cannot be opened.
    pub fn enable_perf_map(&mut self) -> std::io::Result<()> {
        let path = format!("/tmp/perf-{}.map", std::process::id());
        self.perf_map = Some(std::fs::OpenOptions::new().create(true).append(true).open(path)?);
        Ok(())
    }

    /// Appends `f` under `name` to the perf map, if enabled (write errors are ignored:
    /// the map is a debugging aid).
    fn note_perf(&mut self, f: &JitFunction, name: &str) {
        if let Some(file) = &mut self.perf_map {
            use std::io::Write;
            let _ = writeln!(file, "{:x} {:x} {name}", f.block.addr(), f.code_bytes);
        }
    }

    /// Statistics since the backend was made.
    pub fn stats(&self) -> JitStats {
        self.stats
    }

    /// Compiles `func`, installs it in the arena and returns its entry.
    ///
    /// Calls to helpers must be imports made with [`import_helper`]; `helpers` gives their
    /// addresses.
    ///
    /// # Errors
    /// [`CompileError::Codegen`] (Cranelift), [`CompileError::Arena`] (notably
    /// [`ArenaError::Full`]: the budget is exhausted, nothing was installed),
    /// [`CompileError::Reloc`] (unknown relocation kind or target).
    pub fn compile(&mut self, func: Function, helpers: &HelperTable) -> Result<JitFunction, CompileError> {
        let name = format!("taipan-jit:fn{}", self.stats.functions);
        self.compile_named(func, helpers, &name)
    }

    /// [`Backend::compile`] under `name` in the perf map.
    fn compile_named(
        &mut self,
        func: Function,
        helpers: &HelperTable,
        name: &str,
    ) -> Result<JitFunction, CompileError> {
        let cg = self.codegen(func);
        self.install_named(cg, helpers, name)
    }

    /// Installs the result of [`codegen`] under `name` in the perf map and counts it (a
    /// failure too).
    fn install_named(
        &mut self,
        cg: Result<Codegen, CompileError>,
        helpers: &HelperTable,
        name: &str,
    ) -> Result<JitFunction, CompileError> {
        let result = cg.and_then(|cg| self.install(cg, helpers));
        match &result {
            Ok(f) => {
                self.note_perf(f, name);
                self.stats.functions += 1;
                self.stats.compile_us += f.compile_us;
                self.stats.code_bytes += f.code_bytes as u64;
            }
            Err(e) => {
                self.stats.failures += 1;
                if matches!(e, CompileError::Arena(ArenaError::Full { .. })) {
                    self.stats.arena_full += 1;
                }
            }
        }
        result
    }

    /// Runs Cranelift on `func` with this backend's context (see [`codegen`]); nothing is
    /// installed.
    ///
    /// # Errors
    /// [`CompileError::Codegen`] when Cranelift rejects the function.
    pub fn codegen(&mut self, func: Function) -> Result<Codegen, CompileError> {
        self.codegen_tier(func, isa::Tier::Speed)
    }

    /// [`Backend::codegen`] with the settings of `tier`.
    ///
    /// # Errors
    /// As [`Backend::codegen`].
    pub fn codegen_tier(&mut self, func: Function, tier: isa::Tier) -> Result<Codegen, CompileError> {
        let isa = match tier {
            isa::Tier::Speed => &*self.isa,
            isa::Tier::Quick => &*self.quick,
        };
        codegen(&mut self.ctx, isa, func, self.disasm)
    }

    /// A shared handle on the target ISA, for a [`worker::CodegenWorker`] (Cranelift's ISA
    /// is `Send + Sync`).
    pub fn isa_handle(&self) -> OwnedTargetIsa {
        self.isa.clone()
    }

    /// A shared handle on the ISA of [`isa::Tier::Quick`] compilations.
    pub fn quick_isa_handle(&self) -> OwnedTargetIsa {
        self.quick.clone()
    }

    /// Whether compilations keep their disassembly ([`Backend::set_disasm`]).
    pub fn disasm_on(&self) -> bool {
        self.disasm
    }

    /// Installs machine code made by [`codegen`] (here or on a worker thread): copies it
    /// into the arena, applies its relocations against `helpers` and seals it.
    fn install(&mut self, cg: Codegen, helpers: &HelperTable) -> Result<JitFunction, CompileError> {
        let start = Instant::now();
        let code = &cg.code;
        let bytes = code.code_buffer();
        let relocs = code.buffer.relocs();
        let align = self.isa.function_alignment().preferred.max(1) as usize;
        let mut pending = self.arena.alloc(bytes.len(), align)?;
        let base = pending.addr();
        let dst = pending.bytes_mut();
        dst.copy_from_slice(bytes);
        reloc::apply(dst, base, relocs, &cg.func, helpers)?;
        let listing = self.disasm.then(|| disasm::CodeListing {
            bytes: dst.to_vec(),
            addr: base as u64,
            ranges: code
                .buffer
                .get_srclocs_sorted()
                .iter()
                .filter(|r| !r.loc.is_default())
                .map(|r| (r.start, r.end, r.loc.bits()))
                .collect(),
        });
        let block = pending.seal()?;
        self.last_disasm = code.vcode.clone();
        if listing.is_some() {
            self.last_code = listing;
        }
        let compile_us = u64::try_from(start.elapsed().as_micros())
            .unwrap_or(u64::MAX)
            .saturating_add(cg.us);
        Ok(JitFunction {
            block,
            code_bytes: bytes.len(),
            compile_us,
            relocs: relocs.len(),
        })
    }
}

/// Cranelift's output for one function, not installed yet ([`codegen`]): what
/// [`Backend`] copies into its arena. `Send`: made on a [`worker::CodegenWorker`]'s thread
/// and installed on the thread that owns the backend.
pub struct Codegen {
    /// The function (its external names resolve the relocations).
    func: Function,
    /// The machine code, relocations and (with disassembly on) the VCode text.
    code: cranelift_codegen::CompiledCode,
    /// Wall time of `Context::compile`, in microseconds.
    us: u64,
}

impl fmt::Debug for Codegen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Codegen")
            .field("bytes", &self.code.code_buffer().len())
            .field("us", &self.us)
            .finish()
    }
}

/// Runs Cranelift (`Context::compile`: legalize, optimize, register-allocate, emit) on
/// `func` for `isa` in `ctx` (cleared first), keeping the VCode text when `disasm` is on.
/// Touches nothing but `ctx`, so it runs on any thread.
///
/// # Errors
/// [`CompileError::Codegen`] when Cranelift rejects the function.
pub fn codegen(
    ctx: &mut Context,
    isa: &dyn cranelift_codegen::isa::TargetIsa,
    func: Function,
    disasm: bool,
) -> Result<Codegen, CompileError> {
    let start = Instant::now();
    ctx.clear();
    ctx.func = func;
    ctx.set_disasm(disasm);
    if let Err(e) = ctx.compile(isa, &mut ControlPlane::default()) {
        return Err(CompileError::Codegen(e.inner.to_string()));
    }
    let code = ctx
        .take_compiled_code()
        .ok_or_else(|| CompileError::Codegen("no compiled code".to_string()))?;
    let func = std::mem::replace(&mut ctx.func, Function::new());
    let us = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
    Ok(Codegen { func, code, us })
}

/// A compiled trace (the [`TraceFn`] ABI, see [`lower()`]).
#[derive(Debug, Clone)]
pub struct CompiledTrace {
    /// The trace's id (high half of its exit status words; unique per backend).
    pub id: u32,
    /// The exit data the code updates: one counter per exit, then one bridge slot per exit
    /// (0 or the entry address of the attached side trace), then, with
    /// [`LowerOptions::deopt_stress`] on, the stress countdown and period. Shared, never moved: its
    /// address is a constant in the machine code, so the code may only run while this
    /// `CompiledTrace` (or a clone) is alive. The code updates the words with plain stores
    /// on the thread running it; Rust reads them with relaxed atomic loads.
    pub exit_data: std::sync::Arc<[std::sync::atomic::AtomicU64]>,
    /// The trace's passes over its body (entries plus back-edges) when it was compiled
    /// with [`LowerOptions::count_runs`] (else 0); shared and never moved like
    /// `exit_data` (its address is a constant in the code).
    pub runs: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The installed machine code.
    pub code: JitFunction,
    /// Wall time of [`lower()`] (IR → Cranelift IR), in microseconds.
    pub lower_us: u64,
    /// Number of IR parameters (words read from `args`).
    pub params: usize,
    /// Words of `out` the trace may write: 1 for `ret`, else the largest snapshot.
    pub out_words: usize,
    /// The exit points in order (`ExitId(n)` is `exits[n]`), for decoding status words
    /// without the IR.
    pub exits: Vec<ExitInfo>,
}

/// One exit point of a compiled trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitInfo {
    /// The instruction that exits (guard, overflow-checked op, division, `exit`).
    pub insn: InsnId,
    /// Its snapshot.
    pub snap: SnapId,
    /// Number of snapshot entries.
    pub entries: usize,
    /// Words of `out` written on this exit: the entries, then the `release` list.
    pub words: usize,
}

/// How a compiled trace finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceOutcome {
    /// `ret %v`: the bits of `%v` (`f64` as IEEE bits, `bool` as 0/1).
    Ret(u64),
    /// Left through exit point `exit`; `values[k]` holds the bits of the exit's snapshot
    /// entry `k` (0 for `none` entries), then one word per value of its `release` list.
    Exit {
        /// The exit point (index into `Func::exits()`).
        exit: ExitId,
        /// One word per snapshot entry.
        values: Vec<u64>,
    },
}

impl CompiledTrace {
    /// How many times each exit was taken (index = [`ExitId`]), counted by the machine code
    /// (bridged exits included). The tier manager compares them with its hot-exit threshold
    /// (`link::DEFAULT_HOT_EXIT`) to decide when to record a side trace.
    pub fn exit_counts(&self) -> Vec<u64> {
        use std::sync::atomic::Ordering;
        self.exit_data
            .iter()
            .take(self.exits.len())
            .map(|c| c.load(Ordering::Relaxed))
            .collect()
    }

    /// Runs the trace with `args` (one word per IR parameter, see [`TraceFn`]).
    ///
    /// # Safety
    /// Every `ptr` argument must be valid for what the trace does with it (frame slots read
    /// and written at `16 * n` byte offsets), the helpers it calls must be callable with the
    /// arguments it passes, and the code must still be live (backend not dropped, arena not
    /// reset).
    ///
    /// # Errors
    /// A message if `args` has the wrong length, the loop fuel ran out or the status word is
    /// not a known exit.
    pub unsafe fn run(&self, args: &[u64]) -> Result<TraceOutcome, String> {
        if args.len() != self.params {
            return Err(format!("{} arguments for {} parameters", args.len(), self.params));
        }
        let mut out = vec![0u64; self.out_words.max(1)];
        // SAFETY: the code was compiled by `Backend::compile_trace` with the `TraceFn` ABI;
        // `args` has one word per parameter and `out` room for every word the trace writes
        // (`out_words`); pointer arguments are the caller's responsibility (see above).
        let status = unsafe {
            let entry: TraceFn = self.code.as_fn();
            entry(args.as_ptr(), out.as_mut_ptr())
        };
        if status == STATUS_OUT_OF_FUEL {
            return Err("out of fuel (loop_fuel back-edges)".to_string());
        }
        if status == STATUS_RET {
            return Ok(TraceOutcome::Ret(out.first().copied().unwrap_or(0)));
        }
        if status == STATUS_INVALIDATED || status & STATUS_LINK != 0 || status >> 32 != u64::from(self.id) {
            return Err(format!(
                "status word {status:#x} of another trace (run linked traces through link::TraceSet)"
            ));
        }
        let n = (status & 0xffff_ffff) - 1;
        let info = usize::try_from(n)
            .ok()
            .and_then(|n| self.exits.get(n))
            .ok_or_else(|| format!("unknown status word {status}"))?;
        out.truncate(info.words);
        Ok(TraceOutcome::Exit {
            exit: ExitId(n as u32),
            values: out,
        })
    }
}

impl Backend {
    /// Lowers the trace `func` ([`lower()`]), compiles it and installs it.
    ///
    /// # Errors
    /// As [`lower()`] and [`Backend::compile`].
    pub fn compile_trace(&mut self, func: &Func, helpers: &HelperTable) -> Result<CompiledTrace, CompileError> {
        self.compile_trace_with(func, helpers, &LowerOptions::default())
    }

    /// [`Backend::compile_trace`] with lowering options.
    ///
    /// # Errors
    /// As [`Backend::compile_trace`].
    pub fn compile_trace_with(
        &mut self,
        func: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
    ) -> Result<CompiledTrace, CompileError> {
        self.compile_trace_linked(func, helpers, opts, &|_| None, None)
    }

    /// [`Backend::compile_trace_with`] for a trace that may `link` to others: `target` gives
    /// the id of a trace by name ([`CompiledTrace::id`]); `side` says where a side trace's
    /// parameters come from (see [`SideParams`]; `None` for a root trace).
    ///
    /// # Errors
    /// As [`Backend::compile_trace`], and a `link` to a name `target` does not know.
    pub fn compile_trace_linked(
        &mut self,
        func: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
        target: &dyn Fn(&str) -> Option<u32>,
        side: Option<SideParams<'_>>,
    ) -> Result<CompiledTrace, CompileError> {
        let (clif, lowered) = self.lower_trace(func, helpers, opts, target, side)?;
        let cg = self.codegen(clif);
        self.finish_trace(lowered, cg, helpers)
    }

    /// The first half of [`Backend::compile_trace_linked`]: allocates the trace's id and
    /// exit data and lowers it to a Cranelift function, to be compiled by [`codegen`] (here
    /// or on a [`worker::CodegenWorker`]) and installed by [`Backend::finish_trace`].
    ///
    /// # Errors
    /// As [`lower()`] (counted as a failure), and a `link` to a name `target` does not know.
    pub fn lower_trace(
        &mut self,
        func: &Func,
        helpers: &HelperTable,
        opts: &LowerOptions,
        target: &dyn Fn(&str) -> Option<u32>,
        side: Option<SideParams<'_>>,
    ) -> Result<(Function, LoweredTrace), CompileError> {
        let start = Instant::now();
        let n_exits = func.exits().len();
        // Counters, bridge slots, then the deopt-stress countdown and period (only with
        // stress on; both start at N).
        let stress = 2 * usize::from(opts.deopt_stress > 0 && n_exits > 0);
        let exit_data: std::sync::Arc<[std::sync::atomic::AtomicU64]> = (0..2 * n_exits + stress)
            .map(|k| {
                std::sync::atomic::AtomicU64::new(if k >= 2 * n_exits {
                    u64::from(opts.deopt_stress)
                } else {
                    0
                })
            })
            .collect();
        let id = self.next_trace_id;
        let runs = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let env = LinkEnv {
            trace_id: id,
            exit_data: if n_exits == 0 { 0 } else { exit_data.as_ptr() as usize },
            target,
            side,
            runs: runs.as_ptr() as usize,
        };
        let clif = match lower_linked(func, &*self.isa, helpers, opts, &env) {
            Ok(c) => c,
            Err(e) => {
                self.stats.failures += 1;
                return Err(e);
            }
        };
        let lower_us = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
        // (the id is taken: its exit status words are in the code)
        self.next_trace_id = self.next_trace_id.wrapping_add(1);
        let link_words = func
            .insns
            .iter()
            .filter(|i| i.op == crate::ir::Op::Link)
            .map(|i| i.args.len());
        let out_words = func
            .snaps
            .iter()
            .map(|s| s.words())
            .chain(link_words)
            .max()
            .unwrap_or(0)
            .max(1);
        let exits = func
            .exits()
            .into_iter()
            .filter_map(|insn| {
                let snap = func.insn(insn)?.snap?;
                let s = func.snaps.get(snap.index())?;
                Some(ExitInfo {
                    insn,
                    snap,
                    entries: s.entries.len(),
                    words: s.words(),
                })
            })
            .collect();
        Ok((
            clif,
            LoweredTrace {
                name: func.name.clone(),
                id,
                exit_data,
                runs,
                lower_us,
                params: func.params.len(),
                out_words,
                exits,
            },
        ))
    }

    /// The second half of [`Backend::compile_trace_linked`]: installs the machine code `cg`
    /// of trace `t` (see [`Backend::lower_trace`]) and returns the compiled trace.
    ///
    /// # Errors
    /// The error of `cg`, or as [`Backend::compile`]'s install (arena, relocations); every
    /// failure is counted.
    pub fn finish_trace(
        &mut self,
        t: LoweredTrace,
        cg: Result<Codegen, CompileError>,
        helpers: &HelperTable,
    ) -> Result<CompiledTrace, CompileError> {
        let code = self.install_named(cg, helpers, &format!("taipan-trace:{}", t.name))?;
        Ok(CompiledTrace {
            id: t.id,
            exit_data: t.exit_data,
            runs: t.runs,
            code,
            lower_us: t.lower_us,
            params: t.params,
            out_words: t.out_words,
            exits: t.exits,
        })
    }
}

/// A trace lowered to Cranelift IR, waiting for its machine code: everything of its
/// [`CompiledTrace`] but the code ([`Backend::lower_trace`] → [`codegen`] →
/// [`Backend::finish_trace`]). Its exit data is already the one the code will use.
#[derive(Debug)]
pub struct LoweredTrace {
    /// The trace's name (for the perf map).
    pub name: String,
    /// Its id ([`CompiledTrace::id`]).
    pub id: u32,
    exit_data: std::sync::Arc<[std::sync::atomic::AtomicU64]>,
    runs: std::sync::Arc<std::sync::atomic::AtomicU64>,
    lower_us: u64,
    params: usize,
    out_words: usize,
    exits: Vec<ExitInfo>,
}

/// Declares runtime helper `index` (of a [`HelperTable`]) with signature `sig` in `func`,
/// as a non-colocated import (called through an absolute address), and returns its `FuncRef`.
pub fn import_helper(func: &mut Function, index: u32, sig: Signature) -> FuncRef {
    let name = func.declare_imported_user_function(UserExternalName::new(HELPER_NAMESPACE, index));
    let signature = func.import_signature(sig);
    func.import_function(ExtFuncData {
        name: ExternalName::User(name),
        signature,
        colocated: false,
        patchable: false,
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_link;
#[cfg(test)]
mod tests_lower;
#[cfg(test)]
mod tests_stress;
