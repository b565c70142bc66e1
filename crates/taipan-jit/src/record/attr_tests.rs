//! Unit tests of `attr.rs`: attribute loads and stores recorded against a hand-described
//! frame (the end-to-end behaviour is covered by `tests/run/jit_attrs/` in every JIT mode).

use taipan_bytecode::Opcode;

use crate::ir::{Imm, Op};
use crate::opt::pipeline;
use crate::record::test_support::{ins, local_of, stack_of};
use crate::record::{AbortReason, AttrObs, CodeInfo, ConstVal, Observe, Observed, Recorder, Step};

/// A frame with an object local 0 whose attribute (as [`Observe::attr`] answers) is `attr`.
struct Frame {
    locals: Vec<Observed>,
    stack: Vec<Observed>,
    attr: Option<AttrObs>,
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
    fn attr(&self) -> Option<AttrObs> {
        self.attr
    }
}

/// `o.x = o.x + k` looped with `JUMP 0`, `o` in local 0, `k` = constant 0 (`stored`).
fn bump_loop(value: Observed, stored: ConstVal) -> Step {
    let code = CodeInfo {
        name: "t".into(),
        nlocals: 1,
        consts: vec![stored],
    };
    let mut r = Recorder::new(code, 0);
    let at = |value| AttrObs::Dict {
        cls: 0x1000,
        shape: 7,
        pos: 1,
        value,
    };
    let mut f = Frame {
        locals: vec![Observed::Obj],
        stack: vec![],
        attr: None,
    };
    let sum = match (value, stored) {
        (Observed::Int(a), ConstVal::Int(b)) => Observed::Int(a + b),
        (_, ConstVal::Float(b)) => Observed::Float(b),
        (v, _) => v,
    };
    let steps: Vec<(Opcode, u32, Vec<Observed>, Option<AttrObs>)> = vec![
        (Opcode::LoadFast, 0, vec![], None),
        (Opcode::LoadAttr, 0, vec![Observed::Obj], Some(at(value))),
        (Opcode::LoadConst, 0, vec![value], None),
        (Opcode::BinaryOp, 0, vec![value, Observed::Int(1)], None),
        (Opcode::LoadFast, 0, vec![sum], None),
        (Opcode::StoreAttr, 0, vec![sum, Observed::Obj], Some(at(value))),
    ];
    for (pc, (op, arg, stack, attr)) in steps.into_iter().enumerate() {
        f.stack = stack;
        f.attr = attr;
        let s = r.record(pc as u32, ins(op, arg), &f);
        if s != Step::Continue {
            return s;
        }
    }
    f.stack = vec![];
    f.attr = None;
    r.record(6, ins(Opcode::Jump, 0), &f)
}

#[test]
fn an_attribute_of_an_invariant_object_is_addressed_once() {
    let Step::Closed(f) = bump_loop(Observed::Int(3), ConstVal::Int(1)) else {
        panic!("not closed");
    };
    let opt = pipeline(&f).expect("optimizes");
    let lp = opt.loop_pos().expect("a loop");
    let calls = |from: usize| {
        opt.insns[from..]
            .iter()
            .filter(|i| matches!(&i.imm, Imm::Call(c) if c.name == "attr_addr"))
            .count()
    };
    // one address for the load and the store, hoisted out of the loop
    assert_eq!(
        (calls(0), calls(lp)),
        (1, 0),
        "{}",
        crate::ir::print::func_to_string(&opt)
    );
    let body: Vec<Op> = opt.insns[lp..].iter().map(|i| i.op).collect();
    // (the store writes the payload only: the loaded value's tag was guarded `int`)
    for want in [
        Op::LoadTagAt,
        Op::GuardTag,
        Op::LoadIntAt,
        Op::IntAddOv,
        Op::StoreIntKeepAt,
    ] {
        assert!(body.contains(&want), "{want:?} missing: {body:?}");
    }
}

/// `o.x = v` with `o` in local 0 and `v` in local 1 (observed `v`), the attribute holding
/// `old` now.
fn store_once(v: Observed, old: Observed) -> Step {
    let mut r = Recorder::new(
        CodeInfo {
            name: "t".into(),
            nlocals: 2,
            consts: vec![],
        },
        0,
    );
    let mut f = Frame {
        locals: vec![Observed::Obj, v],
        stack: vec![],
        attr: None,
    };
    for (pc, n) in [(0, 1), (1, 0)] {
        assert_eq!(r.record(pc, ins(Opcode::LoadFast, n), &f), Step::Continue);
        f.stack.push(f.locals[n as usize]);
    }
    f.attr = Some(AttrObs::Slot {
        cls: 0x2000,
        pos: 0,
        nslots: 1,
        value: old,
    });
    r.record(2, ins(Opcode::StoreAttr, 0), &f)
}

#[test]
fn a_scalar_over_an_object_aborts() {
    match store_once(Observed::Float(1.0), Observed::Obj) {
        Step::Abort(a) => assert_eq!(a.reason, AbortReason::UnsupportedAttr, "{a:?}"),
        s => panic!("{s:?}"),
    }
    assert_eq!(store_once(Observed::Float(1.0), Observed::Int(1)), Step::Continue);
}

#[test]
fn an_object_store_is_counted_and_guards_the_deferred_drops() {
    for (v, old) in [
        (Observed::Obj, Observed::Int(1)),
        (Observed::Obj, Observed::Obj),
        (Observed::None, Observed::Obj),
    ] {
        let mut r = Recorder::new(
            CodeInfo {
                name: "t".into(),
                nlocals: 2,
                consts: vec![],
            },
            0,
        );
        let mut f = Frame {
            locals: vec![Observed::Obj, v],
            stack: vec![],
            attr: None,
        };
        for (pc, n) in [(0, 1), (1, 0)] {
            assert_eq!(r.record(pc, ins(Opcode::LoadFast, n), &f), Step::Continue);
            f.stack.push(f.locals[n as usize]);
        }
        f.attr = Some(AttrObs::Slot {
            cls: 0x2000,
            pos: 0,
            nslots: 1,
            value: old,
        });
        assert_eq!(r.record(2, ins(Opcode::StoreAttr, 0), &f), Step::Continue);
        f.stack.clear();
        f.attr = None;
        let Step::Closed(func) = r.record(3, ins(Opcode::Jump, 0), &f) else {
            panic!("not closed");
        };
        let text = func.to_string();
        assert!(text.contains("@store_val"), "{text}");
        // no guard on the old value's tag: the helper stores over anything
        assert!(!text.contains("load_tag_at"), "{text}");
        assert!(text.contains("pc=3"), "the room guard resumes after the store: {text}");
    }
}
