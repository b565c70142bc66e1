//! Backend tests: functions built with `FunctionBuilder`, compiled into the arena and called.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{AbiParam, Function, InstBuilder, Signature, UserFuncName, types};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

use super::*;

fn backend() -> Backend {
    Backend::new(1 << 20).expect("backend")
}

fn sig(b: &Backend, params: &[types::Type], rets: &[types::Type]) -> Signature {
    let mut s = Signature::new(b.call_conv());
    s.params.extend(params.iter().map(|&t| AbiParam::new(t)));
    s.returns.extend(rets.iter().map(|&t| AbiParam::new(t)));
    s
}

/// Builds a function with signature `s` whose body `body` fills (entry block given).
fn build(
    b: &Backend,
    s: Signature,
    body: impl FnOnce(&mut FunctionBuilder<'_>, cranelift_codegen::ir::Block),
) -> Function {
    let mut func = Function::with_name_signature(UserFuncName::user(0, 0), s);
    let mut fctx = FunctionBuilderContext::new();
    let mut fb = FunctionBuilder::new(&mut func, &mut fctx);
    let entry = fb.create_block();
    fb.append_block_params_for_function_params(entry);
    fb.switch_to_block(entry);
    body(&mut fb, entry);
    fb.seal_all_blocks();
    fb.finalize(b.isa().frontend_config());
    func
}

#[test]
fn add() {
    let mut b = backend();
    let s = sig(&b, &[types::I64, types::I64], &[types::I64]);
    let f = build(&b, s, |fb, entry| {
        let p = fb.block_params(entry).to_vec();
        let r = fb.ins().iadd(p[0], p[1]);
        fb.ins().return_(&[r]);
    });
    let jf = b.compile(f, &HelperTable::new()).expect("compile");
    // SAFETY: the function has signature (i64, i64) -> i64 in the host's C convention.
    let add: extern "C" fn(i64, i64) -> i64 = unsafe { jf.as_fn() };
    assert_eq!(add(40, 2), 42);
    assert!(jf.code_bytes > 0);
    assert_eq!(b.stats().functions, 1);
    eprintln!("add: {} bytes, {} us", jf.code_bytes, jf.compile_us);
}

#[test]
fn loop_sum() {
    // sum = 0; i = 0; while i < n { sum += i; i += 1 }; return sum
    let mut b = backend();
    let s = sig(&b, &[types::I64], &[types::I64]);
    let f = build(&b, s, |fb, entry| {
        let n = fb.block_params(entry)[0];
        let header = fb.create_block();
        let body = fb.create_block();
        let exit = fb.create_block();
        fb.append_block_param(header, types::I64); // i
        fb.append_block_param(header, types::I64); // sum
        fb.append_block_param(exit, types::I64);
        let zero = fb.ins().iconst(types::I64, 0);
        fb.ins().jump(header, &[zero.into(), zero.into()]);
        fb.switch_to_block(header);
        let (i, sum) = (fb.block_params(header)[0], fb.block_params(header)[1]);
        let c = fb.ins().icmp(IntCC::SignedLessThan, i, n);
        fb.ins().brif(c, body, &[], exit, &[sum.into()]);
        fb.switch_to_block(body);
        let sum2 = fb.ins().iadd(sum, i);
        let i2 = fb.ins().iadd_imm_s(i, 1);
        fb.ins().jump(header, &[i2.into(), sum2.into()]);
        fb.switch_to_block(exit);
        let r = fb.block_params(exit)[0];
        fb.ins().return_(&[r]);
    });
    let jf = b.compile(f, &HelperTable::new()).expect("compile");
    // SAFETY: signature (i64) -> i64.
    let sum: extern "C" fn(i64) -> i64 = unsafe { jf.as_fn() };
    assert_eq!(sum(0), 0);
    assert_eq!(sum(10), 45);
    assert_eq!(sum(100_000), 4_999_950_000);
    eprintln!("loop_sum: {} bytes, {} us", jf.code_bytes, jf.compile_us);
}

#[test]
fn float_math() {
    // sqrt(x*x + y*y) + floor(x) / 2.5
    let mut b = backend();
    let s = sig(&b, &[types::F64, types::F64], &[types::F64]);
    let f = build(&b, s, |fb, entry| {
        let p = fb.block_params(entry).to_vec();
        let xx = fb.ins().fmul(p[0], p[0]);
        let yy = fb.ins().fmul(p[1], p[1]);
        let s = fb.ins().fadd(xx, yy);
        let h = fb.ins().sqrt(s);
        let fl = fb.ins().floor(p[0]);
        let k = fb.ins().f64const(2.5);
        let q = fb.ins().fdiv(fl, k);
        let r = fb.ins().fadd(h, q);
        fb.ins().return_(&[r]);
    });
    let jf = b.compile(f, &HelperTable::new()).expect("compile");
    // SAFETY: signature (f64, f64) -> f64.
    let g: extern "C" fn(f64, f64) -> f64 = unsafe { jf.as_fn() };
    let expect = |x: f64, y: f64| (x * x + y * y).sqrt() + x.floor() / 2.5;
    for (x, y) in [(3.0, 4.0), (-1.5, 0.25), (1e10, -7.0)] {
        assert_eq!(g(x, y).to_bits(), expect(x, y).to_bits());
    }
    eprintln!("float_math: {} bytes, {} us", jf.code_bytes, jf.compile_us);
}

extern "C" fn helper_mix(a: i64, b: i64) -> i64 {
    a.wrapping_mul(1000).wrapping_add(b)
}

extern "C" fn helper_scale(x: f64) -> f64 {
    x * 3.0
}

#[test]
fn call_rust_helpers() {
    let mut b = backend();
    let mut helpers = HelperTable::new();
    let mix = helpers.add("mix", helper_mix as extern "C" fn(i64, i64) -> i64 as usize);
    let scale = helpers.add("scale", helper_scale as extern "C" fn(f64) -> f64 as usize);
    let s = sig(&b, &[types::I64, types::F64], &[types::I64]);
    let mix_sig = sig(&b, &[types::I64, types::I64], &[types::I64]);
    let scale_sig = sig(&b, &[types::F64], &[types::F64]);
    let mut func = Function::with_name_signature(UserFuncName::user(0, 1), s);
    let mix_ref = import_helper(&mut func, mix, mix_sig);
    let scale_ref = import_helper(&mut func, scale, scale_sig);
    let mut fctx = FunctionBuilderContext::new();
    let mut fb = FunctionBuilder::new(&mut func, &mut fctx);
    let entry = fb.create_block();
    fb.append_block_params_for_function_params(entry);
    fb.switch_to_block(entry);
    let p = fb.block_params(entry).to_vec();
    let call = fb.ins().call(scale_ref, &[p[1]]);
    let scaled = fb.inst_results(call)[0];
    let as_int = fb.ins().fcvt_to_sint_sat(types::I64, scaled);
    let call = fb.ins().call(mix_ref, &[p[0], as_int]);
    let r = fb.inst_results(call)[0];
    fb.ins().return_(&[r]);
    fb.seal_all_blocks();
    fb.finalize(b.isa().frontend_config());
    let jf = b.compile(func, &helpers).expect("compile");
    assert_eq!(jf.relocs, 2, "one Abs8 per helper");
    // SAFETY: signature (i64, f64) -> i64.
    let g: extern "C" fn(i64, f64) -> i64 = unsafe { jf.as_fn() };
    assert_eq!(g(7, 2.0), 7006);
    eprintln!("call_rust_helpers: {} bytes, {} us", jf.code_bytes, jf.compile_us);
}

#[test]
fn unknown_helper_is_an_error() {
    let mut b = backend();
    let s = sig(&b, &[], &[types::I64]);
    let mut func = Function::with_name_signature(UserFuncName::user(0, 2), s.clone());
    let h = import_helper(&mut func, 5, s);
    let mut fctx = FunctionBuilderContext::new();
    let mut fb = FunctionBuilder::new(&mut func, &mut fctx);
    let entry = fb.create_block();
    fb.switch_to_block(entry);
    let call = fb.ins().call(h, &[]);
    let r = fb.inst_results(call)[0];
    fb.ins().return_(&[r]);
    fb.seal_all_blocks();
    fb.finalize(b.isa().frontend_config());
    let err = b.compile(func, &HelperTable::new()).err();
    assert!(
        matches!(err, Some(CompileError::Reloc(RelocError::UnknownTarget(_)))),
        "{err:?}"
    );
    assert_eq!(b.arena().used(), 0, "failed install gives its pages back");
    assert_eq!(b.stats().failures, 1);
}

#[test]
fn arena_full_is_reported() {
    let mut b = Backend::new(1).expect("backend"); // one page
    let s = sig(&b, &[types::I64], &[types::I64]);
    let mk = |b: &Backend| {
        build(b, s.clone(), |fb, entry| {
            let x = fb.block_params(entry)[0];
            let r = fb.ins().iadd_imm_s(x, 1);
            fb.ins().return_(&[r]);
        })
    };
    let f1 = mk(&b);
    let f2 = mk(&b);
    let first = b.compile(f1, &HelperTable::new()).expect("first fits");
    let err = b.compile(f2, &HelperTable::new()).err();
    assert!(
        matches!(err, Some(CompileError::Arena(ArenaError::Full { .. }))),
        "{err:?}"
    );
    assert_eq!(b.stats().arena_full, 1);
    // SAFETY: signature (i64) -> i64; the first function is still live.
    let inc: extern "C" fn(i64) -> i64 = unsafe { first.as_fn() };
    assert_eq!(inc(1), 2);
}
