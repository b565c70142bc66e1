//! Unit tests of `dict.rs`: `in`, subscripts and stores recorded against a hand-described
//! frame (the end-to-end behaviour is covered by `tests/run/jit_dicts/` in every JIT mode).

use taipan_bytecode::Opcode;

use crate::ir::{CallEffect, Func, Imm, Op};
use crate::opt::pipeline;
use crate::record::test_support::{code, ins, local_of, stack_of};
use crate::record::{AbortReason, DictObs, Observe, Observed, Recorder, Step};

/// A frame described by hand: locals `s` (float), `d` (a dict whose keys are described by
/// `item`: the value bound to every int key, `None` for absent), `k` (int).
struct Frame {
    stack: Vec<Observed>,
    dict_at: Vec<bool>,
    item: Option<Observed>,
}

const LOCALS: [Observed; 3] = [Observed::Float(0.5), Observed::Obj, Observed::Int(3)];

impl Frame {
    fn push(&mut self, o: Observed, dict: bool) {
        self.stack.push(o);
        self.dict_at.push(dict);
    }

    fn pop(&mut self, n: usize) {
        for _ in 0..n {
            self.stack.pop();
            self.dict_at.pop();
        }
    }
}

impl Observe for Frame {
    fn local(&self, n: u32) -> Observed {
        local_of(&LOCALS, n)
    }
    fn stack(&self, depth: u32) -> Observed {
        stack_of(&self.stack, depth)
    }
    fn stack_len(&self) -> u32 {
        self.stack.len() as u32
    }
    fn stack_dict(&self, dict: u32, key: u32) -> Option<DictObs> {
        let i = self.dict_at.len().checked_sub(dict as usize + 1)?;
        let key_int = matches!(stack_of(&self.stack, key), Observed::Int(_));
        (*self.dict_at.get(i)? && key_int).then_some(DictObs { item: self.item })
    }
}

/// Records a loop body `s = s + d[k]` (`store` false) or `d[k] = s` (true), looped with
/// `JUMP 0`. Returns the last step.
fn dict_loop(store: bool, item: Option<Observed>) -> Step {
    let mut r = Recorder::new(code(3), 0);
    let mut f = Frame {
        stack: vec![],
        dict_at: vec![],
        item,
    };
    let mut pc = 0;
    // [s, d, k]: the operands of `s + d[k]` and of `d[k] = s` alike
    for n in 0..3u32 {
        assert_eq!(r.record(pc, ins(Opcode::LoadFast, n), &f), Step::Continue);
        f.push(LOCALS[n as usize], n == 1);
        pc += 1;
    }
    if store {
        let s = r.record(pc, ins(Opcode::StoreSubscr, 0), &f);
        if s != Step::Continue {
            return s;
        }
        f.pop(3);
        pc += 1;
    } else {
        let s = r.record(pc, ins(Opcode::BinarySubscr, 0), &f);
        if s != Step::Continue {
            return s;
        }
        f.pop(2);
        f.push(item.unwrap_or(Observed::None), false);
        assert_eq!(r.record(pc + 1, ins(Opcode::BinaryOp, 0), &f), Step::Continue);
        f.pop(2);
        f.push(Observed::Float(1.0), false);
        assert_eq!(r.record(pc + 2, ins(Opcode::StoreFast, 0), &f), Step::Continue);
        f.pop(1);
        pc += 3;
    }
    r.record(pc, ins(Opcode::Jump, 0), &f)
}

/// The helper calls of `f` with their effects.
fn calls(f: &Func) -> Vec<(&str, CallEffect)> {
    f.insns
        .iter()
        .filter_map(|i| match &i.imm {
            Imm::Call(c) => Some((c.name.as_str(), c.effect)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_dict_subscript_reads_through_the_item_helper_every_iteration() {
    let Step::Closed(f) = dict_loop(false, Some(Observed::Float(2.0))) else {
        panic!("not closed");
    };
    assert_eq!(calls(&f), [("dict_item", CallEffect::Reads)]);
    let ops: Vec<Op> = f.insns.iter().map(|i| i.op).collect();
    for want in [Op::PtrEq, Op::GuardFalse, Op::LoadTagAt, Op::GuardTag, Op::LoadFloatAt] {
        assert!(ops.contains(&want), "{want:?} missing: {ops:?}");
    }
    let opt = pipeline(&f).expect("optimizes");
    let lp = opt.loop_pos().expect("loops");
    assert!(
        opt.insns[lp..].iter().any(|i| i.op == Op::Call),
        "a `reads` helper is not hoisted out of the loop"
    );
}

#[test]
fn a_subscript_of_an_absent_key_aborts() {
    match dict_loop(false, None) {
        Step::Abort(a) => assert_eq!(a.reason, AbortReason::RaisesNow, "{a:?}"),
        s => panic!("{s:?}"),
    }
}

#[test]
fn a_dict_store_is_a_guarded_writes_call() {
    let Step::Closed(f) = dict_loop(true, None) else {
        panic!("not closed");
    };
    assert_eq!(calls(&f), [("dict_store_float", CallEffect::Writes)]);
    let guards = f.insns.iter().filter(|i| i.op == Op::GuardTrue).count();
    assert_eq!(guards, 2, "done (>= 0) and room (!= 0)");
    pipeline(&f).expect("optimizes");
}
