//! Unit tests of `list.rs`: subscripts, `append` and `len` recorded against a
//! hand-described frame (the end-to-end behaviour is covered by `tests/run/jit_lists/` in
//! every JIT mode).

use taipan_bytecode::{Instruction, Opcode};

use crate::ir::{CallEffect, Imm, Op};
use crate::opt::pipeline;
use crate::record::test_support::{ins, local_of, stack_of};
use crate::record::{
    AbortReason, Builtin, CodeInfo, ConstVal, Known, KnownObj, ObjInfo, Observe, Observed, Recorder, SeqObs, Step,
};

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
        local_of(&self.locals, n)
    }
    fn stack(&self, depth: u32) -> Observed {
        stack_of(&self.stack, depth)
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
    assert_eq!(calls, ["list_len", "list_items"]);
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

/// A frame for the append tests: locals `s` (float), `xs` (an exact list of 4 floats, or a
/// list subclass instance when `exact` is false), `i` (int); global 0 is `len`.
struct AppendFrame {
    locals: Vec<Observed>,
    /// The stack, bottom first; `true` marks the list.
    stack: Vec<(Observed, bool)>,
    exact: bool,
}

impl AppendFrame {
    fn entry(&self, depth: u32) -> Option<(Observed, bool)> {
        let i = self.stack.len().checked_sub(depth as usize + 1)?;
        self.stack.get(i).copied()
    }

    /// Executes `op arg` on the abstract stack (just enough for the tests' code).
    fn exec(&mut self, op: Opcode, arg: u32) {
        let mut pop = |n: usize| {
            for _ in 0..n {
                self.stack.pop();
            }
        };
        match op {
            Opcode::LoadFast => {
                let v = self.locals[arg as usize];
                self.stack.push((v, arg == 1));
            }
            Opcode::StoreFast | Opcode::PopTop => pop(1),
            Opcode::LoadMethod => {
                pop(1);
                self.stack.push((Observed::Obj, false));
                self.stack.push((Observed::Obj, true));
            }
            Opcode::CallMethod => {
                pop(arg as usize + 2);
                self.stack.push((Observed::None, false));
            }
            Opcode::LoadGlobal => self.stack.push((Observed::Obj, false)),
            Opcode::Call => {
                pop(arg as usize + 1);
                self.stack.push((Observed::Int(4), false));
            }
            Opcode::BinarySubscr | Opcode::BinaryOp => {
                pop(2);
                self.stack.push((Observed::Float(1.0), false));
            }
            _ => {}
        }
    }
}

impl Observe for AppendFrame {
    fn local(&self, n: u32) -> Observed {
        self.locals.get(n as usize).copied().unwrap_or(Observed::Unbound)
    }
    fn stack(&self, depth: u32) -> Observed {
        self.entry(depth).map_or(Observed::Obj, |e| e.0)
    }
    fn stack_len(&self) -> u32 {
        self.stack.len() as u32
    }
    fn stack_seq(&self, depth: u32, index: i64) -> Option<SeqObs> {
        let (_, list) = self.entry(depth)?;
        (list && self.exact).then(|| SeqObs {
            list: true,
            len: 4,
            item: (0..4).contains(&index).then_some(Observed::Float(1.0)),
        })
    }
    fn stack_len_of(&self, depth: u32) -> Option<u64> {
        let (_, list) = self.entry(depth)?;
        (list && self.exact).then_some(4)
    }
    fn list_method(&self, name: u32) -> Option<KnownObj> {
        let (_, list) = self.entry(0)?;
        (list && self.exact && name == 0).then_some(KnownObj {
            key: 0,
            info: ObjInfo::Builtin(Builtin::ListAppend),
        })
    }
    fn global(&self, name: u32) -> Option<Known> {
        (name == 0).then_some(Known::Obj(KnownObj {
            key: 1,
            info: ObjInfo::Builtin(Builtin::Len),
        }))
    }
}

/// Records `code` (a loop body; a `JUMP 0` is added) on an [`AppendFrame`]; the last step.
fn record_body(code: &[(Opcode, u32)], exact: bool) -> Step {
    let info = CodeInfo {
        name: "t".into(),
        nlocals: 3,
        consts: vec![],
    };
    let mut r = Recorder::new(info, 0);
    let mut f = AppendFrame {
        locals: vec![Observed::Float(0.5), Observed::Obj, Observed::Int(1)],
        stack: vec![],
        exact,
    };
    for (pc, &(op, arg)) in code.iter().chain(&[(Opcode::Jump, 0)]).enumerate() {
        let s = r.record(pc as u32, ins(op, arg), &f);
        if s != Step::Continue {
            return s;
        }
        f.exec(op, arg);
    }
    panic!("the loop did not close");
}

/// `xs.append(<local v>)`.
fn append_of(v: u32) -> Vec<(Opcode, u32)> {
    vec![
        (Opcode::LoadFast, 1),
        (Opcode::LoadMethod, 0),
        (Opcode::LoadFast, v),
        (Opcode::CallMethod, 1),
        (Opcode::PopTop, 0),
    ]
}

/// `s = s + xs[i]`.
fn subscr_add() -> Vec<(Opcode, u32)> {
    vec![
        (Opcode::LoadFast, 0),
        (Opcode::LoadFast, 1),
        (Opcode::LoadFast, 2),
        (Opcode::BinarySubscr, 0),
        (Opcode::BinaryOp, 0),
        (Opcode::StoreFast, 0),
    ]
}

/// The helper calls of `f` in order, with their effects.
fn calls(f: &crate::ir::Func) -> Vec<(String, CallEffect)> {
    f.insns
        .iter()
        .filter_map(|i| match &i.imm {
            Imm::Call(c) => Some((c.name.clone(), c.effect)),
            _ => None,
        })
        .collect()
}

/// The helper calls after the `loop` marker of the optimized `f`.
fn loop_calls(f: &crate::ir::Func) -> Vec<String> {
    let opt = pipeline(f).expect("optimizes");
    let lp = opt.loop_pos().expect("loops");
    calls(&crate::ir::Func {
        insns: opt.insns[lp..].to_vec(),
        ..opt.clone()
    })
    .into_iter()
    .map(|c| c.0)
    .collect()
}

#[test]
fn append_guards_the_exact_list_and_pushes_through_helpers() {
    for (v, push) in [(0, "list_push_float"), (2, "list_push_int"), (1, "list_push_obj")] {
        let Step::Closed(f) = record_body(&append_of(v), true) else {
            panic!("not closed");
        };
        let names: Vec<String> = calls(&f).into_iter().map(|c| c.0).collect();
        assert_eq!(names, ["list_exact", "list_reserve", push]);
        // the receiver's check is loop-invariant; reserving and pushing are per iteration
        assert_eq!(loop_calls(&f), ["list_reserve", push]);
        let text = crate::ir::print::func_to_string(&f);
        // the guard after reserving exits at the CALL_METHOD with [append, xs, v]
        assert!(text.contains("snap pc=3 [3: obj0, 4: %"), "{text}");
    }
}

#[test]
fn append_on_a_subclass_or_of_a_known_object_aborts() {
    match record_body(&append_of(0), false) {
        Step::Abort(a) => assert_eq!((a.reason, a.pc), (AbortReason::UnsupportedCall, 1), "{a:?}"),
        s => panic!("{s:?}"),
    }
    let code = [
        (Opcode::LoadFast, 1),
        (Opcode::LoadMethod, 0),
        (Opcode::LoadGlobal, 0),
        (Opcode::CallMethod, 1),
        (Opcode::PopTop, 0),
    ];
    match record_body(&code, true) {
        Step::Abort(a) => assert_eq!((a.reason, a.pc), (AbortReason::UnsupportedOperand, 3), "{a:?}"),
        s => panic!("{s:?}"),
    }
}

#[test]
fn an_append_keeps_list_reads_in_the_loop() {
    // without an append, the subscript's helpers are pure and hoisted
    let Step::Closed(f) = record_body(&subscr_add(), true) else {
        panic!("not closed");
    };
    assert!(calls(&f).iter().all(|c| c.1 == CallEffect::Pure));
    assert!(loop_calls(&f).is_empty());
    // an append before or after the subscript: every list read is `reads`, asked again in
    // every iteration (the append may have moved the items)
    let before = [append_of(0), subscr_add()].concat();
    let after = [subscr_add(), append_of(0)].concat();
    for code in [before, after] {
        let Step::Closed(f) = record_body(&code, true) else {
            panic!("not closed");
        };
        for (name, effect) in calls(&f) {
            let want = match name.as_str() {
                "list_exact" => CallEffect::Pure,
                "list_len" | "list_items" => CallEffect::Reads,
                _ => CallEffect::Writes,
            };
            assert_eq!(effect, want, "{name}");
        }
        let in_loop = loop_calls(&f);
        for h in ["list_len", "list_items", "list_reserve", "list_push_float"] {
            assert!(in_loop.iter().any(|c| c == h), "{h} not in the loop: {in_loop:?}");
        }
    }
}

#[test]
fn len_of_a_list_is_a_guarded_helper() {
    // i = len(xs)
    let code = [
        (Opcode::LoadGlobal, 0),
        (Opcode::LoadFast, 1),
        (Opcode::Call, 1),
        (Opcode::StoreFast, 2),
    ];
    let Step::Closed(f) = record_body(&code, true) else {
        panic!("not closed");
    };
    assert_eq!(calls(&f), [("obj_len".to_string(), CallEffect::Pure)]);
    assert!(loop_calls(&f).is_empty(), "pure and invariant: hoisted");
    let text = crate::ir::print::func_to_string(&f);
    // (`i` is assigned before it is read: dead at the entry, its phi starts from an undef)
    assert!(text.contains("%4 = undef_i64"), "{text}");
    assert!(text.contains("snap pc=2 [2: %6, 3: obj1, 4: %3]"), "{text}");
    // with an append in the loop, it is asked every iteration
    let Step::Closed(f) = record_body(&[append_of(0), code.to_vec()].concat(), true) else {
        panic!("not closed");
    };
    assert!(loop_calls(&f).iter().any(|c| c == "obj_len"));
    // a subclass instance (or another type) aborts
    match record_body(&code, false) {
        Step::Abort(a) => assert_eq!((a.reason, a.pc), (AbortReason::UnsupportedCall, 2), "{a:?}"),
        s => panic!("{s:?}"),
    }
}
