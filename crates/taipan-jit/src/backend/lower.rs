//! Lowering of the trace IR ([`crate::ir`]) to a Cranelift function: one pass over the
//! instruction list, one match arm per op (ops of one shape share an arm), in `Lower::body`.
//!
//! # The machine ABI of a compiled trace ([`TraceFn`])
//! `extern "C" fn(args: *const u64, out: *mut u64) -> u64`, the same for every trace:
//! - `args[i]` holds the bits of IR parameter `i` (`i64` and `ptr` as is, `f64` as its
//!   IEEE bits, `bool` as 0 or 1); they are loaded once in the entry block. A side trace
//!   (bridge, [`SideParams`]) reads only its parent's parameters from `args` and the rest —
//!   the parent exit's snapshot values — from `out`, where the parent's exit wrote them;
//! - the return value is a status word: [`STATUS_RET`] (0) when the trace executed `ret %v`
//!   (then `out[0]` holds `%v`'s bits), or [`exit_status`]`(id, n)` = `id << 32 | (1 + n)`
//!   when trace `id` (0 outside a `backend::link::TraceSet`) left through exit point `xn`
//!   ([`crate::ir::ExitId`]; the n-th instruction that can exit, see `Func::exits`); then
//!   `out[k]` holds the bits of the `k`-th entry of that instruction's snapshot (entries that
//!   are `none` leave `out[k]` untouched), followed by the words of its `release` list
//!   (`Snapshot::words`). The deoptimizer boxes them by the IR type;
//!   [`STATUS_OUT_OF_FUEL`] only with [`LowerOptions::loop_fuel`] (tests);
//!   [`STATUS_LINK`]` | source << 32 | t` after `link @t(args)` in trace `source` (args in
//!   `out[0..]`), and
//!   [`STATUS_INVALIDATED`] from the stub of an invalidated trace.
//!
//! # Exit counters and bridges ([`lower_linked`])
//! With a [`LinkEnv`], the exit block of exit `n` also increments the `n`-th word of the
//! trace's exit data (its address is a constant in the code), then loads word
//! `exits + n`, the bridge slot: if it is 0 the block returns the status as above; else it
//! calls that address with the [`TraceFn`] ABI — `args` the trace's own parameters (a root
//! passes its `args` on; a side trace stores its parameters into a stack buffer), `out`
//! the trace's own `out`, which holds the snapshot's values — and returns the bridge's
//! status word. This code is one shared *exit tail* block per trace, entered with the exit
//! number; the exit blocks only write their snapshot's values (session 7: about 40% fewer
//! Cranelift instructions than a tail per snapshot, and Cranelift's time with them). The slot is data, not code: attaching a bridge or
//! redirecting it to the invalidation stub is one store, and the arena's W^X rule is kept
//! without remapping pages. Cost on every exit: a load, an add and a store for the counter,
//! a load and a not-taken branch for the slot.
//!
//! # Deopt stress ([`LowerOptions::deopt_stress`])
//! A test mode checking that every exit's snapshot is exact: with `N > 0` the trace's data
//! block has two more words after the bridge slots, a countdown and a period, both starting
//! at `N`. Every exit-capable instruction (guards, `_ov` arithmetic,
//! `int_floordiv`/`int_mod`, `exit`) first decrements the countdown; when it reaches 0 the
//! instruction takes its exit (counted, bridge followed, like any exit) although its
//! condition holds — before a value it produces is used, exactly where its real exit would
//! leave — and the period grows by one (from `N + STRESS_SPAN - 1` it wraps back to `N`)
//! and becomes the new countdown. The count runs on across runs of the trace. So with
//! `N = 1` the first run leaves at its first exit-capable instruction, the next one at the
//! second one evaluated, and so on: since the interpreter re-enters the trace at the loop
//! header after most exits, a fixed period would leave every run at the same instruction
//! near the entry, while the growing one reaches the exits deep in the loop body and in
//! later iterations. With `N = 0` no code is emitted. Needs the exit data of
//! [`lower_linked`] (`Backend::compile_trace_*`).
//!
//! # Shape of the Cranelift function
//! The IR is one straight line with at most one loop header. Instructions before `loop` go
//! to the entry block; `loop` ends it with a jump to a header block that has one block
//! parameter per `phi` (entered with the phis' first operands); `jump` passes the phis'
//! second operands back to the header. A *derived* phi (a counter's previous value,
//! `derived_phi`) gets no parameter: it is computed from the counter at the header. Every instruction that can exit (guards, `_ov`
//! arithmetic, division by zero, `exit`) branches, with its exit number `n` as the block
//! argument, to the cold exit block of its snapshot, shared by every exit through that
//! snapshot, which stores the snapshot values into `out` and jumps to the shared exit tail
//! (which returns `1 + n` or calls a bridge); the fall-through continues in a new block. A
//! guard branches to a cold stub of its own that sets `n` and jumps to the exit block, so
//! the main path does not set exit numbers. Exit blocks use SSA values directly: snapshots
//! only mention values defined before them, which dominate the first exit branch to the
//! block, hence every later one (the main path is straight-line code). Sharing halved the
//! code of the traces measured (bm_nbody 86 → 43 KB, spectral_norm 21.6 → 9.3 KB) and
//! Cranelift's time with it; the bodies are written after the main path.
//!
//! # Values
//! `i64` → `I64`, `f64` → `F64`, `bool` → `I8` holding 0 or 1 (what `icmp`/`fcmp` produce),
//! `ptr` → the target's pointer type. Frame slots are 16 bytes: tag word at `16 * n`,
//! payload at `16 * n + 8` (see `crate::ir`'s module doc); accesses use trusted memory
//! flags (aligned, no trap) because the frame is the interpreter's own.
//!
//! # Semantics (must agree with the reference evaluator, `ir::eval`)
//! Wrapping `int_*`; `int_*_ov` via `sadd/ssub/smul_overflow`, exiting on overflow;
//! `int_floordiv` exits when `b == 0` or `a == i64::MIN && b == -1`, then corrects the
//! truncated quotient toward negative infinity; `int_mod` exits when `b == 0` and gives the
//! remainder the sign of `b` (Cranelift's `srem` is defined as 0 for `MIN % -1`); shifts
//! take the amount modulo 64 (Cranelift's `ishl`/`sshr` do); float comparisons are IEEE
//! (`!=` is true on NaN: `FloatCC::NotEqual` is unordered-or-not-equal).
//!
//! Helpers (`call @name(...)`) are resolved by name in the caller's [`HelperTable`] and
//! called through an absolute address (`extern "C"` signature built from the IR types;
//! `bool` arguments and results are zero-extended bytes).

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self as clir, AbiParam, Block, InstBuilder, MemFlagsData, Signature, StackSlotData, StackSlotKind, UserFuncName,
    types,
};
use cranelift_codegen::isa::TargetIsa;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

mod inline;
mod loops;

use loops::{backedge_only, derived_phi};

use super::{CompileError, HelperTable, SelfCall, import_helper};
use crate::ir::mathfn::MathFn;
use crate::ir::{Func, Imm, InsnId, Op, SnapId, SnapVal, Type};

/// Deopt stress: how many periods the countdown cycles through (`N ..= N + STRESS_SPAN -
/// 1` exit-capable instructions between forced exits; see the module doc).
pub(crate) const STRESS_SPAN: i64 = 64;

/// `a ** b` for the `float_pow` op: the C library's `pow` (Rust's `f64::powf`), which is
/// what CPython's `float_pow` (`Objects/floatobject.c`) calls for a positive base.
pub extern "C" fn float_pow(a: f64, b: f64) -> f64 {
    a.powf(b)
}

/// The status word a trace returns after `ret` (exits return `1 + exit number`).
pub const STATUS_RET: u64 = 0;

/// The status word of a trace stopped by [`LowerOptions::loop_fuel`].
pub const STATUS_OUT_OF_FUEL: u64 = u64::MAX;

/// The status word of an invalidated trace's stub (`backend::link`): nothing ran.
pub const STATUS_INVALIDATED: u64 = u64::MAX - 1;

/// Set in the status word of a `link @t(args)`: the low 32 bits are `@t`'s trace id, bits
/// 32..63 the linking trace's id (below 2^31 - 1), and `out[0..]` holds `args` (one word each);
/// the caller continues at `@t`'s entry.
pub const STATUS_LINK: u64 = 1 << 63;

/// The status word of exit `exit` (0-based) of the trace with id `trace`:
/// `trace << 32 | (exit + 1)`.
pub fn exit_status(trace: u32, exit: u32) -> u64 {
    (u64::from(trace) << 32) | (u64::from(exit) + 1)
}

/// What a trace is linked with: its id (in exit status words) and its exit data.
#[derive(Clone, Copy)]
pub struct LinkEnv<'a> {
    /// The trace's id, in the high half of its exit status words.
    pub trace_id: u32,
    /// Address of the trace's exit data: `2 * exits` words, the exit counters then the
    /// bridge targets (0 = none), see `backend::link`. 0: no counters, no bridges.
    pub exit_data: usize,
    /// The id of the trace a `link @name` goes to.
    pub target: &'a dyn Fn(&str) -> Option<u32>,
    /// For a side trace: where its parameters after the parent's come from.
    pub side: Option<SideParams<'a>>,
    /// Address of the trace's run counter (one word; see [`LowerOptions::count_runs`]),
    /// 0: none.
    pub runs: usize,
}

/// The parameters of a side trace (bridge) in the machine ABI: parameters
/// `0..parent_params` are the parent's, read from `args`; parameter `parent_params + j` is
/// the parent exit's snapshot value that the exit wrote to `out[out_pos[j]]` (its entry
/// position in the snapshot). Reading them from `out` spares every exit a copy of its
/// values into an argument buffer.
#[derive(Clone, Copy, Debug)]
pub struct SideParams<'a> {
    /// How many parameters the parent trace has (a count).
    pub parent_params: usize,
    /// Per snapshot-value parameter: its word index in `out`.
    pub out_pos: &'a [u32],
}

/// Options of [`lower()`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LowerOptions {
    /// For tests: stop a looping trace after this many back-edges, returning
    /// [`STATUS_OUT_OF_FUEL`] (so a miscompiled loop fails instead of hanging). `None` in
    /// production: the loop runs until an exit.
    pub loop_fuel: Option<u64>,
    /// Deopt stress (a test mode, see the module doc): 0 = off; `N > 0` = every `N`-th
    /// evaluation of an exit-capable instruction takes its exit although its condition
    /// holds, so the interpreter continues from that exit's snapshot. The countdown is the
    /// word after the bridge slots in the trace's exit data (`2 * exits`, initialized to
    /// `N` by `Backend::compile_trace_linked`).
    pub deopt_stress: u32,
    /// Count the trace's passes over its body (for `--jit-stats`' share of bytecodes run in
    /// machine code): one increment of the trace's run counter ([`LinkEnv::runs`]) at the
    /// entry and one per back-edge (`jump`). Off: no code.
    pub count_runs: bool,
}

/// The Rust type of a compiled trace's entry (see the module doc for the ABI).
pub type TraceFn = unsafe extern "C" fn(args: *const u64, out: *mut u64) -> u64;

fn err(msg: impl Into<String>) -> CompileError {
    CompileError::Lower(msg.into())
}

/// The Cranelift type of an IR type (`None` for `void`).
fn clif_type(ty: Type, ptr: clir::Type) -> Option<clir::Type> {
    match ty {
        Type::I64 => Some(types::I64),
        Type::F64 => Some(types::F64),
        Type::Bool => Some(types::I8),
        Type::Ptr => Some(ptr),
        Type::Void => None,
    }
}

/// An `AbiParam` for an IR type: bytes (bools) zero-extended as the C ABI expects.
fn abi_param(ty: clir::Type) -> AbiParam {
    if ty == types::I8 {
        AbiParam::new(ty).uext()
    } else {
        AbiParam::new(ty)
    }
}

/// Lowers the trace `f` to a Cranelift function with the [`TraceFn`] ABI.
///
/// `f` must have passed the IR verifier; the lowering re-checks only what it relies on and
/// reports violations as errors instead of panicking.
///
/// # Errors
/// [`CompileError::Lower`] for a malformed instruction (wrong operand count, missing
/// snapshot, use of an undefined value) or a helper missing from `helpers`.
pub fn lower(
    f: &Func,
    isa: &dyn TargetIsa,
    helpers: &HelperTable,
    opts: &LowerOptions,
) -> Result<clir::Function, CompileError> {
    let env = LinkEnv {
        trace_id: 0,
        exit_data: 0,
        target: &|_| None,
        side: None,
        runs: 0,
    };
    lower_linked(f, isa, helpers, opts, &env)
}

/// [`lower()`] for a trace with exit counters, patchable bridge slots and `link`s (`env`).
///
/// # Errors
/// As [`lower()`], and a `link` to a trace `env` does not know.
pub fn lower_linked(
    f: &Func,
    isa: &dyn TargetIsa,
    helpers: &HelperTable,
    opts: &LowerOptions,
    env: &LinkEnv<'_>,
) -> Result<clir::Function, CompileError> {
    let ptr = isa.pointer_type();
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params.push(AbiParam::new(ptr));
    sig.params.push(AbiParam::new(ptr));
    sig.returns.push(AbiParam::new(types::I64));
    let mut func = clir::Function::with_name_signature(UserFuncName::user(0, 0), sig.clone());
    let trace_sig = func.import_signature(sig);
    let mut pow = Signature::new(isa.default_call_conv());
    pow.params.push(AbiParam::new(types::F64));
    pow.params.push(AbiParam::new(types::F64));
    pow.returns.push(AbiParam::new(types::F64));
    let pow_sig = func.import_signature(pow);
    let mut math = Signature::new(isa.default_call_conv());
    math.params.push(AbiParam::new(types::F64));
    math.returns.push(AbiParam::new(types::F64));
    let math_sig = func.import_signature(math);

    // Helper imports first (they need `&mut func` before the builder borrows it).
    let mut callees = Vec::new();
    for insn in &f.insns {
        if let Imm::Call(c) = &insn.imm {
            if helpers.inline(&c.name).is_some_and(|h| h.arity() == insn.args.len()) {
                callees.push(None);
                continue;
            }
            let index = helpers
                .index_of(&c.name)
                .ok_or_else(|| err(format!("unknown helper @{}", c.name)))?;
            let mut hs = Signature::new(isa.default_call_conv());
            for &a in &insn.args {
                let t = clif_type(f.ty(a), ptr).ok_or_else(|| err("void call argument"))?;
                hs.params.push(abi_param(t));
            }
            if let Some(t) = clif_type(insn.ty, ptr) {
                hs.returns.push(abi_param(t));
            }
            callees.push(Some(import_helper(&mut func, index, hs)));
        }
    }
    // `@obj_incref(ptr) -> ptr` and `@obj_release(ptr)`, when the trace has those ops
    let mut ref_helpers = [None, None];
    for (k, (op, name)) in [(Op::ObjIncref, "obj_incref"), (Op::ObjRelease, "obj_release")]
        .into_iter()
        .enumerate()
    {
        if f.insns.iter().any(|i| i.op == op) {
            let index = helpers
                .index_of(name)
                .ok_or_else(|| err(format!("unknown helper @{name}")))?;
            let mut hs = Signature::new(isa.default_call_conv());
            hs.params.push(AbiParam::new(ptr));
            if op == Op::ObjIncref {
                hs.returns.push(AbiParam::new(ptr));
            }
            ref_helpers[k] = Some(import_helper(&mut func, index, hs));
        }
    }
    // the exit helper of direct self-calls, when the trace makes one
    let self_call = helpers
        .self_call()
        .filter(|sc| f.insns.iter().any(|i| direct_call(f, i, sc).is_some()));
    let self_exit = match self_call {
        Some(sc) => {
            let index = helpers
                .index_of(sc.exit_helper)
                .ok_or_else(|| err(format!("unknown helper @{}", sc.exit_helper)))?;
            let mut hs = Signature::new(isa.default_call_conv());
            for t in [ptr, ptr, ptr, types::I64, ptr, types::I64] {
                hs.params.push(AbiParam::new(t));
            }
            hs.returns.push(AbiParam::new(types::I64));
            Some((sc, import_helper(&mut func, index, hs)))
        }
        None => None,
    };

    let exits = f.exits();
    if opts.deopt_stress > 0 && !exits.is_empty() && env.exit_data == 0 {
        return Err(err(
            "deopt_stress needs exit data (compile with Backend::compile_trace_*)",
        ));
    }
    let mut exit_no = vec![None; f.insns.len()];
    for (n, x) in exits.iter().enumerate() {
        if let Some(e) = exit_no.get_mut(x.index()) {
            *e = Some(u32::try_from(n).map_err(|_| err("too many exits"))?);
        }
    }
    let mut fctx = FunctionBuilderContext::new();
    let fb = FunctionBuilder::new(&mut func, &mut fctx);
    let mut l = Lower {
        f,
        fb,
        ptr,
        vals: vec![None; f.insns.len()],
        exit_no,
        header: None,
        loop_fuel: opts.loop_fuel,
        stress: if env.exit_data == 0 { 0 } else { opts.deopt_stress },
        env,
        trace_sig,
        pow_sig,
        math_sig,
        snap_exit: vec![None; f.snaps.len()],
        exit_tail: None,
        out_ptr: None,
        args_ptr: None,
        n_exits: exits.len(),
        self_exit,
        ref_helpers,
        runs: if opts.count_runs { env.runs } else { 0 },
        item_addrs: std::collections::HashMap::new(),
        item_offs: std::collections::HashMap::new(),
        derived: Vec::new(),
        deferred: backedge_only(f),
    };
    l.body(&callees, helpers)?;
    l.exit_bodies()?;
    l.fb.seal_all_blocks();
    l.fb.finalize(isa.frontend_config());
    Ok(func)
}

struct Lower<'a, 'f> {
    f: &'a Func,
    fb: FunctionBuilder<'f>,
    ptr: clir::Type,
    /// The Cranelift value of each IR instruction (`None` for void ones or not yet lowered).
    vals: Vec<Option<clir::Value>>,
    /// Per IR instruction: its exit number (`ExitId`) if it can exit.
    exit_no: Vec<Option<u32>>,
    /// The loop header block and the IR ids of its phis.
    header: Option<(Block, Vec<InsnId>)>,
    /// See [`LowerOptions::loop_fuel`].
    loop_fuel: Option<u64>,
    /// See [`LowerOptions::deopt_stress`] (0 when there is no exit data).
    stress: u32,
    env: &'a LinkEnv<'a>,
    /// The [`TraceFn`] signature, for calls into bridges.
    trace_sig: clir::SigRef,
    /// Per snapshot: its shared exit block, once an exit uses it (a block parameter
    /// carries the exit number); the bodies are written after the trace (see
    /// [`Lower::exit_bodies`]).
    snap_exit: Vec<Option<Block>>,
    /// The shared exit tail (made with the first exit body; one `i64` parameter: the exit
    /// number): counts the exit and returns its status or calls its bridge.
    exit_tail: Option<Block>,
    /// The `out` parameter of the trace function (set when the entry block is made).
    out_ptr: Option<clir::Value>,
    /// The `args` parameter of the trace function (set when the entry block is made).
    args_ptr: Option<clir::Value>,
    /// The signature of [`float_pow`] and `mathfn::m_atan2` (`float_pow` and `float_atan2`
    /// are indirect calls to them).
    pow_sig: clir::SigRef,
    /// The signature of the `math` functions (`f64 -> f64`, `ir/mathfn.rs`).
    math_sig: clir::SigRef,
    /// Number of exit points (the exit data holds `2 * n_exits` words).
    n_exits: usize,
    /// Direct self-calls ([`SelfCall`]) and their exit helper, when the trace makes one.
    self_exit: Option<(SelfCall, clir::FuncRef)>,
    /// `@obj_incref` and `@obj_release`, imported when the trace has those ops.
    ref_helpers: [Option<clir::FuncRef>; 2],
    /// Address of the run counter (0: not counted, see [`LowerOptions::count_runs`]).
    runs: usize,
    /// Element addresses `base + 16 * i` made so far, by (array, index) instruction: every
    /// `*_at` op is lowered on the trace's path, whose earlier values dominate its later
    /// ones, so one address serves every access to that element ([`Lower::item_addr`]).
    item_addrs: std::collections::HashMap<(InsnId, InsnId), clir::Value>,
    /// Element offsets `16 * i` made so far, by index instruction (shared by the arrays
    /// that index alike: `c[i] = a[i] + b[i]`).
    item_offs: std::collections::HashMap<InsnId, clir::Value>,
    /// The loop's derived phis ([`derived_phi`]) as `(a, b's header parameter, k)`: `a`
    /// is `b - k`, computed where it is used — in the loop body at its first use, in an
    /// exit block each time ([`Lower::exit_val`]) — instead of at the header in every
    /// iteration.
    derived: Vec<(InsnId, clir::Value, i64)>,
    /// Instructions lowered right before the loop's `jump` instead of where they stand
    /// ([`backedge_only`]).
    deferred: Vec<bool>,
}

/// The value of `a` when it is a `const_i64` or `const_ptr` instruction.
fn const_i64(f: &Func, a: InsnId) -> Option<i64> {
    match f.insn(a).map(|c| (c.op, &c.imm)) {
        Some((Op::ConstI64, Imm::Int(k))) => Some(*k),
        Some((Op::ConstPtr, Imm::Word(w))) => Some(*w as i64),
        _ => None,
    }
}

/// The `(base, n)` of a direct self-call: `insn` calls `sc.helper` on `sc.func` with
/// constant argument slots (see [`SelfCall`]).
fn direct_call(f: &Func, insn: &crate::ir::Insn, sc: &SelfCall) -> Option<(u32, u32)> {
    let Imm::Call(c) = &insn.imm else { return None };
    if c.name.as_str() != sc.helper || insn.args.len() != 5 {
        return None;
    }
    let imm = |k: usize| insn.args.get(k).and_then(|&a| f.insn(a)).map(|d| (d.op, &d.imm));
    match (imm(1)?, imm(3)?, imm(4)?) {
        ((Op::ConstPtr, Imm::Word(w)), (Op::ConstI64, Imm::Int(base)), (Op::ConstI64, Imm::Int(n)))
            if *w == sc.func && *n <= i64::from(crate::record::MAX_CALL_ARGS) =>
        {
            Some((u32::try_from(*base).ok()?, u32::try_from(*n).ok()?))
        }
        _ => None,
    }
}

impl Lower<'_, '_> {
    fn val(&self, id: InsnId) -> Result<clir::Value, CompileError> {
        self.vals
            .get(id.index())
            .copied()
            .flatten()
            .ok_or_else(|| err(format!("{id} not available")))
    }

    fn arg(&self, at: InsnId, k: usize) -> Result<clir::Value, CompileError> {
        let insn = self.f.insn(at).ok_or_else(|| err("bad insn"))?;
        let id = *insn
            .args
            .get(k)
            .ok_or_else(|| err(format!("{at}: missing operand {k}")))?;
        self.val(id)
    }

    fn slot_offset(imm: &Imm) -> Result<i32, CompileError> {
        match imm {
            Imm::Slot(n) => i32::try_from(u64::from(*n) * 16).map_err(|_| err("slot out of range")),
            _ => Err(err("expected a slot immediate")),
        }
    }

    fn body(&mut self, callees: &[Option<clir::FuncRef>], helpers: &HelperTable) -> Result<(), CompileError> {
        let entry = self.fb.create_block();
        self.fb.append_block_params_for_function_params(entry);
        self.fb.switch_to_block(entry);
        let args_ptr = self.fb.block_params(entry)[0];
        let out_ptr = self.fb.block_params(entry)[1];
        self.out_ptr = Some(out_ptr);
        self.args_ptr = Some(args_ptr);
        self.count_run();
        let mut next_callee = callees.iter();
        let mut terminated = false;
        let flags = MemFlagsData::trusted();

        for (i, insn) in self.f.insns.iter().enumerate() {
            let id = InsnId(i as u32);
            // the code of `%i` (exit blocks included) is tagged `i` for `--jit-dump=asm`
            self.fb.set_srcloc(clir::SourceLoc::new(id.0));
            if terminated {
                return Err(err(format!("{id}: instruction after the end of the trace")));
            }
            if self.deferred.get(i).copied().unwrap_or(false) {
                continue;
            }
            self.ensure_derived(&insn.args);
            let ty = clif_type(insn.ty, self.ptr);
            let v: Option<clir::Value> = match insn.op {
                Op::Param => {
                    let Imm::Param(k) = insn.imm else {
                        return Err(err("param without index"));
                    };
                    let t = ty.ok_or_else(|| err("void param"))?;
                    let (base, word) = match self.env.side {
                        Some(side) if k as usize >= side.parent_params => {
                            let pos = side
                                .out_pos
                                .get(k as usize - side.parent_params)
                                .ok_or_else(|| err(format!("{id}: no source for side-trace parameter {k}")))?;
                            (out_ptr, u64::from(*pos))
                        }
                        _ => (args_ptr, u64::from(k)),
                    };
                    let off = i32::try_from(word * 8).map_err(|_| err("too many params"))?;
                    Some(self.load_param(t, base, off))
                }
                Op::ConstI64 | Op::ConstBool | Op::ConstPtr => {
                    let (t, k) = match insn.imm {
                        Imm::Int(k) => (types::I64, k),
                        Imm::Bool(b) => (types::I8, i64::from(b)),
                        Imm::Word(w) => (self.ptr, w as i64),
                        _ => return Err(err(format!("{id}: bad constant"))),
                    };
                    Some(self.fb.ins().iconst(t, k))
                }
                Op::ConstF64 => {
                    let Imm::Float(bits) = insn.imm else {
                        return Err(err("bad f64 constant"));
                    };
                    Some(self.fb.ins().f64const(f64::from_bits(bits)))
                }
                // (peeling and DCE remove every undef of a recorded loop; a snapshot or phi
                // still naming one cannot be restored: refuse the trace)
                Op::UndefI64 | Op::UndefF64 | Op::UndefBool => {
                    return Err(err(format!(
                        "{id}: undef reached the backend (the loop was not peeled)"
                    )));
                }
                Op::IntAdd
                | Op::IntSub
                | Op::IntMul
                | Op::IntAnd
                | Op::IntOr
                | Op::IntXor
                | Op::IntShl
                | Op::IntShr
                | Op::FloatAdd
                | Op::FloatSub
                | Op::FloatMul
                | Op::FloatDiv => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let ins = self.fb.ins();
                    Some(match insn.op {
                        Op::IntAdd => ins.iadd(a, b),
                        Op::IntSub => ins.isub(a, b),
                        Op::IntMul => ins.imul(a, b),
                        Op::IntAnd => ins.band(a, b),
                        Op::IntOr => ins.bor(a, b),
                        Op::IntXor => ins.bxor(a, b),
                        Op::IntShl => ins.ishl(a, b),
                        Op::IntShr => ins.sshr(a, b),
                        Op::FloatAdd => ins.fadd(a, b),
                        Op::FloatSub => ins.fsub(a, b),
                        Op::FloatMul => ins.fmul(a, b),
                        _ => ins.fdiv(a, b),
                    })
                }
                Op::IntNeg => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().ineg(a))
                }
                Op::FloatNeg => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().fneg(a))
                }
                Op::FloatSqrt => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().sqrt(a))
                }
                Op::FloatPow | Op::FloatAtan2 => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let f: extern "C" fn(f64, f64) -> f64 = if insn.op == Op::FloatPow {
                        float_pow
                    } else {
                        crate::ir::mathfn::m_atan2
                    };
                    let addr = self.fb.ins().iconst(self.ptr, f as usize as i64);
                    let call = self.fb.ins().call_indirect(self.pow_sig, addr, &[a, b]);
                    self.fb.inst_results(call).first().copied()
                }
                Op::FloatAbs => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().fabs(a))
                }
                Op::FloatCopysign => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    Some(self.fb.ins().fcopysign(a, b))
                }
                Op::FloatSin
                | Op::FloatCos
                | Op::FloatTan
                | Op::FloatExp
                | Op::FloatLog
                | Op::FloatLog2
                | Op::FloatLog10
                | Op::FloatAtan
                | Op::FloatAsin
                | Op::FloatAcos
                | Op::FloatSinh
                | Op::FloatCosh
                | Op::FloatTanh
                | Op::FloatExpm1
                | Op::FloatLog1p => {
                    // (the rows of `ir/mathfn.rs`)
                    let m = MathFn::of_op(insn.op).ok_or_else(|| err("no math row"))?;
                    let x = self.arg(id, 0)?;
                    Some(self.lower_math(id, m, x)?)
                }
                Op::IntMin | Op::IntMax => {
                    // `b if b < a else a` / `b if b > a else a`
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let cc = if insn.op == Op::IntMin {
                        IntCC::SignedLessThan
                    } else {
                        IntCC::SignedGreaterThan
                    };
                    let c = self.fb.ins().icmp(cc, b, a);
                    Some(self.fb.ins().select(c, b, a))
                }
                Op::FloatMin | Op::FloatMax => {
                    // ordered compares: false with a NaN, so `a` is kept (Python's order)
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let cc = if insn.op == Op::FloatMin {
                        FloatCC::LessThan
                    } else {
                        FloatCC::GreaterThan
                    };
                    let c = self.fb.ins().fcmp(cc, b, a);
                    Some(self.fb.ins().select(c, b, a))
                }
                Op::IntAddOv | Op::IntSubOv | Op::IntMulOv => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let (r, of) = match insn.op {
                        Op::IntAddOv => self.fb.ins().sadd_overflow(a, b),
                        Op::IntSubOv => self.fb.ins().ssub_overflow(a, b),
                        _ => self.fb.ins().smul_overflow(a, b),
                    };
                    self.exit_if(id, of)?;
                    Some(r)
                }
                Op::PtrAdd => {
                    let Imm::Int(k) = insn.imm else {
                        return Err(err(format!("{id}: ptr_add without an offset")));
                    };
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().iadd_imm_s(a, k))
                }
                Op::IntFloorDiv | Op::IntMod => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    Some(self.lower_floordiv_mod(id, insn.op, a, b)?)
                }
                Op::IntEq | Op::IntNe | Op::IntLt | Op::IntLe | Op::IntGt | Op::IntGe | Op::PtrEq => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let cc = match insn.op {
                        Op::IntEq | Op::PtrEq => IntCC::Equal,
                        Op::IntNe => IntCC::NotEqual,
                        Op::IntLt => IntCC::SignedLessThan,
                        Op::IntLe => IntCC::SignedLessThanOrEqual,
                        Op::IntGt => IntCC::SignedGreaterThan,
                        _ => IntCC::SignedGreaterThanOrEqual,
                    };
                    Some(self.fb.ins().icmp(cc, a, b))
                }
                Op::FloatEq | Op::FloatNe | Op::FloatLt | Op::FloatLe | Op::FloatGt | Op::FloatGe => {
                    let (a, b) = (self.arg(id, 0)?, self.arg(id, 1)?);
                    let cc = match insn.op {
                        Op::FloatEq => FloatCC::Equal,
                        Op::FloatNe => FloatCC::NotEqual,
                        Op::FloatLt => FloatCC::LessThan,
                        Op::FloatLe => FloatCC::LessThanOrEqual,
                        Op::FloatGt => FloatCC::GreaterThan,
                        _ => FloatCC::GreaterThanOrEqual,
                    };
                    Some(self.fb.ins().fcmp(cc, a, b))
                }
                Op::IntToFloat => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().fcvt_from_sint(types::F64, a))
                }
                Op::BoolNot => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().bxor_imm_u(a, 1))
                }
                Op::BoolToInt => {
                    let a = self.arg(id, 0)?;
                    Some(self.fb.ins().uextend(types::I64, a))
                }
                Op::GuardTrue | Op::GuardFalse => {
                    // Branch on the condition itself (no `bxor`), so Cranelift fuses a
                    // preceding compare into one conditional jump.
                    let c = self.arg(id, 0)?;
                    self.exit_when(id, c, insn.op == Op::GuardFalse)?;
                    None
                }
                Op::GuardTag => {
                    let t = self.arg(id, 0)?;
                    let Imm::Tag(tag) = insn.imm else {
                        return Err(err("guard_tag without tag"));
                    };
                    let ok = self.fb.ins().icmp_imm_s(IntCC::Equal, t, tag.word());
                    self.exit_when(id, ok, false)?;
                    None
                }
                Op::LoadTag | Op::LoadInt | Op::LoadFloat | Op::LoadBool | Op::LoadPtr => {
                    let base = self.arg(id, 0)?;
                    let off = Self::slot_offset(&insn.imm)?;
                    let ins = self.fb.ins();
                    Some(match insn.op {
                        Op::LoadTag => ins.load(types::I64, flags, base, off),
                        Op::LoadInt => ins.load(types::I64, flags, base, off + 8),
                        Op::LoadFloat => ins.load(types::F64, flags, base, off + 8),
                        Op::LoadPtr => ins.load(self.ptr, flags, base, off + 8),
                        _ => {
                            let byte = ins.load(types::I8, flags, base, off + 8);
                            self.fb.ins().icmp_imm_s(IntCC::NotEqual, byte, 0)
                        }
                    })
                }
                Op::StoreInt | Op::StoreFloat | Op::StoreBool | Op::StoreNone | Op::StorePtr => {
                    let base = self.arg(id, 0)?;
                    let off = Self::slot_offset(&insn.imm)?;
                    let tag = insn.op.slot_tag().ok_or_else(|| err("store without tag"))?;
                    let payload = match insn.op {
                        Op::StoreNone => self.fb.ins().iconst(types::I64, 0),
                        Op::StoreBool => {
                            let b = self.arg(id, 1)?;
                            self.fb.ins().uextend(types::I64, b)
                        }
                        _ => self.arg(id, 1)?,
                    };
                    let tag = self.fb.ins().iconst(types::I64, tag.word());
                    self.fb.ins().store(flags, tag, base, off);
                    self.fb.ins().store(flags, payload, base, off + 8);
                    None
                }
                Op::LoadTagAt | Op::LoadIntAt | Op::LoadFloatAt | Op::LoadBoolAt | Op::LoadPtrAt => {
                    let (addr, off) = self.item_addr(id)?;
                    let ins = self.fb.ins();
                    Some(match insn.op {
                        Op::LoadTagAt => ins.load(types::I64, flags, addr, off),
                        Op::LoadIntAt => ins.load(types::I64, flags, addr, off + 8),
                        Op::LoadFloatAt => ins.load(types::F64, flags, addr, off + 8),
                        Op::LoadPtrAt => ins.load(self.ptr, flags, addr, off + 8),
                        _ => {
                            let byte = ins.load(types::I8, flags, addr, off + 8);
                            self.fb.ins().icmp_imm_s(IntCC::NotEqual, byte, 0)
                        }
                    })
                }
                Op::StoreIntKeepAt | Op::StoreFloatKeepAt => {
                    // the payload only: the element's tag is the stored type already
                    let (addr, off) = self.item_addr(id)?;
                    let payload = self.arg(id, 2)?;
                    self.fb.ins().store(flags, payload, addr, off + 8);
                    None
                }
                Op::StoreIntAt | Op::StoreFloatAt | Op::StoreBoolAt | Op::StoreNoneAt => {
                    let (addr, off) = self.item_addr(id)?;
                    let tag = insn.op.item_tag().ok_or_else(|| err("store without tag"))?;
                    let payload = match insn.op {
                        Op::StoreNoneAt => self.fb.ins().iconst(types::I64, 0),
                        Op::StoreBoolAt => {
                            let b = self.arg(id, 2)?;
                            self.fb.ins().uextend(types::I64, b)
                        }
                        _ => self.arg(id, 2)?,
                    };
                    let tag = self.fb.ins().iconst(types::I64, tag.word());
                    self.fb.ins().store(flags, tag, addr, off);
                    self.fb.ins().store(flags, payload, addr, off + 8);
                    None
                }
                Op::Call => {
                    let callee = *next_callee.next().ok_or_else(|| err("call not imported"))?;
                    let Some(callee) = callee else {
                        let Imm::Call(c) = &insn.imm else {
                            return Err(err(format!("{id}: call without callee")));
                        };
                        let how = helpers.inline(&c.name).ok_or_else(|| err("inline helper vanished"))?;
                        let t = ty.ok_or_else(|| err(format!("{id}: inline helper without result")))?;
                        let args = insn
                            .args
                            .iter()
                            .map(|&a| Ok((self.val(a)?, const_i64(self.f, a))))
                            .collect::<Result<Vec<_>, CompileError>>()?;
                        let v = self.inline_helper(how, &args, t)?;
                        if let Some(slot) = self.vals.get_mut(i) {
                            *slot = Some(v);
                        }
                        continue;
                    };
                    let args = insn.args.iter().map(|&a| self.val(a)).collect::<Result<Vec<_>, _>>()?;
                    if let Some((sc, exit)) = self.self_exit
                        && let Some((base, n)) = direct_call(self.f, insn, &sc)
                    {
                        Some(self.direct_call(&sc, exit, callee, &args, base, n)?)
                    } else {
                        let call = self.fb.ins().call(callee, &args);
                        self.fb.inst_results(call).first().copied()
                    }
                }
                Op::ObjIncref | Op::ObjRelease => {
                    let k = usize::from(insn.op == Op::ObjRelease);
                    let callee = self.ref_helpers[k].ok_or_else(|| err("reference helper not imported"))?;
                    let w = self.arg(id, 0)?;
                    let call = self.fb.ins().call(callee, &[w]);
                    self.fb.inst_results(call).first().copied()
                }
                Op::Loop => {
                    let header = self.fb.create_block();
                    let all: Vec<InsnId> = self.f.insns[i + 1..]
                        .iter()
                        .take_while(|x| x.op == Op::Phi)
                        .enumerate()
                        .map(|(k, _)| InsnId((i + 1 + k) as u32))
                        .collect();
                    let derived: Vec<(InsnId, InsnId, i64)> =
                        all.iter().filter_map(|&a| derived_phi(self.f, &all, a)).collect();
                    let phis: Vec<InsnId> = all
                        .iter()
                        .copied()
                        .filter(|p| !derived.iter().any(|d| d.0 == *p))
                        .collect();
                    let mut entry_args = Vec::new();
                    for &p in &phis {
                        let t = clif_type(self.f.ty(p), self.ptr).ok_or_else(|| err("void phi"))?;
                        self.fb.append_block_param(header, t);
                        entry_args.push(self.arg(p, 0)?.into());
                    }
                    if let Some(fuel) = self.loop_fuel {
                        // The back-edge budget rides along as one more header parameter.
                        self.fb.append_block_param(header, types::I64);
                        let k = i64::try_from(fuel).unwrap_or(i64::MAX);
                        entry_args.push(self.fb.ins().iconst(types::I64, k).into());
                    }
                    self.fb.ins().jump(header, &entry_args);
                    self.fb.switch_to_block(header);
                    for &(a, b, k) in &derived {
                        let at = phis.iter().position(|&p| p == b).ok_or_else(|| err("derived phi"))?;
                        let bv = self.fb.block_params(header)[at];
                        self.derived.push((a, bv, k));
                    }
                    self.header = Some((header, phis));
                    None
                }
                Op::Phi => {
                    let (header, phis) = self.header.as_ref().ok_or_else(|| err("phi outside loop"))?;
                    match phis.iter().position(|&p| p == id) {
                        Some(k) => Some(self.fb.block_params(*header)[k]),
                        // a derived phi: computed where it is used (`derived`)
                        None => None,
                    }
                }
                Op::Jump => {
                    for (j, d) in self.f.insns.iter().enumerate() {
                        if self.deferred.get(j).copied().unwrap_or(false) {
                            self.ensure_derived(&d.args);
                            let (a, b) = (self.arg(InsnId(j as u32), 0)?, self.arg(InsnId(j as u32), 1)?);
                            let v = match d.op {
                                Op::IntAdd => self.fb.ins().iadd(a, b),
                                _ => self.fb.ins().isub(a, b),
                            };
                            if let Some(slot) = self.vals.get_mut(j) {
                                *slot = Some(v);
                            }
                        }
                    }
                    let (header, phis) = self.header.clone().ok_or_else(|| err("jump without loop"))?;
                    let mut back = Vec::new();
                    for &p in &phis {
                        if let Some(b) = self.f.insn(p).and_then(|x| x.args.get(1)).copied() {
                            self.ensure_derived(&[b]);
                        }
                        back.push(self.arg(p, 1)?.into());
                    }
                    if self.loop_fuel.is_some() {
                        let left = self.fb.block_params(header)[phis.len()];
                        let left = self.fb.ins().iadd_imm_s(left, -1);
                        let out_of_fuel = self.fb.create_block();
                        let again = self.fb.create_block();
                        self.fb.set_cold_block(out_of_fuel);
                        self.fb.ins().brif(left, again, &[], out_of_fuel, &[]);
                        self.fb.switch_to_block(out_of_fuel);
                        let status = self.fb.ins().iconst(types::I64, STATUS_OUT_OF_FUEL as i64);
                        self.fb.ins().return_(&[status]);
                        self.fb.switch_to_block(again);
                        back.push(left.into());
                    }
                    self.count_run();
                    self.fb.ins().jump(header, &back);
                    terminated = true;
                    None
                }
                Op::Ret => {
                    let v = self.arg(id, 0)?;
                    let bits = self.word_of(v);
                    self.fb.ins().store(flags, bits, out_ptr, 0);
                    let status = self.fb.ins().iconst(types::I64, STATUS_RET as i64);
                    self.fb.ins().return_(&[status]);
                    terminated = true;
                    None
                }
                Op::Exit => {
                    self.stress_tick(id)?;
                    let (exit, n) = self.exit_target(id)?;
                    self.fb.ins().jump(exit, &[n.into()]);
                    terminated = true;
                    None
                }
                Op::Link => {
                    let Imm::Trace(t) = &insn.imm else {
                        return Err(err("link without target"));
                    };
                    let target = (self.env.target)(t).ok_or_else(|| err(format!("unknown link target @{t}")))?;
                    for k in 0..insn.args.len() {
                        let v = self.arg(id, k)?;
                        let bits = self.word_of(v);
                        let off = i32::try_from(k * 8).map_err(|_| err("too many link arguments"))?;
                        self.fb.ins().store(flags, bits, out_ptr, off);
                    }
                    // (below 2^31 - 1: the status stays below `STATUS_INVALIDATED`)
                    if self.env.trace_id >= (1 << 31) - 1 {
                        return Err(err("trace id too large for a link status"));
                    }
                    let source = u64::from(self.env.trace_id) << 32;
                    let status = self
                        .fb
                        .ins()
                        .iconst(types::I64, (STATUS_LINK | source | u64::from(target)) as i64);
                    self.fb.ins().return_(&[status]);
                    terminated = true;
                    None
                }
            };
            if let Some(v) = v {
                match self.vals.get_mut(i) {
                    Some(slot) => *slot = Some(v),
                    None => return Err(err("value table too small")),
                }
            }
        }
        if !terminated {
            return Err(err("trace does not end with jump, ret or exit"));
        }
        Ok(())
    }

    /// Loads parameter bits of Cranelift type `t` from `args + off`.
    fn load_param(&mut self, t: clir::Type, args: clir::Value, off: i32) -> clir::Value {
        let flags = MemFlagsData::trusted();
        if t == types::I8 {
            let w = self.fb.ins().load(types::I64, flags, args, off);
            self.fb.ins().icmp_imm_s(IntCC::NotEqual, w, 0)
        } else {
            self.fb.ins().load(t, flags, args, off)
        }
    }

    /// A value as a 64-bit word to store into `out` (f64 and ptr stored as is, bool widened).
    /// A direct self-call (see [`SelfCall`]): `args` are the helper call's
    /// `(vm, func, buf, base, n)`, the argument slots `base..base + n` of the caller's buffer.
    /// Returns the result's tag (or the slow paths' -1/-2), the result in slot `base`, as the
    /// helper would. Layout of the callee's area, a stack slot: one word (the callee's `args`
    /// array: its buffer's address), the callee's buffer (`buffer_slots` 16-byte slots), its
    /// `out` (`out_words` words).
    fn direct_call(
        &mut self,
        sc: &SelfCall,
        exit_helper: clir::FuncRef,
        helper: clir::FuncRef,
        args: &[clir::Value],
        base: u32,
        n: u32,
    ) -> Result<clir::Value, CompileError> {
        use crate::record::{buffer_slots, ctl_slot, result_slot, vm_slot};
        let flags = MemFlagsData::trusted();
        let (Some(&vm), Some(&func), Some(&buf)) = (args.first(), args.get(1), args.get(2)) else {
            return Err(err("direct call without operands"));
        };
        let nl = sc.nlocals;
        let slots = buffer_slots(nl);
        let off = |slot: u32| -> Result<i32, CompileError> {
            i32::try_from(u64::from(slot) * 16).map_err(|_| err("buffer slot beyond reach"))
        };
        let size = 8 + 16 * slots + 8 * sc.out_words as usize;
        let size = u32::try_from(size).map_err(|_| err("direct call frame too large"))?;
        let ctl = off(ctl_slot(nl))?;
        let fast = self.fb.create_block();
        let slow = self.fb.create_block();
        let exited = self.fb.create_block();
        let returned = self.fb.create_block();
        let done = self.fb.create_block();
        self.fb.append_block_param(done, types::I64);
        self.fb.set_cold_block(slow);
        self.fb.set_cold_block(exited);
        // budget left and an entry installed?
        let budget = self.fb.ins().load(types::I64, flags, buf, ctl);
        let cell = self.fb.ins().iconst(self.ptr, sc.cell as i64);
        let entry = self.fb.ins().load(self.ptr, flags, cell, 0);
        let has_budget = self.fb.ins().icmp_imm_s(IntCC::SignedGreaterThan, budget, 0);
        let has_entry = self.fb.ins().icmp_imm_s(IntCC::NotEqual, entry, 0);
        let ok = self.fb.ins().band(has_budget, has_entry);
        self.fb.ins().brif(ok, fast, &[], slow, &[]);

        self.fb.switch_to_block(fast);
        let area = self
            .fb
            .create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 4));
        let cb = self.fb.ins().stack_addr(self.ptr, area, 8);
        for k in 0..nl {
            let to = off(k)?;
            if k < n {
                let from = off(base + k)?;
                let tag = self.fb.ins().load(types::I64, flags, buf, from);
                let pay = self.fb.ins().load(types::I64, flags, buf, from + 8);
                self.fb.ins().store(flags, tag, cb, to);
                self.fb.ins().store(flags, pay, cb, to + 8);
            } else {
                let unbound = self.fb.ins().iconst(types::I64, 5);
                self.fb.ins().store(flags, unbound, cb, to);
            }
        }
        let vs = off(vm_slot(nl))?;
        self.fb.ins().store(flags, vm, cb, vs + 8);
        // the callee's call-result slot starts defined (the exit helper reads it whatever
        // the exit wrote); its `out` is read only where the exit wrote (its snapshot's words)
        let none = self.fb.ins().iconst(types::I64, 255);
        self.fb.ins().store(flags, none, cb, off(crate::record::args_slot(nl))?);
        let left = self.fb.ins().iadd_imm_s(budget, -1);
        self.fb.ins().store(flags, left, cb, ctl);
        let depth_at = self.fb.ins().load(self.ptr, flags, buf, ctl + 8);
        self.fb.ins().store(flags, depth_at, cb, ctl + 8);
        let depth = self.fb.ins().load(types::I64, flags, depth_at, 0);
        let deeper = self.fb.ins().iadd_imm_s(depth, 1);
        self.fb.ins().store(flags, deeper, depth_at, 0);
        let argw = self.fb.ins().stack_addr(self.ptr, area, 0);
        self.fb.ins().store(flags, cb, argw, 0);
        let out = self
            .fb
            .ins()
            .iadd_imm_s(cb, i64::from(off(u32::try_from(slots).map_err(|_| err("slots"))?)?));
        let call = self.fb.ins().call_indirect(self.trace_sig, entry, &[argw, out]);
        let st = *self
            .fb
            .inst_results(call)
            .first()
            .ok_or_else(|| err("trace call without status"))?;
        self.fb.ins().store(flags, depth, depth_at, 0);
        self.fb.ins().brif(st, exited, &[], returned, &[]);

        self.fb.switch_to_block(returned);
        let rs = off(result_slot(nl))?;
        let tag = self.fb.ins().load(types::I64, flags, cb, rs);
        let pay = self.fb.ins().load(types::I64, flags, cb, rs + 8);
        let to = off(base)?;
        self.fb.ins().store(flags, tag, buf, to);
        self.fb.ins().store(flags, pay, buf, to + 8);
        self.fb.ins().jump(done, &[tag.into()]);

        self.fb.switch_to_block(exited);
        let b = self.fb.ins().iconst(types::I64, i64::from(base));
        let call = self.fb.ins().call(exit_helper, &[vm, func, cb, st, buf, b]);
        let r = *self
            .fb
            .inst_results(call)
            .first()
            .ok_or_else(|| err("exit helper without result"))?;
        self.fb.ins().jump(done, &[r.into()]);

        self.fb.switch_to_block(slow);
        let call = self.fb.ins().call(helper, args);
        let r = *self
            .fb
            .inst_results(call)
            .first()
            .ok_or_else(|| err("call helper without result"))?;
        self.fb.ins().jump(done, &[r.into()]);

        self.fb.switch_to_block(done);
        Ok(self.fb.block_params(done)[0])
    }

    /// One increment of the run counter, when runs are counted.
    fn count_run(&mut self) {
        if self.runs == 0 {
            return;
        }
        let flags = MemFlagsData::trusted();
        let at = self.fb.ins().iconst(self.ptr, self.runs as i64);
        let n = self.fb.ins().load(types::I64, flags, at, 0);
        let n = self.fb.ins().iadd_imm_s(n, 1);
        self.fb.ins().store(flags, n, at, 0);
    }

    fn word_of(&mut self, v: clir::Value) -> clir::Value {
        if self.fb.func.dfg.value_type(v) == types::I8 {
            self.fb.ins().uextend(types::I64, v)
        } else {
            v
        }
    }

    /// Branches to the exit block for instruction `id` when `cond` is nonzero and
    /// continues lowering in a fresh block.
    fn exit_if(&mut self, id: InsnId, cond: clir::Value) -> Result<(), CompileError> {
        self.exit_when(id, cond, true)
    }

    /// `math.<m>(x)` (`ir/mathfn.rs`): an indirect call of the row's function, then an exit
    /// where CPython raises (`mathfn::raises`: a NaN result from a non-NaN `x`, or an
    /// infinite result from a finite `x`).
    fn lower_math(&mut self, id: InsnId, m: MathFn, x: clir::Value) -> Result<clir::Value, CompileError> {
        let addr = self.fb.ins().iconst(self.ptr, m.func() as usize as i64);
        let call = self.fb.ins().call_indirect(self.math_sig, addr, &[x]);
        let r = self
            .fb
            .inst_results(call)
            .first()
            .copied()
            .ok_or_else(|| err("math call without a result"))?;
        let fb = &mut self.fb;
        let r_nan = fb.ins().fcmp(FloatCC::Unordered, r, r);
        let x_num = fb.ins().fcmp(FloatCC::Ordered, x, x);
        let nan_err = fb.ins().band(r_nan, x_num);
        let inf = fb.ins().f64const(f64::INFINITY);
        let r_abs = fb.ins().fabs(r);
        let r_inf = fb.ins().fcmp(FloatCC::Equal, r_abs, inf);
        let x_abs = fb.ins().fabs(x);
        let x_fin = fb.ins().fcmp(FloatCC::LessThan, x_abs, inf);
        let inf_err = fb.ins().band(r_inf, x_fin);
        let e = fb.ins().bor(nan_err, inf_err);
        self.exit_if(id, e)?;
        Ok(r)
    }

    /// Branches to the (shared) exit block for instruction `id` when `cond != 0` equals
    /// `exit_on`, and continues lowering in a fresh block.
    fn exit_when(&mut self, id: InsnId, cond: clir::Value, exit_on: bool) -> Result<(), CompileError> {
        self.stress_tick(id)?;
        // The exit number is set in a cold stub block of its own, not on the main path.
        let stub = self.fb.create_block();
        self.fb.set_cold_block(stub);
        let cont = self.fb.create_block();
        if exit_on {
            self.fb.ins().brif(cond, stub, &[], cont, &[]);
        } else {
            self.fb.ins().brif(cond, cont, &[], stub, &[]);
        }
        self.fb.switch_to_block(stub);
        let (exit, n) = self.exit_target(id)?;
        self.fb.ins().jump(exit, &[n.into()]);
        self.fb.switch_to_block(cont);
        Ok(())
    }

    /// With deopt stress on: decrements the countdown and, when it reaches 0, sets it to the
    /// next period and
    /// leaves through instruction `id`'s exit (see the module doc); lowering continues in
    /// the block where the countdown has not run out. Nothing without deopt stress.
    fn stress_tick(&mut self, id: InsnId) -> Result<(), CompileError> {
        if self.stress == 0 {
            return Ok(());
        }
        let flags = MemFlagsData::trusted();
        let data = self.fb.ins().iconst(self.ptr, self.env.exit_data as i64);
        let off = self
            .n_exits
            .checked_mul(16)
            .and_then(|o| i32::try_from(o).ok())
            .ok_or_else(|| err("too many exits"))?;
        let c = self.fb.ins().load(types::I64, flags, data, off);
        let left = self.fb.ins().iadd_imm_s(c, -1);
        let forced = self.fb.create_block();
        let cont = self.fb.create_block();
        self.fb.set_cold_block(forced);
        self.fb.ins().brif(left, cont, &[], forced, &[]);
        self.fb.switch_to_block(forced);
        // the next period: one more, wrapping from N + STRESS_SPAN - 1 back to N
        let period_off = off.checked_add(8).ok_or_else(|| err("too many exits"))?;
        let period = self.fb.ins().load(types::I64, flags, data, period_off);
        let grown = self.fb.ins().iadd_imm_s(period, 1);
        let n = i64::from(self.stress);
        let wrap = self
            .fb
            .ins()
            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, grown, n + STRESS_SPAN);
        let first = self.fb.ins().iconst(types::I64, n);
        let next = self.fb.ins().select(wrap, first, grown);
        self.fb.ins().store(flags, next, data, period_off);
        self.fb.ins().store(flags, next, data, off);
        let (exit, n) = self.exit_target(id)?;
        self.fb.ins().jump(exit, &[n.into()]);
        self.fb.switch_to_block(cont);
        self.fb.ins().store(flags, left, data, off);
        Ok(())
    }

    /// The shared exit block of instruction `id`'s snapshot (made at its first exit; cold,
    /// one `i64` parameter: the exit number) and the exit number as a value of the current
    /// block. Exits through the same snapshot restore the same values, so they share one
    /// block: far less code than a block per exit (the bodies hold most of a trace's code).
    fn exit_target(&mut self, id: InsnId) -> Result<(Block, clir::Value), CompileError> {
        let insn = self.f.insn(id).ok_or_else(|| err("bad insn"))?;
        let snap = insn.snap.ok_or_else(|| err(format!("{id}: exit without snapshot")))?;
        let n = self
            .exit_no
            .get(id.index())
            .copied()
            .flatten()
            .ok_or_else(|| err(format!("{id}: not an exit point")))?;
        let slot = self
            .snap_exit
            .get_mut(snap.index())
            .ok_or_else(|| err(format!("{id}: bad snapshot")))?;
        let block = match *slot {
            Some(b) => b,
            None => {
                let b = self.fb.create_block();
                self.fb.append_block_param(b, types::I64);
                self.fb.set_cold_block(b);
                *slot = Some(b);
                b
            }
        };
        let n = self.fb.ins().iconst(types::I64, i64::from(n));
        Ok((block, n))
    }

    /// Writes the body of every shared exit block (after the trace, when every block of
    /// the main path is filled and every snapshot value is lowered).
    fn exit_bodies(&mut self) -> Result<(), CompileError> {
        let out = self.out_ptr.ok_or_else(|| err("no out pointer"))?;
        for k in 0..self.snap_exit.len() {
            if let Some(Some(block)) = self.snap_exit.get(k).copied() {
                self.fb.switch_to_block(block);
                let n = self.fb.block_params(block)[0];
                self.emit_exit(SnapId(k as u32), n, out)?;
            }
        }
        if let Some(tail) = self.exit_tail {
            self.fb.switch_to_block(tail);
            let n = self.fb.block_params(tail)[0];
            self.emit_exit_tail(n, out)?;
        }
        Ok(())
    }

    /// In the current block: writes snapshot `snap`'s values to `out` and returns the status
    /// of exit number `n` (a value), or follows its bridge.
    fn emit_exit(&mut self, snap: SnapId, n: clir::Value, out: clir::Value) -> Result<(), CompileError> {
        let snap = self
            .f
            .snaps
            .get(snap.index())
            .ok_or_else(|| err(format!("{snap}: bad snapshot")))?;
        for (k, e) in snap.entries.iter().enumerate() {
            if let SnapVal::Value(v) = e.val {
                let v = self.exit_val(v)?;
                let bits = self.word_of(v);
                let off = i32::try_from(k * 8).map_err(|_| err("snapshot too large"))?;
                self.fb.ins().store(MemFlagsData::trusted(), bits, out, off);
            }
        }
        for (j, &r) in snap.release.iter().enumerate() {
            let v = self.val(r)?;
            let off = i32::try_from((snap.entries.len() + j) * 8).map_err(|_| err("snapshot too large"))?;
            self.fb.ins().store(MemFlagsData::trusted(), v, out, off);
        }
        let tail = match self.exit_tail {
            Some(b) => b,
            None => {
                let b = self.fb.create_block();
                self.fb.append_block_param(b, types::I64);
                self.fb.set_cold_block(b);
                self.exit_tail = Some(b);
                b
            }
        };
        self.fb.ins().jump(tail, &[n.into()]);
        Ok(())
    }

    /// In the current block (the shared exit tail, `n` the exit number; the exit block
    /// has written its snapshot's values to `out`): returns the status of exit `n`, or,
    /// with exit data, counts it and follows its bridge when one is attached.
    fn emit_exit_tail(&mut self, n: clir::Value, out: clir::Value) -> Result<(), CompileError> {
        // status = trace_id << 32 | (n + 1)
        let one_based = self.fb.ins().iadd_imm_s(n, 1);
        let high = (u64::from(self.env.trace_id) << 32) as i64;
        let status = self.fb.ins().bor_imm_s(one_based, high);
        if self.env.exit_data == 0 {
            self.fb.ins().return_(&[status]);
            return Ok(());
        }
        // counters[n] += 1 (a plain load/add/store: traces run on one thread).
        let flags = MemFlagsData::trusted();
        let data = self.fb.ins().iconst(self.ptr, self.env.exit_data as i64);
        let scaled = self.fb.ins().ishl_imm_u(n, 3);
        let counter = self.fb.ins().iadd(data, scaled);
        let c = self.fb.ins().load(types::I64, flags, counter, 0);
        let c = self.fb.ins().iadd_imm_s(c, 1);
        self.fb.ins().store(flags, c, counter, 0);
        // The bridge slot (n_exits words after the counter): 0, or the entry of a side
        // trace attached to this exit.
        let slot_off = i32::try_from(self.n_exits * 8).map_err(|_| err("too many exits"))?;
        let target = self.fb.ins().load(self.ptr, flags, counter, slot_off);
        let bridge = self.fb.create_block();
        let leave = self.fb.create_block();
        self.fb.set_cold_block(bridge);
        self.fb.set_cold_block(leave);
        self.fb.ins().brif(target, bridge, &[], leave, &[]);
        self.fb.switch_to_block(leave);
        self.fb.ins().return_(&[status]);
        // The bridge's `args`: this trace's parameters (see [`SideParams`]); its snapshot
        // values are in `out` already.
        self.fb.switch_to_block(bridge);
        let args = match self.env.side {
            None => self.args_ptr.ok_or_else(|| err("no args pointer"))?,
            Some(_) => {
                let n_params = self.f.params.len();
                let size = u32::try_from(n_params.max(1) * 8).map_err(|_| err("too many params"))?;
                let slot = self
                    .fb
                    .create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 3));
                for p in 0..n_params {
                    let v = self.val(InsnId(p as u32))?;
                    let bits = self.word_of(v);
                    let off = i32::try_from(p * 8).map_err(|_| err("too many params"))?;
                    self.fb.ins().stack_store(self.ptr, bits, slot, off);
                }
                self.fb.ins().stack_addr(self.ptr, slot, 0)
            }
        };
        let call = self.fb.ins().call_indirect(self.trace_sig, target, &[args, out]);
        let st = self
            .fb
            .inst_results(call)
            .first()
            .copied()
            .ok_or_else(|| err("no status"))?;
        self.fb.ins().return_(&[st]);
        Ok(())
    }

    /// Python floor division / modulo on `i64`, with the exits described in the module doc.
    fn lower_floordiv_mod(
        &mut self,
        id: InsnId,
        op: Op,
        a: clir::Value,
        b: clir::Value,
    ) -> Result<clir::Value, CompileError> {
        let zero = self.fb.ins().icmp_imm_s(IntCC::Equal, b, 0);
        let fail = if op == Op::IntFloorDiv {
            let min = self.fb.ins().icmp_imm_s(IntCC::Equal, a, i64::MIN);
            let neg1 = self.fb.ins().icmp_imm_s(IntCC::Equal, b, -1);
            let ovf = self.fb.ins().band(min, neg1);
            self.fb.ins().bor(zero, ovf)
        } else {
            zero
        };
        self.exit_if(id, fail)?;
        // Truncated remainder; adjust when it is nonzero and its sign differs from b's.
        let r = self.fb.ins().srem(a, b);
        let nonzero = self.fb.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
        let x = self.fb.ins().bxor(r, b);
        let signs_differ = self.fb.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
        let adjust = self.fb.ins().band(nonzero, signs_differ);
        Ok(if op == Op::IntFloorDiv {
            let q = self.fb.ins().sdiv(a, b);
            let one = self.fb.ins().uextend(types::I64, adjust);
            self.fb.ins().isub(q, one)
        } else {
            let rb = self.fb.ins().iadd(r, b);
            self.fb.ins().select(adjust, rb, r)
        })
    }
}
