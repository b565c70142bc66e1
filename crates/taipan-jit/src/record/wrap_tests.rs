//! Unit tests of `wrap.rs`: `FOR_ITER` over an entry-stack `enumerate`/`zip` and the
//! unpacking of the tuple it yields, recorded against a hand-described frame (the
//! end-to-end behaviour is covered by `tests/run/jit_iter/` in every JIT mode).

use taipan_bytecode::Opcode;

use crate::ir::Op;
use crate::opt::pipeline;
use crate::record::test_support::{code, ins, local_of};
use crate::record::{AbortReason, Observe, Observed, PartObs, Recorder, SeqObs, Step, WrapObs};

/// A frame whose stack holds the wrapped iterator at the bottom and `len - 1` values above.
struct Frame {
    locals: Vec<Observed>,
    len: u32,
    wrap: WrapObs,
}

impl Observe for Frame {
    fn local(&self, n: u32) -> Observed {
        local_of(&self.locals, n)
    }
    fn stack(&self, _depth: u32) -> Observed {
        Observed::Obj
    }
    fn stack_len(&self) -> u32 {
        self.len
    }
    fn stack_wrap_iter(&self, depth: u32) -> Option<WrapObs> {
        (depth + 1 == self.len).then(|| self.wrap.clone())
    }
}

/// A list iterator part at `index` of a list of `len` floats.
fn floats(index: u64, len: u64) -> PartObs {
    PartObs::Seq {
        index,
        seq: SeqObs {
            list: true,
            len,
            item: (index < len).then_some(Observed::Float(1.5)),
        },
    }
}

/// Records `for a, b in <wrap>: pass` (locals a, b), or with `unpack` false
/// `for p in <wrap>: pass`; returns the last step.
fn record(wrap: WrapObs, unpack: bool) -> Step {
    let mut r = Recorder::new(code(2), 0);
    let mut f = Frame {
        // (the types of the two items: an int count or range value, a float element)
        locals: match wrap.parts.first() {
            Some(PartObs::Seq { .. }) if wrap.count.is_none() => vec![Observed::Float(0.0), Observed::Int(0)],
            _ => vec![Observed::Int(0), Observed::Float(0.0)],
        },
        len: 1,
        wrap,
    };
    let body: Vec<(u32, taipan_bytecode::Instruction, i32)> = if unpack {
        vec![
            (0, ins(Opcode::ForIter, 5), 1),
            (1, ins(Opcode::UnpackSequence, 2), 1),
            (2, ins(Opcode::StoreFast, 0), -1),
            (3, ins(Opcode::StoreFast, 1), -1),
            (4, ins(Opcode::Jump, 0), 0),
        ]
    } else {
        vec![
            (0, ins(Opcode::ForIter, 3), 1),
            (1, ins(Opcode::StoreFast, 0), -1),
            (2, ins(Opcode::Jump, 0), 0),
        ]
    };
    let mut last = Step::Continue;
    for (pc, i, delta) in body {
        last = r.record(pc, i, &f);
        if last != Step::Continue {
            return last;
        }
        f.len = f.len.saturating_add_signed(delta);
    }
    last
}

#[test]
fn enumerate_of_a_list_closes_without_a_tuple() {
    let w = WrapObs {
        count: Some(3),
        parts: vec![floats(0, 10)],
    };
    let Step::Closed(f) = record(w, true) else {
        panic!("not closed")
    };
    let opt = pipeline(&f).expect("optimizes");
    let ops: Vec<Op> = opt.insns.iter().map(|i| i.op).collect();
    for want in [Op::LoadFloatAt, Op::IntAddOv, Op::Phi] {
        assert!(ops.contains(&want), "{want:?} missing: {ops:?}");
    }
    // the kind code (1: enumerate) and the part's offset are read from the entry buffer
    let text = crate::ir::print::func_to_string(&opt);
    assert!(text.contains("const_i64 1"), "{text}");
    assert!(text.contains("iter_list_len"), "{text}");
}

#[test]
fn zip_of_a_list_and_a_falling_range_closes() {
    let w = WrapObs {
        count: None,
        parts: vec![
            floats(2, 10),
            PartObs::Range {
                next: 9,
                stop: 0,
                step: -1,
            },
        ],
    };
    let Step::Closed(f) = record(w, true) else {
        panic!("not closed")
    };
    let text = crate::ir::print::func_to_string(&pipeline(&f).expect("optimizes"));
    // the range part counts down: its counter is `off - lead`
    assert!(text.contains("int_sub_ov"), "{text}");
    assert!(text.contains("int_gt"), "{text}");
}

#[test]
fn a_tuple_not_unpacked_aborts() {
    let w = WrapObs {
        count: Some(0),
        parts: vec![floats(0, 10)],
    };
    let Step::Abort(a) = record(w, false) else {
        panic!("not aborted")
    };
    assert_eq!(a.reason, AbortReason::UnsupportedOperand);
}

#[test]
fn exhaustion_and_a_count_at_the_limit_abort() {
    let zip = WrapObs {
        count: None,
        parts: vec![floats(0, 10), floats(4, 4)],
    };
    let Step::Abort(a) = record(zip, true) else {
        panic!("not aborted")
    };
    assert_eq!(a.reason, AbortReason::LoopExhausted);
    let big = WrapObs {
        count: Some(i64::MAX),
        parts: vec![floats(0, 10)],
    };
    let Step::Abort(a) = record(big, true) else {
        panic!("not aborted")
    };
    assert_eq!(a.reason, AbortReason::BigIntResult);
}
