//! Unit tests of nested `for` loops (`virtual.rs`): a root recording that makes
//! `range(...)` and links into the inner loop's trace one entry deeper, and a side
//! recording that ends the inner loop, pops its iterator and links back out.

use taipan_bytecode::Opcode;

use crate::ir::print::func_to_string;
use crate::ir::{Op, SnapVal, Tag, Type};
use crate::record::test_support::{code, ins, local_of, stack_of};
use crate::record::{
    Builtin, Known, KnownObj, LinkTarget, ObjInfo, Observe, Observed, Recorder, SideEntry, SideVal, Step, buffer_slot,
};

/// A frame described by hand, with one compiled loop header and `range` as global 0.
struct Frame {
    locals: Vec<Observed>,
    stack: Vec<Observed>,
    target: (u32, LinkTarget),
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
    fn global(&self, name: u32) -> Option<Known> {
        (name == 0).then_some(Known::Obj(KnownObj {
            key: 0,
            info: ObjInfo::Builtin(Builtin::Range),
        }))
    }
    fn link_target(&self, pc: u32) -> Option<LinkTarget> {
        (self.target.0 == pc).then(|| self.target.1.clone())
    }
}

fn range_iter(next: i64, stop: i64) -> Observed {
    Observed::RangeIter { next, stop, step: 1 }
}

/// `for i in range(n): for j in range(i): ...` — the outer loop (header 0, one entry)
/// records `i = next; range(i)`, `GET_ITER` and links into the inner loop's trace (header
/// 6, two entries), storing the virtual iterator into entry 1's buffer slots.
#[test]
fn outer_body_links_into_the_inner_loop_with_a_virtual_range() {
    let inner = LinkTarget {
        name: "inner".into(),
        depth: 2,
        entry: vec![(0, Tag::Int), (3, Tag::Int)],
        calls: false,
    };
    let mut f = Frame {
        locals: vec![Observed::Int(0), Observed::Int(0)],
        stack: vec![range_iter(3, 10)],
        target: (6, inner),
    };
    let mut r = Recorder::new(code(2), 0);
    assert_eq!(r.record(0, ins(Opcode::ForIter, 9), &f), Step::Continue);
    f.stack.push(Observed::Int(3));
    assert_eq!(r.record(1, ins(Opcode::StoreFast, 0), &f), Step::Continue);
    f.stack.pop();
    f.locals[0] = Observed::Int(3);
    assert_eq!(r.record(2, ins(Opcode::LoadGlobal, 0), &f), Step::Continue);
    f.stack.push(Observed::Obj);
    assert_eq!(r.record(3, ins(Opcode::LoadFast, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(3));
    assert_eq!(r.record(4, ins(Opcode::Call, 1), &f), Step::Continue);
    f.stack.truncate(1);
    f.stack.push(Observed::Obj);
    let Step::Closed(func) = r.record(5, ins(Opcode::GetIter, 0), &f) else {
        panic!("no link");
    };
    let text = func_to_string(&func);
    assert!(text.contains("link @inner"), "{text}");
    // entry 1's counter, stop, step and object word (0), then the link
    let at = buffer_slot(2, 3);
    assert_eq!(at, 2 + 1 + crate::record::ENTRY_SLOTS);
    let stored: Vec<u32> = func
        .insns
        .iter()
        .filter(|i| i.op == Op::StoreInt)
        .map(|i| match i.imm {
            crate::ir::Imm::Slot(s) => s,
            _ => u32::MAX,
        })
        .collect();
    for s in [at, at + 1, at + 2, at + 3] {
        assert!(stored.contains(&s), "slot {s} not stored: {text}");
    }
    // the outer counter (snapshot slot 2, buffer slot 3) is handed over too
    assert!(stored.contains(&buffer_slot(2, 2)), "{text}");
}

/// The inner trace's "exhausted" exit (at its header 5, counter of entry 1 a parameter):
/// the side recording guards the end, pops the entry (checked unshared), and links to the
/// outer header 0 with one entry; a guard after the pop lists the popped counter as `none`.
#[test]
fn side_trace_ends_the_inner_loop_and_links_out() {
    let outer = LinkTarget {
        name: "outer".into(),
        depth: 1,
        entry: vec![(0, Tag::Int)],
        calls: false,
    };
    let mut f = Frame {
        locals: vec![Observed::Int(3), Observed::Int(7)],
        stack: vec![range_iter(4, 10), range_iter(3, 3)],
        target: (0, outer),
    };
    let entries = [
        SideEntry {
            slot: 1,
            val: SideVal::Value(Type::I64),
        },
        SideEntry {
            slot: 3,
            val: SideVal::Value(Type::I64),
        },
    ];
    let mut r = Recorder::new_side(code(2), 5, 2, ("inner", &[Type::Ptr]), 1, &entries).unwrap();
    assert_eq!(r.record(5, ins(Opcode::ForIter, 9), &f), Step::Continue);
    f.stack.pop();
    assert_eq!(r.record(9, ins(Opcode::LoadFast, 1), &f), Step::Continue);
    f.stack.push(Observed::Int(7));
    assert_eq!(r.record(10, ins(Opcode::LoadConst, 0), &f), Step::Continue);
    f.stack.push(Observed::Int(1));
    assert_eq!(r.record(11, ins(Opcode::BinaryOp, 0), &f), Step::Continue);
    f.stack.truncate(1);
    f.stack.push(Observed::Int(8));
    assert_eq!(r.record(12, ins(Opcode::StoreFast, 1), &f), Step::Continue);
    f.stack.pop();
    let Step::Closed(func) = r.record(13, ins(Opcode::Jump, 0), &f) else {
        panic!("no link");
    };
    let text = func_to_string(&func);
    assert!(
        text.contains("link @outer") && text.contains("@iter_unshared"),
        "{text}"
    );
    // the overflow check of `+` exits after the pop: entry 1 is gone, the pushes start at
    // slot nlocals + d = 4
    let ov = func.insns.iter().find(|i| i.op == Op::IntAddOv).expect("int_add_ov");
    let s = &func.snaps[ov.snap.expect("snapshot").index()];
    assert_eq!(s.pc, 11);
    assert!(
        s.entries.iter().any(|e| e.slot == 3 && e.val == SnapVal::None),
        "{text}"
    );
    assert!(
        s.entries.iter().any(|e| e.slot == 4) && s.entries.iter().any(|e| e.slot == 5),
        "{text}"
    );
    // the popped counter is not handed to the outer trace
    assert!(
        !text.contains(&format!("store_int %0, {}", buffer_slot(2, 3))),
        "{text}"
    );
}
