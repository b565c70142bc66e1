//! Unit tests of the recorder's protocol (the translations are covered by the filetests
//! of `tests/ir/record/`).

use taipan_bytecode::Opcode;

use crate::opt::pipeline;
use crate::record::test_support::{code, ins, local_of, stack_of};
use crate::record::{AbortReason, CodeInfo, Observe, Observed, Recorder, Step};

/// A frame described by hand.
struct Frame {
    locals: Vec<Observed>,
    stack: Vec<Observed>,
}

impl Observe for Frame {
    fn local(&self, n: u32) -> Observed {
        local_of(&self.locals, n)
    }
    fn stack(&self, depth: u32) -> Observed {
        stack_of(&self.stack, depth)
    }
    fn stack_len(&self) -> u32 {
        self.stack.len() as u32
    }
}

fn abort_reason(s: Step) -> Option<AbortReason> {
    match s {
        Step::Abort(a) => Some(a.reason),
        _ => None,
    }
}

/// `x = x + 1` as a loop from 0 to 4 (`JUMP 0`), x observed as `x0`.
fn incr_loop(x0: Observed, konst: u32) -> (Recorder, Vec<Step>) {
    let mut r = Recorder::new(code(1), 0);
    let mut f = Frame {
        locals: vec![x0],
        stack: vec![],
    };
    let mut steps = Vec::new();
    steps.push(r.record(0, ins(Opcode::LoadFast, 0), &f));
    f.stack.push(x0);
    steps.push(r.record(1, ins(Opcode::LoadConst, konst), &f));
    f.stack.push(if konst == 0 {
        Observed::Int(1)
    } else {
        Observed::Float(0.5)
    });
    steps.push(r.record(2, ins(Opcode::BinaryOp, 0), &f));
    f.stack = vec![Observed::Float(0.0)];
    if let Observed::Int(k) = x0 {
        f.stack = vec![Observed::Int(k + 1)];
    }
    steps.push(r.record(3, ins(Opcode::StoreFast, 0), &f));
    f.stack.clear();
    steps.push(r.record(4, ins(Opcode::Jump, 0), &f));
    (r, steps)
}

#[test]
fn closes_a_loop_that_verifies_and_optimizes() {
    let (mut r, steps) = incr_loop(Observed::Int(3), 0);
    assert!(steps[..4].iter().all(|s| *s == Step::Continue), "{steps:?}");
    let Some(Step::Closed(f)) = steps.last() else {
        panic!("{steps:?}");
    };
    assert!(pipeline(f).is_ok());
    let f = Frame {
        locals: vec![],
        stack: vec![],
    };
    assert_eq!(
        abort_reason(r.record(0, ins(Opcode::Nop, 0), &f)),
        Some(AbortReason::Desync)
    );
}

#[test]
fn type_change_across_the_loop_aborts() {
    let (_, steps) = incr_loop(Observed::Int(3), 1);
    assert_eq!(abort_reason(steps[4].clone()), Some(AbortReason::TypeUnstableLoop));
}

#[test]
fn named_aborts() {
    let empty = Frame {
        locals: vec![Observed::Int(1)],
        stack: vec![],
    };
    let mut r = Recorder::new(code(1), 0);
    assert_eq!(
        abort_reason(r.record(0, ins(Opcode::BuildList, 0), &empty)),
        Some(AbortReason::UnsupportedOpcode)
    );

    let busy = Frame {
        locals: vec![],
        stack: vec![Observed::Int(1)],
    };
    // An entry-stack entry is passed through, but never popped, copied or swapped.
    for op in [Opcode::PopTop, Opcode::Copy, Opcode::Swap] {
        let mut r = Recorder::new(code(1), 0);
        assert_eq!(r.record(0, ins(Opcode::Nop, 0), &busy), Step::Continue);
        assert_eq!(
            abort_reason(r.record(1, ins(op, 1), &busy)),
            Some(AbortReason::StackAtStart),
            "{op:?}"
        );
    }
    // The entry depth is the stack depth at the first instruction.
    let mut r = Recorder::new(code(1), 0);
    assert_eq!(r.entry_depth(), 0);
    assert_eq!(r.record(0, ins(Opcode::Nop, 0), &busy), Step::Continue);
    assert_eq!(r.entry_depth(), 1);
    // FOR_ITER over something that is not a range iterator.
    let mut r = Recorder::new(code(1), 0);
    assert_eq!(
        abort_reason(r.record(0, ins(Opcode::ForIter, 9), &busy)),
        Some(AbortReason::UnsupportedOperand)
    );
    // An exhausted range iterator ends the loop.
    let done = Frame {
        locals: vec![],
        stack: vec![Observed::RangeIter {
            next: 5,
            stop: 5,
            step: 1,
        }],
    };
    let mut r = Recorder::new(code(1), 0);
    assert_eq!(
        abort_reason(r.record(0, ins(Opcode::ForIter, 9), &done)),
        Some(AbortReason::LoopExhausted)
    );

    let mut r = Recorder::new(code(1), 5);
    assert_eq!(r.record(5, ins(Opcode::Nop, 0), &empty), Step::Continue);
    assert_eq!(
        abort_reason(r.record(6, ins(Opcode::Jump, 2), &empty)),
        Some(AbortReason::InnerLoop)
    );

    // The same backward jump after the loop's own bottom test fell through (the recorded
    // iteration was the last): the loop at 2 encloses or follows this one, `LeftLoop`.
    let mut r = Recorder::new(code(1), 5);
    let flag = Frame {
        locals: vec![Observed::Bool(false)],
        stack: vec![],
    };
    assert_eq!(r.record(5, ins(Opcode::LoadFast, 0), &flag), Step::Continue);
    let pushed = Frame {
        locals: vec![Observed::Bool(false)],
        stack: vec![Observed::Bool(false)],
    };
    assert_eq!(r.record(6, ins(Opcode::PopJumpIfTrue, 5), &pushed), Step::Continue);
    assert_eq!(
        abort_reason(r.record(7, ins(Opcode::Jump, 2), &flag)),
        Some(AbortReason::LeftLoop)
    );
    assert_eq!(r.inner_loop(), None);

    let mut r = Recorder::new(code(1), 0);
    assert_eq!(r.record(0, ins(Opcode::Nop, 0), &empty), Step::Continue);
    assert_eq!(
        abort_reason(r.record(7, ins(Opcode::Nop, 0), &empty)),
        Some(AbortReason::Desync)
    );

    let mut r = Recorder::new(code(1), 0);
    let mut last = Step::Continue;
    for pc in 0..=crate::record::MAX_RECORDED {
        last = r.record(pc, ins(Opcode::Nop, 0), &empty);
        if last != Step::Continue {
            break;
        }
    }
    assert_eq!(abort_reason(last), Some(AbortReason::TooLong));

    let unbound = Frame {
        locals: vec![Observed::Unbound],
        stack: vec![],
    };
    let mut r = Recorder::new(code(1), 0);
    assert_eq!(
        abort_reason(r.record(0, ins(Opcode::LoadFast, 0), &unbound)),
        Some(AbortReason::UnboundLocal)
    );
}

#[test]
fn overflow_now_aborts() {
    let mut r = Recorder::new(code(1), 0);
    let mut f = Frame {
        locals: vec![Observed::Int(i64::MAX)],
        stack: vec![],
    };
    assert_eq!(r.record(0, ins(Opcode::LoadFast, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(i64::MAX));
    assert_eq!(r.record(1, ins(Opcode::LoadConst, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(1));
    assert_eq!(
        abort_reason(r.record(2, ins(Opcode::BinaryOp, 0), &f)),
        Some(AbortReason::BigIntResult)
    );
}

#[test]
fn specialized_forms_record_as_their_base() {
    let mut r = Recorder::new(code(1), 0);
    let mut f = Frame {
        locals: vec![Observed::Int(3)],
        stack: vec![],
    };
    // LOAD_FAST__LOAD_CONST is two calls: its LOAD_FAST half, then the LOAD_CONST.
    assert_eq!(r.record(0, ins(Opcode::LoadFastLoadConst, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(3));
    assert_eq!(r.record(1, ins(Opcode::LoadConst, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(1));
    assert_eq!(r.record(2, ins(Opcode::BinaryOpAddInt, 0), &f), Step::Continue);
    f.stack = vec![Observed::Int(4)];
    assert_eq!(r.record(3, ins(Opcode::StoreFast, 0), &f), Step::Continue);
    f.stack.clear();
    assert!(matches!(r.record(4, ins(Opcode::Jump, 0), &f), Step::Closed(_)));
}

/// A frame that also knows global 0 as a Python function (object 0) of one argument.
struct CallFrame(Frame);

impl Observe for CallFrame {
    fn local(&self, n: u32) -> Observed {
        self.0.local(n)
    }
    fn stack(&self, depth: u32) -> Observed {
        self.0.stack(depth)
    }
    fn stack_len(&self) -> u32 {
        self.0.stack_len()
    }
    fn global(&self, name: u32) -> Option<crate::record::Known> {
        (name == 0).then_some(crate::record::Known::Obj(crate::record::KnownObj {
            key: 0,
            info: crate::record::ObjInfo::Function,
        }))
    }
    fn inline_target(&self, key: u32, nargs: u32) -> Option<CodeInfo> {
        (key == 0 && nargs == 1).then(|| CodeInfo {
            name: "sq".into(),
            nlocals: 1,
            consts: vec![],
        })
    }
}

/// `x = sq(x)` with `def sq(y): return y * y` inlined, x observed as 3.
fn inlined_square(max_inline: u32) -> Vec<Step> {
    let mut r = Recorder::new(code(1), 0);
    r.set_max_inline(max_inline);
    let x = Observed::Int(3);
    let obj = Observed::Obj;
    let mut steps = Vec::new();
    let outer = |stack: Vec<Observed>| CallFrame(Frame { locals: vec![x], stack });
    let callee = |stack: Vec<Observed>| CallFrame(Frame { locals: vec![x], stack });
    steps.push(r.record(0, ins(Opcode::LoadGlobal, 0), &outer(vec![])));
    steps.push(r.record(1, ins(Opcode::LoadFast, 0), &outer(vec![obj])));
    steps.push(r.record(2, ins(Opcode::Call, 1), &outer(vec![obj, x])));
    if r.inline_depth() == 1 {
        steps.push(r.record(0, ins(Opcode::LoadFast, 0), &callee(vec![])));
        steps.push(r.record(1, ins(Opcode::LoadFast, 0), &callee(vec![x])));
        steps.push(r.record(2, ins(Opcode::BinaryOp, 5), &callee(vec![x, x])));
        steps.push(r.record(3, ins(Opcode::ReturnValue, 0), &callee(vec![Observed::Int(9)])));
        steps.push(r.record(3, ins(Opcode::StoreFast, 0), &outer(vec![Observed::Int(9)])));
        steps.push(r.record(4, ins(Opcode::Jump, 0), &outer(vec![])));
    }
    steps
}

#[test]
fn inlined_call_exits_resume_at_the_outermost_call() {
    let steps = inlined_square(3);
    assert!(
        steps[..steps.len() - 1].iter().all(|s| *s == Step::Continue),
        "{steps:?}"
    );
    let Some(Step::Closed(f)) = steps.last() else {
        panic!("{steps:?}");
    };
    let text = crate::ir::print::func_to_string(f);
    // the multiplication's overflow exit redoes the call: the function and its argument
    // on the stack, the loop-carried x in its local
    assert!(text.contains("snap pc=2 [0: %"), "{text}");
    assert!(text.contains(", 1: obj0, 2: %"), "{text}");
    assert!(text.contains("int_mul_ov"), "{text}");
    pipeline(f).unwrap();
}

#[test]
fn inlining_deeper_than_the_limit_aborts() {
    let steps = inlined_square(0);
    assert_eq!(abort_reason(steps[2].clone()), Some(AbortReason::UnsupportedCall));
}

/// A generator frame: local 0 holds an int, and a consumer's sink may be installed.
struct GenFrame {
    stack: Vec<Observed>,
    sink: bool,
}

impl Observe for GenFrame {
    fn local(&self, _n: u32) -> Observed {
        Observed::Int(7)
    }
    fn stack(&self, depth: u32) -> Observed {
        stack_of(&self.stack, depth)
    }
    fn stack_len(&self) -> u32 {
        self.stack.len() as u32
    }
    fn sink(&self) -> bool {
        self.sink
    }
}

/// `while True: yield x` (`LOAD_FAST 0; YIELD_VALUE; POP_TOP; JUMP 0`) recorded with or
/// without a sink and a call area: the last step.
fn yield_loop(sink: bool, area: u64) -> Step {
    let mut r = Recorder::new(code(1), 0);
    r.set_call_area(area);
    let mut f = GenFrame { stack: vec![], sink };
    let s = r.record(0, ins(Opcode::LoadFast, 0), &f);
    assert_eq!(s, Step::Continue);
    f.stack.push(Observed::Int(7));
    let s = r.record(1, ins(Opcode::YieldValue, 0), &f);
    if s != Step::Continue {
        return s;
    }
    f.stack = vec![Observed::None];
    let s = r.record(2, ins(Opcode::PopTop, 0), &f);
    assert_eq!(s, Step::Continue);
    f.stack.clear();
    r.record(3, ins(Opcode::Jump, 0), &f)
}

#[test]
fn a_yield_into_a_sink_is_a_guarded_helper_call() {
    let Step::Closed(f) = yield_loop(true, 0x1000) else {
        panic!("not closed");
    };
    let calls: Vec<_> = f
        .insns
        .iter()
        .filter_map(|i| match &i.imm {
            crate::ir::Imm::Call(c) => Some((c.name.clone(), c.effect)),
            _ => None,
        })
        .collect();
    assert_eq!(
        calls,
        vec![(
            crate::record::SINK_PUT_HELPER.to_string(),
            crate::ir::CallEffect::Writes
        )]
    );
    assert!(pipeline(&f).is_ok());
    // no sink for the frame, or no call area: not recorded
    assert_eq!(
        abort_reason(yield_loop(false, 0x1000)),
        Some(AbortReason::UnsupportedOpcode)
    );
    assert_eq!(abort_reason(yield_loop(true, 0)), Some(AbortReason::UnsupportedOpcode));
}
