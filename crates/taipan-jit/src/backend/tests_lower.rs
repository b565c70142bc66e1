//! Lowering tests: text IR compiled with Cranelift must agree with the reference evaluator
//! (`ir::eval`) on the outcome and on the frame, over many inputs each.

use crate::ir::eval::{FRAME_ADDR, Outcome, SlotVal, TestHelpers, Val, eval};
use crate::ir::parse::parse_func;
use crate::ir::verify::verify;
use crate::ir::{Func, Tag};

use super::check::run_trace;
use super::*;

const INTS: [i64; 12] = [0, 1, -1, 2, -2, 3, 7, -7, 100, i64::MAX, i64::MIN, i64::MIN + 1];
const FLOATS: [f64; 9] = [
    0.0,
    -0.0,
    1.5,
    -2.25,
    1e300,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    3.0,
];

fn parse(text: &str) -> Func {
    let f = parse_func(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    verify(&f).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    f
}

/// Outcomes compare by bits for floats (NaN == NaN, -0.0 != 0.0).
fn same(a: &Outcome, b: &Outcome) -> bool {
    match (a, b) {
        (Outcome::Ret(Val::F64(x)), Outcome::Ret(Val::F64(y))) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Runs `f` (compiled as `t`) on `args` with `frame` under both the evaluator and the
/// compiled code; panics on a difference.
fn agree_with(t: &CompiledTrace, f: &Func, args: &[Val], frame: &[SlotVal]) {
    let mut f_eval = frame.to_vec();
    let want = eval(f, args, &mut f_eval, &mut TestHelpers, 1_000_000)
        .unwrap_or_else(|e| panic!("eval @{} {args:?}: {e}", f.name));
    let mut f_jit = frame.to_vec();
    let got = run_trace(t, f, args, &mut f_jit).unwrap_or_else(|e| panic!("jit @{}: {e}", f.name));
    assert!(same(&want, &got), "@{} {args:?}: eval {want:?}, jit {got:?}", f.name);
    assert_eq!(f_eval, f_jit, "@{} {args:?}: frames differ", f.name);
}

fn compile(b: &mut Backend, f: &Func) -> CompiledTrace {
    let opts = LowerOptions {
        loop_fuel: Some(check::LOOP_FUEL),
        ..LowerOptions::default()
    };
    b.compile_trace_with(f, &check::test_helpers(), &opts)
        .unwrap_or_else(|e| panic!("@{}: {e}", f.name))
}

/// Compiles `f` and checks it on one input (see [`agree_with`]).
fn agree(b: &mut Backend, f: &Func, args: &[Val], frame: &[SlotVal]) -> CompiledTrace {
    let t = compile(b, f);
    agree_with(&t, f, args, frame);
    t
}

fn backend() -> Backend {
    Backend::new(16 << 20).expect("backend")
}

fn binary_int(op: &str, exits: bool) -> Func {
    let snap = if exits {
        "    s0 = snap pc=3 [0: %0, 1: %1]\n"
    } else {
        ""
    };
    let arg = if exits { ", s0" } else { "" };
    parse(&format!(
        "func @{op}(%0: i64, %1: i64) -> i64 {{\n{snap}    %2 = {op} %0, %1{arg}\n    ret %2\n}}\n"
    ))
}

#[test]
fn int_ops_agree() {
    let mut b = backend();
    let frame = vec![SlotVal::new(Tag::None, 0); 2];
    for (op, exits) in [
        ("int_add", false),
        ("int_sub", false),
        ("int_mul", false),
        ("int_and", false),
        ("int_or", false),
        ("int_xor", false),
        ("int_shl", false),
        ("int_shr", false),
        ("int_add_ov", true),
        ("int_sub_ov", true),
        ("int_mul_ov", true),
        ("int_floordiv", true),
        ("int_mod", true),
    ] {
        let f = binary_int(op, exits);
        let t = compile(&mut b, &f);
        for &x in &INTS {
            for &y in INTS.iter().chain(&[64, 65, -64, 63]) {
                agree_with(&t, &f, &[Val::I64(x), Val::I64(y)], &frame);
            }
        }
    }
}

#[test]
fn compares_and_bools_agree() {
    let mut b = backend();
    for op in ["int_eq", "int_ne", "int_lt", "int_le", "int_gt", "int_ge"] {
        let f = parse(&format!(
            "func @{op}(%0: i64, %1: i64) -> i64 {{\n    %2 = {op} %0, %1\n    %3 = bool_not %2\n    \
             %4 = bool_to_int %3\n    ret %4\n}}\n"
        ));
        let t = compile(&mut b, &f);
        for &x in &INTS[..6] {
            for &y in &INTS[..6] {
                agree_with(&t, &f, &[Val::I64(x), Val::I64(y)], &[]);
            }
        }
    }
    for op in ["float_eq", "float_ne", "float_lt", "float_le", "float_gt", "float_ge"] {
        let f = parse(&format!(
            "func @{op}(%0: f64, %1: f64) -> bool {{\n    %2 = {op} %0, %1\n    ret %2\n}}\n"
        ));
        let t = compile(&mut b, &f);
        for &x in &FLOATS {
            for &y in &FLOATS {
                agree_with(&t, &f, &[Val::F64(x), Val::F64(y)], &[]);
            }
        }
    }
    let f = parse("func @peq(%0: ptr, %1: ptr) -> bool {\n    %2 = ptr_eq %0, %1\n    ret %2\n}\n");
    agree(&mut b, &f, &[Val::Ptr(16), Val::Ptr(16)], &[]);
    agree(&mut b, &f, &[Val::Ptr(16), Val::Ptr(32)], &[]);
}

#[test]
fn float_ops_agree() {
    let mut b = backend();
    for op in ["float_add", "float_sub", "float_mul", "float_div"] {
        let f = parse(&format!(
            "func @{op}(%0: f64, %1: f64) -> f64 {{\n    %2 = {op} %0, %1\n    %3 = float_neg %2\n    \
             ret %3\n}}\n"
        ));
        let t = compile(&mut b, &f);
        for &x in &FLOATS {
            for &y in &FLOATS {
                agree_with(&t, &f, &[Val::F64(x), Val::F64(y)], &[]);
            }
        }
    }
    let f = parse(
        "func @conv(%0: i64) -> f64 {\n    %1 = int_to_float %0\n    %2 = const_f64 0.5\n    \
         %3 = float_mul %1, %2\n    ret %3\n}\n",
    );
    for &x in INTS.iter().chain(&[(1 << 53) + 1, -(1 << 60) - 3]) {
        agree(&mut b, &f, &[Val::I64(x)], &[]);
    }
}

#[test]
fn loop_with_phis_and_guard_exit() {
    // i, acc = 0, 0; while True: guard i < n; acc += i (overflow-checked); i += 1
    let f = parse(
        "func @sum(%0: i64, %1: ptr) -> void {
    %2 = const_i64 0
    %3 = const_i64 1
    loop
    %5 = phi %2, %9
    %6 = phi %2, %8
    %7 = int_lt %5, %0
    s0 = snap pc=10 [0: %5, 1: %6, 2: none]
    guard_true %7, s0
    %8 = int_add_ov %6, %5, s0
    %9 = int_add %5, %3
    jump
}
",
    );
    let mut b = backend();
    b.set_disasm(true);
    let _ = compile(&mut b, &f);
    eprintln!("{}", b.last_disasm().unwrap_or("no disassembly"));
    assert!(b.last_disasm().is_some_and(|d| d.contains("ret")));
    // the listing names the IR instruction above its machine code
    let listing = b.last_listing(Some(&f)).unwrap_or_default();
    assert!(listing.contains(" = int_add_ov %6, %5, s0\n"), "{listing}");
    assert!(listing.contains("; guard_true %7, s0\n"), "{listing}");
    let frame = vec![SlotVal::new(Tag::Int, 99); 3];
    for n in [0, 1, 2, 10, 1000] {
        agree(&mut b, &f, &[Val::I64(n), Val::Ptr(FRAME_ADDR)], &frame);
    }
}

#[test]
fn frame_loads_stores_and_tag_guards() {
    let f = parse(
        "func @slots(%0: ptr) -> f64 {
    %1 = load_tag %0, 1
    s0 = snap pc=4 [0: none]
    guard_tag %1, float, s0
    %3 = load_float %0, 1
    %4 = load_tag %0, 2
    guard_tag %4, bool, s0
    %6 = load_bool %0, 2
    store_bool %0, 0, %6
    %8 = load_int %0, 3
    store_int %0, 4, %8
    %10 = load_ptr %0, 5
    %11 = load_tag %0, 5
    store_none %0, 5
    store_float %0, 6, %3
    s1 = snap pc=9 [3: %8, 5: %10, 6: %3]
    guard_false %6, s1
    ret %3
}
",
    );
    let mut b = backend();
    let base = vec![
        SlotVal::new(Tag::None, 0),
        SlotVal::new(Tag::Float, 2.5f64.to_bits()),
        SlotVal::new(Tag::Bool, 0),
        SlotVal::new(Tag::Int, (-42i64) as u64),
        SlotVal::new(Tag::None, 0),
        SlotVal::new(Tag::Obj, 0xdead_0000),
        SlotVal::new(Tag::None, 0),
    ];
    agree(&mut b, &f, &[Val::Ptr(FRAME_ADDR)], &base);
    let mut bool_true = base.clone();
    bool_true[2] = SlotVal::new(Tag::Bool, 1);
    agree(&mut b, &f, &[Val::Ptr(FRAME_ADDR)], &bool_true);
    let mut not_float = base.clone();
    not_float[1] = SlotVal::new(Tag::Int, 7);
    agree(&mut b, &f, &[Val::Ptr(FRAME_ADDR)], &not_float);
}

#[test]
fn helper_calls_and_unconditional_exit() {
    let f = parse(
        "func @calls(%0: i64, %1: i64, %2: f64, %3: ptr) -> f64 {
    %4 = call @imax(%0, %1) -> i64 pure
    %5 = call @imin(%0, %1) -> i64 pure
    %6 = int_sub %4, %5
    %7 = const_i64 1
    call @frame_store_int(%3, %7, %6) -> void writes
    %9 = call @fsqrt(%2) -> f64 pure
    %10 = int_eq %6, %7
    s0 = snap pc=2 [0: %9, 2: %10]
    guard_false %10, s0
    ret %9
}
",
    );
    let mut b = backend();
    let frame = vec![SlotVal::new(Tag::None, 0); 3];
    for (x, y) in [(3, 10), (10, 3), (5, 6), (-4, -4)] {
        agree(
            &mut b,
            &f,
            &[Val::I64(x), Val::I64(y), Val::F64(2.0), Val::Ptr(FRAME_ADDR)],
            &frame,
        );
    }
    let g = parse(
        "func @leave(%0: i64) -> void {
    %1 = const_i64 3
    %2 = int_mul %0, %1
    s0 = snap pc=5 [0: %2, 1: none]
    exit s0
}
",
    );
    agree(&mut b, &g, &[Val::I64(14)], &[SlotVal::new(Tag::Int, 1); 2]);
}

#[test]
fn unknown_helper_is_a_lowering_error() {
    let f = parse("func @u(%0: i64) -> i64 {\n    %1 = call @nope(%0) -> i64 pure\n    ret %1\n}\n");
    let mut b = backend();
    let err = b.compile_trace(&f, &check::test_helpers()).err();
    assert!(matches!(err, Some(CompileError::Lower(_))), "{err:?}");
}

/// Compile time and code size of a 50-guard trace (printed; `--nocapture` to see).
#[test]
fn measure_guard_heavy_trace() {
    let mut text = String::from("func @big(%0: i64, %1: ptr) -> void {\n    %2 = const_i64 1\n    loop\n");
    text.push_str("    %4 = phi %0, %v49\n");
    let mut prev = "%4".to_string();
    for k in 0..50 {
        text.push_str(&format!("    s{k} = snap pc={k} [0: {prev}]\n"));
        text.push_str(&format!("    %v{k} = int_add_ov {prev}, %2, s{k}\n"));
        prev = format!("%v{k}");
    }
    text.push_str("    jump\n}\n");
    let f = parse(&text);
    let mut b = backend();
    let args = [Val::I64(i64::MAX - 1000), Val::Ptr(FRAME_ADDR)];
    agree(&mut b, &f, &args, &[SlotVal::new(Tag::None, 0)]);
    let tiny = parse("func @tiny(%0: i64) -> i64 {\n    %1 = int_add %0, %0\n    ret %1\n}\n");
    for (name, g) in [("50-guard loop trace", &f), ("tiny function", &tiny)] {
        let runs: Vec<CompiledTrace> = (0..10).map(|_| compile(&mut b, g)).collect();
        let min_lower = runs.iter().map(|t| t.lower_us).min().unwrap_or(0);
        let min_compile = runs.iter().map(|t| t.code.compile_us).min().unwrap_or(0);
        let bytes = runs.first().map_or(0, |t| t.code.code_bytes);
        eprintln!("{name}: lower {min_lower} us, compile+install {min_compile} us (min of 10), {bytes} code bytes");
    }
}

/// A small deterministic generator (64-bit LCG, Knuth's MMIX constants).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A random trace under construction: its text and the values defined so far, by type.
struct Gen<'r> {
    rng: &'r mut Rng,
    t: String,
    ints: Vec<String>,
    floats: Vec<String>,
    bools: Vec<String>,
    snaps: usize,
}

impl<'r> Gen<'r> {
    fn new(rng: &'r mut Rng, header: &str, ints: &[&str], floats: &[&str]) -> Gen<'r> {
        Gen {
            rng,
            t: header.to_string(),
            ints: ints.iter().map(|s| s.to_string()).collect(),
            floats: floats.iter().map(|s| s.to_string()).collect(),
            bools: Vec::new(),
            snaps: 0,
        }
    }

    fn int(&mut self) -> String {
        self.rng.pick(&self.ints).clone()
    }

    fn float(&mut self) -> String {
        self.rng.pick(&self.floats).clone()
    }

    fn line(&mut self, l: &str) {
        self.t.push_str("    ");
        self.t.push_str(l);
        self.t.push('\n');
    }

    /// Emits a snapshot of random values into the 4 frame slots and returns its name.
    fn snapshot(&mut self) -> String {
        let name = format!("s{}", self.snaps);
        self.snaps += 1;
        let mut entries = Vec::new();
        for slot in 0..4 {
            let e = match self.rng.below(5) {
                0 => continue,
                1 => "none".to_string(),
                2 => self.float(),
                3 if !self.bools.is_empty() => self.rng.pick(&self.bools).clone(),
                _ => self.int(),
            };
            entries.push(format!("{slot}: {e}"));
        }
        let pc = self.rng.below(100);
        self.line(&format!("{name} = snap pc={pc} [{}]", entries.join(", ")));
        name
    }

    /// `n` random instructions: int/float arithmetic, overflow checks, compares, guards,
    /// frame loads and stores; new values are named `%{prefix}{k}`.
    fn body(&mut self, n: usize, prefix: &str) {
        for k in 0..n {
            let v = format!("%{prefix}{k}");
            let (a, b) = (self.int(), self.int());
            match self.rng.below(10) {
                0..=2 => {
                    let op = *self.rng.pick(&[
                        "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_shl", "int_shr",
                    ]);
                    self.line(&format!("{v} = {op} {a}, {b}"));
                    self.ints.push(v);
                }
                3 | 4 => {
                    let op = *self
                        .rng
                        .pick(&["int_add_ov", "int_sub_ov", "int_mul_ov", "int_floordiv", "int_mod"]);
                    let s = self.snapshot();
                    self.line(&format!("{v} = {op} {a}, {b}, {s}"));
                    self.ints.push(v);
                }
                5 => {
                    let (x, y) = (self.float(), self.float());
                    let op = *self.rng.pick(&["float_add", "float_sub", "float_mul", "float_div"]);
                    self.line(&format!("{v} = {op} {x}, {y}"));
                    self.floats.push(v.clone());
                    if self.rng.below(2) == 0 {
                        self.line(&format!("{v}c = int_to_float {a}"));
                        self.floats.push(format!("{v}c"));
                    }
                }
                6 => {
                    let op = *self.rng.pick(&["int_lt", "int_eq", "int_ge", "float_lt", "float_ne"]);
                    let (x, y) = if op.starts_with("float") {
                        (self.float(), self.float())
                    } else {
                        (a, b)
                    };
                    self.line(&format!("{v} = {op} {x}, {y}"));
                    self.bools.push(v);
                }
                7 if !self.bools.is_empty() => {
                    let c = self.rng.pick(&self.bools).clone();
                    let g = *self.rng.pick(&["guard_true", "guard_false"]);
                    let s = self.snapshot();
                    self.line(&format!("{g} {c}, {s}"));
                }
                8 => {
                    let slot = self.rng.below(4);
                    match self.rng.below(3) {
                        0 => self.line(&format!("store_int %fr, {slot}, {a}")),
                        1 => {
                            let x = self.float();
                            self.line(&format!("store_float %fr, {slot}, {x}"));
                        }
                        _ => self.line(&format!("store_none %fr, {slot}")),
                    }
                }
                _ => {
                    let slot = self.rng.below(4);
                    self.line(&format!("{v} = load_int %fr, {slot}"));
                    self.ints.push(v.clone());
                    self.line(&format!("{v}t = load_tag %fr, {slot}"));
                    self.ints.push(format!("{v}t"));
                }
            }
        }
    }
}

const RANDOM_PARAMS: &str = "(%i0: i64, %i1: i64, %f0: f64, %fr: ptr)";

/// A random straight-line trace over `i64`/`f64`/`bool` values and a 4-slot frame, with
/// guards and overflow checks (each with a snapshot of random values), ending in `ret` or
/// `exit`.
fn random_trace(rng: &mut Rng, n: usize) -> String {
    let header = format!("func @r{RANDOM_PARAMS} -> i64 {{\n");
    let mut g = Gen::new(rng, &header, &["%i0", "%i1"], &["%f0"]);
    g.body(n, "v");
    if g.rng.below(5) == 0 {
        let s = g.snapshot();
        g.line(&format!("exit {s}"));
    } else {
        let r = g.int();
        g.line(&format!("ret {r}"));
    }
    g.t.push_str("}\n");
    g.t
}

/// A random looping trace: a counter and three loop-carried values (phis), a counter guard
/// that leaves after at most 20 iterations, then a random body of `n` instructions.
fn random_loop_trace(rng: &mut Rng, n: usize) -> String {
    let header = format!(
        "func @l{RANDOM_PARAMS} -> void {{
    %zero = const_i64 0
    %one = const_i64 1
    %lim = const_i64 20
    loop
    %k = phi %zero, %k2
    %pa = phi %i0, %na
    %pb = phi %i1, %nb
    %pf = phi %f0, %nf
    %kc = int_lt %k, %lim
"
    );
    let mut g = Gen::new(rng, &header, &["%i0", "%i1", "%k", "%pa", "%pb"], &["%f0", "%pf"]);
    let s = g.snapshot();
    g.line(&format!("guard_true %kc, {s}"));
    g.body(n, "w");
    let (na, nb, nf) = (g.int(), g.int(), g.float());
    // Back-edge operands must be defined in the loop body: pass them through one op each.
    g.line(&format!("%na = int_or {na}, {na}"));
    g.line(&format!("%nb = int_xor {nb}, %zero"));
    g.line(&format!("%nf = float_mul {nf}, {nf}"));
    g.line("%k2 = int_add %k, %one");
    g.line("jump");
    g.t.push_str("}\n");
    g.t
}

#[test]
fn random_traces_agree_with_the_evaluator() {
    let mut rng = Rng(0x7a1_9a4);
    let mut b = backend();
    let interesting = [0, 1, -1, 2, 3, -5, 63, 64, i64::MAX, i64::MIN, 1 << 40];
    for round in 0..400 {
        let n = 5 + rng.below(40);
        let text = if round % 4 == 3 {
            random_loop_trace(&mut rng, n)
        } else {
            random_trace(&mut rng, n)
        };
        let f = parse(&text);
        let t = compile(&mut b, &f);
        // The optimized trace, compiled, must agree with the evaluator on the original too
        // (outcomes compared as text: passes renumber exits and snapshots).
        let g =
            crate::opt::run_passes(&f, &crate::opt::exact_pipeline(), true).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let tg = compile(&mut b, &g);
        for _ in 0..12 {
            let x = *rng.pick(&interesting);
            let y = *rng.pick(&interesting);
            let z = *rng.pick(&[0.0, -1.5, 2.0, f64::NAN, 1e308]);
            let frame: Vec<SlotVal> = (0..4)
                .map(|k| match rng.below(3) {
                    0 => SlotVal::new(Tag::Int, x.wrapping_add(k) as u64),
                    1 => SlotVal::new(Tag::Float, z.to_bits()),
                    _ => SlotVal::new(Tag::None, 0),
                })
                .collect();
            let args = [Val::I64(x), Val::I64(y), Val::F64(z), Val::Ptr(FRAME_ADDR)];
            let mut f_eval = frame.clone();
            let want = eval(&f, &args, &mut f_eval, &mut TestHelpers, 1_000_000)
                .unwrap_or_else(|e| panic!("eval: {e}\n{text}"));
            let mut f_jit = frame.clone();
            let got = run_trace(&t, &f, &args, &mut f_jit).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert!(same(&want, &got), "{args:?}: eval {want:?}, jit {got:?}\n{text}");
            assert_eq!(f_eval, f_jit, "{args:?}: frames differ\n{text}");
            let mut f_opt = frame.clone();
            let got = run_trace(&tg, &g, &args, &mut f_opt).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(want.to_string(), got.to_string(), "{args:?}: optimized\n{text}");
            assert_eq!(f_eval, f_opt, "{args:?}: optimized: frames differ\n{text}");
        }
    }
}

#[test]
fn run_hook_formats_like_the_runner() {
    let f = parse(
        "func @f(%0: ptr, %1: i64) -> i64 {\n    %2 = const_i64 2\n    s0 = snap pc=4 [1: %1]\n    \
         %3 = int_mul_ov %1, %2, s0\n    store_int %0, 0, %3\n    ret %3\n}\n",
    );
    let frame = [SlotVal::new(Tag::None, 0), SlotVal::new(Tag::None, 0)];
    let args = [Val::Ptr(FRAME_ADDR), Val::I64(21)];
    assert_eq!(
        check::run_to_text(&f, &args, Some(&frame)),
        "ret 42 [0: int 42, 1: none]"
    );
    let big = [Val::Ptr(FRAME_ADDR), Val::I64(i64::MAX)];
    assert_eq!(
        check::run_to_text(&f, &big, Some(&frame)),
        format!("exit pc=4 [0: none, 1: int {}]", i64::MAX)
    );
    let g = parse("func @g(%0: f64) -> f64 {\n    %1 = float_neg %0\n    ret %1\n}\n");
    assert_eq!(check::run_to_text(&g, &[Val::F64(0.0)], None), "ret -0.0");
}

#[test]
fn loop_fuel_stops_an_endless_loop() {
    let f =
        parse("func @spin(%0: i64) -> void {\n    loop\n    %2 = phi %0, %3\n    %3 = int_add %2, %0\n    jump\n}\n");
    let mut b = backend();
    let opts = LowerOptions {
        loop_fuel: Some(1000),
        ..LowerOptions::default()
    };
    let t = b
        .compile_trace_with(&f, &check::test_helpers(), &opts)
        .expect("compile");
    // SAFETY: no pointer arguments, no helpers.
    let r = unsafe { t.run(&[1]) };
    assert_eq!(r, Err("out of fuel (loop_fuel back-edges)".to_string()));
}

#[test]
fn perf_map_names_traces() {
    let f = parse("func @perf_named(%0: i64) -> i64 {\n    ret %0\n}\n");
    let mut b = backend();
    b.enable_perf_map().expect("perf map");
    let t = compile(&mut b, &f);
    let path = format!("/tmp/perf-{}.map", std::process::id());
    let map = std::fs::read_to_string(&path).unwrap_or_default();
    let _ = std::fs::remove_file(&path);
    let line = format!(
        "{:x} {:x} taipan-trace:perf_named",
        t.code.block.addr(),
        t.code.code_bytes
    );
    assert!(map.lines().any(|l| l == line), "{line} not in\n{map}");
}
