//! The recorder filetests (`tests/ir/record/*.rec`): a Python function, its arguments and
//! CPython's result in; the recorded and optimized trace (or the abort) out.
//!
//! File format (the part before `; output:` is a Python file):
//! ```text
//! # call: f(10)                        the function and its arguments
//! # warmup: 1                          loop-header arrivals before recording (default 1)
//! # expect: return int 45; n=int 10, total=int 45, i=int 10
//! def f(n): ...
//! ; output:
//! <recorded IR, optimized IR, the trace's run>  or  <the abort>
//! ```
//! The loop recorded is the target of the function's first backward jump. A small
//! bytecode interpreter ([`Mini`], Python semantics on None, bools, floats and `i128` ints)
//! runs the function and drives the [`Recorder`] through one iteration. Then, as the
//! interpreter will, it enters the trace each time execution reaches the loop header (at
//! most [`MAX_ENTRIES`] times): the recorded and the optimized trace run with `ir::eval` on
//! the frame (both must agree, and so must the optimized trace compiled by the Cranelift
//! backend; a big int is an `obj` slot), and [`Mini`] resumes at the
//! exit's `pc` with the locals and stack the snapshot wrote. At the return, the result (or
//! the exception, `raises ZeroDivisionError`) and the final locals must match `# expect:`,
//! computed once by CPython (`python3 tests/ir/record/expect.py FILE...`).
//!
//! `for` loops: [`Mini`] knows `range(...)` (the only global), `GET_ITER` and `FOR_ITER`
//! over range iterators (an advance that overflows exhausts the iterator, as the VM's). At
//! the header the trace gets the entry buffer of `docs/jit.md` ("Entry stack"; built by
//! [`entry_buffer`]) and each exit is written back as the VM's deoptimizer will
//! ([`resume`]): listed locals, listed iterator `next`s, then the pushed entries.
//!
//! Deopt stress: after the check above, the function runs again from the start for each
//! period of [`STRESS`], entering the optimized trace compiled with that
//! `LowerOptions::deopt_stress` at every arrival at the header ([`stress_run`]); the result
//! and locals must again match `# expect:`.

use std::path::Path;

use libtest_mimic::Failed;
use taipan_bytecode::{BinaryOperator as B, CodeObject, ComparisonOperator as C, Constant, Opcode};
use taipan_jit::ir::eval::{FRAME_ADDR, Outcome, SlotVal, TestHelpers, Val, eval, frame_to_string};
use taipan_jit::ir::{Func, Tag};
use taipan_jit::opt::{exact_pipeline, pipeline, run_passes};
use taipan_jit::record::{CodeInfo, Observe, Observed, Recorder, Step};

const OUTPUT_MARK: &str = "; output:";

/// How many times the end-to-end check enters the trace.
const MAX_ENTRIES: u32 = 3;

/// A value of the small interpreter.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mv {
    None,
    Bool(bool),
    Int(i128),
    Float(f64),
    /// The builtin `range` (what `LOAD_GLOBAL range` pushes).
    Range,
    /// A range iterator (on the operand stack of a `for` loop; stepped in place there).
    Iter {
        next: i64,
        stop: i64,
        step: i64,
    },
}

impl Mv {
    fn parse(s: &str) -> Result<Mv, String> {
        let s = s.trim();
        let bad = || format!("bad value '{s}'");
        Ok(match s.split_once(' ') {
            None if s == "none" => Mv::None,
            Some(("int", k)) => Mv::Int(k.parse().map_err(|_| bad())?),
            Some(("float", x)) => Mv::Float(x.parse().map_err(|_| bad())?),
            Some(("bool", b)) => Mv::Bool(b.parse().map_err(|_| bad())?),
            _ => return Err(bad()),
        })
    }

    fn same(self, o: Mv) -> bool {
        match (self, o) {
            (Mv::Float(a), Mv::Float(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            _ => self == o,
        }
    }

    fn truthy(self) -> bool {
        match self {
            Mv::None => false,
            Mv::Bool(b) => b,
            Mv::Int(k) => k != 0,
            Mv::Float(x) => x != 0.0,
            Mv::Range | Mv::Iter { .. } => true,
        }
    }

    fn float(self) -> Option<f64> {
        match self {
            Mv::Int(k) => Some(k as f64),
            Mv::Float(x) => Some(x),
            Mv::Bool(b) => Some(f64::from(u8::from(b))),
            Mv::None | Mv::Range | Mv::Iter { .. } => None,
        }
    }

    fn slot(self) -> Result<SlotVal, String> {
        Ok(match self {
            Mv::None => SlotVal::new(Tag::None, 0),
            Mv::Bool(b) => SlotVal::new(Tag::Bool, u64::from(b)),
            Mv::Int(k) => SlotVal::new(
                Tag::Int,
                i64::try_from(k).map_err(|_| format!("{k} is a big int"))? as u64,
            ),
            Mv::Float(x) => SlotVal::new(Tag::Float, x.to_bits()),
            Mv::Range | Mv::Iter { .. } => return Err(format!("{self} is an object")),
        })
    }

    fn from_slot(s: SlotVal) -> Result<Option<Mv>, String> {
        Ok(Some(match Tag::from_word(s.tag as i64) {
            Some(Tag::None) => Mv::None,
            Some(Tag::Bool) => Mv::Bool(s.payload & 0xff != 0),
            Some(Tag::Int) => Mv::Int(i128::from(s.payload as i64)),
            Some(Tag::Float) => Mv::Float(f64::from_bits(s.payload)),
            None if s.tag == 5 => return Ok(None),
            _ => return Err(format!("unexpected slot {s}")),
        }))
    }
}

impl std::fmt::Display for Mv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mv::None => write!(f, "none"),
            Mv::Bool(b) => write!(f, "bool {b}"),
            Mv::Int(k) => write!(f, "int {k}"),
            Mv::Float(x) => write!(f, "float {x:?}"),
            Mv::Range => write!(f, "range"),
            Mv::Iter { next, stop, step } => write!(f, "range_iterator({next}, {stop}, {step})"),
        }
    }
}

/// The small bytecode interpreter: a frame of one code object.
struct Mini<'a> {
    code: &'a CodeObject,
    locals: Vec<Option<Mv>>,
    stack: Vec<Mv>,
}

enum Flow {
    Next(u32),
    Return(Mv),
}

impl Observe for Mini<'_> {
    fn local(&self, n: u32) -> Observed {
        self.locals
            .get(n as usize)
            .copied()
            .flatten()
            .map_or(Observed::Unbound, observed)
    }
    fn stack(&self, depth: u32) -> Observed {
        let i = self.stack.len().checked_sub(depth as usize + 1);
        i.and_then(|i| self.stack.get(i))
            .copied()
            .map_or(Observed::Obj, observed)
    }
    fn stack_len(&self) -> u32 {
        self.stack.len() as u32
    }
}

fn observed(v: Mv) -> Observed {
    match v {
        Mv::None => Observed::None,
        Mv::Bool(b) => Observed::Bool(b),
        Mv::Int(k) => i64::try_from(k).map_or(Observed::Obj, Observed::Int),
        Mv::Float(x) => Observed::Float(x),
        Mv::Range => Observed::Obj,
        Mv::Iter { next, stop, step } => Observed::RangeIter { next, stop, step },
    }
}

fn floor_div(a: i128, b: i128) -> Option<i128> {
    let (q, r) = (a.checked_div(b)?, a.checked_rem(b)?);
    Some(if r != 0 && (r < 0) != (b < 0) { q - 1 } else { q })
}

fn binary(op: B, a: Mv, b: Mv) -> Result<Mv, String> {
    let err = || format!("mini: unsupported {a:?} {} {b:?}", op.symbol());
    if let (Mv::Int(x), Mv::Int(y)) = (a, b) {
        let r = match op {
            B::Add => x.checked_add(y),
            B::Subtract => x.checked_sub(y),
            B::Multiply => x.checked_mul(y),
            B::FloorDivide | B::Remainder | B::TrueDivide if y == 0 => return Err("raise ZeroDivisionError".into()),
            B::FloorDivide => floor_div(x, y),
            B::Remainder => floor_div(x, y)
                .and_then(|q| q.checked_mul(y))
                .and_then(|m| x.checked_sub(m)),
            B::And => Some(x & y),
            B::Or => Some(x | y),
            B::Xor => Some(x ^ y),
            B::Lshift => u32::try_from(y)
                .ok()
                .and_then(|s| x.checked_shl(s))
                .filter(|r| r >> y == x),
            B::Rshift => u32::try_from(y).ok().map(|s| x >> s.min(127)),
            B::TrueDivide if y != 0 => return Ok(Mv::Float(x as f64 / y as f64)),
            _ => None,
        };
        return r.map(Mv::Int).ok_or_else(err);
    }
    let (Some(x), Some(y)) = (a.float(), b.float()) else {
        return Err(err());
    };
    Ok(Mv::Float(match op {
        B::Add => x + y,
        B::Subtract => x - y,
        B::Multiply => x * y,
        B::TrueDivide if y == 0.0 => return Err("raise ZeroDivisionError".into()),
        B::TrueDivide => x / y,
        _ => return Err(err()),
    }))
}

fn compare(op: C, a: Mv, b: Mv) -> Result<bool, String> {
    let ord = match (a, b) {
        (Mv::Int(x), Mv::Int(y)) => x.partial_cmp(&y),
        _ => match (a.float(), b.float()) {
            (Some(x), Some(y)) => x.partial_cmp(&y),
            _ => return Err(format!("mini: cannot compare {a:?} and {b:?}")),
        },
    };
    use std::cmp::Ordering::*;
    Ok(match op {
        C::Less => ord == Some(Less),
        C::LessEqual => matches!(ord, Some(Less | Equal)),
        C::Equal => ord == Some(Equal),
        C::NotEqual => ord != Some(Equal),
        C::Greater => ord == Some(Greater),
        C::GreaterEqual => matches!(ord, Some(Greater | Equal)),
    })
}

impl Mini<'_> {
    fn pop(&mut self) -> Result<Mv, String> {
        self.stack.pop().ok_or_else(|| "mini: stack underflow".to_string())
    }

    fn step(&mut self, pc: u32) -> Result<Flow, String> {
        let ins = *self.code.instructions.get(pc as usize).ok_or("mini: pc out of range")?;
        let next = Flow::Next(pc + 1);
        match ins.op {
            Opcode::Nop | Opcode::LoopEntry => {}
            Opcode::LoadFast => {
                let v = self
                    .locals
                    .get(ins.arg as usize)
                    .copied()
                    .flatten()
                    .ok_or("mini: unbound local")?;
                self.stack.push(v);
            }
            Opcode::StoreFast => {
                let v = self.pop()?;
                *self.locals.get_mut(ins.arg as usize).ok_or("mini: bad local")? = Some(v);
            }
            Opcode::LoadConst => self.stack.push(match self.code.constants.get(ins.arg as usize) {
                Some(Constant::None) => Mv::None,
                Some(Constant::Bool(b)) => Mv::Bool(*b),
                Some(Constant::Int(k)) => Mv::Int(i128::from(*k)),
                Some(Constant::Float(x)) => Mv::Float(*x),
                c => return Err(format!("mini: constant {c:?}")),
            }),
            Opcode::PopTop => {
                self.pop()?;
            }
            Opcode::BinaryOp => {
                let op = B::from_arg(ins.arg).ok_or("mini: operator")?.non_inplace();
                let b = self.pop()?;
                let a = self.pop()?;
                self.stack.push(binary(op, a, b)?);
            }
            Opcode::CompareOp => {
                let op = C::from_arg(ins.arg).ok_or("mini: comparison")?;
                let b = self.pop()?;
                let a = self.pop()?;
                self.stack.push(Mv::Bool(compare(op, a, b)?));
            }
            Opcode::UnaryNegative => {
                let v = match self.pop()? {
                    Mv::Int(k) => Mv::Int(-k),
                    Mv::Float(x) => Mv::Float(-x),
                    v => return Err(format!("mini: -{v:?}")),
                };
                self.stack.push(v);
            }
            Opcode::UnaryNot => {
                let v = self.pop()?;
                self.stack.push(Mv::Bool(!v.truthy()));
            }
            Opcode::UnaryInvert => match self.pop()? {
                Mv::Int(k) => self.stack.push(Mv::Int(!k)),
                v => return Err(format!("mini: ~{v:?}")),
            },
            Opcode::UnaryPositive => {
                let v = self.pop()?;
                self.stack.push(v);
            }
            Opcode::Copy => {
                let i = self.stack.len().checked_sub(ins.arg as usize).ok_or("mini: COPY")?;
                let v = *self.stack.get(i).ok_or("mini: COPY")?;
                self.stack.push(v);
            }
            Opcode::Swap => {
                let len = self.stack.len();
                let i = len.checked_sub(ins.arg as usize).ok_or("mini: SWAP")?;
                self.stack.swap(i, len - 1);
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                let t = self.stack.last().ok_or("mini: stack underflow")?.truthy();
                if t == (ins.op == Opcode::JumpIfTrueOrPop) {
                    return Ok(Flow::Next(ins.arg));
                }
                self.pop()?;
            }
            Opcode::IsOp => {
                let b = self.pop()?;
                let a = self.pop()?;
                if a != Mv::None && b != Mv::None {
                    return Err(format!("mini: {a:?} is {b:?}"));
                }
                self.stack.push(Mv::Bool((a == b) != (ins.arg == 1)));
            }
            Opcode::PopJumpIfNone | Opcode::PopJumpIfNotNone => {
                let none = self.pop()? == Mv::None;
                if none == (ins.op == Opcode::PopJumpIfNone) {
                    return Ok(Flow::Next(ins.arg));
                }
            }
            Opcode::Jump => return Ok(Flow::Next(ins.arg)),
            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                let t = self.pop()?.truthy();
                if t == (ins.op == Opcode::PopJumpIfTrue) {
                    return Ok(Flow::Next(ins.arg));
                }
            }
            Opcode::LoadGlobal => match self.code.names.get(ins.arg as usize) {
                Some(n) if &**n == "range" => self.stack.push(Mv::Range),
                n => return Err(format!("mini: global {n:?}")),
            },
            Opcode::Call => {
                let n = ins.arg as usize;
                let at = self.stack.len().checked_sub(n + 1).ok_or("mini: CALL")?;
                let args: Vec<Mv> = self.stack.split_off(at + 1);
                if self.pop()? != Mv::Range {
                    return Err("mini: only range() is callable".into());
                }
                let int = |v: &Mv| match v {
                    Mv::Int(k) => i64::try_from(*k).map_err(|_| "mini: range of big ints".to_string()),
                    _ => Err(format!("mini: range({v})")),
                };
                let k = args.iter().map(int).collect::<Result<Vec<i64>, _>>()?;
                let (start, stop, step) = match k[..] {
                    [stop] => (0, stop, 1),
                    [start, stop] => (start, stop, 1),
                    [start, stop, step] => (start, stop, step),
                    _ => return Err("mini: range arguments".into()),
                };
                if step == 0 {
                    return Err("raise ValueError".into());
                }
                self.stack.push(Mv::Iter {
                    next: start,
                    stop,
                    step,
                });
            }
            Opcode::GetIter => match self.stack.last() {
                Some(Mv::Iter { .. }) => {}
                v => return Err(format!("mini: iter({v:?})")),
            },
            Opcode::ForIter => match self.stack.last_mut() {
                // As the VM's range iterator: an advance that overflows leaves it exhausted.
                Some(Mv::Iter { next, stop, step }) => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let v = *next;
                        *next = next.checked_add(*step).unwrap_or(*stop);
                        self.stack.push(Mv::Int(i128::from(v)));
                    } else {
                        self.pop()?;
                        return Ok(Flow::Next(ins.arg));
                    }
                }
                v => return Err(format!("mini: next({v:?})")),
            },
            Opcode::ReturnValue => return Ok(Flow::Return(self.pop()?)),
            op => return Err(format!("mini: unsupported opcode {}", op.name())),
        }
        Ok(next)
    }
}

fn find_code<'a>(code: &'a CodeObject, name: &str) -> Option<&'a CodeObject> {
    if &*code.name == name {
        return Some(code);
    }
    code.constants.iter().find_map(|c| match c {
        Constant::Code(k) => find_code(k, name),
        _ => None,
    })
}

/// The parsed header of a `.rec` file.
struct Header {
    func: String,
    args: Vec<Mv>,
    warmup: u32,
    expect: Option<String>,
}

fn parse_header(src: &str) -> Result<Header, String> {
    let mut h = Header {
        func: String::new(),
        args: Vec::new(),
        warmup: 1,
        expect: None,
    };
    for line in src.lines() {
        if let Some(c) = line.strip_prefix("# call:") {
            let c = c.trim();
            let (name, rest) = c.split_once('(').ok_or("call: expected f(args)")?;
            h.func = name.trim().to_string();
            let inner = rest.strip_suffix(')').ok_or("call: expected f(args)")?;
            for a in inner.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                h.args.push(match a {
                    "None" => Mv::None,
                    "True" | "False" => Mv::Bool(a == "True"),
                    _ if a.contains(['.', 'e', 'n']) => Mv::Float(a.parse().map_err(|_| format!("bad arg {a}"))?),
                    _ => Mv::Int(a.parse().map_err(|_| format!("bad arg {a}"))?),
                });
            }
        } else if let Some(w) = line.strip_prefix("# warmup:") {
            h.warmup = w.trim().parse().map_err(|_| "bad warmup")?;
        } else if let Some(e) = line.strip_prefix("# expect:") {
            h.expect = Some(e.trim().to_string());
        }
    }
    if h.func.is_empty() {
        return Err("no '# call:' line".into());
    }
    Ok(h)
}

/// Checks the final state against `# expect: return V; name=V, ...`.
fn check_expect(expect: &str, code: &CodeObject, ret: Result<Mv, String>, locals: &[Option<Mv>]) -> Result<(), String> {
    let (r, ls) = expect.split_once(';').unwrap_or((expect, ""));
    let mut errs = Vec::new();
    match (r.trim().strip_prefix("raises "), ret) {
        (Some(exc), Err(e)) if e.strip_prefix("raise ") == Some(exc) => {}
        (None, Ok(v)) => {
            let want = Mv::parse(r.trim().strip_prefix("return").ok_or("expect: 'return V; ...'")?)?;
            if !want.same(v) {
                errs.push(format!("return: expected {want}, got {v}"));
            }
        }
        (_, got) => errs.push(format!("expected {r}, got {got:?}")),
    }
    for item in ls.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (name, v) = item
            .split_once('=')
            .ok_or_else(|| format!("expect: bad item '{item}'"))?;
        let want = Mv::parse(v)?;
        let idx = code.varnames.iter().position(|n| &**n == name.trim());
        let got = idx.and_then(|i| locals.get(i).copied().flatten());
        if !got.is_some_and(|g| g.same(want)) {
            errs.push(format!("{name}: expected {want}, got {got:?}"));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("\n")) }
}

/// Runs a trace on `frame` until it leaves.
fn run_trace(f: &Func, frame: &mut [SlotVal]) -> Result<Outcome, String> {
    eval(f, &[Val::Ptr(FRAME_ADDR)], frame, &mut TestHelpers, 10_000_000)
}

/// Processes one `.rec` file: the output text and the end-to-end check's result.
fn process(src: &str) -> Result<String, String> {
    let h = parse_header(src)?;
    let module = taipan_compiler::compile(src, "rec.py", taipan_compiler::Mode::Exec).map_err(|e| format!("{e:?}"))?;
    let code = find_code(&module, &h.func).ok_or("no such function")?;
    let start = code
        .instructions
        .iter()
        .enumerate()
        .find(|(i, ins)| ins.op.is_jump() && ins.op != Opcode::ForIter && (ins.arg as usize) <= *i)
        .map(|(_, ins)| ins.arg)
        .ok_or("no loop")?;
    let nlocals = CodeInfo::from_code(code).nlocals as usize;
    let mut mini = Mini {
        code,
        locals: vec![None; nlocals],
        stack: Vec::new(),
    };
    for (l, a) in mini.locals.iter_mut().zip(&h.args) {
        *l = Some(*a);
    }
    let mut rec: Option<Recorder> = None;
    let mut arrivals = 0;
    let mut pc = 0u32;
    let trace = loop {
        if pc == start && rec.is_none() {
            arrivals += 1;
            if arrivals > h.warmup {
                rec = Some(Recorder::new(CodeInfo::from_code(code), start));
            }
        }
        let ins = *code.instructions.get(pc as usize).ok_or("pc out of range")?;
        let mut closed = None;
        if let Some(r) = rec.as_mut() {
            match r.record(pc, ins, &mini) {
                Step::Continue => {}
                Step::Closed(f) => closed = Some(f),
                Step::Abort(a) => return Ok(format!("{a}\n")),
            }
        }
        match mini.step(pc)? {
            Flow::Next(p) => pc = p,
            Flow::Return(_) => return Err("returned before the loop closed".into()),
        }
        if let Some(f) = closed {
            break f;
        }
    };
    let opt = pipeline(&trace).map_err(|e| e.to_string())?;
    // (the pipeline without snapshot sharing, whose exits resume earlier on purpose, must
    // leave every exit exactly as the recorded trace does; the whole pipeline's exits are
    // checked end to end, by resuming `Mini` there)
    let exact = run_passes(&trace, &exact_pipeline(), true).map_err(|e| e.to_string())?;
    let mut text = format!("recorded:\n{trace}optimized:\n{opt}");
    // End to end: like the interpreter, enter the trace whenever execution reaches the
    // loop header (at most MAX_ENTRIES times), interpret from each exit.
    let mut entries = 0;
    let mut just_exited = false;
    let result = loop {
        if pc == start && entries < MAX_ENTRIES && !just_exited {
            entries += 1;
            let mut frame = entry_buffer(&mini, nlocals);
            let before = frame.clone();
            let mut raw_frame = frame.clone();
            let raw_out = run_trace(&trace, &mut raw_frame)?;
            let mut exact_frame = frame.clone();
            let exact_out = run_trace(&exact, &mut exact_frame)?;
            if raw_out.to_string() != exact_out.to_string() || raw_frame != exact_frame {
                return Err(format!(
                    "recorded and optimized traces differ: {raw_out} {} vs {exact_out} {}",
                    frame_to_string(&raw_frame),
                    frame_to_string(&exact_frame)
                ));
            }
            let out = run_trace(&opt, &mut frame)?;
            // The Cranelift backend must agree with the evaluator.
            let jit = taipan_jit::backend::check::run_to_text(&opt, &[Val::Ptr(FRAME_ADDR)], Some(&before));
            let eval_text = format!("{out} {}", frame_to_string(&frame));
            if jit != eval_text {
                return Err(format!("the evaluator gives `{eval_text}`, Cranelift `{jit}`"));
            }
            let (exit_pc, shown) = resume(&mut mini, &opt, out, &frame, nlocals)?;
            text.push_str(&format!(
                "entry {entries}: {out} {}\n",
                frame_to_string(&frame[..shown])
            ));
            pc = exit_pc;
            just_exited = true;
            continue;
        }
        just_exited = false;
        match mini.step(pc) {
            Ok(Flow::Next(p)) => pc = p,
            Ok(Flow::Return(v)) => break Ok(v),
            Err(e) if e.starts_with("raise ") => break Err(e),
            Err(e) => return Err(e),
        }
    };
    let expect = h.expect.as_deref().ok_or("no '# expect:' line")?;
    check_expect(expect, code, result, &mini.locals).map_err(|e| format!("end-to-end check failed:\n{e}"))?;
    // Deopt stress: the compiled trace takes every N-th exit on purpose; the program's
    // result must not change.
    for n in STRESS {
        let (result, locals) = stress_run(code, &h, start, &opt, n).map_err(|e| format!("deopt stress {n}: {e}"))?;
        check_expect(expect, code, result, &locals)
            .map_err(|e| format!("end-to-end check with deopt stress {n} failed:\n{e}"))?;
    }
    Ok(text)
}

/// The deopt-stress periods the end-to-end check is repeated with.
const STRESS: [u32; 4] = [1, 2, 3, 5];

/// The entry buffer (`docs/jit.md`, "Entry stack") for `mini` at the loop header: the
/// locals (big ints as `obj`), then per stack entry three slots: a range iterator's `next`,
/// `stop` and `step` (else `obj`); room for the stack entries a snapshot writes above
/// (written at their snapshot slots, `nlocals + d + j`).
fn entry_buffer(mini: &Mini, nlocals: usize) -> Vec<SlotVal> {
    let obj = SlotVal::new(Tag::Obj, 0);
    let int = |k: i64| SlotVal::new(Tag::Int, k as u64);
    let mut frame: Vec<SlotVal> = Vec::new();
    for l in &mini.locals {
        frame.push(match l {
            Some(v) => v.slot().unwrap_or(obj),
            None => SlotVal { tag: 5, payload: 0 },
        });
    }
    // the pop mark (`record::buffer_slot`): no entry popped
    frame.push(int(mini.stack.len() as i64));
    for v in &mini.stack {
        match v {
            Mv::Iter { next, stop, step } => frame.extend([int(*next), int(*stop), int(*step), obj]),
            _ => frame.extend([obj, obj, obj, obj]),
        }
        // (the slots of an `enumerate`/`zip`'s parts: unused here)
        let pad = taipan_jit::record::ENTRY_SLOTS as usize - 4;
        frame.extend(std::iter::repeat_n(obj, pad));
    }
    let d = mini.stack.len();
    let want =
        (nlocals + d + mini.code.max_stack as usize).max(nlocals + 1 + taipan_jit::record::ENTRY_SLOTS as usize * d);
    frame.resize(want, SlotVal::new(Tag::None, 0));
    frame
}

/// The deoptimizer's part after trace exit `out` wrote its snapshot into `frame`: the
/// listed locals, the listed iterators' `next`, then the listed stack entries above the
/// entry stack pushed in slot order. Returns the resume index and how many slots of
/// `frame` to show (locals, entry stack, pushed entries).
fn resume(mini: &mut Mini, f: &Func, out: Outcome, frame: &[SlotVal], nlocals: usize) -> Result<(u32, usize), String> {
    let Outcome::Exit { snap, pc, .. } = out else {
        return Err(format!("trace returned: {out}"));
    };
    let snap = f.snaps.get(snap.index()).ok_or("no snapshot")?;
    let d = mini.stack.len();
    let mut pushed: Vec<(u32, Mv)> = Vec::new();
    for e in &snap.entries {
        let slot = e.slot as usize;
        let v = *frame.get(slot).ok_or("snapshot slot outside the frame")?;
        if slot < nlocals {
            mini.locals[slot] = Mv::from_slot(v)?;
        } else if slot < nlocals + d {
            let Some(Mv::Iter { next, .. }) = mini.stack.get_mut(slot - nlocals) else {
                return Err(format!(
                    "snapshot slot {slot} names an entry that is not a range iterator"
                ));
            };
            match Mv::from_slot(v)? {
                Some(Mv::Int(k)) => *next = i64::try_from(k).map_err(|_| "bad next")?,
                other => return Err(format!("iterator next {other:?}")),
            }
        } else {
            pushed.push((e.slot, Mv::from_slot(v)?.ok_or("unbound stack entry")?));
        }
    }
    pushed.sort_by_key(|p| p.0);
    for (j, (slot, _)) in pushed.iter().enumerate() {
        if *slot as usize != nlocals + d + j {
            return Err(format!("snapshot stack slots are not consecutive from {}", nlocals + d));
        }
    }
    let shown = nlocals + d + pushed.len();
    mini.stack.extend(pushed.into_iter().map(|p| p.1));
    Ok((pc, shown))
}

/// Runs the function from the start, entering the optimized trace compiled with deopt
/// stress `n` whenever execution reaches the loop header (not right after an exit) and
/// resuming from each exit; returns the result and the final locals.
#[allow(clippy::type_complexity)]
fn stress_run(
    code: &CodeObject,
    h: &Header,
    start: u32,
    opt: &Func,
    n: u32,
) -> Result<(Result<Mv, String>, Vec<Option<Mv>>), String> {
    use taipan_jit::backend::check::{LOOP_FUEL, run_trace as run_compiled_trace, test_helpers};
    use taipan_jit::backend::{Backend, LowerOptions};
    let nlocals = CodeInfo::from_code(code).nlocals as usize;
    let mut backend = Backend::new(1 << 20).map_err(|e| e.to_string())?;
    let opts = LowerOptions {
        loop_fuel: Some(LOOP_FUEL),
        deopt_stress: n,
        count_runs: false,
    };
    let trace = backend
        .compile_trace_with(opt, &test_helpers(), &opts)
        .map_err(|e| e.to_string())?;
    let max_slot = opt
        .insns
        .iter()
        .filter_map(|i| match i.imm {
            taipan_jit::ir::Imm::Slot(s) => Some(s as usize),
            _ => None,
        })
        .chain(opt.snaps.iter().flat_map(|s| s.entries.iter().map(|e| e.slot as usize)))
        .max()
        .unwrap_or(0);
    let mut mini = Mini {
        code,
        locals: vec![None; nlocals],
        stack: Vec::new(),
    };
    for (l, a) in mini.locals.iter_mut().zip(&h.args) {
        *l = Some(*a);
    }
    let mut pc = 0u32;
    let mut just_exited = false;
    let mut budget: u64 = 10_000_000;
    let result = loop {
        budget = budget.checked_sub(1).ok_or("out of steps")?;
        if pc == start && !just_exited {
            let mut frame = entry_buffer(&mini, nlocals);
            if max_slot >= frame.len() {
                return Err(format!("slot {max_slot} outside the entry buffer"));
            }
            let out = run_compiled_trace(&trace, opt, &[Val::Ptr(FRAME_ADDR)], &mut frame)?;
            let (exit_pc, _) = resume(&mut mini, opt, out, &frame, nlocals)?;
            pc = exit_pc;
            just_exited = true;
            continue;
        }
        just_exited = false;
        match mini.step(pc) {
            Ok(Flow::Next(p)) => pc = p,
            Ok(Flow::Return(v)) => break Ok(v),
            Err(e) if e.starts_with("raise ") => break Err(e),
            Err(e) => return Err(e),
        }
    };
    Ok((result, mini.locals))
}

/// Runs one `.rec` file (blessed with `TAIPAN_BLESS=1`).
pub fn run_rec_file(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (src, expected) = match text.find(&format!("\n{OUTPUT_MARK}\n")) {
        Some(i) => (&text[..i + 1], Some(&text[i + OUTPUT_MARK.len() + 2..])),
        None => (text.as_str(), None),
    };
    let actual = process(src)?;
    if std::env::var_os("TAIPAN_BLESS").is_some_and(|v| v == "1") {
        if expected != Some(actual.as_str()) {
            std::fs::write(path, format!("{src}{OUTPUT_MARK}\n{actual}")).map_err(|e| format!("bless: {e}"))?;
        }
        return Ok(());
    }
    if expected != Some(actual.as_str()) {
        return Err(format!(
            "output differs (TAIPAN_BLESS=1 to accept)\n--- expected\n{}--- actual\n{actual}",
            expected.unwrap_or("(no '; output:' section)\n")
        )
        .into());
    }
    Ok(())
}
