//! Unit tests of `list.rs`: subscripts recorded against a hand-described frame (the
//! end-to-end behaviour is covered by `tests/run/jit_lists/` in every JIT mode).

use taipan_bytecode::{Instruction, Opcode};

use crate::ir::{Imm, Op};
use crate::opt::pipeline;
use crate::record::{AbortReason, CodeInfo, ConstVal, Observe, Observed, Recorder, SeqObs, Step};

/// A frame described by hand; stack entries that are lists are described by `seqs`
/// (indexed like `stack`, bottom first).
struct Frame {
    locals: Vec<Observed>,
    stack: Vec<Observed>,
    seqs: Vec<Option<(bool, Vec<Observed>)>>,
}

impl Frame {
    fn push(&mut self, o: Observed, seq: Option<(bool, Vec<Observed>)>) {
        self.stack.push(o);
        self.seqs.push(seq);
    }

    fn pop(&mut self, n: usize) {
        for _ in 0..n {
            self.stack.pop();
            self.seqs.pop();
        }
    }
}

impl Observe for Frame {
    fn local(&self, n: u32) -> Observed {
        self.locals.get(n as usize).copied().unwrap_or(Observed::Unbound)
    }
    fn stack(&self, depth: u32) -> Observed {
        let i = self.stack.len().checked_sub(depth as usize + 1);
        i.and_then(|i| self.stack.get(i)).copied().unwrap_or(Observed::Obj)
    }
    fn stack_len(&self) -> u32 {
        self.stack.len() as u32
    }
    fn stack_seq(&self, depth: u32, index: i64) -> Option<SeqObs> {
        let i = self.seqs.len().checked_sub(depth as usize + 1)?;
        let (list, items) = self.seqs.get(i)?.as_ref()?;
        Some(SeqObs {
            list: *list,
            len: items.len() as u64,
            item: usize::try_from(index).ok().and_then(|k| items.get(k).copied()),
        })
    }
}

fn ins(op: Opcode, arg: u32) -> Instruction {
    Instruction::new(op, arg)
}

/// `s = s + a[i]` looped with `JUMP 0`: locals s (float), a (a list of floats), i (int
/// `index`). Returns the last step.
fn subscr_loop(index: i64, items: Vec<Observed>) -> Step {
    let code = CodeInfo {
        name: "t".into(),
        nlocals: 3,
        consts: vec![ConstVal::Int(1)],
    };
    let mut r = Recorder::new(code, 0);
    let seq = (true, items.clone());
    let mut f = Frame {
        locals: vec![Observed::Float(0.5), Observed::Obj, Observed::Int(index)],
        stack: vec![],
        seqs: vec![],
    };
    let step = |r: &mut Recorder, pc: u32, i: Instruction, f: &Frame| {
        let s = r.record(pc, i, f);
        assert!(matches!(s, Step::Continue | Step::Closed(_) | Step::Abort(_)));
        s
    };
    for (pc, op, arg) in [
        (0, Opcode::LoadFast, 0),
        (1, Opcode::LoadFast, 1),
        (2, Opcode::LoadFast, 2),
    ] {
        let s = step(&mut r, pc, ins(op, arg), &f);
        assert_eq!(s, Step::Continue);
        let seq = (arg == 1).then(|| seq.clone());
        f.push(f.locals[arg as usize], seq);
    }
    let s = step(&mut r, 3, ins(Opcode::BinarySubscr, 0), &f);
    if s != Step::Continue {
        return s;
    }
    f.pop(2);
    let item = usize::try_from(index).ok().and_then(|k| items.get(k).copied());
    f.push(item.unwrap_or(Observed::None), None);
    let s = step(&mut r, 4, ins(Opcode::BinaryOp, 0), &f);
    if s != Step::Continue {
        return s;
    }
    f.pop(2);
    f.push(Observed::Float(1.0), None);
    assert_eq!(step(&mut r, 5, ins(Opcode::StoreFast, 0), &f), Step::Continue);
    f.pop(1);
    step(&mut r, 6, ins(Opcode::Jump, 0), &f)
}

#[test]
fn a_list_subscript_loads_inline_and_hoists_the_helpers() {
    let Step::Closed(f) = subscr_loop(1, vec![Observed::Float(1.0), Observed::Float(2.0)]) else {
        panic!("not closed");
    };
    let ops: Vec<Op> = f.insns.iter().map(|i| i.op).collect();
    for want in [Op::LoadPtr, Op::LoadTagAt, Op::GuardTag, Op::LoadFloatAt, Op::FloatAdd] {
        assert!(ops.contains(&want), "{want:?} missing: {ops:?}");
    }
    let calls: Vec<&str> = f
        .insns
        .iter()
        .filter_map(|i| match &i.imm {
            Imm::Call(c) => Some(c.name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(calls, ["list_len", "seq_items"]);
    let opt = pipeline(&f).expect("optimizes");
    let lp = opt.loop_pos().expect("loops");
    assert!(
        opt.insns[lp..].iter().all(|i| i.op != Op::Call),
        "the helpers are loop-invariant and hoisted"
    );
}

#[test]
fn negative_or_out_of_range_indexes_abort() {
    let items = vec![Observed::Float(1.0)];
    for k in [-1, 1, 5] {
        match subscr_loop(k, items.clone()) {
            Step::Abort(a) => assert_eq!(a.reason, AbortReason::UnsupportedOperand, "{a:?}"),
            s => panic!("index {k}: {s:?}"),
        }
    }
}

#[test]
fn an_object_element_is_a_ptr() {
    // the element is an object: `s + a[i]` then aborts in the arithmetic, after the load
    match subscr_loop(0, vec![Observed::Obj]) {
        Step::Abort(a) => assert_eq!((a.reason, a.pc), (AbortReason::UnsupportedOperand, 4), "{a:?}"),
        s => panic!("{s:?}"),
    }
}
