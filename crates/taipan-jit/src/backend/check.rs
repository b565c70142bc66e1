//! Running a compiled trace the way the reference evaluator runs IR, for differential tests.
//!
//! [`run_compiled`] takes the same inputs as [`crate::ir::eval::eval`] (arguments as
//! [`Val`]s, a scratch frame of [`SlotVal`]s) and returns the same [`Outcome`], so the
//! filetests' `run` directive can require both to agree:
//! - the frame is copied into a real buffer of 16-byte slots; a `ptr` argument that points
//!   into the evaluator's modelled frame (`FRAME_ADDR + 16 * i`) is rebased onto the buffer,
//!   and a `ptr` result that points into the buffer is rebased back;
//! - on an exit, the snapshot's values (returned by the trace in its `out` words) are boxed
//!   by IR type into the frame, as the evaluator (and later the deoptimizer) does;
//! - `call`s go to [`test_helpers`], `extern "C"` twins of `eval::TestHelpers`.
//!
//! [`Session`] does the same for a whole module with linked traces, keeping exit counts,
//! bridges and invalidations from one run to the next (the filetests' `hot`, `exits` and
//! `invalidate` directives).
//!
//! `const_ptr` values are not rebased: a trace that addresses the frame through a constant
//! would touch arbitrary memory, so [`run_compiled`] refuses functions containing a
//! `const_ptr` used as a load/store base.

use crate::ir::eval::{FRAME_ADDR, Links, Outcome, SlotVal, TestHelpers, Val, eval_linked, frame_to_string};
use crate::ir::{Func, Module, Op, SnapVal, Tag, Type};

use super::link::{LinkedOutcome, TraceSet};
use super::{Backend, CompiledTrace, HelperTable, LowerOptions, TraceOutcome};

/// Back-edges a compiled test trace may take before it is stopped (a miscompiled loop
/// then fails instead of hanging); the evaluator's fuel of 1 000 000 instructions bounds the
/// back-edges of every run it finishes below this.
pub const LOOP_FUEL: u64 = 1_000_000;

extern "C" fn imax(a: i64, b: i64) -> i64 {
    a.max(b)
}

extern "C" fn imin(a: i64, b: i64) -> i64 {
    a.min(b)
}

extern "C" fn fsqrt(x: f64) -> f64 {
    x.sqrt()
}

/// `@frame_store_int(base, slot, v)`: writes `Value::Int(v)` into slot `slot` of `base`.
///
/// # Safety
/// `base + 16 * slot` must be a writable 16-byte slot (the test frame buffer).
unsafe extern "C" fn frame_store_int(base: *mut u64, slot: i64, v: i64) {
    let Some(words) = usize::try_from(slot).ok().and_then(|s| s.checked_mul(2)) else {
        return;
    };
    // SAFETY: the caller (a compiled test trace, checked against the evaluator, which
    // rejects out-of-frame slots first) passes a slot inside the frame buffer.
    unsafe {
        let p = base.add(words);
        p.write(Tag::Int.word() as u64);
        p.add(1).write(v as u64);
    }
}

extern "C" fn new_obj(k: i64) -> u64 {
    k as u64
}

extern "C" fn obj_incref(w: u64) -> u64 {
    w
}

extern "C" fn obj_release(_w: u64) {}

/// The helpers of `ir::eval::TestHelpers` as native functions: `@imax`, `@imin`, `@fsqrt`,
/// `@frame_store_int`, `@new_obj`, and `@obj_incref`/`@obj_release` (which model no counts).
pub fn test_helpers() -> HelperTable {
    let mut h = HelperTable::new();
    h.add("imax", imax as extern "C" fn(i64, i64) -> i64 as usize);
    h.add("imin", imin as extern "C" fn(i64, i64) -> i64 as usize);
    h.add("fsqrt", fsqrt as extern "C" fn(f64) -> f64 as usize);
    h.add("new_obj", new_obj as extern "C" fn(i64) -> u64 as usize);
    h.add("obj_incref", obj_incref as extern "C" fn(u64) -> u64 as usize);
    h.add("obj_release", obj_release as extern "C" fn(u64) as usize);
    h.add(
        "frame_store_int",
        frame_store_int as unsafe extern "C" fn(*mut u64, i64, i64) as usize,
    );
    h
}

fn to_val(ty: Type, bits: u64, frame: (usize, usize)) -> Result<Val, String> {
    Ok(match ty {
        Type::I64 => Val::I64(bits as i64),
        Type::F64 => Val::F64(f64::from_bits(bits)),
        Type::Bool => Val::Bool(bits & 0xff != 0),
        Type::Ptr => {
            let b = bits as usize;
            if b >= frame.0 && b < frame.1 {
                Val::Ptr(FRAME_ADDR + (b - frame.0) as u64)
            } else {
                Val::Ptr(bits)
            }
        }
        Type::Void => return Err("void value".to_string()),
    })
}

/// Compiles `f` with `backend` (helpers: [`test_helpers`]) and runs it on `args` and `frame`
/// like [`crate::ir::eval::eval`]; `frame` is updated with what the trace wrote.
///
/// Loops stop after [`LOOP_FUEL`] back-edges (an error).
///
/// # Errors
/// Compilation errors, argument mismatches and `const_ptr` frame bases, as messages.
pub fn run_compiled(
    backend: &mut Backend,
    f: &Func,
    args: &[Val],
    frame: &mut [SlotVal],
) -> Result<(Outcome, CompiledTrace), String> {
    let opts = LowerOptions {
        loop_fuel: Some(LOOP_FUEL),
        ..LowerOptions::default()
    };
    let trace = backend
        .compile_trace_with(f, &test_helpers(), &opts)
        .map_err(|e| e.to_string())?;
    let outcome = run_trace(&trace, f, args, frame)?;
    Ok((outcome, trace))
}

/// The filetests' `run` hook: compiles `f` with a fresh [`Backend`] (1 MiB arena), runs it
/// on `args` and `frame` (none: an empty frame) and formats the outcome as the runner
/// formats the evaluator's: `ret V`, `exit pc=N`, followed by ` [FRAME]` when a frame was
/// given, or `error: cranelift: MESSAGE`.
pub fn run_to_text(f: &Func, args: &[Val], frame: Option<&[SlotVal]>) -> String {
    let mut backend = match Backend::new(1 << 20) {
        Ok(b) => b,
        Err(e) => return format!("error: cranelift: {e}"),
    };
    let mut mem = frame.map(<[SlotVal]>::to_vec).unwrap_or_default();
    match run_compiled(&mut backend, f, args, &mut mem) {
        Ok((out, _)) if frame.is_some() => format!("{out} {}", frame_to_string(&mem)),
        Ok((out, _)) => out.to_string(),
        Err(e) => format!("error: cranelift: {e}"),
    }
}

/// Runs an already compiled `trace` of `f` (compiled with [`test_helpers`]) like
/// [`crate::ir::eval::eval`]; see [`run_compiled`].
///
/// # Errors
/// Argument mismatches and unknown exits, as messages.
pub fn run_trace(trace: &CompiledTrace, f: &Func, args: &[Val], frame: &mut [SlotVal]) -> Result<Outcome, String> {
    refuse_const_base(f)?;
    let mut mem: Vec<u64> = frame.iter().flat_map(|s| [s.tag, s.payload]).collect();
    mem.push(0); // never empty, so the base pointer is always a real allocation
    let lo = mem.as_mut_ptr() as usize;
    let hi = lo + 16 * frame.len();
    let words = arg_words(args, lo, frame.len());
    // SAFETY: pointer arguments into the modelled frame now point into `mem`, which has
    // one 16-byte slot per frame slot; the evaluator ran the same function on the same
    // inputs first and rejects any access outside the frame, so the compiled code's slot
    // accesses stay inside `mem`. Helpers are `test_helpers`, matching `TestHelpers`.
    let result = unsafe { trace.run(&words) }?;
    let outcome = match result {
        TraceOutcome::Ret(bits) => Outcome::Ret(to_val(f.ret, bits, (lo, hi))?),
        TraceOutcome::Exit { exit, values } => {
            let info = trace
                .exits
                .get(exit.index())
                .ok_or_else(|| format!("exit {exit} out of range"))?;
            let (insn_id, snap_id) = (info.insn, info.snap);
            let snap = f.snaps.get(snap_id.index()).ok_or("bad snapshot")?;
            write_back(f, snap, &values, &mut mem, frame.len(), (lo, hi))?;
            Outcome::Exit {
                exit,
                insn: insn_id,
                snap: snap_id,
                pc: snap.pc,
            }
        }
    };
    for (k, s) in frame.iter_mut().enumerate() {
        s.tag = mem.get(2 * k).copied().unwrap_or(0);
        s.payload = mem.get(2 * k + 1).copied().unwrap_or(0);
    }
    Ok(outcome)
}

/// Refuses functions that address the frame through a `const_ptr` (see the module doc).
fn refuse_const_base(f: &Func) -> Result<(), String> {
    let const_base = |insn: &crate::ir::Insn| {
        (insn.op.slot_tag().is_some() || insn.op == Op::LoadTag)
            && insn
                .args
                .first()
                .and_then(|&a| f.insn(a))
                .is_some_and(|b| b.op == Op::ConstPtr)
    };
    if f.insns.iter().any(const_base) {
        return Err("const_ptr frame base is not supported by run_compiled".into());
    }
    Ok(())
}

/// The argument words of `args`, pointers into the modelled frame rebased onto the buffer
/// at `lo` (a frame of `slots` slots).
fn arg_words(args: &[Val], lo: usize, slots: usize) -> Vec<u64> {
    let frame_end = FRAME_ADDR + 16 * slots as u64;
    args.iter()
        .map(|a| match *a {
            Val::I64(k) => k as u64,
            Val::F64(x) => x.to_bits(),
            Val::Bool(b) => u64::from(b),
            Val::Ptr(p) if p >= FRAME_ADDR && p < frame_end => (lo as u64) + (p - FRAME_ADDR),
            Val::Ptr(p) => p,
        })
        .collect()
}

/// Boxes the exit values `values` of snapshot `snap` of `f` into the frame buffer `mem`.
fn write_back(
    f: &Func,
    snap: &crate::ir::Snapshot,
    values: &[u64],
    mem: &mut [u64],
    slots: usize,
    frame: (usize, usize),
) -> Result<(), String> {
    for (k, e) in snap.entries.iter().enumerate() {
        let boxed = match e.val {
            SnapVal::None => SlotVal::new(Tag::None, 0),
            SnapVal::Obj(_) => SlotVal::new(Tag::Obj, 0),
            SnapVal::Value(v) => {
                let bits = values.get(k).copied().unwrap_or(0);
                to_val(f.ty(v), bits, frame)?.boxed()
            }
        };
        // (an extra frame of a multi-frame snapshot: not in the one-frame model)
        if e.slot >= crate::ir::FRAME_STRIDE {
            continue;
        }
        let i = e.slot as usize;
        match mem.get_mut(2 * i..2 * i + 2) {
            Some(w) if i < slots => w.copy_from_slice(&[boxed.tag, boxed.payload]),
            _ => return Err(format!("slot {} is outside the frame", e.slot)),
        }
    }
    Ok(())
}

/// A filetest session: one module run on both engines with shared state — the evaluator
/// with [`Links`] ([`crate::ir::eval::eval_linked`]) and Cranelift with a [`TraceSet`] —
/// so exit counts, attached bridges and invalidation carry over from one `run` directive
/// to the next. Policy after every run, applied by each engine to its own counters: a side
/// trace `side @p xN` of the module is attached once exit `N` of `@p` was taken `hot` times.
pub struct Session {
    module: Module,
    links: Links,
    set: Result<TraceSet, String>,
    hot: u64,
    /// Root traces Cranelift could not compile, with the error.
    compile_errors: std::collections::HashMap<String, String>,
}

impl Session {
    /// A session for `module` with hot-exit threshold `hot` (`None`: bridges never attach).
    /// Every root trace (no `side` header) is compiled up front, in text order.
    pub fn new(module: Module, hot: Option<u64>) -> Session {
        let hot = hot.unwrap_or(u64::MAX);
        let mut compile_errors = std::collections::HashMap::new();
        let set = Backend::new(1 << 20).map_err(|e| e.to_string()).map(|b| {
            let mut set = TraceSet::new(b, hot);
            let opts = LowerOptions {
                loop_fuel: Some(LOOP_FUEL),
                ..LowerOptions::default()
            };
            for f in module.funcs.iter().filter(|f| f.parent.is_none()) {
                if let Err(e) = set.compile(f, &test_helpers(), &opts) {
                    compile_errors.insert(f.name.clone(), e.to_string());
                }
            }
            set
        });
        Session {
            module,
            links: Links::default(),
            set,
            hot,
            compile_errors,
        }
    }

    /// Runs `name` on both engines (frame `None`: an empty frame) and returns the outcome
    /// as the runner's text (`ret V`, `exit pc=N`, `invalidated`, then ` [FRAME]` when a
    /// frame was given; or `error: ...`), then attaches bridges whose exits became hot.
    pub fn run(&mut self, name: &str, args: &[Val], frame: Option<&[SlotVal]>) -> String {
        if self.module.func(name).is_none() {
            return format!("error: no function named @{name} in this file");
        }
        let mut mem = frame.map(<[SlotVal]>::to_vec).unwrap_or_default();
        let text = match eval_linked(
            &self.module,
            &mut self.links,
            name,
            args,
            &mut mem,
            &mut TestHelpers,
            1_000_000,
        ) {
            Ok(out) if frame.is_some() => format!("{out} {}", frame_to_string(&mem)),
            Ok(out) => out.to_string(),
            Err(e) => return format!("error: {e}"),
        };
        let mut mem = frame.map(<[SlotVal]>::to_vec).unwrap_or_default();
        let jit = match self.run_jit(name, args, &mut mem) {
            Ok(out) if frame.is_some() => format!("{out} {}", frame_to_string(&mem)),
            Ok(out) => out.to_string(),
            Err(e) => format!("error: cranelift: {e}"),
        };
        if jit != text {
            return format!("error: the evaluator gives `{text}`, Cranelift `{jit}`");
        }
        if let Err(e) = self.attach_hot() {
            return format!("error: attaching a bridge: {e}");
        }
        text
    }

    fn attach_hot(&mut self) -> Result<(), String> {
        let sides: Vec<Func> = self
            .module
            .funcs
            .iter()
            .filter(|f| f.parent.is_some())
            .cloned()
            .collect();
        for b in sides {
            let Some((p, x)) = b.parent.clone() else { continue };
            let key = (p.clone(), x);
            let count = self.links.exit_counts(&p).get(x.index()).copied().unwrap_or(0);
            if count >= self.hot && !self.links.bridges.contains_key(&key) && !self.links.invalidated.contains(&p) {
                self.links.bridges.insert(key, b.name.clone());
            }
            if let Ok(set) = &mut self.set
                && set.hot_exits(&p).contains(&x)
                && set.is_live(&p)
            {
                let opts = LowerOptions {
                    loop_fuel: Some(LOOP_FUEL),
                    ..LowerOptions::default()
                };
                set.attach_bridge(&b, &test_helpers(), &opts)
                    .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }

    /// The exit counts of trace `name` as `[a, b, ...]` if both engines agree, else an
    /// `error: ...` naming both.
    pub fn exit_counts(&self, name: &str) -> String {
        let n = self.module.func(name).map_or(0, |f| f.exits().len());
        let mut e = self.links.exit_counts(name).to_vec();
        e.resize(n, 0);
        let j = match &self.set {
            Ok(set) => {
                let mut j = set.exit_counts(name);
                j.resize(n, 0);
                j
            }
            Err(err) => return format!("error: cranelift: {err}"),
        };
        let show = |v: &[u64]| format!("[{}]", v.iter().map(u64::to_string).collect::<Vec<_>>().join(", "));
        if e == j {
            show(&e)
        } else {
            format!("error: the evaluator counts {}, Cranelift {}", show(&e), show(&j))
        }
    }

    /// Invalidates trace `name` on both engines.
    pub fn invalidate(&mut self, name: &str) {
        self.links.invalidated.insert(name.to_string());
        if let Ok(set) = &mut self.set {
            set.invalidate(name);
        }
    }

    fn run_jit(&self, name: &str, args: &[Val], frame: &mut [SlotVal]) -> Result<Outcome, String> {
        let set = self.set.as_ref().map_err(String::clone)?;
        if let Some(e) = self.compile_errors.get(name) {
            return Err(e.clone());
        }
        let f = set.func(name).ok_or_else(|| format!("@{name} is not compiled"))?;
        for g in &self.module.funcs {
            refuse_const_base(g)?;
        }
        let mut mem: Vec<u64> = frame.iter().flat_map(|s| [s.tag, s.payload]).collect();
        mem.push(0);
        let lo = mem.as_mut_ptr() as usize;
        let hi = lo + 16 * frame.len();
        let words = arg_words(args, lo, frame.len());
        // SAFETY: as in `run_trace`: pointer arguments are rebased onto `mem`, and the
        // evaluator ran the same traces, bridges and links on the same inputs first and
        // rejects any access outside the frame.
        let result = unsafe { set.run(name, &words) }?;
        let outcome = match result {
            LinkedOutcome::Ret(bits) => Outcome::Ret(to_val(f.ret, bits, (lo, hi))?),
            LinkedOutcome::Invalidated => Outcome::Invalidated,
            LinkedOutcome::Exit { trace, exit, values } => {
                let t = set.func(&trace).ok_or("exit of an unknown trace")?;
                let insn = *t.exits().get(exit.index()).ok_or("bad exit")?;
                let snap_id = t.insn(insn).and_then(|i| i.snap).ok_or("bad exit")?;
                let snap = t.snaps.get(snap_id.index()).ok_or("bad snapshot")?;
                write_back(t, snap, &values, &mut mem, frame.len(), (lo, hi))?;
                Outcome::Exit {
                    exit,
                    insn,
                    snap: snap_id,
                    pc: snap.pc,
                }
            }
        };
        for (k, s) in frame.iter_mut().enumerate() {
            s.tag = mem.get(2 * k).copied().unwrap_or(0);
            s.payload = mem.get(2 * k + 1).copied().unwrap_or(0);
        }
        Ok(outcome)
    }
}
