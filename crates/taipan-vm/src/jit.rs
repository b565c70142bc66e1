//! The interpreter's side of the trace JIT (issue 5): hot-loop counters, recording, compiled
//! traces, entering them and deoptimizing at their exits. The JIT itself (IR, recorder,
//! optimizer, Cranelift backend) is the `taipan-jit` crate; this module wires it in.
//!
//! # Life of a loop
//! 1. **Counting.** Every taken backward jump (`JUMP`, a conditional jump, a fused
//!    compare-and-jump: a *back-edge*) of a frame counts in the loop table of its code
//!    object ([`CodeLoops`], one [`LoopEntry`] per loop header = the jump's target). At the
//!    threshold (`--jit-threshold`) the loop is recorded.
//! 2. **Recording.** The dispatch loop is generic over `const RECORD: bool`; the two
//!    instances are switched by a trampoline (`Vm::run_until_error`): the instance that
//!    decides to switch stores the frame's instruction index and returns with
//!    [`JitState::switch`] set (no recursion). The recording instance calls
//!    [`Vm::jit_record_hook`] before every instruction, which hands the frame's *raw*
//!    instruction (`code.raw.instructions[pc]`, never a quickened form) to
//!    `Recorder::record`; that instance also fetches and executes the raw instructions and
//!    does not fuse an instruction with the next one, so the recorder sees every
//!    instruction it is told about executed alone. An instruction of another frame (a
//!    call, an exception handler, a nested `run_frame`) ends the recording as an abort.
//! 3. **Compiling.** A closed trace goes through `opt::pipeline`, its snapshots are checked
//!    against what the deoptimizer can restore, and it is compiled into the Vm's
//!    `TraceSet`. The loop entry keeps the compiled trace with its optimized IR.
//! 4. **Running.** At a back-edge to a header with a trace, the frame's locals (and, at a
//!    `for` loop's header, its iterators) are written into an entry buffer
//!    (`jit_run.rs`), the machine code runs until one of its exits, and the exit's
//!    snapshot is written back into the frame; the interpreter resumes at the snapshot's
//!    index.
//! 5. **Giving up.** A loop whose recordings abort [`MAX_ABORTS`] times is blacklisted
//!    (each abort doubles its threshold first); a trace whose entry guards fail
//!    [`MAX_ENTRY_FAILS`] times in a row (a type-unstable loop) is dropped and the loop
//!    counts again from a much higher threshold ([`MAX_DROPS`] drops: blacklisted); it is
//!    kept as the loop's `prev` trace, and once the loop has a new trace the two swap at
//!    each entry-guard failure ([`LoopEntry::prev`]).
//!
//! Options are declared once in [`jit_options!`]'s table (name, environment variable,
//! command-line flag, default, doc); parsing, the CLI help and `--jit-stats`'s settings
//! line derive from it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Instant;

use taipan_bytecode::Instruction;
use taipan_jit::backend::CompiledTrace;
use taipan_jit::backend::link::TraceSet;
use taipan_jit::ir::{Func, SnapVal, Tag, Type};
use taipan_jit::record::{AbortCounts, AbortReason, CodeInfo, Recorder, SideEntry, SideVal, Step};

use crate::code::Code;
use crate::interp::Frame;
use crate::vm::Vm;

#[path = "jit_alloc.rs"]
mod alloc;
#[path = "jit_attrs.rs"]
mod attrs;
#[path = "jit_compile.rs"]
mod compile;
#[path = "jit_dicts.rs"]
mod dicts;
#[path = "jit_dump.rs"]
pub mod dump;
#[path = "jit_func.rs"]
mod func;
#[path = "jit_globals.rs"]
mod globals;
#[path = "jit_helpers.rs"]
mod helpers;
#[path = "jit_inval.rs"]
pub(crate) mod inval;
#[path = "jit_options.rs"]
mod options;
#[path = "jit_run.rs"]
mod run;

pub use func::{FnState, FuncJit};
pub use options::*;

/// Aborted recordings of one loop before it is blacklisted.
pub const MAX_ABORTS: u8 = 3;

/// Consecutive exits through the entry guards (nothing of an iteration done) before a
/// trace is dropped.
pub const MAX_ENTRY_FAILS: u32 = 100;

/// First arrivals in a row whose entry guards failed before a loop's trace is no longer
/// entered at first arrivals (`CodeLoops::takes_first`); back-edges still enter it.
pub const MAX_FIRST_FAILS: u32 = 8;

/// `LeftLoop` aborts of one loop retried at its next back-edge before they count towards
/// [`MAX_ABORTS`]: a `while` loop whose iterations often end with a `return` or `break`
/// (bench/programs/mandelbrot.py's escape loop: a point escapes after a few iterations)
/// has a fair chance that the iteration after a back-edge is a last one; the next
/// recording usually records a whole iteration.
pub const MAX_LEFT: u8 = 8;

/// `LoopExhausted` aborts of one loop (its `for` loop ended in the iteration recorded)
/// retried at its next back-edge before each further one counts towards [`MAX_ABORTS`]: a
/// loop over one- or two-item lists ends in the very iteration after its back-edge every
/// time, and without a bound it was recorded at every run of it (bm_deltablue
/// `--loops 20`: 523 such recordings).
pub const MAX_EXHAUSTED: u8 = 8;

/// Dropped traces of one loop before it is blacklisted.
pub const MAX_DROPS: u8 = 3;

/// Factor applied to the threshold of a loop whose trace was dropped.
const DROP_BACKOFF: u32 = 64;

/// The deepest chain of side traces (a side trace of a side trace ...): each level is one
/// native call frame while the chain runs.
const MAX_SIDE_LEVEL: u8 = 6;

/// Aborted side recordings at one exit before that exit is left to the interpreter.
const MAX_SIDE_ABORTS: u8 = 3;

/// A compiled trace with what the deoptimizer needs: a root trace (entered at its loop
/// header; a loop, or a straight path ending in a link into another root trace) or a side
/// trace (entered from an exit of its parent).
pub struct Trace {
    /// The machine code (its exits' snapshots index `func.snaps`).
    pub compiled: CompiledTrace,
    /// The optimized IR the code was compiled from.
    pub func: Func,
    /// The loop header of the root trace of its tree (where the root is entered).
    pub header: u32,
    /// Operand stack depth at the header (`for` loops' iterators).
    pub depth: usize,
    /// Consecutive exits through the entry guards (root traces) at back-edges.
    pub entry_fails: std::cell::Cell<u32>,
    /// Consecutive exits through the entry guards at first arrivals (`LOOP_ENTRY`).
    pub first_fails: std::cell::Cell<u32>,
    /// The trace's own known objects (its snapshots' `objK`) and the pins it was recorded
    /// with (`jit_globals.rs`).
    pins: globals::Pins,
    /// What the root trace and its side traces share.
    tree: Rc<Tree>,
    /// A root trace (else a side trace).
    root: bool,
    /// Root traces: the tag each slot must hold at the entry (for traces linking here).
    entry_tags: Vec<(u32, Tag)>,
    /// Root traces: the locals dead at the entry and the tag the trace assigns them first
    /// (`Recorder::dead_tags`), checked when the interpreter enters the trace
    /// ([`Vm::jit_dead_tags_hold`]).
    dead_tags: Vec<(u32, Tag)>,
    /// Per exit: side recordings attempted there (aborted or failed).
    tries: RefCell<Vec<u8>>,
    /// 0 for a root trace, its parent's plus 1 for a side trace.
    level: u8,
    /// Bytecode instructions recorded: one pass over the trace's body runs that many
    /// (`--jit-stats`' share of bytecodes run in machine code).
    bytecodes: u32,
    /// The run (`JitState::runs`) in which the trace's `link` (a trace has at most one: it
    /// ends the trace) was last resolved and its target checked (`jit_run.rs`); 0: never.
    link_run: Cell<u64>,
    /// The id of the trace that link entered in that run.
    link_to: Cell<u32>,
    /// That trace's entry (checked by `link::entry_of`).
    link_entry: Cell<Option<taipan_jit::backend::TraceFn>>,
    /// That trace's tree (its address, for the call area's word 3).
    link_tree: Cell<usize>,
    /// Whether the trace may hold owned values (`Recorder::holds_owned`: it makes opaque
    /// calls, `func::py_call`, or slices sequences); only such traces exit through a call
    /// snapshot of a loop trace.
    py_calls: bool,
    /// Whether the trace's link stores into the entry buffer a word only its container keeps
    /// alive (`Recorder::link_stores_foreign`): a run that takes it makes no opaque call and
    /// no slice store (word 4 of the call area, `jit_enter`).
    link_foreign: bool,
    /// The opaque calls the trace makes inside inlined calls, by the innermost frame of
    /// their call snapshots (`Recorder::inlined_call_sites`; `jit_mframe.rs`).
    frame_calls: Vec<taipan_jit::record::FrameCall>,
    /// Per exit, how a loop call returns there without a frame (`jit_loop_call.rs`).
    loop_returns: std::cell::OnceCell<Box<[Option<run::ExitReturn>]>>,
}

/// The most replaced kept objects a marked run gathers before it ends at a link
/// ([`JitState::kept_old`]).
pub(crate) const KEPT_OLD_MAX: usize = 256;

/// What a root trace and its side traces share.
pub struct Tree {
    /// Every global binding a trace of the tree assumes (registered as records in
    /// `jit_inval.rs` when the tree is installed or a side trace attached: a change of one
    /// invalidates the tree).
    pins: RefCell<globals::Pins>,
    /// The deepest nesting of Python calls inlined into a trace of the tree.
    inline: Cell<usize>,
    /// Side traces attached.
    sides: Cell<u32>,
    /// The run (`JitState::runs`) in which a link last found the tree's entry check
    /// passing: later links into it in the same run need no check.
    checked_run: Cell<u64>,
    /// Runs of the root counted since the last check of `redone` ([`REDO_WINDOW`]).
    runs: Cell<u32>,
    /// For a root that makes opaque calls (`py_call`): its pass counter (entries plus
    /// back-edges, `LowerOptions::count_runs`) and its value at the start of the window.
    /// A window of runs with less than one back-edge per entry on average drops the trace
    /// (`jit_redo_heavy`): each run paid an entry, an exit and the calls' overhead for
    /// less than an iteration (bm_fannkuch's `while r != n` loop, which breaks at once).
    passes: Option<(std::sync::Arc<std::sync::atomic::AtomicU64>, Cell<u64>)>,
    /// Of those runs, the ones that ended at an exit left to the interpreter (its side
    /// recordings kept aborting) that redoes an inlined call (`jit_run.rs`, `jit_exit`).
    redone: Cell<u32>,
    /// A trace of the tree stores yielded values into a consumer's sink
    /// (`Recorder::yields_to_sink`): the tree is entered only while a sink is installed for
    /// the frame ([`Vm::jit_may_enter`]).
    pub(crate) sink: Cell<bool>,
    /// The tree's invalidation flag and records (`jit_inval.rs`).
    pub(crate) inval: inval::TreeInval,
}

impl Tree {
    /// Whether the tree may run on a frame whose globals are `g`: it was not invalidated
    /// (no binding it assumes changed) and it was recorded with these globals.
    #[inline]
    pub(crate) fn holds(&self, g: &crate::value::Obj) -> bool {
        !self.inval.invalid() && self.pins.borrow().globals_match(g)
    }
}

/// Runs of a root trace after which the share of runs ending by redoing an inlined call
/// at an abandoned exit is checked (more than half: the trace is dropped, see `jit_exit`).
pub(crate) const REDO_WINDOW: u32 = 256;

/// What a loop header is doing.
pub enum LoopState {
    /// Counting back-edges up to `threshold`.
    Counting,
    /// Recording (by the Vm's current recording).
    Recording,
    /// Compiled: entered at each back-edge.
    Compiled(Rc<Trace>),
    /// Never recorded again.
    Blacklisted,
}

/// One loop header of a code object.
pub struct LoopEntry {
    /// The header's instruction index.
    pub header: u32,
    /// Back-edges counted since the last reset.
    pub count: u32,
    /// Back-edges before the next recording.
    pub threshold: u32,
    /// Aborted recordings.
    pub aborts: u8,
    /// Recordings that left the loop in the iteration they recorded (`LeftLoop`), retried
    /// at once up to [`MAX_LEFT`] times before they count as aborts.
    pub left: u8,
    /// Recordings that ended with the `for` loop (`LoopExhausted`), retried at the next
    /// back-edge up to [`MAX_EXHAUSTED`] times before they count as aborts.
    pub exhausted: u8,
    /// Dropped traces.
    pub drops: u8,
    /// The state.
    pub state: LoopState,
    /// Locals (bit `n`: local `n`) whose loop-entry value recordings own, so an owned value
    /// they hold at the back edge is carried by an owned phi (`record/alloc.rs`).
    pub owned_locals: u64,
    /// The root trace last dropped because its entry guards kept failing (a loop entered
    /// with two type mixes in turn, e.g. a function called on a list of ints, then on a list
    /// of floats): still valid, not invalidated. When the current trace's entry guards fail,
    /// the two swap places ([`Vm::jit_swap_prev`]), so both kinds of entry keep a trace.
    pub prev: Option<Rc<Trace>>,
}

impl LoopEntry {
    /// After an abort or a dropped trace: counting restarts from zero towards a threshold
    /// `factor` times higher, or the loop is blacklisted when `black`. Returns `black`.
    fn back_off(&mut self, factor: u32, black: bool) -> bool {
        self.count = 0;
        self.threshold = self.threshold.saturating_mul(factor);
        self.state = if black {
            LoopState::Blacklisted
        } else {
            LoopState::Counting
        };
        black
    }
}

/// The loop table of one code object (few loops: a linear search).
#[derive(Default)]
pub struct CodeLoops {
    entries: RefCell<Vec<LoopEntry>>,
    /// Per instruction index: the loop headed there is blacklisted (permanently), so its
    /// back-edges skip the out-of-line call ([`Vm::jit_back_edge`]).
    black: Box<[Cell<bool>]>,
    /// Per instruction index: the loop headed there has a compiled root trace that is
    /// entered at the loop's first arrival too (`LOOP_ENTRY`, before the header), not only
    /// at its back-edges. Set when the trace is installed; cleared when the loop has no
    /// compiled trace at such an arrival, or after [`MAX_FIRST_FAILS`] first arrivals in a
    /// row failed the trace's entry guards (locals whose type before the loop differs from
    /// their type in it: `s = 0` before `s += x` over floats).
    first: Box<[Cell<bool>]>,
    /// A trace of this code uses the call area (`Recorder::uses_call_area`): only then do its
    /// runs write the area's context and do the per-link work of opaque calls and kept
    /// objects (`jit_enter`), which costs a numeric loop nest's links about 10 instructions
    /// each (`bench/programs/fannkuch.py 8`: 150.3M → 157.1M instructions).
    pub(crate) area: Cell<bool>,
    /// Whether a trace of this code makes opaque calls or slice stores
    /// (`Recorder::checks_run_mark`): links recorded into its loops keep the borrowed words
    /// they store (`LinkTarget::calls`) rather than mark the run, whose opaque calls would
    /// then all exit (bm_richards' `t = t.link` links).
    pub(crate) calls: Cell<bool>,
    /// A recording that inlined a loop call of this code's function aborted: calls of it
    /// are opaque calls from now on (`record/pycall.rs`, "Loop calls"; `func::loop_call`).
    pub(crate) no_loop_call: Cell<bool>,
    /// A recording that inlined this code as a class's `__init__` aborted inside it: calls
    /// of the class are opaque calls from now on (`record/alloc.rs`, `jit_attrs.rs`).
    pub(crate) no_init_inline: Cell<bool>,
}

/// A recording in progress.
pub struct Recording {
    rec: Recorder,
    /// Globals and module attributes pinned so far, and the known objects.
    pins: RefCell<globals::Pins>,
    /// Addresses of the frames of the calls being inlined, outermost first (identity
    /// only; never dereferenced).
    callees: Vec<usize>,
    /// Address of the recorded frame (identity only; never dereferenced).
    frame: usize,
    code: Rc<Code>,
    header: u32,
    depth: usize,
    started: Instant,
    /// The recorded instructions as text, for `--jit-dump=bytecode`.
    log: Option<Vec<String>>,
    /// A side recording: the parent trace and its exit.
    side: Option<(Rc<Trace>, u32)>,
    /// The number of pins copied from the parent (a side recording's new pins follow).
    pins_base: usize,
}

/// Counters for `--jit-stats`.
#[derive(Clone, Copy, Debug, Default)]
pub struct JitCounters {
    /// Recordings started.
    pub recordings: u64,
    /// Recordings that closed a loop.
    pub closed: u64,
    /// Traces compiled and installed.
    pub compiled: u64,
    /// Closed traces that failed to optimize or compile (or to pass the snapshot check).
    pub compile_failures: u64,
    /// Time the VM's thread spent recording, optimizing, lowering and installing (and
    /// compiling, for traces not compiled in the background), in microseconds.
    pub compile_us: u64,
    /// Compilations handed to the compilation thread (`--jit-async`).
    pub async_compiles: u64,
    /// Trace entries.
    pub entries: u64,
    /// Bytecode instructions the interpreter executed (counted with `--jit-stats` only).
    pub interp_instrs: u64,
    /// Trace exits (each entry ends in one).
    pub exits: u64,
    /// Exits through an entry guard (nothing of an iteration done).
    pub entry_fails: u64,
    /// Values written back into frames at exits.
    pub restored: u64,
    /// Opaque calls made by loop traces (`py_call`).
    pub py_calls: u64,
    /// Exits through multi-frame snapshots (frames rebuilt, `jit_mframe.rs`).
    pub frame_exits: u64,
    /// Traces dropped (entry guards kept failing, a global binding changed, or a run
    /// error).
    pub dropped: u64,
    /// Entry-guard failures after which the loop's `prev` trace took the current one's
    /// place ([`LoopEntry::prev`]).
    pub swaps: u64,
    /// Entries refused because a global binding the trace assumes changed (its tree was
    /// invalidated) or the frame's globals are not the recorded ones.
    pub pin_fails: u64,
    /// Loops blacklisted.
    pub blacklisted: u64,
    /// Side recordings started at hot exits.
    pub side_recordings: u64,
    /// Side traces compiled and attached to their exit.
    pub bridges: u64,
    /// Side recordings aborted or failed to compile.
    pub side_failures: u64,
    /// Links followed from one trace into a root trace.
    pub links: u64,
    /// Links that found no live trace to enter (resumed in the interpreter).
    pub link_misses: u64,
    /// Exits taken from side traces.
    pub side_exits: u64,
    /// Of `compile_us`: recording the traces that were then built (from the start of each
    /// recording to its end; aborted recordings count in `compile_us` only), in
    /// microseconds.
    pub record_us: u64,
    /// Of `compile_us`: the optimizer (`opt::pipeline`), in microseconds.
    pub opt_us: u64,
    /// Of `compile_us`: lowering to Cranelift IR, in microseconds.
    pub lower_us: u64,
    /// Iterator objects made at exits for iterators linked traces held in the entry
    /// buffer only (nested `for` loops over ranges made in the outer body).
    pub materialized: u64,
}

/// The JIT's per-Vm state.
pub struct JitState {
    /// Whether back-edges are counted at all (`--jit=on`).
    pub on: bool,
    /// Runs of root traces started from the interpreter (`jit_enter`), numbering them
    /// for [`Tree`]'s `checked_run`.
    pub(crate) runs: u64,
    /// Set by a dispatch loop instance that returns only to let the trampoline switch
    /// between the recording and the plain instance.
    pub switch: bool,
    /// Set with `switch` by the plain instance at a back-edge the JIT must see: the
    /// innermost frame's `ip` is the loop header (`Vm::jit_back_edge_top`).
    pub back_edge: bool,
    /// Set with `back_edge` by the plain instance's `LOOP_ENTRY`: the innermost frame
    /// arrived at the loop header from outside the loop (not through a back-edge), and the
    /// loop's trace takes first arrivals ([`CodeLoops::takes_first`]).
    pub first_arrival: bool,
    /// Set with `switch` by the plain instance after pushing the frame of a call whose
    /// function the JIT must see ([`FuncJit::hot`]; `Vm::jit_func_entry_top`).
    pub fn_entry: bool,
    /// Function traces (`jit_func.rs`).
    pub fx: FnState,
    /// The settings.
    pub opts: JitOptions,
    /// The recording in progress.
    pub recording: Option<Box<Recording>>,
    /// The closed recording whose code the compilation thread is making (`jit_compile.rs`,
    /// "Background compilation"); no recording starts while it is set.
    pub(crate) compiling: Option<compile::Compiling>,
    /// The compilation thread (started at the first background compilation).
    worker: Option<taipan_jit::backend::worker::CodegenWorker>,
    /// The compilation thread could not be started: compile on this thread.
    worker_failed: bool,
    set: Option<TraceSet>,
    /// The backend could not be created: the JIT stays off.
    broken: bool,
    /// The counters.
    pub counters: JitCounters,
    /// Trees invalidated because a binding they assume changed (`jit_inval.rs`; shared
    /// with every tree, which counts itself when the registry invalidates it).
    pub(crate) invalidations: Rc<Cell<u64>>,
    /// Aborted recordings by reason.
    pub aborts: AbortCounts,
    /// Reused entry buffer (two words per slot).
    buf: Vec<u64>,
    /// Names of the traces compiled so far (unique in the `TraceSet`).
    next_name: u64,
    /// `--jit-dump`, when on.
    pub dump: Option<dump::JitDump>,
    /// Per compiled trace: microseconds from the start of its recording to its
    /// installation (recording, optimization, lowering, Cranelift), in compile order.
    pub trace_compile_us: Vec<u64>,
    /// Every compiled trace (root and side) by its id (the high half of its exit status).
    by_id: TraceIds,
    /// Words of `out` any run needs (the most any trace of the set writes).
    out_words: usize,
    /// The call area of loop traces' opaque calls (`taipan_jit::record::AREA_SLOTS` 16-byte
    /// slots; `func::py_call`): word 0 the VM's address, word 1 the running frame's code,
    /// word 2 its globals' object word, word 3 the running tree (set at each entry and
    /// link), word 4 whether a link of the run stored a word only its container keeps alive
    /// (`Trace::link_foreign`; the helper then makes no call, and slice stores and the
    /// dropping of [`JitState::kept_old`] wait for the run's end); then the arguments and
    /// the result. Boxed: its address is a constant of
    /// the traces.
    pub(crate) call_area: Box<[u64]>,
    /// The exception an exit through an opaque call's snapshot raises at the `CALL`
    /// (`jit_run.rs`), taken by `Vm::jit_back_edge_top`.
    pub(crate) raise: Option<crate::PyErr>,
    /// The frames an exit through a multi-frame snapshot rebuilt (`jit_mframe.rs`),
    /// outermost first, for the run's caller to link on top of the frame chain.
    // (boxed: the interpreter's frame chain links boxed frames, `Frame::back`)
    #[allow(clippy::vec_box)]
    pub(crate) mframes: Vec<Box<Frame>>,
    /// Reused `out` buffer of runs.
    out: Vec<u64>,
    /// Reused entry buffer and `out` of loop calls run without a frame
    /// (`Vm::loop_call_fast`; an outer run holds `buf` and `out`).
    loop_buf: (Vec<u64>, Vec<u64>),
    /// Reused list of values to restore at an exit.
    restore: Vec<(usize, crate::value::Value)>,
    /// Reused list of the extra frames' values at a multi-frame exit (`jit_mframe.rs`):
    /// (frame, 1-based; slot; value).
    pub(crate) frame_vals: Vec<(usize, u32, crate::value::Value)>,
    /// `(stride, value_offset)` of instance dict entries (`attrs::dict_value_layout`), for
    /// the recorder's `@attr_base` loads.
    dict_layout: (u32, u32),
    /// The object layout the inline helpers load from, measured at the first compile
    /// (`None` inside: the measurement was ambiguous, traces call the helpers).
    layout: Option<Option<helpers::ObjLayout>>,
    /// Reused list of iterator objects made at an exit (`jit_run.rs`, `materialize`).
    fresh: Vec<crate::value::Value>,
    /// The running run's *kept* objects, by entry-buffer slot (`helpers::run_keep`): a link
    /// of a trace that holds owned values stores each object word it writes into the
    /// buffer here as a counted reference too, so the buffer's words stay alive for the
    /// whole run whatever opaque calls and slice stores free; dropped when the run has
    /// written its exit into the frame (`jit_enter`; a nested run keeps its own).
    pub(crate) kept: Vec<Option<crate::value::Value>>,
    /// Objects a link's `run_keep` calls replaced in [`JitState::kept`], dropped by its
    /// `run_kept` once every word of the link is kept (a swap of two slots must not free
    /// the word it is about to keep) — or, once the run is marked (word 4 of the call area:
    /// a borrowed word in the buffer may live in one of them), when the run ends; a run
    /// that gathers more than [`KEPT_OLD_MAX`] ends at its next link.
    pub(crate) kept_old: Vec<crate::value::Value>,
    /// The kept objects of the runs this one is nested in (`jit_enter`).
    pub(crate) kept_outer: Vec<(Vec<Option<crate::value::Value>>, Vec<crate::value::Value>)>,
}

impl Drop for JitState {
    /// The trees go with the Vm: their records leave the (per-thread) registry.
    fn drop(&mut self) {
        for t in self.by_id.values() {
            inval::retire(&t.tree);
        }
    }
}

impl JitState {
    /// The state for the options of the environment and command line.
    pub fn from_env() -> JitState {
        JitState::new(JitOptions::from_env())
    }

    /// The state for `opts`. A JIT that is off has nothing to report: with `enabled` off,
    /// `stats` is turned off too (`--jit=off --jit-stats` prints nothing).
    pub fn new(mut opts: JitOptions) -> JitState {
        opts.stats &= opts.enabled;
        let dump = dump::JitDump::from_opts(&opts);
        JitState {
            on: opts.enabled,
            runs: 0,
            switch: false,
            back_edge: false,
            fn_entry: false,
            first_arrival: false,
            fx: FnState::default(),
            opts,
            recording: None,
            compiling: None,
            worker: None,
            worker_failed: false,
            set: None,
            broken: false,
            counters: JitCounters::default(),
            invalidations: Rc::new(Cell::new(0)),
            aborts: AbortCounts::default(),
            buf: Vec::new(),
            next_name: 0,
            dump,
            trace_compile_us: Vec::new(),
            by_id: TraceIds::default(),
            out_words: 1,
            call_area: vec![0u64; 2 * taipan_jit::record::AREA_SLOTS].into_boxed_slice(),
            raise: None,
            mframes: Vec::new(),
            out: Vec::new(),
            loop_buf: (Vec::new(), Vec::new()),
            restore: Vec::new(),
            frame_vals: Vec::new(),
            dict_layout: attrs::dict_value_layout(),
            layout: None,
            fresh: Vec::new(),
            kept: Vec::new(),
            kept_old: Vec::new(),
            kept_outer: Vec::new(),
        }
    }

    /// No backend could be created: nothing is compiled.
    pub(crate) fn broken(&self) -> bool {
        self.broken
    }

    /// A recording runs, or a closed one waits for its code: no recording may start.
    pub(crate) fn busy(&self) -> bool {
        self.recording.is_some() || self.compiling.is_some()
    }

    /// The `--jit-stats` report.
    pub fn report(&self) -> String {
        let c = &self.counters;
        let mut s = String::from("taipan JIT statistics:\n");
        let settings: Vec<String> = OPTIONS
            .iter()
            .map(|o| format!("{}={}", o.name, self.opts.show(o.name).unwrap_or_default()))
            .collect();
        s.push_str(&format!("  settings: {}\n", settings.join(" ")));
        s.push_str(&format!(
            "  loops: recorded={} closed={} compiled={} compile_failures={} aborted={} blacklisted={} dropped={}\n",
            c.recordings,
            c.closed,
            c.compiled,
            c.compile_failures,
            self.aborts.total(),
            c.blacklisted,
            c.dropped
        ));
        let reasons: Vec<String> = self
            .aborts
            .iter()
            .filter(|&(_, n)| n > 0)
            .map(|(r, n)| format!("{}={n}", r.name()))
            .collect();
        if !reasons.is_empty() {
            s.push_str(&format!("  aborts: {}\n", reasons.join(" ")));
        }
        s.push_str(&format!(
            "  traces: entries={} exits={} entry_guard_exits={} values_restored={} global_guard_fails={} swaps={} py_calls={} owned_balance={} frame_exits={}\n",
            c.entries, c.exits, c.entry_fails, c.restored, c.pin_fails, c.swaps, c.py_calls, helpers::owned_balance(), c.frame_exits
        ));
        s.push_str(&format!(
            "  assumptions: invalidations={} records={}\n",
            self.invalidations.get(),
            inval::live_records()
        ));
        s.push_str(&format!(
            "  function traces: func_compiled={} func_runs={} func_calls={}\n",
            self.fx.compiled, self.fx.runs, self.fx.calls_made
        ));
        s.push_str(&format!(
            "  side traces: recorded={} attached={} failed={} side_exits={} links={} link_misses={} materialized={}\n",
            c.side_recordings, c.bridges, c.side_failures, c.side_exits, c.links, c.link_misses, c.materialized
        ));
        let mut by_exits: Vec<(&String, u64, &str, u32)> = self
            .by_id
            .values()
            .map(|t| {
                let exits = t.compiled.exit_counts().iter().fold(0u64, |a, &n| a.saturating_add(n));
                let kind = match (t.root, t.func.loop_pos().is_some()) {
                    (false, _) => "side",
                    (true, true) => "loop",
                    // a root that is not a loop: a path into another loop's trace
                    (true, false) => "link",
                };
                (&t.func.name, exits, kind, t.tree.sides.get())
            })
            .collect();
        s.push_str(&exit_reasons_line(self.by_id.values().map(|t| &**t)));
        by_exits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (name, exits, kind, sides) in by_exits.iter().take(8) {
            s.push_str(&format!("    {kind} {name}: exits={exits} tree_sides={sides}\n"));
        }
        // bytecodes run in machine code: each pass over a trace's body (entries plus
        // back-edges, counted by the code with `--jit-stats`) as the instructions recorded
        // for it (a pass that leaves early counts whole: an estimate from above)
        let machine = self.by_id.values().fold(0u64, |a, t| {
            let runs = t.compiled.runs.load(std::sync::atomic::Ordering::Relaxed);
            a.saturating_add(runs.saturating_mul(u64::from(t.bytecodes)))
        });
        let all = machine.saturating_add(c.interp_instrs);
        let share = if all == 0 {
            0.0
        } else {
            100.0 * machine as f64 / all as f64
        };
        s.push_str(&format!(
            "  bytecodes: interpreted={} machine_code={machine} share={share:.1}%\n",
            c.interp_instrs
        ));
        let (backend_us, bytes) = self.set.as_ref().map_or((0, 0), |t| {
            let b = t.backend().stats();
            (b.compile_us, b.code_bytes)
        });
        let mut per = self.trace_compile_us.clone();
        per.sort_unstable();
        let median = match per.len() {
            0 => 0,
            n if n % 2 == 1 => per.get(n / 2).copied().unwrap_or(0),
            n => (per.get(n / 2 - 1).copied().unwrap_or(0) + per.get(n / 2).copied().unwrap_or(0)) / 2,
        };
        let max = per.last().copied().unwrap_or(0);
        s.push_str(&format!(
            "  compile: total_us={} record_us={} opt_us={} lower_us={} backend_us={backend_us} code_bytes={bytes} trace_median_us={median} trace_max_us={max} async={}\n",
            c.compile_us, c.record_us, c.opt_us, c.lower_us, c.async_compiles
        ));
        s
    }
}

/// The compiled traces by id (`CompiledTrace::id`: the backend numbers them 0, 1, 2, ... in
/// compile order, so a vector indexed by id; looked up at every exit and every link, where a
/// hash map's SipHash cost 16% of `bench/programs/nbody.py`'s time).
#[derive(Default)]
pub(crate) struct TraceIds(Vec<Option<Rc<Trace>>>);

impl TraceIds {
    /// The trace with id `id`.
    pub(crate) fn get(&self, id: &u32) -> Option<&Rc<Trace>> {
        self.0.get(usize::try_from(*id).ok()?)?.as_ref()
    }

    /// Registers `t` as the trace with id `id`.
    pub(crate) fn insert(&mut self, id: u32, t: Rc<Trace>) {
        let Ok(k) = usize::try_from(id) else { return };
        if self.0.len() <= k {
            self.0.resize(k + 1, None);
        }
        if let Some(slot) = self.0.get_mut(k) {
            *slot = Some(t);
        }
    }

    /// Every registered trace, by id.
    pub(crate) fn values(&self) -> impl Iterator<Item = &Rc<Trace>> {
        self.0.iter().flatten()
    }
}

/// The `--jit-stats` line of exits by reason (`taipan_jit::ir::exits`), summed over
/// `traces` from their per-exit counters.
fn exit_reasons_line<'a>(traces: impl Iterator<Item = &'a Trace>) -> String {
    use taipan_jit::ir::exits::{ExitReason, exit_reason_counts};
    let mut total = vec![0u64; ExitReason::ALL.len()];
    for t in traces {
        let by = exit_reason_counts(&t.func, &t.compiled.exit_counts());
        for (a, b) in total.iter_mut().zip(by) {
            *a = a.saturating_add(b);
        }
    }
    let parts: Vec<String> = ExitReason::ALL
        .iter()
        .zip(&total)
        .map(|(r, n)| format!("{}={n}", r.name()))
        .collect();
    format!("  exits by reason (bridged ones included): {}\n", parts.join(" "))
}

/// The index [`Vm::jit_back_edge`] returns when a recording starts (out of range of any
/// code; the frame's `ip` is then the loop header and [`JitState::switch`] is set).
pub(crate) const SWITCH_IP: usize = usize::MAX;

/// Whether a snapshot can be restored by the deoptimizer: every value is an `i64`, `f64`,
/// `bool` or `ptr` (an object word, see `jit_helpers.rs`) (or `none`, or one of the `nobjs`
/// known objects), slots are locals, iterator stack entries (ints only) or the pushed stack
/// entries `depth..` without gaps.
fn snapshots_restorable(f: &Func, nlocals: u32, depth: u32, nobjs: u32) -> bool {
    f.snaps.iter().all(|s| {
        // (a multi-frame snapshot's functions are known objects; its extra frames' slots
        // are checked against their code when an exit builds them, `jit_mframe.rs`)
        if s.frames.iter().any(|fr| fr.func >= nobjs) {
            return false;
        }
        let mut next_push = nlocals.saturating_add(depth);
        s.entries.iter().all(|e| {
            let ty = match e.val {
                SnapVal::None => None,
                SnapVal::Obj(k) if k < nobjs => Some(Type::Ptr),
                SnapVal::Obj(_) => return false,
                SnapVal::Value(v) => Some(f.ty(v)),
            };
            if !matches!(ty, None | Some(Type::I64 | Type::F64 | Type::Bool | Type::Ptr)) {
                return false;
            }
            if e.slot >= taipan_jit::ir::FRAME_STRIDE || e.slot < nlocals {
                true
            } else if e.slot < nlocals.saturating_add(depth) {
                // an iterator's new counter, or `none`: the path popped it (`virtual.rs`)
                matches!(ty, None | Some(Type::I64))
            } else if e.slot == next_push {
                next_push = next_push.saturating_add(1);
                true
            } else {
                false
            }
        })
    })
}

impl CodeLoops {
    /// The (empty) loop table of code made of `instructions`.
    pub fn new(instructions: &[Instruction]) -> CodeLoops {
        CodeLoops {
            entries: RefCell::new(Vec::new()),
            black: instructions.iter().map(|_| Cell::new(false)).collect(),
            first: instructions.iter().map(|_| Cell::new(false)).collect(),
            area: Cell::new(false),
            calls: Cell::new(false),
            no_loop_call: Cell::new(false),
            no_init_inline: Cell::new(false),
        }
    }

    /// True when the loop headed at `header` has a compiled trace to enter at the loop's
    /// first arrival (`LOOP_ENTRY`; see the field `first`).
    #[inline(always)]
    pub fn takes_first(&self, header: usize) -> bool {
        self.first.get(header).is_some_and(Cell::get)
    }

    /// Sets whether the loop headed at `header` is entered at its first arrival.
    pub(crate) fn set_first(&self, header: u32, on: bool) {
        if let Some(c) = self.first.get(header as usize) {
            c.set(on);
        }
    }

    /// Sets or clears the fast flag that keeps the back-edges of the loop headed at
    /// `header` out of the JIT (without changing its entry's state): a compiled tree that
    /// yields into a consumer's sink, met without one (see `Vm::jit_back_edge`).
    pub(crate) fn set_black(&self, header: u32, on: bool) {
        if let Some(c) = self.black.get(header as usize) {
            c.set(on);
        }
    }

    /// True when the loop headed at `header` is blacklisted: its back-edges need not call
    /// the JIT.
    #[inline(always)]
    pub fn blacklisted(&self, header: usize) -> bool {
        self.black.get(header).is_some_and(Cell::get)
    }

    /// Runs `f` on the entry of `header`, creating it (counting from `threshold`), and
    /// marks the header blacklisted when `f` left it so.
    fn with<R>(&self, header: u32, threshold: u32, f: impl FnOnce(&mut LoopEntry) -> R) -> Option<R> {
        let r = self.with_entry(header, threshold, |e| {
            let r = f(e);
            (r, matches!(e.state, LoopState::Blacklisted))
        });
        r.map(|(r, black)| {
            if black && let Some(c) = self.black.get(header as usize) {
                c.set(true);
            }
            r
        })
    }

    /// The compiled root trace of the loop headed at `header`, if any.
    pub(crate) fn compiled(&self, header: u32) -> Option<Rc<Trace>> {
        let es = self.entries.try_borrow().ok()?;
        match &es.iter().find(|e| e.header == header)?.state {
            LoopState::Compiled(t) => Some(t.clone()),
            _ => None,
        }
    }

    /// [`CodeLoops::with`] without the blacklist marking.
    fn with_entry<R>(&self, header: u32, threshold: u32, f: impl FnOnce(&mut LoopEntry) -> R) -> Option<R> {
        let mut es = self.entries.try_borrow_mut().ok()?;
        let i = match es.iter().position(|e| e.header == header) {
            Some(i) => i,
            None => {
                es.push(LoopEntry {
                    header,
                    count: 0,
                    threshold,
                    aborts: 0,
                    left: 0,
                    exhausted: 0,
                    drops: 0,
                    state: LoopState::Counting,
                    prev: None,
                    owned_locals: 0,
                });
                es.len() - 1
            }
        };
        es.get_mut(i).map(f)
    }
}

impl Vm {
    /// A back-edge of frame `f` (running `code`) to `target` was taken: count it, start a
    /// recording at the threshold, or run the loop's trace. Returns the instruction index
    /// to continue at: `target`, where a trace's exit resumes, or [`SWITCH_IP`] when a
    /// recording starts (then `f.ip` is `target` and [`JitState::switch`] is set). Called
    /// by the dispatch loop's trampoline, not by the loop itself: the plain instance returns
    /// at such a back-edge (a call in the loop, even out of line, cost it 4-5% more
    /// instructions and 10-14% CPU time on numeric loops, the frame pointer no longer kept in
    /// a register).
    #[inline(never)]
    pub(crate) fn jit_back_edge(&mut self, f: &mut Frame, code: &Rc<Code>, target: usize) -> usize {
        // a first arrival (`LOOP_ENTRY`): enter the compiled trace, never count
        let first = std::mem::take(&mut self.jit.first_arrival);
        let Ok(header) = u32::try_from(target) else {
            return target;
        };
        if self.jit.broken {
            // (no backend: nothing can be compiled, back-edges stop coming here)
            self.jit.on = false;
            return target;
        }
        let threshold = self.jit.opts.threshold.max(1);
        if self.jit.compiling.is_some() {
            self.jit_poll();
        }
        let recording_free = !self.jit.busy();
        enum Act {
            Nothing,
            /// Record; the flag: `LeftLoop` retries remain ([`MAX_LEFT`]), so a recorded
            /// iteration that was the loop's last does not link elsewhere
            /// (`Recorder::set_left_retry`).
            Record(bool, u64),
            Run(Rc<Trace>),
        }
        let act = code
            .loops
            .with(header, threshold, |e| match &e.state {
                LoopState::Compiled(t) => Act::Run(t.clone()),
                _ if first => Act::Nothing,
                LoopState::Counting => {
                    e.count = e.count.saturating_add(1);
                    if e.count >= e.threshold && recording_free {
                        e.count = 0;
                        e.state = LoopState::Recording;
                        Act::Record(e.left < MAX_LEFT, e.owned_locals)
                    } else {
                        Act::Nothing
                    }
                }
                LoopState::Recording | LoopState::Blacklisted => Act::Nothing,
            })
            .unwrap_or(Act::Nothing);
        if first && !matches!(act, Act::Run(_)) {
            code.loops.set_first(header, false);
        }
        match act {
            Act::Nothing => target,
            Act::Record(left_retry, owned_locals) => {
                let info = CodeInfo::from_code(&code.raw);
                let area = self.jit.call_area.as_ptr() as u64;
                self.jit.fx.rec_depth = self.depth;
                self.jit.recording = Some(Box::new(Recording {
                    rec: {
                        let mut rec = Recorder::new(info, header);
                        rec.set_max_inline(self.jit.opts.inline_depth);
                        rec.set_dict_layout(self.jit.dict_layout);
                        rec.set_left_retry(left_retry);
                        rec.set_owned_locals(owned_locals);
                        if self.jit.opts.py_calls {
                            rec.set_call_area(area);
                            rec.set_inlined_py_calls(self.jit.opts.mframe_calls);
                        }
                        rec
                    },
                    pins: RefCell::new(globals::Pins::default()),
                    callees: Vec::new(),
                    frame: &*f as *const Frame as usize,
                    code: code.clone(),
                    header,
                    depth: f.stack.len(),
                    started: Instant::now(),
                    log: self.jit.dump.as_ref().is_some_and(|d| d.bytecode).then(Vec::new),
                    side: None,
                    pins_base: 0,
                }));
                self.jit.counters.recordings += 1;
                f.ip = target;
                self.jit.switch = true;
                SWITCH_IP
            }
            Act::Run(t) => {
                if t.tree.sink.get() {
                    // a tree that yields into a consumer's sink runs only while one is
                    // installed for this frame; without one (a generator resumed by `next()`
                    // or a `for` loop, which would pay a refused entry per item) the loop's
                    // back-edges skip the JIT until a first arrival (`LOOP_ENTRY`, once per
                    // run of the generator) finds a sink again
                    let here = self.gen_sink.as_ref().is_some_and(|s| std::ptr::eq(s.frame, &*f));
                    code.loops.set_black(header, !here);
                    if !here {
                        return target;
                    }
                }
                if f.stack.len() != t.depth || !self.jit_may_enter(f, code, &t) {
                    return target;
                }
                if !Vm::jit_dead_tags_hold(f, &t) {
                    self.jit_entry_failed(code, &t, first);
                    return target;
                }
                self.jit_enter(f, code, &t, first)
            }
        }
    }

    /// Whether root trace `t` may run on `f` now: a consumer's sink is installed for `f` if
    /// its tree yields into one, its tree's inlined calls stay below the recursion limit,
    /// and every global binding its tree assumes still holds (else the trace is stale and
    /// dropped).
    pub(crate) fn jit_may_enter(&mut self, f: &Frame, code: &Code, t: &Trace) -> bool {
        if t.tree.sink.get() && !self.gen_sink.as_ref().is_some_and(|s| std::ptr::eq(s.frame, f)) {
            // its yields would all exit: a generator resumed by `next()` or a `for` loop
            return false;
        }
        let inline = t.tree.inline.get();
        if inline > 0 && self.depth.saturating_add(inline) >= self.recursion_limit {
            // the inlined calls would reach the recursion limit: the interpreter
            // makes the calls (and raises RecursionError where CPython does)
            return false;
        }
        if !t.tree.holds(&f.globals) {
            // a binding the tree assumes changed since the recording (its tree was
            // invalidated), or another globals dict: the trace is stale
            self.jit.counters.pin_fails += 1;
            self.jit.counters.dropped += 1;
            self.jit_drop(code, t.header);
            return false;
        }
        true
    }

    /// Drops the trace of `header` (its entry guards keep failing, or it misbehaved): the
    /// loop counts again from a much higher threshold, or is blacklisted after
    /// [`MAX_DROPS`] drops.
    ///
    /// The dropped trace's code stays in the arena (another trace may still `link` to it,
    /// and its side traces stay attached), but nothing enters it again: links are resolved
    /// through the loop table at each transfer (`jit_run.rs`), so a link to a dropped loop
    /// resumes in the interpreter at its header, and side traces run only from exits of a
    /// trace that was entered.
    pub(crate) fn jit_drop(&mut self, code: &Code, header: u32) {
        let threshold = self.jit.opts.threshold.max(1);
        let black = code
            .loops
            .with(header, threshold, |e| {
                if let LoopState::Compiled(t) = &e.state {
                    inval::retire(&t.tree);
                    if let Some(set) = self.jit.set.as_mut() {
                        set.invalidate(&t.func.name);
                    }
                }
                e.drops = e.drops.saturating_add(1);
                e.back_off(DROP_BACKOFF, e.drops >= MAX_DROPS)
            })
            .unwrap_or(false);
        if black {
            self.jit.counters.blacklisted += 1;
        }
    }

    /// Drops the type-unstable root trace `x` of `header` (its entry guards failed
    /// [`MAX_ENTRY_FAILS`] times in a row) as [`Vm::jit_drop`] does, but keeps it valid as
    /// the loop's `prev` trace (the one kept before is invalidated).
    pub(crate) fn jit_drop_unstable(&mut self, code: &Code, x: &Rc<Trace>) {
        let threshold = self.jit.opts.threshold.max(1);
        let black = code
            .loops
            .with(x.header, threshold, |e| {
                let LoopState::Compiled(t) = &e.state else { return false };
                if !Rc::ptr_eq(t, x) {
                    return false;
                }
                if let Some(old) = e.prev.replace(x.clone()) {
                    inval::retire(&old.tree);
                    if let Some(set) = self.jit.set.as_mut() {
                        set.invalidate(&old.func.name);
                    }
                }
                e.drops = e.drops.saturating_add(1);
                e.back_off(DROP_BACKOFF, e.drops >= MAX_DROPS)
            })
            .unwrap_or(false);
        if black {
            self.jit.counters.blacklisted += 1;
        }
    }

    /// The entry guards of root trace `x` failed: if `x` is its loop's current trace and
    /// the loop keeps a `prev` trace, the two swap places (the next back-edge enters the
    /// other one). Returns whether they did.
    pub(crate) fn jit_swap_prev(&mut self, code: &Code, x: &Rc<Trace>) -> bool {
        let threshold = self.jit.opts.threshold.max(1);
        code.loops
            .with(x.header, threshold, |e| {
                let LoopState::Compiled(t) = &e.state else { return false };
                if !Rc::ptr_eq(t, x) {
                    return false;
                }
                match e.prev.take() {
                    Some(p) => {
                        e.state = LoopState::Compiled(p);
                        e.prev = Some(x.clone());
                        true
                    }
                    None => false,
                }
            })
            .unwrap_or(false)
    }

    /// Called by the recording dispatch loop before each instruction: records the
    /// instruction at `pc` of frame `f`. Returns true when the recording has ended (closed,
    /// aborted, or there is none): the dispatch loop then returns to the trampoline, which
    /// resumes at `pc` in the plain instance.
    #[inline(never)]
    pub(crate) fn jit_record_hook(&mut self, f: &Frame, pc: usize) -> bool {
        let code = &f.code;
        let Some(r) = self.jit.recording.as_mut() else {
            return true;
        };
        // the recorded frame, or the frame of the call being inlined (pushed by the call
        // the recorder just inlined, popped by its return)
        let depth = r.rec.inline_depth() as usize;
        let me = f as *const Frame as usize;
        match self.jit_func_foreign(me) {
            None => {}
            // a frame of the callee of an opaque call (`jit_func.rs`): not recorded
            Some(true) => return false,
            Some(false) => {
                self.jit_abort(AbortReason::LeftLoop);
                return true;
            }
        }
        // (before borrowing the recording: the probe needs the whole Vm)
        let attr = code
            .raw
            .instructions
            .get(pc)
            .and_then(|i| self.jit_attr_probe(f, code, *i));
        let inst = code
            .raw
            .instructions
            .get(pc)
            .and_then(|i| self.jit_isinstance_probe(f, *i));
        let eq = code
            .raw
            .instructions
            .get(pc)
            .and_then(|i| self.jit_identity_eq_probe(f, *i));
        let init = code.raw.instructions.get(pc).and_then(|i| self.jit_init_probe(f, *i));
        let Some(r) = self.jit.recording.as_mut() else {
            return true;
        };
        r.callees.truncate(depth);
        if r.callees.len() + 1 == depth {
            r.callees.push(me);
        }
        let expect = if depth == 0 { Some(&r.frame) } else { r.callees.last() };
        if expect != Some(&me) || (depth == 0 && !Rc::ptr_eq(&r.code, code)) {
            self.jit_abort(AbortReason::LeftLoop);
            return true;
        }
        let (Some(instr), Ok(pc32)) = (code.raw.instructions.get(pc).copied(), u32::try_from(pc)) else {
            self.jit_abort(AbortReason::Desync);
            return true;
        };
        if let Some(log) = &mut r.log {
            log.push(format!(
                "{:indent$}{}:{pc} {}",
                "",
                code.raw.name,
                taipan_bytecode::instruction_text(&code.raw, &instr),
                indent = 2 * depth
            ));
        }
        let pins = globals::PinCtx {
            pins: &r.pins,
            globals: &f.globals,
            builtins: self.builtins.dict.as_ref(),
            names: &code.names,
            null: &self.null_marker,
            outer: depth == 0,
        };
        let loops = (depth == 0).then_some(&code.loops);
        let attr = attr.and_then(|p| pins.attr(p));
        let inst = inst.and_then(|(i, pin)| match pin {
            Some((ty, version)) => pins.pin_type(&ty, version).then_some(i),
            None => Some(i),
        });
        let eq = eq.and_then(|(e, tys)| tys.iter().all(|(t, v)| pins.pin_type(t, *v)).then_some(e));
        let init = init.and_then(|p| pins.init(p));
        let sink = self.gen_sink.as_ref().is_some_and(|s| std::ptr::eq(s.frame, f));
        let obs = run::FrameObs::with_pins(f, pins, loops)
            .with_sink(sink)
            .with_attr(attr)
            .with_isinstance(inst)
            .with_identity_eq(eq)
            .with_init(init);
        match r.rec.record(pc32, instr, &obs) {
            Step::Continue => false,
            Step::Abort(a) => {
                // (`--jit-dump=trace` names each abort with its place and detail)
                if let Some(d) = &mut self.jit.dump
                    && d.trace
                {
                    let name = format!("{}_pc{}", r.code.raw.name, r.rec.start_pc());
                    d.block("abort", &name, &format!("{} at pc {}: {}", a.reason, a.pc, a.detail));
                }
                self.jit_abort(a.reason);
                true
            }
            Step::Closed(func) => {
                self.jit_finish(func);
                true
            }
        }
    }

    /// Starts recording a side trace at exit `exit` of `x`, which resumes at `pc` with the
    /// snapshot `entries` (just restored into `f`). Returns false (and gives up on that exit)
    /// when the snapshot does not make a side recording's start.
    pub(crate) fn jit_start_side(
        &mut self,
        f: &Frame,
        code: &Rc<Code>,
        x: &Rc<Trace>,
        exit: usize,
        pc: u32,
        entries: &[taipan_jit::ir::SnapEntry],
    ) -> bool {
        let side: Option<Vec<SideEntry>> = entries
            .iter()
            .map(|e| {
                let val = match e.val {
                    SnapVal::None => SideVal::None,
                    SnapVal::Obj(k) => SideVal::Known(x.pins.known(k, &self.null_marker)?),
                    SnapVal::Value(id) => SideVal::Value(x.func.ty(id)),
                };
                Some(SideEntry { slot: e.slot, val })
            })
            .collect();
        let (Some(side), Ok(depth), Ok(exit32)) = (side, u32::try_from(x.depth), u32::try_from(exit)) else {
            return false;
        };
        let rec = Recorder::new_side(
            CodeInfo::from_code(&code.raw),
            pc,
            depth,
            (&x.func.name, &x.func.params),
            exit32,
            &side,
        );
        let Ok(mut rec) = rec else {
            if let Some(n) = x.tries.borrow_mut().get_mut(exit) {
                *n = MAX_SIDE_ABORTS;
            }
            return false;
        };
        rec.set_max_inline(self.jit.opts.inline_depth);
        rec.set_dict_layout(self.jit.dict_layout);
        if x.func.ret != taipan_jit::ir::Type::Void {
            // a function tree: words its buffer holds stay alive across calls
            rec.note_frame_words(&x.func, entries);
        }
        if x.func.ret == taipan_jit::ir::Type::Void && self.jit.opts.py_calls {
            // (a loop trace's side trace; a function trace's sets its own)
            rec.set_call_area(self.jit.call_area.as_ptr() as u64);
            rec.set_inlined_py_calls(self.jit.opts.mframe_calls);
            self.jit.fx.rec_depth = self.depth;
        }
        self.jit.recording = Some(Box::new(Recording {
            rec,
            pins: RefCell::new(x.pins.clone()),
            callees: Vec::new(),
            frame: f as *const Frame as usize,
            code: code.clone(),
            header: x.header,
            depth: x.depth,
            started: Instant::now(),
            side: Some((x.clone(), exit32)),
            pins_base: x.pins.pins_len(),
            log: self.jit.dump.as_ref().is_some_and(|d| d.bytecode).then(Vec::new),
        }));
        self.jit.counters.side_recordings += 1;
        true
    }

    /// Ends the recording as an abort for `reason`: counted; the loop's threshold doubles,
    /// or the loop is blacklisted after [`MAX_ABORTS`] aborts (`LoopExhausted`, a `for`
    /// loop that ended during the recording, only makes the next back-edge record again).
    fn jit_abort(&mut self, reason: AbortReason) {
        let Some(r) = self.jit.recording.take() else {
            return;
        };
        self.jit.aborts.bump(reason);
        if let Some(w) = r.rec.loop_call_fn() {
            // SAFETY: the word of a known object of the recording, kept alive by its pin
            // (the recording's pin table is alive until `r` is dropped below).
            unsafe {
                helpers::with_obj(w, |o| {
                    if let crate::object::ObjKind::Function(func) = &o.kind {
                        func.code.loops.no_loop_call.set(true);
                    }
                })
            };
        }
        if let Some(k) = r.rec.init_call_fn()
            && let Some(crate::value::Value::Obj(o)) = r.pins.try_borrow().ok().and_then(|p| p.obj(k))
            && let crate::object::ObjKind::Function(func) = &o.kind
        {
            func.code.loops.no_init_inline.set(true);
        }
        if let (Some(d), Some(log)) = (&mut self.jit.dump, &r.log) {
            let name = format!("{}_pc{} (aborted: {})", r.code.raw.name, r.header, reason.name());
            d.block("bytecode", &name, &log.join("\n"));
        }
        if r.rec.is_func() && r.side.is_none() {
            self.jit_func_abort(&r.code, reason);
            return;
        }
        // a backward jump to another loop's header that has no trace yet: that loop is hot
        // (it runs inside this path), record it at its next back-edge, so that the next
        // recording here can link into it
        let mut inner_soon = false;
        if let Some(h) = r.rec.inner_loop() {
            let threshold = self.jit.opts.threshold.max(1);
            inner_soon = r
                .code
                .loops
                .with_entry(h, threshold, |e| {
                    let counting = matches!(e.state, LoopState::Counting);
                    if counting {
                        e.count = e.count.max(e.threshold.saturating_sub(1));
                    }
                    counting
                })
                .unwrap_or(false);
        }
        if let Some((parent, exit)) = &r.side {
            // a side recording: counted against its exit, the loop is not concerned (an
            // inner loop about to be recorded costs the exit its next attempt only once)
            self.jit.counters.side_failures += 1;
            if let Some(n) = parent.tries.borrow_mut().get_mut(*exit as usize)
                && (!inner_soon || *n == 0)
            {
                *n = n.saturating_add(1);
            }
            return;
        }
        // the `for` loop just ended while recording: not the loop's fault, record again at
        // its next back-edge (up to `MAX_EXHAUSTED` times: then it counts as an abort)
        let again = reason == AbortReason::LoopExhausted;
        let left = reason == AbortReason::LeftLoop;
        let owned_hint = r.rec.owned_locals_hint();
        self.jit.counters.compile_us = self
            .jit
            .counters
            .compile_us
            .saturating_add(u64::try_from(r.started.elapsed().as_micros()).unwrap_or(u64::MAX));
        let black = r
            .code
            .loops
            .with(r.header, self.jit.opts.threshold.max(1), |e| {
                if (again && e.exhausted < MAX_EXHAUSTED) || (left && e.left < MAX_LEFT) {
                    if left {
                        e.left += 1;
                    }
                    if again {
                        e.exhausted += 1;
                    }
                    e.count = e.threshold.saturating_sub(1);
                    e.state = LoopState::Counting;
                    return false;
                }
                if owned_hint & !e.owned_locals != 0 {
                    // locals that need owned phis: record again at once, owning their entry
                    // values (each retry adds locals, so this ends)
                    e.owned_locals |= owned_hint;
                    e.count = e.threshold.saturating_sub(1);
                    e.state = LoopState::Counting;
                    return false;
                }
                e.aborts = e.aborts.saturating_add(1);
                if inner_soon && e.aborts < MAX_ABORTS {
                    // an inner loop about to be recorded: the next recording here may link
                    // into its trace (counted, so this cannot repeat forever)
                    e.count = e.threshold.saturating_sub(1);
                    e.state = LoopState::Counting;
                    return false;
                }
                e.back_off(2, e.aborts >= MAX_ABORTS)
            })
            .unwrap_or(false);
        if black {
            self.jit.counters.blacklisted += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_from_the_table() {
        let mut o = JitOptions::default();
        assert!(o.enabled && !o.stats && o.stress == 0);
        o.set("enabled", "off").unwrap();
        o.set("threshold", " 7 ").unwrap();
        o.set("stats", "1").unwrap();
        assert!(!o.enabled && o.threshold == 7 && o.stats);
        assert!(o.set("threshold", "-1").is_err());
        assert!(o.set("enabled", "maybe").is_err());
        assert!(o.set("nope", "1").is_err());
        assert_eq!(OPTIONS.len(), 17);
        assert_eq!(o.mem_size, 64 << 20);
        o.set("dump", "asm, trace").unwrap();
        assert_eq!(o.dump, "trace,asm");
        assert!(o.set("dump", "ir").is_err());
        o.set("mem_size", "1M").unwrap();
        assert!(o.mem_size == 1 << 20 && o.set("mem_size", "0").is_err());
        let help = options_help();
        for info in OPTIONS {
            assert!(help.contains(info.flag) && help.contains(info.env));
        }
    }

    #[test]
    fn no_statistics_when_off() {
        let mut o = JitOptions::default();
        o.set("stats", "1").unwrap();
        assert!(JitState::new(o.clone()).opts.stats);
        o.set("enabled", "off").unwrap();
        let s = JitState::new(o);
        assert!(!s.on && !s.opts.stats);
    }

    #[test]
    fn dump_writes_every_phase_to_the_file() {
        let path = std::env::temp_dir().join(format!("taipan_jit_dump_test_{}.txt", std::process::id()));
        let mut o = JitOptions::default();
        o.set("threshold", "1").unwrap();
        o.set("dump", "all").unwrap();
        o.set("dump_file", &path.to_string_lossy()).unwrap();
        // (each trace is installed at the next back-edge, which waits for its code)
        o.set("async_compile", "wait").unwrap();
        {
            let mut vm = Vm::new(Vec::new());
            vm.jit = JitState::new(o);
            let main = vm.new_module("__main__");
            let src = "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * i\n    while t > 0:\n        print(t)\n        t -= 1\nf(5)\n";
            assert!(vm.exec_source(src, "<dump>", &main).is_ok());
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let _ = std::fs::remove_file(&path);
        for want in [
            "---- bytecode f_pc",
            "FOR_ITER to",
            "BINARY_OP 5 (*)",
            "---- trace f_pc",
            "---- opt f_pc",
            "---- asm f_pc",
            "(aborted: ",
            " = int_mul_ov ",
        ] {
            assert!(text.contains(want), "{want:?} missing from:\n{text}");
        }
    }

    #[test]
    fn rebinding_invalidates_and_removes_the_records() {
        let mut o = JitOptions::default();
        o.set("threshold", "1").unwrap();
        o.set("async_compile", "wait").unwrap();
        {
            let mut vm = Vm::new(Vec::new());
            vm.jit = JitState::new(o);
            let main = vm.new_module("__main__");
            let src = "k = 1\ndef f(n):\n    t = 0\n    for i in range(n):\n        t += k + len('ab')\n    return t\nf(50)\n";
            assert!(vm.exec_source(src, "<inval>", &main).is_ok());
            // `k` in the globals, `len` absent from them and bound in the builtins
            let records = inval::live_records();
            assert!(records >= 3, "{records}");
            assert_eq!(vm.jit.invalidations.get(), 0);
            // another name: nothing invalidated
            assert!(vm.exec_source("other = 3\n", "<inval>", &main).is_ok());
            assert_eq!((vm.jit.invalidations.get(), inval::live_records()), (0, records));
            assert!(vm.exec_source("k = 2\n", "<inval>", &main).is_ok());
            assert_eq!((vm.jit.invalidations.get(), inval::live_records()), (1, 0));
        }
        assert_eq!(inval::live_records(), 0);
    }

    #[test]
    fn snapshot_shapes_are_checked() {
        let text = "func @t(%0: ptr) -> void {\n    %1 = const_i64 1\n    %2 = const_bool true\n    s0 = snap pc=3 [0: %1, 2: %1, 3: %2]\n    guard_true %2, s0\n    loop\n    jump\n}\n";
        let f = taipan_jit::ir::parse::parse_func(text).unwrap();
        // 2 locals, no entry stack: slots 2 and 3 are the pushes 0 and 1
        assert!(snapshots_restorable(&f, 2, 0, 0));
        // 2 locals, one iterator: slot 2 is its `next` (an int), slot 3 the first push
        assert!(snapshots_restorable(&f, 2, 1, 0));
        // 1 local: slot 2 would be the second push without a first
        assert!(!snapshots_restorable(&f, 1, 0, 0));
        // 3 locals, one iterator: slot 3 is the iterator, but holds a bool
        assert!(!snapshots_restorable(&f, 3, 1, 0));
        // a known object pushed: only if the trace has that many objects
        let text = "func @t(%0: ptr) -> void {\n    %1 = const_bool true\n    s0 = snap pc=3 [2: obj1, 3: %1]\n    guard_true %1, s0\n    loop\n    jump\n}\n";
        let f = taipan_jit::ir::parse::parse_func(text).unwrap();
        assert!(snapshots_restorable(&f, 2, 0, 2));
        assert!(!snapshots_restorable(&f, 2, 0, 1));
    }
}
