//! Deopt stress tests ([`LowerOptions::deopt_stress`]): the N-th exit-capable evaluation
//! exits on purpose through its (exact) snapshot, and resuming from there gives the result
//! of the unstressed run.

use crate::ir::eval::{FRAME_ADDR, Outcome, SlotVal, TestHelpers, Val, eval};
use crate::ir::parse::parse_func;
use crate::ir::verify::verify;
use crate::ir::{ExitId, Func, Tag};

use super::check::{LOOP_FUEL, run_trace, test_helpers};
use super::lower::STRESS_SPAN;
use super::*;

/// A loop over `i` (slot 0) from its value to 10 adding `(total * 3 + i * i) % 1000003` to
/// `total` (slot 1). Exit-capable instructions: `x0` the entry `guard_tag`, then per
/// iteration `x1` the loop test, `x2..x4` overflow-checked arithmetic, `x5` the `int_mod`.
/// Every exit in the loop resumes at the iteration's start (the frame as the iteration
/// found it), so running the trace again from the written-back frame resumes it.
const LOOP: &str = "func @t(%0: ptr) -> void {
    %1 = load_tag %0, 0
    s0 = snap pc=0 []
    guard_tag %1, int, s0
    %3 = load_int %0, 0
    %4 = load_int %0, 1
    %5 = const_i64 1
    %6 = const_i64 10
    %7 = const_i64 3
    %8 = const_i64 1000003
    loop
    %10 = phi %3, %15
    %11 = phi %4, %19
    %12 = int_lt %10, %6
    s1 = snap pc=0 [0: %10, 1: %11]
    guard_true %12, s1
    %15 = int_add_ov %10, %5, s1
    %16 = int_mul_ov %11, %7, s1
    %17 = int_mul_ov %10, %10, s1
    %18 = int_add %16, %17
    %19 = int_mod %18, %8, s1
    jump
}
";

fn parse(text: &str) -> Func {
    let f = parse_func(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    verify(&f).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    f
}

fn compile(f: &Func, stress: u32) -> (Backend, CompiledTrace) {
    let mut b = Backend::new(1 << 20).expect("backend");
    let opts = LowerOptions {
        loop_fuel: Some(LOOP_FUEL),
        deopt_stress: stress,
        count_runs: false,
    };
    let t = b
        .compile_trace_with(f, &test_helpers(), &opts)
        .unwrap_or_else(|e| panic!("stress {stress}: {e}"));
    (b, t)
}

fn start() -> Vec<SlotVal> {
    vec![SlotVal::new(Tag::Int, 0), SlotVal::new(Tag::Int, 0)]
}

fn exit_of(o: &Outcome) -> ExitId {
    match o {
        Outcome::Exit { exit, .. } => *exit,
        other => panic!("expected an exit, got {other:?}"),
    }
}

/// The frame after the unstressed run, and the exit it leaves by.
fn reference(f: &Func) -> (Vec<SlotVal>, ExitId) {
    let mut frame = start();
    let out = eval(f, &[Val::Ptr(FRAME_ADDR)], &mut frame, &mut TestHelpers, 1_000_000).expect("eval");
    (frame, exit_of(&out))
}

#[test]
fn the_nth_exit_capable_evaluation_exits() {
    let f = parse(LOOP);
    let args = [Val::Ptr(FRAME_ADDR)];
    // N = 1: the first exit-capable instruction (the entry guard) exits, nothing written.
    let (_b, t) = compile(&f, 1);
    let mut frame = start();
    let out = run_trace(&t, &f, &args, &mut frame).expect("run");
    assert_eq!(exit_of(&out), ExitId(0));
    assert_eq!(frame, start());
    assert_eq!(t.exit_counts(), vec![1, 0, 0, 0, 0, 0]);
    // N = 3: x0, x1, then the third, `int_add_ov` (a value-producing op), exits through
    // its snapshot before its result is used.
    let (_b, t) = compile(&f, 3);
    let mut frame = start();
    let out = run_trace(&t, &f, &args, &mut frame).expect("run");
    assert_eq!(exit_of(&out), ExitId(2));
    assert_eq!(frame, start());
    // N = 8: x0, one iteration (x1..x5), then x1 and x2 of the second: the snapshot holds
    // the state after one iteration.
    let (_b, t) = compile(&f, 8);
    let mut frame = start();
    let out = run_trace(&t, &f, &args, &mut frame).expect("run");
    assert_eq!(exit_of(&out), ExitId(2));
    assert_eq!(frame, vec![SlotVal::new(Tag::Int, 1), SlotVal::new(Tag::Int, 0)]);
    assert_eq!(t.exit_counts(), vec![0, 0, 1, 0, 0, 0]);
    // The countdown runs on across calls and the period grows: from that frame, the next
    // run exits 9 evaluations later (x0, one iteration, then x1..x3 of the next), one
    // instruction deeper and one iteration further.
    let out = run_trace(&t, &f, &args, &mut frame).expect("run");
    assert_eq!(exit_of(&out), ExitId(3));
    assert_eq!(frame[0], SlotVal::new(Tag::Int, 2));
    assert_eq!(t.exit_counts(), vec![0, 0, 1, 1, 0, 0]);
}

#[test]
fn the_period_cycles_back_to_n() {
    // N = 2, each run from the start frame: the run ends at the forced exit when the
    // countdown runs out within its 51 exit-capable evaluations, else at the loop's real
    // exit with the countdown carried over. The period (the last data word) grows by one
    // per forced exit, stays within N ..= N + STRESS_SPAN - 1, and wraps back to N.
    let f = parse(LOOP);
    let args = [Val::Ptr(FRAME_ADDR)];
    let (_b, t) = compile(&f, 2);
    let period = || t.exit_data.last().map(|w| w.load(std::sync::atomic::Ordering::Relaxed));
    assert_eq!(period(), Some(2));
    let span = STRESS_SPAN as u64;
    let mut seen = Vec::new();
    for _ in 0..400 {
        let mut frame = start();
        run_trace(&t, &f, &args, &mut frame).expect("run");
        seen.push(period().unwrap_or(0));
    }
    assert!(seen.iter().all(|&p| (2..2 + span).contains(&p)), "{seen:?}");
    assert_eq!(&seen[..3], &[3, 4, 5]);
    let top = seen.iter().position(|&p| p == 2 + span - 1).expect("reaches the top");
    assert!(seen[top..].contains(&2), "wraps back to N: {seen:?}");
}

#[test]
fn stressed_runs_resume_to_the_unstressed_result() {
    let f = parse(LOOP);
    let args = [Val::Ptr(FRAME_ADDR)];
    let (want, last_exit) = reference(&f);
    for n in 1..=13 {
        // Resuming in the evaluator from any stressed exit gives the same final frame.
        let (_b, t) = compile(&f, n);
        let mut frame = start();
        run_trace(&t, &f, &args, &mut frame).expect("run");
        let out = eval(&f, &args, &mut frame, &mut TestHelpers, 1_000_000).expect("eval");
        assert_eq!(exit_of(&out), last_exit, "stress {n}");
        assert_eq!(frame, want, "stress {n}: resumed in the evaluator");
        // Re-entering the stressed trace until the loop is done gives it too (it makes
        // progress without an interpreter in between when a whole iteration fits between
        // two forced exits: N >= 7).
        if n < 7 {
            continue;
        }
        let (_b, t) = compile(&f, n);
        let mut frame = start();
        let mut runs = 0;
        loop {
            let out = run_trace(&t, &f, &args, &mut frame).expect("run");
            runs += 1;
            if exit_of(&out) == last_exit && frame == want {
                break;
            }
            assert!(runs < 1000, "stress {n}: no progress");
        }
        let total: u64 = t.exit_counts().iter().sum();
        assert_eq!(total, runs, "stress {n}: every exit is counted");
    }
}

#[test]
fn no_stress_code_when_off_and_stress_needs_exit_data() {
    let f = parse(LOOP);
    let (_b, off) = compile(&f, 0);
    let (_b2, on) = compile(&f, 2);
    assert_eq!(off.exit_data.len(), 2 * off.exits.len());
    assert_eq!(on.exit_data.len(), 2 * on.exits.len() + 2);
    assert!(on.code.code_bytes > off.code.code_bytes);
    let b = Backend::new(1 << 20).expect("backend");
    let opts = LowerOptions {
        loop_fuel: None,
        deopt_stress: 1,
        count_runs: false,
    };
    assert!(lower(&f, b.isa(), &test_helpers(), &opts).is_err());
}
