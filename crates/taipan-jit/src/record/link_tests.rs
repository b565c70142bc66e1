//! Unit tests of side recordings and links (`link.rs`): a side trace's parameters and start
//! snapshot, the stores before `link`, the type check against the target's entry guards,
//! and a root recording that links into another loop's trace.

use taipan_bytecode::Opcode;

use crate::ir::print::func_to_string;
use crate::ir::{Op, SnapVal, Tag, Type};
use crate::opt::pipeline;
use crate::record::test_support::{code, ins, local_of, stack_of};
use crate::record::{AbortReason, LinkTarget, Observe, Observed, Recorder, SideEntry, SideVal, Step};

/// A frame described by hand, with one compiled loop header.
struct Frame {
    locals: Vec<Observed>,
    stack: Vec<Observed>,
    target: Option<(u32, LinkTarget)>,
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
    fn link_target(&self, pc: u32) -> Option<LinkTarget> {
        self.target.as_ref().filter(|t| t.0 == pc).map(|t| t.1.clone())
    }
}

fn target(entry: Vec<(u32, Tag)>) -> LinkTarget {
    LinkTarget {
        name: "loop".into(),
        depth: 0,
        entry,
        calls: false,
    }
}

/// A side trace of exit 2 of `@loop` starting at 10 with local 0 an int parameter and
/// local 1 in memory: `x1 = x1 + x0` then `JUMP 0` (the loop's header) links to `@loop`.
#[test]
fn side_trace_takes_the_snapshot_as_parameters_and_links_with_stores() {
    let entries = [SideEntry {
        slot: 0,
        val: SideVal::Value(Type::I64),
    }];
    let mut r = Recorder::new_side(code(2), 10, 0, ("loop", &[Type::Ptr]), 2, &entries).unwrap();
    assert!(r.is_side());
    let mut f = Frame {
        locals: vec![Observed::Int(5), Observed::Float(1.5)],
        stack: vec![],
        target: Some((0, target(vec![(0, Tag::Int), (1, Tag::Float)]))),
    };
    assert_eq!(r.record(10, ins(Opcode::LoadFast, 1), &f), Step::Continue);
    f.stack.push(Observed::Float(1.5));
    assert_eq!(r.record(11, ins(Opcode::LoadFast, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(5));
    assert_eq!(r.record(12, ins(Opcode::BinaryOp, 0), &f), Step::Continue);
    f.stack = vec![Observed::Float(6.5)];
    assert_eq!(r.record(13, ins(Opcode::StoreFast, 1), &f), Step::Continue);
    f.stack.clear();
    let Step::Closed(func) = r.record(14, ins(Opcode::Jump, 0), &f) else {
        panic!("not closed");
    };
    let text = func_to_string(&func);
    assert!(text.contains("side @loop x2"), "{text}");
    assert_eq!(func.params, vec![Type::Ptr, Type::I64]);
    // the entry load of local 1 comes first, its guard resumes at the start with local 0
    // (the guards on the hoisted load: a guard_tag on the slot's tag)
    let guard = func.insns.iter().find(|i| i.op == Op::GuardTag).unwrap();
    let s = &func.snaps[guard.snap.unwrap().index()];
    assert_eq!(s.pc, 10);
    assert_eq!(s.entries.len(), 1);
    assert_eq!(s.entries[0].slot, 0);
    // both locals are handed over, then the link
    let stores: Vec<Op> = func
        .insns
        .iter()
        .map(|i| i.op)
        .filter(|o| matches!(o, Op::StoreInt | Op::StoreFloat))
        .collect();
    assert_eq!(stores, vec![Op::StoreInt, Op::StoreFloat]);
    assert_eq!(func.insns.last().unwrap().op, Op::Link);
    let opt = pipeline(&func).unwrap();
    assert_eq!(opt.insns.last().unwrap().op, Op::Link);
}

/// A side trace whose stack starts with the snapshot's pushed entry (`slot 2` with two
/// locals): `POP_JUMP_IF_FALSE` on it, then a link.
#[test]
fn side_trace_starts_with_pushed_entries() {
    let entries = [
        SideEntry {
            slot: 0,
            val: SideVal::Value(Type::I64),
        },
        SideEntry {
            slot: 2,
            val: SideVal::Value(Type::Bool),
        },
    ];
    let mut r = Recorder::new_side(code(2), 7, 0, ("loop", &[Type::Ptr]), 0, &entries).unwrap();
    let f = Frame {
        locals: vec![Observed::Int(1), Observed::Int(2)],
        stack: vec![Observed::Bool(false)],
        target: Some((0, target(vec![(0, Tag::Int)]))),
    };
    // the branch falls through to 8, then JUMP 0 links
    assert_eq!(r.record(7, ins(Opcode::PopJumpIfFalse, 20), &f), Step::Continue);
    let f = Frame { stack: vec![], ..f };
    let Step::Closed(func) = r.record(20, ins(Opcode::Jump, 0), &f) else {
        panic!("not closed");
    };
    assert_eq!(func.params, vec![Type::Ptr, Type::I64, Type::Bool]);
    assert!(func.insns.iter().any(|i| i.op == Op::GuardFalse));
    // a pushed entry that is not the next push is refused
    let bad = [SideEntry {
        slot: 3,
        val: SideVal::Value(Type::I64),
    }];
    assert!(Recorder::new_side(code(2), 7, 0, ("loop", &[Type::Ptr]), 0, &bad).is_err());
}

/// A link whose target wants another type in a handed-over local aborts.
#[test]
fn link_checks_the_targets_entry_types() {
    let entries = [SideEntry {
        slot: 0,
        val: SideVal::Value(Type::F64),
    }];
    let mut r = Recorder::new_side(code(1), 3, 0, ("loop", &[Type::Ptr]), 1, &entries).unwrap();
    let f = Frame {
        locals: vec![Observed::Float(0.5)],
        stack: vec![],
        target: Some((0, target(vec![(0, Tag::Int)]))),
    };
    let s = r.record(3, ins(Opcode::Jump, 0), &f);
    assert!(
        matches!(s, Step::Abort(ref a) if a.reason == AbortReason::LinkType),
        "{s:?}"
    );
}

/// A root recording of an outer loop at 0 that reaches the header (2) of an inner loop
/// with a trace links into it instead of aborting with `InnerLoop`: not a loop.
#[test]
fn root_recording_links_into_an_inner_loop() {
    let mut r = Recorder::new(code(1), 0);
    let mut f = Frame {
        locals: vec![Observed::Int(4)],
        stack: vec![],
        target: Some((2, target(vec![(0, Tag::Int)]))),
    };
    assert_eq!(r.record(0, ins(Opcode::LoadConst, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(1));
    let Step::Closed(func) = r.record(1, ins(Opcode::StoreFast, 0), &f) else {
        panic!("not closed");
    };
    assert!(func.loop_pos().is_none());
    assert!(func.parent.is_none());
    let last = func.insns.last().unwrap();
    assert_eq!(last.op, Op::Link);
    let store = func.insns.iter().find(|i| i.op == Op::StoreInt).unwrap();
    assert!(
        func.snaps
            .iter()
            .all(|s| s.entries.iter().all(|e| !matches!(e.val, SnapVal::Obj(_))))
    );
    assert_eq!(store.args.len(), 2);
    // (local 0 is assigned before it is read: dead at the entry, no entry guard and no
    // entry tag; the VM checks its type when the interpreter enters)
    assert_eq!(r.entry_tags(), vec![]);
    assert_eq!(r.dead_tags(), vec![(0, Tag::Int)]);
}
