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
//! `const_ptr` values are not rebased: a trace that addresses the frame through a constant
//! would touch arbitrary memory, so [`run_compiled`] refuses functions containing a
//! `const_ptr` used as a load/store base.

use crate::ir::eval::{FRAME_ADDR, Outcome, SlotVal, Val, frame_to_string};
use crate::ir::{Func, Op, SnapVal, Tag, Type};

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

/// The helpers of `ir::eval::TestHelpers` as native functions: `@imax`, `@imin`, `@fsqrt`,
/// `@frame_store_int`.
pub fn test_helpers() -> HelperTable {
    let mut h = HelperTable::new();
    h.add("imax", imax as extern "C" fn(i64, i64) -> i64 as usize);
    h.add("imin", imin as extern "C" fn(i64, i64) -> i64 as usize);
    h.add("fsqrt", fsqrt as extern "C" fn(f64) -> f64 as usize);
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
    let mut mem: Vec<u64> = frame.iter().flat_map(|s| [s.tag, s.payload]).collect();
    mem.push(0); // never empty, so the base pointer is always a real allocation
    let lo = mem.as_mut_ptr() as usize;
    let hi = lo + 16 * frame.len();
    let frame_end = FRAME_ADDR + 16 * frame.len() as u64;
    let words: Vec<u64> = args
        .iter()
        .map(|a| match *a {
            Val::I64(k) => k as u64,
            Val::F64(x) => x.to_bits(),
            Val::Bool(b) => u64::from(b),
            Val::Ptr(p) if p >= FRAME_ADDR && p < frame_end => (lo as u64) + (p - FRAME_ADDR),
            Val::Ptr(p) => p,
        })
        .collect();
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
            for (k, e) in snap.entries.iter().enumerate() {
                let boxed = match e.val {
                    SnapVal::None => SlotVal::new(Tag::None, 0),
                    SnapVal::Value(v) => {
                        let bits = values.get(k).copied().unwrap_or(0);
                        to_val(f.ty(v), bits, (lo, hi))?.boxed()
                    }
                };
                let i = e.slot as usize;
                match mem.get_mut(2 * i..2 * i + 2) {
                    Some(w) if i < frame.len() => w.copy_from_slice(&[boxed.tag, boxed.payload]),
                    _ => return Err(format!("{snap_id}: slot {} is outside the frame", e.slot)),
                }
            }
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
