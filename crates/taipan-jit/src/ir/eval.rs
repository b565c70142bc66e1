//! The reference evaluator: runs a (verified) trace function on arguments and a scratch
//! frame, and reports the returned value or the exit taken.
//!
//! It defines the meaning of every op (the backends must agree with it; the filetests' `run`
//! directives compare them). Memory is modelled, not touched: the only addressable memory is
//! the scratch frame, an array of 16-byte slots ([`SlotVal`]: tag word, payload word) whose
//! slot 0 is at address [`FRAME_ADDR`]; a slot access computes `base + 16 * slot` and must
//! land on a frame slot. On an exit, the snapshot's entries are written into the frame
//! (values boxed by type, as the deoptimizer will) and [`Outcome::Exit`] names the exit.
//! [`eval_linked`] runs a trace of a module with attached bridges, `link`s, exit counters
//! and invalidation ([`Links`]). `call` goes to a [`Helpers`] implementation ([`TestHelpers`] for tests). A `fuel` bound
//! on executed instructions stops runaway loops.

use std::fmt;

use std::collections::{HashMap, HashSet};

use crate::ir::{Effect, ExitId, Func, Imm, InsnId, Module, Op, SnapId, SnapVal, Tag, Type};

/// The address of slot 0 of the scratch frame (what a `frame` argument passes).
pub const FRAME_ADDR: u64 = 0x1000_0000;

/// A runtime value of the IR.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Val {
    /// An `i64`.
    I64(i64),
    /// An `f64`.
    F64(f64),
    /// A `bool`.
    Bool(bool),
    /// A `ptr` (machine word).
    Ptr(u64),
}

impl Val {
    /// The IR type of this value.
    pub fn ty(self) -> Type {
        match self {
            Val::I64(_) => Type::I64,
            Val::F64(_) => Type::F64,
            Val::Bool(_) => Type::Bool,
            Val::Ptr(_) => Type::Ptr,
        }
    }

    /// The frame slot holding this value boxed (i64 → int, f64 → float, bool → bool,
    /// ptr → obj).
    pub fn boxed(self) -> SlotVal {
        match self {
            Val::I64(k) => SlotVal::new(Tag::Int, k as u64),
            Val::F64(x) => SlotVal::new(Tag::Float, x.to_bits()),
            Val::Bool(b) => SlotVal::new(Tag::Bool, b as u64),
            Val::Ptr(p) => SlotVal::new(Tag::Obj, p),
        }
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::I64(k) => write!(f, "{k}"),
            Val::F64(x) => write!(f, "{x:?}"),
            Val::Bool(b) => write!(f, "{b}"),
            Val::Ptr(p) => write!(f, "{p:#x}"),
        }
    }
}

/// One frame slot: a taipan `Value`'s two words.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SlotVal {
    /// The tag word (see [`Tag`]).
    pub tag: u64,
    /// The payload word.
    pub payload: u64,
}

impl SlotVal {
    /// A slot with tag `tag` and payload `payload`.
    pub fn new(tag: Tag, payload: u64) -> SlotVal {
        SlotVal {
            tag: tag.word() as u64,
            payload,
        }
    }

    /// Parses `none`, `int 5`, `float 2.5`, `bool true`, `obj 0x10`.
    pub fn parse(s: &str) -> Result<SlotVal, String> {
        let mut it = s.split_whitespace();
        let tag = it.next().unwrap_or("");
        let arg = it.next();
        if it.next().is_some() {
            return Err(format!("bad slot value '{s}'"));
        }
        let bad = || format!("bad slot value '{s}'");
        Ok(match (tag, arg) {
            ("none", None) => SlotVal::new(Tag::None, 0),
            ("int", Some(a)) => SlotVal::new(Tag::Int, a.parse::<i64>().map_err(|_| bad())? as u64),
            ("float", Some(a)) => SlotVal::new(Tag::Float, a.parse::<f64>().map_err(|_| bad())?.to_bits()),
            ("bool", Some(a)) => SlotVal::new(Tag::Bool, a.parse::<bool>().map_err(|_| bad())? as u64),
            ("obj", Some(a)) => SlotVal::new(
                Tag::Obj,
                a.strip_prefix("0x")
                    .and_then(|h| u64::from_str_radix(h, 16).ok())
                    .ok_or_else(bad)?,
            ),
            _ => return Err(bad()),
        })
    }
}

impl fmt::Display for SlotVal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Tag::from_word(self.tag as i64) {
            Some(Tag::None) => write!(f, "none"),
            Some(Tag::Bool) => write!(f, "bool {}", self.payload & 0xff != 0),
            Some(Tag::Int) => write!(f, "int {}", self.payload as i64),
            Some(Tag::Float) => write!(f, "float {:?}", f64::from_bits(self.payload)),
            Some(Tag::Obj) => write!(f, "obj {:#x}", self.payload),
            None => write!(f, "tag{} {:#x}", self.tag, self.payload),
        }
    }
}

/// The frame as text: `[0: int 5, 1: none]`.
pub fn frame_to_string(frame: &[SlotVal]) -> String {
    let parts: Vec<String> = frame.iter().enumerate().map(|(i, s)| format!("{i}: {s}")).collect();
    format!("[{}]", parts.join(", "))
}

/// How a trace run ended.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Outcome {
    /// `ret` with this value.
    Ret(Val),
    /// Left through an exit (the snapshot has been written into the frame).
    Exit {
        /// Which exit point (see [`Func::exits`]).
        exit: ExitId,
        /// The instruction that exited.
        insn: InsnId,
        /// Its snapshot.
        snap: SnapId,
        /// The bytecode index to resume at.
        pc: u32,
    },
    /// The trace (or a trace it linked to) was invalidated ([`Links::invalidated`]): the
    /// caller resumes in the interpreter where it entered.
    Invalidated,
}

impl fmt::Display for Outcome {
    /// `ret 7` or `exit pc=12` (the resume point; the exit number, instruction and snapshot
    /// are left out because passes renumber them).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Ret(v) => write!(f, "ret {v}"),
            Outcome::Exit { pc, .. } => write!(f, "exit pc={pc}"),
            Outcome::Invalidated => write!(f, "invalidated"),
        }
    }
}

/// Runtime helpers reachable by `call`.
pub trait Helpers {
    /// Calls helper `name` with `args`; it may read and write the frame. `Ok(None)` for a
    /// void helper; `Err` names an unknown helper or a bad argument.
    fn call(&mut self, name: &str, args: &[Val], frame: &mut [SlotVal]) -> Result<Option<Val>, String>;

    /// `obj_incref`: takes one more count on the object `word` (default: nothing, the
    /// test helpers model no objects).
    fn incref(&mut self, word: u64) -> Result<(), String> {
        let _ = word;
        Ok(())
    }

    /// `obj_release` and an exit's `release` list: drops one count on the object `word`
    /// (never called for a 0 word; default: nothing).
    fn release(&mut self, word: u64) -> Result<(), String> {
        let _ = word;
        Ok(())
    }
}

/// The helpers the filetests use:
/// - `@imax(i64, i64) -> i64`, `@imin(i64, i64) -> i64` (pure);
/// - `@fsqrt(f64) -> f64` (pure);
/// - `@frame_store_int(ptr, i64 slot, i64 v) -> void` (writes `Value::Int(v)` to a slot);
/// - `@new_obj(i64 k) -> own ptr writes`: the word `k` as a new reference (for traces with
///   owned values; the model keeps no counts: the verifier checks ownership statically).
#[derive(Debug, Default)]
pub struct TestHelpers;

impl Helpers for TestHelpers {
    fn call(&mut self, name: &str, args: &[Val], frame: &mut [SlotVal]) -> Result<Option<Val>, String> {
        match (name, args) {
            ("imax", [Val::I64(a), Val::I64(b)]) => Ok(Some(Val::I64(*a.max(b)))),
            ("imin", [Val::I64(a), Val::I64(b)]) => Ok(Some(Val::I64(*a.min(b)))),
            ("fsqrt", [Val::F64(x)]) => Ok(Some(Val::F64(x.sqrt()))),
            ("frame_store_int", [Val::Ptr(base), Val::I64(slot), Val::I64(v)]) => {
                let i = slot_index(
                    *base,
                    u32::try_from(*slot).map_err(|_| "bad slot".to_string())?,
                    frame.len(),
                )?;
                if let Some(s) = frame.get_mut(i) {
                    *s = SlotVal::new(Tag::Int, *v as u64);
                }
                Ok(None)
            }
            ("new_obj", [Val::I64(k)]) => Ok(Some(Val::Ptr(*k as u64))),
            ("imax" | "imin" | "fsqrt" | "frame_store_int" | "new_obj", _) => {
                Err(format!("helper @{name}: bad arguments {args:?}"))
            }
            _ => Err(format!("unknown helper @{name}")),
        }
    }
}

/// The frame index of slot `slot` of base address `base`, if it is inside a frame of `len`
/// slots.
fn slot_index(base: u64, slot: u32, len: usize) -> Result<usize, String> {
    let addr = (slot as u64)
        .checked_mul(16)
        .and_then(|o| base.checked_add(o))
        .ok_or("address overflow")?;
    let off = addr
        .checked_sub(FRAME_ADDR)
        .ok_or_else(|| format!("address {addr:#x} is outside the frame"))?;
    let i = usize::try_from(off / 16).map_err(|_| "address too large")?;
    if off % 16 != 0 || i >= len {
        return Err(format!("address {addr:#x} is outside the frame ({len} slots)"));
    }
    Ok(i)
}

fn py_floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    let r = a.checked_rem(b)?;
    Some(if r != 0 && ((r < 0) != (b < 0)) { q - 1 } else { q })
}

fn py_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b).unwrap_or(0);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r.wrapping_add(b)
    } else {
        r
    })
}

/// The result of a pure op on known operands.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Pure {
    /// The op's value.
    Value(Val),
    /// A guard (or other void op) that passes.
    Pass,
    /// The op exits (a failed guard, an overflow, a zero divisor).
    Exit,
}

/// Whether [`eval_pure`] computes `op` (pure ops other than `param` and `phi`).
pub fn pure_computable(op: Op) -> bool {
    op.info().effect == Effect::Pure && !matches!(op, Op::Param | Op::Phi)
}

/// The semantics of every pure op, shared by the evaluator and the constant folder:
/// `op` with immediate `imm` applied to `args`. `None` if `op` is not pure-computable or the
/// operands do not fit its row of the table.
pub fn eval_pure(op: Op, imm: &Imm, args: &[Val]) -> Option<Pure> {
    use Val::{Bool as B, F64 as F, I64 as I, Ptr as P};
    let v = |x: Val| Some(Pure::Value(x));
    let ov = |r: Option<i64>| Some(r.map_or(Pure::Exit, |k| Pure::Value(I(k))));
    let pass = |ok: bool| Some(if ok { Pure::Pass } else { Pure::Exit });
    match (op, args) {
        (Op::ConstI64 | Op::ConstF64 | Op::ConstBool | Op::ConstPtr, []) => match imm {
            Imm::Int(k) => v(I(*k)),
            Imm::Float(b) => v(F(f64::from_bits(*b))),
            Imm::Bool(b) => v(B(*b)),
            Imm::Word(w) => v(P(*w)),
            _ => None,
        },
        (Op::IntAdd, [I(a), I(b)]) => v(I(a.wrapping_add(*b))),
        (Op::IntSub, [I(a), I(b)]) => v(I(a.wrapping_sub(*b))),
        (Op::IntMul, [I(a), I(b)]) => v(I(a.wrapping_mul(*b))),
        (Op::IntNeg, [I(a)]) => v(I(a.wrapping_neg())),
        (Op::IntAddOv, [I(a), I(b)]) => ov(a.checked_add(*b)),
        (Op::IntSubOv, [I(a), I(b)]) => ov(a.checked_sub(*b)),
        (Op::IntMulOv, [I(a), I(b)]) => ov(a.checked_mul(*b)),
        (Op::IntFloorDiv, [I(a), I(b)]) => ov(py_floordiv(*a, *b)),
        (Op::IntMod, [I(a), I(b)]) => ov(py_mod(*a, *b)),
        (Op::IntAnd, [I(a), I(b)]) => v(I(a & b)),
        (Op::IntOr, [I(a), I(b)]) => v(I(a | b)),
        (Op::IntXor, [I(a), I(b)]) => v(I(a ^ b)),
        (Op::IntShl, [I(a), I(b)]) => v(I(a.wrapping_shl((b & 63) as u32))),
        (Op::IntShr, [I(a), I(b)]) => v(I(a.wrapping_shr((b & 63) as u32))),
        (Op::IntEq, [I(a), I(b)]) => v(B(a == b)),
        (Op::IntNe, [I(a), I(b)]) => v(B(a != b)),
        (Op::IntLt, [I(a), I(b)]) => v(B(a < b)),
        (Op::IntLe, [I(a), I(b)]) => v(B(a <= b)),
        (Op::IntGt, [I(a), I(b)]) => v(B(a > b)),
        (Op::IntGe, [I(a), I(b)]) => v(B(a >= b)),
        (Op::FloatAdd, [F(a), F(b)]) => v(F(a + b)),
        (Op::FloatSub, [F(a), F(b)]) => v(F(a - b)),
        (Op::FloatMul, [F(a), F(b)]) => v(F(a * b)),
        (Op::FloatDiv, [F(a), F(b)]) => v(F(a / b)),
        (Op::FloatNeg, [F(a)]) => v(F(-a)),
        (Op::FloatSqrt, [F(a)]) => v(F(a.sqrt())),
        (Op::FloatPow, [F(a), F(b)]) => v(F(a.powf(*b))),
        (Op::FloatAbs, [F(a)]) => v(F(a.abs())),
        (Op::FloatAtan2, [F(a), F(b)]) => v(F(super::mathfn::m_atan2(*a, *b))),
        (Op::FloatCopysign, [F(a), F(b)]) => v(F(a.copysign(*b))),
        (op, [F(a)]) if super::mathfn::MathFn::of_op(op).is_some() => {
            let r = super::mathfn::MathFn::of_op(op).and_then(|m| m.eval(*a));
            Some(r.map_or(Pure::Exit, |r| Pure::Value(F(r))))
        }
        (Op::IntMin, [I(a), I(b)]) => v(I(if b < a { *b } else { *a })),
        (Op::IntMax, [I(a), I(b)]) => v(I(if b > a { *b } else { *a })),
        (Op::FloatMin, [F(a), F(b)]) => v(F(if b < a { *b } else { *a })),
        (Op::FloatMax, [F(a), F(b)]) => v(F(if b > a { *b } else { *a })),
        (Op::FloatEq, [F(a), F(b)]) => v(B(a == b)),
        (Op::FloatNe, [F(a), F(b)]) => v(B(a != b)),
        (Op::FloatLt, [F(a), F(b)]) => v(B(a < b)),
        (Op::FloatLe, [F(a), F(b)]) => v(B(a <= b)),
        (Op::FloatGt, [F(a), F(b)]) => v(B(a > b)),
        (Op::FloatGe, [F(a), F(b)]) => v(B(a >= b)),
        (Op::IntToFloat, [I(a)]) => v(F(*a as f64)),
        (Op::BoolNot, [B(a)]) => v(B(!a)),
        (Op::BoolToInt, [B(a)]) => v(I(*a as i64)),
        (Op::PtrEq, [P(a), P(b)]) => v(B(a == b)),
        (Op::PtrAdd, [P(a)]) => match imm {
            Imm::Int(k) => v(P(a.wrapping_add(*k as u64))),
            _ => None,
        },
        (Op::GuardTrue, [B(c)]) => pass(*c),
        (Op::GuardFalse, [B(c)]) => pass(!*c),
        (Op::GuardTag, [I(t)]) => match imm {
            Imm::Tag(tag) => pass(*t == tag.word()),
            _ => None,
        },
        _ => None,
    }
}

/// Runs `f` on `args` with `frame` as the scratch frame and at most `fuel` instructions.
/// Errors: wrong arguments, an unverified function, memory outside the frame, helper
/// errors, running out of fuel, a `link` (use [`eval_linked`]).
pub fn eval(
    f: &Func,
    args: &[Val],
    frame: &mut [SlotVal],
    helpers: &mut dyn Helpers,
    fuel: u64,
) -> Result<Outcome, String> {
    let mut fuel = fuel;
    match eval_step(f, args, frame, helpers, &mut fuel)? {
        Step::Ret(v) => Ok(Outcome::Ret(v)),
        Step::Link { target, .. } => Err(format!("@{}: link to @{target} outside a linked run", f.name)),
        Step::Exit { outcome, values } => {
            write_snapshot(f, &outcome, &values, frame)?;
            Ok(outcome)
        }
    }
}

/// The state of a set of linked traces, as the tier manager keeps it: attached bridges,
/// exit counters, invalidated traces (the evaluator's model of `backend::link::TraceSet`).
#[derive(Debug, Default, Clone)]
pub struct Links {
    /// Attached bridges: (parent trace, exit) → the side trace that runs when it is taken.
    pub bridges: HashMap<(String, ExitId), String>,
    /// Per trace, how many times each exit was taken (index = `ExitId`; bridged exits
    /// count too).
    pub counts: HashMap<String, Vec<u64>>,
    /// Traces that were invalidated: entering one (directly, through a `link` or through a
    /// bridge) gives [`Outcome::Invalidated`].
    pub invalidated: HashSet<String>,
}

impl Links {
    /// The exit counts of trace `name` (empty if it never exited).
    pub fn exit_counts(&self, name: &str) -> &[u64] {
        self.counts.get(name).map_or(&[], |v| v.as_slice())
    }
}

/// Runs trace `name` of `m` like [`eval`], following attached bridges and `link`s (see
/// `crate::ir`'s module doc, "Side traces and links"): a taken exit is counted in `links`,
/// then continues in its bridge if one is attached (the bridge gets the trace's parameters
/// followed by the snapshot's non-`none` values), else writes its snapshot into `frame` and
/// ends the run; `link @t(args)` continues at `@t`. `fuel` bounds all instructions run.
///
/// # Errors
/// As [`eval`], plus unknown trace names and parameter mismatches at a bridge or link.
pub fn eval_linked(
    m: &Module,
    links: &mut Links,
    name: &str,
    args: &[Val],
    frame: &mut [SlotVal],
    helpers: &mut dyn Helpers,
    fuel: u64,
) -> Result<Outcome, String> {
    let mut fuel = fuel;
    let mut cur = name.to_string();
    let mut args = args.to_vec();
    loop {
        if links.invalidated.contains(&cur) {
            return Ok(Outcome::Invalidated);
        }
        let f = m.func(&cur).ok_or_else(|| format!("no trace named @{cur}"))?;
        match eval_step(f, &args, frame, helpers, &mut fuel)? {
            Step::Ret(v) => return Ok(Outcome::Ret(v)),
            Step::Link { target, args: a } => {
                cur = target;
                args = a;
            }
            Step::Exit { outcome, values } => {
                let Outcome::Exit { exit, .. } = outcome else {
                    return Err("bad exit".into());
                };
                let counts = links
                    .counts
                    .entry(cur.clone())
                    .or_insert_with(|| vec![0; f.exits().len()]);
                if let Some(c) = counts.get_mut(exit.index()) {
                    *c += 1;
                }
                match links.bridges.get(&(cur.clone(), exit)) {
                    Some(b) => {
                        args.extend(values.iter().flatten());
                        cur = b.clone();
                    }
                    None => {
                        write_snapshot(f, &outcome, &values, frame)?;
                        return Ok(outcome);
                    }
                }
            }
        }
    }
}

/// Writes the snapshot of exit `outcome` (entry values `values`) into `frame`.
fn write_snapshot(f: &Func, outcome: &Outcome, values: &[Option<Val>], frame: &mut [SlotVal]) -> Result<(), String> {
    let Outcome::Exit { snap: s, .. } = outcome else {
        return Ok(());
    };
    let snap = f.snaps.get(s.index()).ok_or_else(|| format!("no snapshot {s}"))?;
    for (e, v) in snap.entries.iter().zip(values) {
        // a known object is an object to the frame model (tag obj, payload 0)
        let none = match e.val {
            SnapVal::Obj(_) => SlotVal::new(Tag::Obj, 0),
            _ => SlotVal::new(Tag::None, 0),
        };
        // (a value that is no value yet, an undef's: the frame keeps what it holds)
        if v.is_none() && matches!(e.val, SnapVal::Value(_)) {
            continue;
        }
        // (an extra frame of a multi-frame snapshot is the deoptimizer's to build: the
        // model has one frame)
        if e.slot >= crate::ir::FRAME_STRIDE {
            continue;
        }
        let v = v.map_or(none, Val::boxed);
        let slot = frame
            .get_mut(e.slot as usize)
            .ok_or_else(|| format!("{s}: slot {} is outside the frame", e.slot))?;
        *slot = v;
    }
    Ok(())
}

/// How one trace function's run ended, before bridges and links are followed.
enum Step {
    Ret(Val),
    /// An exit (an [`Outcome::Exit`]) with the value of each snapshot entry (`None` for
    /// `none` entries); the frame is not written yet.
    Exit {
        outcome: Outcome,
        values: Vec<Option<Val>>,
    },
    Link {
        target: String,
        args: Vec<Val>,
    },
}

fn eval_step(
    f: &Func,
    args: &[Val],
    frame: &mut [SlotVal],
    helpers: &mut dyn Helpers,
    fuel: &mut u64,
) -> Result<Step, String> {
    if args.len() != f.params.len() {
        return Err(format!(
            "@{} takes {} arguments, got {}",
            f.name,
            f.params.len(),
            args.len()
        ));
    }
    for (i, (a, t)) in args.iter().zip(&f.params).enumerate() {
        if a.ty() != *t {
            return Err(format!(
                "@{}: argument {} is {}, expected {}",
                f.name,
                i + 1,
                a.ty().name(),
                t.name()
            ));
        }
    }
    let mut vals: Vec<Option<Val>> = vec![None; f.insns.len()];
    for (slot, a) in vals.iter_mut().zip(args) {
        *slot = Some(*a);
    }
    let exits = f.exits();
    let mut pc = f.params.len();
    let mut from_jump = false;
    loop {
        let Some(insn) = f.insns.get(pc) else {
            return Err(format!("@{}: fell off the end", f.name));
        };
        *fuel = fuel.checked_sub(1).ok_or_else(|| format!("@{}: out of fuel", f.name))?;
        let id = InsnId(pc as u32);
        let get = |k: usize| -> Result<Val, String> {
            insn.args
                .get(k)
                .and_then(|a| vals.get(a.index()).copied().flatten())
                .ok_or_else(|| format!("{id} ({}): operand {} has no value", insn.op.name(), k + 1))
        };
        let int = |k: usize| match get(k)? {
            Val::I64(x) => Ok(x),
            v => Err(format!("{id}: expected i64, got {v}")),
        };
        let flt = |k: usize| match get(k)? {
            Val::F64(x) => Ok(x),
            v => Err(format!("{id}: expected f64, got {v}")),
        };
        let bl = |k: usize| match get(k)? {
            Val::Bool(x) => Ok(x),
            v => Err(format!("{id}: expected bool, got {v}")),
        };
        let ptr = |k: usize| match get(k)? {
            Val::Ptr(x) => Ok(x),
            v => Err(format!("{id}: expected ptr, got {v}")),
        };
        let slot = || match insn.imm {
            Imm::Slot(s) => Ok(s),
            _ => Err(format!("{id}: no slot immediate")),
        };
        let mut exit = false;
        let out: Option<Val> = match insn.op {
            Op::Param => return Err(format!("{id}: param in the body")),
            // no value yet (only phis and snapshots may name it: the verifier checks)
            Op::UndefI64 | Op::UndefF64 | Op::UndefBool => None,
            op if pure_computable(op) => {
                let argv = (0..insn.args.len()).map(get).collect::<Result<Vec<_>, _>>()?;
                match eval_pure(op, &insn.imm, &argv) {
                    Some(Pure::Value(v)) => Some(v),
                    Some(Pure::Pass) => None,
                    Some(Pure::Exit) => {
                        exit = true;
                        None
                    }
                    None => return Err(format!("{id} ({}): bad operands", op.name())),
                }
            }
            Op::LoadTag | Op::LoadInt | Op::LoadFloat | Op::LoadBool | Op::LoadPtr => {
                let i = slot_index(ptr(0)?, slot()?, frame.len()).map_err(|e| format!("{id}: {e}"))?;
                let s = frame[i];
                Some(match insn.op {
                    Op::LoadTag => Val::I64(s.tag as i64),
                    Op::LoadInt => Val::I64(s.payload as i64),
                    Op::LoadFloat => Val::F64(f64::from_bits(s.payload)),
                    Op::LoadBool => Val::Bool(s.payload & 0xff != 0),
                    _ => Val::Ptr(s.payload),
                })
            }
            Op::StoreInt | Op::StoreFloat | Op::StoreBool | Op::StoreNone | Op::StorePtr => {
                let i = slot_index(ptr(0)?, slot()?, frame.len()).map_err(|e| format!("{id}: {e}"))?;
                frame[i] = match insn.op {
                    Op::StoreInt => Val::I64(int(1)?).boxed(),
                    Op::StoreFloat => Val::F64(flt(1)?).boxed(),
                    Op::StoreBool => Val::Bool(bl(1)?).boxed(),
                    Op::StorePtr => Val::Ptr(ptr(1)?).boxed(),
                    _ => SlotVal::new(Tag::None, 0),
                };
                None
            }
            Op::LoadTagAt | Op::LoadIntAt | Op::LoadFloatAt | Op::LoadBoolAt | Op::LoadPtrAt => {
                // The evaluator's only memory is the frame: element `i` of a base inside it.
                let k = u32::try_from(int(1)?).map_err(|_| format!("{id}: negative or huge index"))?;
                let i = slot_index(ptr(0)?, k, frame.len()).map_err(|e| format!("{id}: {e}"))?;
                let s = frame[i];
                Some(match insn.op {
                    Op::LoadTagAt => Val::I64(s.tag as i64),
                    Op::LoadIntAt => Val::I64(s.payload as i64),
                    Op::LoadFloatAt => Val::F64(f64::from_bits(s.payload)),
                    Op::LoadBoolAt => Val::Bool(s.payload & 0xff != 0),
                    _ => Val::Ptr(s.payload),
                })
            }
            Op::StoreIntAt | Op::StoreFloatAt | Op::StoreBoolAt | Op::StoreNoneAt => {
                let k = u32::try_from(int(1)?).map_err(|_| format!("{id}: negative or huge index"))?;
                let i = slot_index(ptr(0)?, k, frame.len()).map_err(|e| format!("{id}: {e}"))?;
                frame[i] = match insn.op {
                    Op::StoreIntAt => Val::I64(int(2)?).boxed(),
                    Op::StoreFloatAt => Val::F64(flt(2)?).boxed(),
                    Op::StoreBoolAt => Val::Bool(bl(2)?).boxed(),
                    _ => SlotVal::new(Tag::None, 0),
                };
                None
            }
            Op::StoreIntKeepAt | Op::StoreFloatKeepAt => {
                let k = u32::try_from(int(1)?).map_err(|_| format!("{id}: negative or huge index"))?;
                let i = slot_index(ptr(0)?, k, frame.len()).map_err(|e| format!("{id}: {e}"))?;
                // the payload only: the tag word stays as it is
                frame[i].payload = match insn.op {
                    Op::StoreIntKeepAt => int(2)? as u64,
                    _ => flt(2)?.to_bits(),
                };
                None
            }
            Op::Call => {
                let Imm::Call(c) = &insn.imm else {
                    return Err(format!("{id}: call without a callee"));
                };
                let argv = (0..insn.args.len()).map(get).collect::<Result<Vec<_>, _>>()?;
                let r = helpers.call(&c.name, &argv, frame)?;
                match (r, insn.ty) {
                    (None, Type::Void) => None,
                    (Some(v), t) if v.ty() == t => Some(v),
                    _ => return Err(format!("{id}: helper @{} returned the wrong type", c.name)),
                }
            }
            Op::ObjIncref => {
                let w = ptr(0)?;
                helpers.incref(w)?;
                Some(Val::Ptr(w))
            }
            Op::ObjRelease => {
                let w = ptr(0)?;
                if w != 0 {
                    helpers.release(w)?;
                }
                None
            }
            Op::Loop => None,
            Op::Phi => {
                if from_jump {
                    vals.get(pc).copied().flatten()
                } else {
                    // (an undef entry operand: no value until the first back edge)
                    let entry = insn.args.first().copied();
                    match entry.and_then(|a| f.insns.get(a.index())) {
                        Some(e) if e.op.is_undef() => None,
                        _ => Some(get(0)?),
                    }
                }
            }
            Op::Jump => {
                let lp = f.loop_pos().ok_or_else(|| format!("{id}: jump without loop"))?;
                let phis: Vec<usize> = (lp + 1..f.insns.len())
                    .take_while(|&i| f.insns[i].op == Op::Phi)
                    .collect();
                let new: Vec<Option<Val>> = phis
                    .iter()
                    .map(|&i| {
                        f.insns[i]
                            .args
                            .get(1)
                            .and_then(|a| vals.get(a.index()).copied().flatten())
                    })
                    .collect();
                for (&i, v) in phis.iter().zip(new) {
                    let v = v.ok_or_else(|| format!("%{i}: back-edge value undefined"))?;
                    if let Some(slot) = vals.get_mut(i) {
                        *slot = Some(v);
                    }
                }
                from_jump = true;
                pc = lp + 1;
                continue;
            }
            Op::Ret => return Ok(Step::Ret(get(0)?)),
            Op::Link => {
                let Imm::Trace(t) = &insn.imm else {
                    return Err(format!("{id}: link without a target"));
                };
                let argv = (0..insn.args.len()).map(get).collect::<Result<Vec<_>, _>>()?;
                return Ok(Step::Link {
                    target: t.to_string(),
                    args: argv,
                });
            }
            Op::Exit => {
                exit = true;
                None
            }
            op => return Err(format!("{id}: {} is not evaluated", op.name())),
        };
        if exit {
            let s = insn.snap.ok_or_else(|| format!("{id}: exit without snapshot"))?;
            let snap = f.snaps.get(s.index()).ok_or_else(|| format!("{id}: no snapshot {s}"))?;
            let mut values = Vec::with_capacity(snap.entries.len());
            for e in &snap.entries {
                values.push(match e.val {
                    SnapVal::None | SnapVal::Obj(_) => None,
                    SnapVal::Value(v) => {
                        let val = vals.get(v.index()).copied().flatten();
                        // an undef, or a phi still holding its undef entry: restores nothing
                        let undefined = f
                            .insns
                            .get(v.index())
                            .is_some_and(|i| i.op.is_undef() || i.op == Op::Phi);
                        if val.is_none() && !undefined {
                            return Err(format!("{s}: {v} has no value"));
                        }
                        val
                    }
                });
            }
            // The exit drops the owned values its snapshot does not transfer (a bridge
            // would continue with them: owned values never reach one, see the VM).
            for &r in &snap.release {
                match vals.get(r.index()).copied().flatten() {
                    Some(Val::Ptr(0)) => {}
                    Some(Val::Ptr(w)) => helpers.release(w)?,
                    _ => return Err(format!("{s}: released {r} has no object value")),
                }
            }
            let n = exits.iter().position(|&x| x == id).unwrap_or(0);
            return Ok(Step::Exit {
                outcome: Outcome::Exit {
                    exit: ExitId(n as u32),
                    insn: id,
                    snap: s,
                    pc: snap.pc,
                },
                values,
            });
        }
        if insn.op != Op::Phi {
            from_jump = from_jump && insn.op == Op::Loop;
        }
        if let Some(v) = vals.get_mut(pc) {
            *v = out;
        }
        pc += 1;
    }
}
