//! Differential tests of the optimizer (and a round-trip test of the text form): random traces, run by the reference evaluator before
//! and after each pass and the whole pipeline, must end the same way (same returned value or
//! same exit, same frame).
//!
//! The generator (a fixed-seed xorshift, so failures reproduce) builds straight-line traces
//! and bounded loops over two `i64` parameters and a four-slot frame, drawing from every op
//! family (memory through two aliasing base pointers): constants (including extremes), wrapping and overflow-checked arithmetic,
//! floor division, comparisons and guards with snapshots, floats, slot loads with tag
//! guards, slot stores and helper calls.

use crate::ir::eval::Outcome;
use crate::ir::eval::{SlotVal, TestHelpers, Val, eval, frame_to_string};
use crate::ir::parse::parse_func;
use crate::ir::print::func_to_string;
use crate::ir::verify::verify;
use crate::ir::{Builder, CallEffect, Func, InsnId, Op, SnapEntry, SnapId, SnapVal, Tag, Type};
use crate::opt::{PASSES, exact_pipeline, run_passes};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

struct Gen {
    rng: Rng,
    ints: Vec<InsnId>,
    bools: Vec<InsnId>,
    floats: Vec<InsnId>,
    pc: u32,
}

impl Gen {
    fn snap(&mut self, b: &mut Builder) -> SnapId {
        let mut entries = Vec::new();
        for slot in 0..4 {
            match self.rng.below(4) {
                0 => entries.push(SnapEntry {
                    slot,
                    val: SnapVal::Value(self.rng.pick(&self.ints)),
                }),
                1 if !self.floats.is_empty() => entries.push(SnapEntry {
                    slot,
                    val: SnapVal::Value(self.rng.pick(&self.floats)),
                }),
                2 => entries.push(SnapEntry {
                    slot,
                    val: SnapVal::None,
                }),
                _ => {}
            }
        }
        self.pc += 1;
        b.snapshot(self.pc, entries)
    }

    /// `frame` and `InsnId(frame.0 + 1)` are two parameters pointing to the same frame
    /// (aliases); each memory op picks one.
    fn step(&mut self, b: &mut Builder, frame: InsnId) {
        let frame = InsnId(frame.0 + self.rng.below(2) as u32);
        let r = &mut self.rng;
        let i1 = r.pick(&self.ints);
        let i2 = r.pick(&self.ints);
        match r.below(18) {
            0 => {
                let k = r.pick(&[0, 1, -1, 2, 7, 63, 64, i64::MAX, i64::MIN, 1 << 32]);
                self.ints.push(b.const_i64(k));
            }
            1 | 2 => {
                let op = r.pick(&[
                    Op::IntAdd,
                    Op::IntSub,
                    Op::IntMul,
                    Op::IntAnd,
                    Op::IntOr,
                    Op::IntXor,
                    Op::IntShl,
                    Op::IntShr,
                ]);
                self.ints.push(b.binary(op, i1, i2));
            }
            3 => self.ints.push(b.unary(Op::IntNeg, i1)),
            4 | 5 => {
                let op = r.pick(&[Op::IntAddOv, Op::IntSubOv, Op::IntMulOv, Op::IntFloorDiv, Op::IntMod]);
                let s = self.snap(b);
                self.ints.push(b.exiting(op, &[i1, i2], s));
            }
            6 | 7 => {
                let op = self
                    .rng
                    .pick(&[Op::IntEq, Op::IntNe, Op::IntLt, Op::IntLe, Op::IntGt, Op::IntGe]);
                self.bools.push(b.binary(op, i1, i2));
            }
            8 if !self.bools.is_empty() => {
                let c = self.rng.pick(&self.bools);
                let op = self.rng.pick(&[Op::GuardTrue, Op::GuardFalse]);
                let s = self.snap(b);
                b.exiting(op, &[c], s);
            }
            9 if !self.bools.is_empty() => {
                let c = self.rng.pick(&self.bools);
                self.bools.push(b.unary(Op::BoolNot, c));
                self.ints.push(b.unary(Op::BoolToInt, c));
            }
            10 => {
                let f = b.unary(Op::IntToFloat, i1);
                self.floats.push(f);
                if let Some(&g) = self.floats.first() {
                    let op = self.rng.pick(&[Op::FloatAdd, Op::FloatMul, Op::FloatSub]);
                    self.floats.push(b.binary(op, f, g));
                    let op = self.rng.pick(&[Op::FloatLt, Op::FloatEq]);
                    self.bools.push(b.binary(op, g, f));
                }
            }
            11 | 12 | 16 | 17 => {
                let slot = self.rng.below(4) as u32;
                let t = b.load(Op::LoadTag, frame, slot);
                let s = self.snap(b);
                b.guard_tag(t, Tag::Int, s);
                self.ints.push(b.load(Op::LoadInt, frame, slot));
            }
            13 => {
                let slot = self.rng.below(4) as u32;
                b.store(Op::StoreInt, frame, slot, Some(i1));
            }
            14 => {
                let eff = self.rng.pick(&[CallEffect::Pure, CallEffect::Reads]);
                self.ints.push(b.call("imax", eff, &[i1, i2], Type::I64));
            }
            15 if self.rng.below(3) != 0 => {
                let slot = self.rng.below(4) as u32;
                match self.rng.below(3) {
                    0 if !self.floats.is_empty() => {
                        let x = self.rng.pick(&self.floats);
                        b.store(Op::StoreFloat, frame, slot, Some(x));
                    }
                    1 => {
                        b.store(Op::StoreNone, frame, slot, None);
                    }
                    _ => {
                        b.store(Op::StoreInt, frame, slot, Some(i1));
                    }
                }
            }
            _ => {
                let slot = b.const_i64(self.rng.below(4) as i64);
                b.call("frame_store_int", CallEffect::Writes, &[frame, slot, i1], Type::Void);
            }
        }
    }
}

/// The xor of all `vals` (so that every value can influence the outcome).
fn xor_all(b: &mut Builder, vals: &[InsnId]) -> InsnId {
    let mut acc = vals[0];
    for &v in &vals[1..] {
        acc = b.binary(Op::IntXor, acc, v);
    }
    acc
}

/// A random trace: straight-line (ends in `ret`) or a loop of at most 4 iterations.
fn gen_func(seed: u64) -> Func {
    let mut b = Builder::new("r", &[Type::I64, Type::I64, Type::Ptr, Type::Ptr], Type::I64);
    let mut g = Gen {
        rng: Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
        ints: vec![InsnId(0), InsnId(1)],
        bools: Vec::new(),
        floats: Vec::new(),
        pc: 0,
    };
    let frame = InsnId(2);
    let looping = g.rng.below(2) == 0;
    let n = 4 + g.rng.below(20);
    for _ in 0..n / 2 {
        g.step(&mut b, frame);
    }
    if !looping {
        for _ in 0..n / 2 {
            g.step(&mut b, frame);
        }
        let r = xor_all(&mut b, &g.ints);
        b.op(Op::Ret, &[r], crate::ir::Imm::None, None);
        return b.finish();
    }
    let zero = b.const_i64(0);
    let one = b.const_i64(1);
    let four = b.const_i64(4);
    let carried = g.rng.pick(&g.ints);
    b.op(Op::Loop, &[], crate::ir::Imm::None, None);
    let i = b.binary(Op::Phi, zero, zero);
    let x = b.binary(Op::Phi, carried, carried);
    g.ints.push(i);
    g.ints.push(x);
    for _ in 0..n {
        g.step(&mut b, frame);
    }
    let i1 = b.binary(Op::IntAdd, i, one);
    let x1 = g.rng.pick(&g.ints);
    let c = b.binary(Op::IntLt, i1, four);
    let all = xor_all(&mut b, &g.ints);
    let s = b.snapshot(
        999,
        vec![
            SnapEntry {
                slot: 0,
                val: SnapVal::Value(x1),
            },
            SnapEntry {
                slot: 1,
                val: SnapVal::Value(all),
            },
        ],
    );
    b.exiting(Op::GuardTrue, &[c], s);
    b.op(Op::Jump, &[], crate::ir::Imm::None, None);
    b.set_arg(i, 1, i1);
    b.set_arg(x, 1, x1);
    b.finish()
}

fn outcome(f: &Func, a: i64, b: i64, frame0: &[SlotVal]) -> String {
    show(&outcome_raw(f, a, b, frame0))
}

/// The evaluator's outcome and the frame after it.
fn outcome_raw(f: &Func, a: i64, b: i64, frame0: &[SlotVal]) -> Result<(Outcome, String), String> {
    let mut frame = frame0.to_vec();
    let frame_addr = Val::Ptr(crate::ir::eval::FRAME_ADDR);
    let args = [Val::I64(a), Val::I64(b), frame_addr, frame_addr];
    let o = eval(f, &args, &mut frame, &mut TestHelpers, 100_000).map_err(|e| e.to_string())?;
    Ok((o, frame_to_string(&frame)))
}

/// The scratch frames the differential tests start from: all ints, and mixed tags.
fn test_frames() -> [Vec<SlotVal>; 2] {
    [
        vec![SlotVal::new(Tag::Int, 5); 4],
        vec![
            SlotVal::new(Tag::Int, (-3i64) as u64),
            SlotVal::new(Tag::Float, 1.5f64.to_bits()),
            SlotVal::new(Tag::Int, 9),
            SlotVal::new(Tag::None, 0),
        ],
    ]
}

fn show(o: &Result<(Outcome, String), String>) -> String {
    match o {
        Ok((o, frame)) => format!("{o} {frame}"),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn passes_preserve_behaviour_on_random_traces() {
    let inputs: [(i64, i64); 6] = [
        (3, 4),
        (-7, 2),
        (0, 0),
        (i64::MAX, 1),
        (i64::MIN, -1),
        (1 << 40, 1 << 30),
    ];
    let frames = test_frames();
    // (every pass alone but `share`, which `snapshot_sharing_changes_only_resume_points`
    // tests by its own contract)
    let mut lists: Vec<Vec<&str>> = PASSES
        .iter()
        .map(|(n, _)| *n)
        .filter(|&n| n != "share")
        .map(|n| vec![n])
        .collect();
    lists.push(exact_pipeline());
    for seed in 1..1000u64 {
        let f = gen_func(seed);
        if let Err(e) = verify(&f) {
            panic!("seed {seed}: generator made invalid IR: {e}");
        }
        let text = func_to_string(&f);
        let mut back = parse_func(&text).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{text}"));
        back.lines.clear();
        assert_eq!(back, f, "seed {seed}: parse(print(f)) != f\n{text}");
        assert_eq!(func_to_string(&back), text);
        for passes in &lists {
            let g = match run_passes(&f, passes, true) {
                Ok(g) => g,
                Err(e) => panic!("seed {seed}: {e}\n{}", func_to_string(&f)),
            };
            for &(a, b) in &inputs {
                for fr in &frames {
                    let want = outcome(&f, a, b, fr);
                    assert!(!want.starts_with("error"), "seed {seed}: {want}");
                    let got = outcome(&g, a, b, fr);
                    assert_eq!(
                        want,
                        got,
                        "seed {seed}, passes {passes:?}, args ({a}, {b}), frame {}\n--- before\n{}--- after\n{}",
                        frame_to_string(fr),
                        func_to_string(&f),
                        func_to_string(&g)
                    );
                }
            }
        }
    }
}

/// Snapshot sharing changes only where exits resume: a run that returns (or fails) returns
/// the same, with the same frame; a run that exits exits through the same instruction (the
/// pass renumbers nothing), at the snapshot of an exit-capable instruction at or before it.
/// The whole pipeline with it: the same return, or an exit on both sides.
#[test]
fn snapshot_sharing_changes_only_resume_points() {
    let inputs: [(i64, i64); 4] = [(3, 4), (-7, 2), (i64::MAX, 1), (1 << 40, 1 << 30)];
    let frames = test_frames();
    let mut shared = 0usize;
    for seed in 1..1000u64 {
        let f = gen_func(seed);
        let g = run_passes(&f, &["share"], true).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let p = run_passes(&f, &["pipeline"], true).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let text = || format!("--- before\n{}--- after\n{}", func_to_string(&f), func_to_string(&g));
        for &(a, b) in &inputs {
            for fr in &frames {
                let want = outcome_raw(&f, a, b, fr);
                let got = outcome_raw(&g, a, b, fr);
                match (&want, &got) {
                    (
                        Ok((Outcome::Exit { insn: wi, snap: ws, .. }, _)),
                        Ok((Outcome::Exit { insn: gi, snap: gs, .. }, _)),
                    ) => {
                        assert_eq!(wi, gi, "seed {seed}: exits through another instruction\n{}", text());
                        let pos = |s: &SnapId, h: &Func| h.snaps.get(s.index()).map(|x| x.pos);
                        assert!(pos(gs, &g) <= pos(ws, &f), "seed {seed}: resumes later\n{}", text());
                        shared += usize::from(ws != gs);
                    }
                    _ => assert_eq!(show(&want), show(&got), "seed {seed}\n{}", text()),
                }
                let whole = outcome_raw(&p, a, b, fr);
                match (&want, &whole) {
                    (Ok((Outcome::Exit { .. }, _)), Ok((Outcome::Exit { .. }, _))) => {}
                    _ => assert_eq!(
                        show(&want),
                        show(&whole),
                        "seed {seed}: pipeline\n{}",
                        func_to_string(&p)
                    ),
                }
            }
        }
    }
    assert!(shared > 0, "no run exited through a shared snapshot");
}
