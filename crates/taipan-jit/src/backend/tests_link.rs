//! Tests of exit counters, bridges, invalidation and the full-arena policy (`link`).

use std::time::Instant;

use super::check::test_helpers;
use super::link::{LinkedOutcome, TraceSet};
use super::*;
use crate::ir::parse::parse_module;

fn module(text: &str) -> crate::ir::Module {
    match parse_module(text) {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    }
}

const GUARDED: &str = "\
func @g(%0: i64) -> i64 {
    %1 = const_i64 0
    %2 = int_lt %0, %1
    s0 = snap pc=3 [0: %0]
    guard_false %2, s0
    %4 = const_i64 100
    %5 = int_gt %0, %4
    s1 = snap pc=4 []
    guard_false %5, s1
    ret %0
}

func @neg(%0: i64, %1: i64) -> i64 side @g x0 {
    %2 = int_neg %1
    ret %2
}
";

#[test]
fn exits_are_counted_per_exit() {
    let m = module(GUARDED);
    let mut b = Backend::new(1 << 20).expect("backend");
    let t = b.compile_trace(&m.funcs[0], &test_helpers()).expect("compile");
    assert_eq!(t.exit_counts(), vec![0, 0]);
    for x in [5u64, (-1i64) as u64, (-2i64) as u64, 500, 7] {
        // SAFETY: the trace takes one i64 and touches no memory.
        let _ = unsafe { t.run(&[x]) }.expect("run");
    }
    assert_eq!(t.exit_counts(), vec![2, 1]);
}

#[test]
fn bridge_attaches_then_invalidation_redirects_it() {
    let m = module(GUARDED);
    let mut set = TraceSet::new(Backend::new(1 << 20).expect("backend"), 2);
    let opts = LowerOptions::default();
    set.compile(&m.funcs[0], &test_helpers(), &opts).expect("compile");
    // SAFETY (all runs below): the traces take i64s and touch no memory.
    let run = |set: &TraceSet, x: i64| unsafe { set.run("g", &[x as u64]) }.expect("run");
    assert!(matches!(run(&set, -3), LinkedOutcome::Exit { exit: ExitId(0), .. }));
    assert!(set.hot_exits("g").is_empty());
    assert!(matches!(run(&set, -4), LinkedOutcome::Exit { exit: ExitId(0), .. }));
    assert_eq!(set.hot_exits("g"), vec![ExitId(0)]);
    set.attach_bridge(&m.funcs[1], &test_helpers(), &opts).expect("bridge");
    assert!(set.hot_exits("g").is_empty());
    assert_eq!(run(&set, -9), LinkedOutcome::Ret(9));
    assert_eq!(run(&set, 9), LinkedOutcome::Ret(9));
    assert_eq!(set.exit_counts("g"), vec![3, 0]);
    assert!(set.invalidate("neg"));
    assert!(!set.invalidate("neg"));
    assert_eq!(run(&set, -9), LinkedOutcome::Invalidated);
    assert_eq!(run(&set, 9), LinkedOutcome::Ret(9));
    assert!(set.invalidate("g"));
    assert_eq!(run(&set, 9), LinkedOutcome::Invalidated);
    assert_eq!(set.stats().invalidations, 2);
    assert_eq!(set.stats().bridges, 1);
    // A bridge with the wrong signature is refused.
    let bad = module("func @b(%0: i64) -> i64 side @g x1 {\n    ret %0\n}\n");
    assert!(set.attach_bridge(&bad.funcs[0], &test_helpers(), &opts).is_err());
}

/// A bridge of a bridge, with snapshot values at scattered `out` positions (`none`
/// entries between them): each side trace reads its parent's parameters from `args` and
/// its snapshot values from `out` at their entry positions (`SideParams`).
const CHAIN: &str = "\
func @h(%0: i64) -> i64 {
    %1 = const_i64 0
    %2 = int_lt %0, %1
    %3 = const_i64 7
    s0 = snap pc=3 [0: none, 1: %3, 2: none, 3: %0]
    guard_false %2, s0
    ret %0
}

func @b1(%0: i64, %1: i64, %2: i64) -> i64 side @h x0 {
    %3 = const_i64 -100
    %4 = int_lt %2, %3
    s0 = snap pc=5 [0: none, 1: none, 2: %2, 3: none, 4: %1]
    guard_false %4, s0
    %6 = int_sub %1, %2
    ret %6
}

func @b2(%0: i64, %1: i64, %2: i64, %3: i64, %4: i64) -> i64 side @b1 x0 {
    %5 = const_i64 1000
    %6 = int_mul %3, %5
    %7 = int_add %6, %4
    %8 = int_mul %0, %5
    %9 = int_mul %8, %5
    %10 = int_add %9, %7
    ret %10
}
";

#[test]
fn bridges_of_bridges_get_parameters_and_snapshot_values() {
    let m = module(CHAIN);
    let mut set = TraceSet::new(Backend::new(1 << 20).expect("backend"), 1);
    let opts = LowerOptions::default();
    set.compile(&m.funcs[0], &test_helpers(), &opts).expect("compile");
    // SAFETY (all runs below): the traces take i64s and touch no memory.
    let run = |set: &TraceSet, x: i64| unsafe { set.run("h", &[x as u64]) }.expect("run");
    assert!(matches!(run(&set, -3), LinkedOutcome::Exit { exit: ExitId(0), .. }));
    set.attach_bridge(&m.funcs[1], &test_helpers(), &opts)
        .expect("bridge b1");
    assert_eq!(run(&set, 5), LinkedOutcome::Ret(5));
    // b1: 7 - x
    assert_eq!(run(&set, -3), LinkedOutcome::Ret(10));
    assert!(matches!(run(&set, -300), LinkedOutcome::Exit { exit: ExitId(0), .. }));
    set.attach_bridge(&m.funcs[2], &test_helpers(), &opts)
        .expect("bridge b2");
    // b2: h's x (args) * 10^6 + b1's x (out[2]) * 1000 + 7 (out[4])
    assert_eq!(
        run(&set, -300),
        LinkedOutcome::Ret((-300_000_000i64 - 300_000 + 7) as u64)
    );
    assert_eq!(run(&set, -3), LinkedOutcome::Ret(10));
}

#[test]
fn full_arena_refuses_then_flush_frees_it() {
    let m = module(GUARDED);
    let backend = Backend::new(1).expect("backend"); // one page
    let mut set = TraceSet::new(backend, 10);
    let opts = LowerOptions::default();
    set.compile(&m.funcs[0], &test_helpers(), &opts)
        .expect("first trace fits");
    let mut other = m.funcs[0].clone();
    other.name = "h".into();
    let err = set.compile(&other, &test_helpers(), &opts).err();
    assert!(
        matches!(err, Some(CompileError::Arena(ArenaError::Full { .. }))),
        "{err:?}"
    );
    assert_eq!(set.stats().refused_full, 1);
    assert!(set.trace("h").is_none());
    // Safe point: flush everything, then the new trace compiles and runs.
    set.flush().expect("flush");
    assert!(set.trace("g").is_none());
    assert_eq!(set.backend().arena().used(), 0);
    set.compile(&other, &test_helpers(), &opts).expect("fits after flush");
    // SAFETY: the trace takes one i64 and touches no memory.
    assert_eq!(unsafe { set.run("h", &[42]) }, Ok(LinkedOutcome::Ret(42)));
    assert_eq!(set.stats().flushes, 1);
}

/// A link's status word names the target and the linking trace (a side trace's id, not its
/// root's), and `entry_of` checks what `call_raw` checks.
#[test]
fn link_status_names_target_and_source() {
    let m = module(
        "\
func @a(%0: i64) -> i64 {
    ret %0
}

func @r(%0: i64) -> i64 {
    %1 = const_i64 0
    %2 = int_lt %0, %1
    s0 = snap pc=3 [0: %0]
    guard_false %2, s0
    link @a(%0)
}

func @s(%0: i64, %1: i64) -> i64 side @r x0 {
    %2 = int_neg %1
    link @a(%2)
}
",
    );
    let mut set = TraceSet::new(Backend::new(1 << 20).expect("backend"), 1);
    let opts = LowerOptions::default();
    set.compile(&m.funcs[0], &test_helpers(), &opts).expect("compile a");
    set.compile(&m.funcs[1], &test_helpers(), &opts).expect("compile r");
    set.attach_bridge(&m.funcs[2], &test_helpers(), &opts)
        .expect("bridge s");
    let id = |n: &str| u64::from(set.trace(n).expect(n).id);
    let r = set.trace("r").expect("r");
    let mut out = vec![0u64; set.out_words()];
    for (x, source, arg) in [(5i64, id("r"), 5i64), (-7, id("s"), 7)] {
        // SAFETY: the traces take i64s and touch no memory; `out` fits every trace.
        let st = unsafe { link::call_raw(r, &[x as u64], &mut out) }.expect("run");
        assert_eq!(st, STATUS_LINK | source << 32 | id("a"));
        assert_eq!(out[0], arg as u64);
    }
    assert!(link::entry_of(r, 1, out.len()).is_some());
    assert!(link::entry_of(r, 2, out.len()).is_none());
    assert!(link::entry_of(r, 1, 0).is_none());
}

/// Exit path cost: ns per call of a trace leaving through a counted exit vs. returning.
/// `cargo test -p taipan-jit --lib measure_exit -- --nocapture` prints it.
#[test]
fn measure_exit_path() {
    let m = module(GUARDED);
    let mut b = Backend::new(1 << 20).expect("backend");
    let t = b.compile_trace(&m.funcs[0], &test_helpers()).expect("compile");
    // SAFETY: compiled with the `TraceFn` ABI; one i64 argument; `out` has room for 1 word.
    let entry: TraceFn = unsafe { t.code.as_fn() };
    let mut out = [0u64; 2];
    let time = |x: i64, out: &mut [u64; 2]| {
        let args = [x as u64];
        let n = 200_000u32;
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            for _ in 0..n {
                // SAFETY: as above.
                std::hint::black_box(unsafe { entry(std::hint::black_box(args.as_ptr()), out.as_mut_ptr()) });
            }
            best = best.min(start.elapsed().as_nanos() as f64 / f64::from(n));
        }
        best
    };
    let ret = time(5, &mut out);
    let exit = time(-5, &mut out);
    assert!(t.exit_counts()[0] >= 1_000_000);
    // The same exit with a bridge attached (the bridge returns at once).
    let mut set = TraceSet::new(Backend::new(1 << 20).expect("backend"), 1);
    let opts = LowerOptions::default();
    set.compile(&m.funcs[0], &test_helpers(), &opts).expect("compile");
    set.attach_bridge(&m.funcs[1], &test_helpers(), &opts).expect("bridge");
    let g = set.trace("g").expect("g");
    // SAFETY: as above (the bridge has the same ABI and touches no memory).
    let entry: TraceFn = unsafe { g.code.as_fn() };
    let n = 200_000u32;
    let mut bridged = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..n {
            let args = [(-5i64) as u64];
            // SAFETY: as above.
            std::hint::black_box(unsafe { entry(std::hint::black_box(args.as_ptr()), out.as_mut_ptr()) });
        }
        bridged = bridged.min(start.elapsed().as_nanos() as f64 / f64::from(n));
    }
    assert_eq!(out[0], 5);
    eprintln!(
        "trace call: ret {ret:.2} ns, exit (counted) {exit:.2} ns, exit into a bridge that returns {bridged:.2} ns"
    );
}
