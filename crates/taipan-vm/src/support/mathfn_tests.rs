//! Unit tests of `support::mathfn` (expected values produced by CPython 3.11).

use super::super::int::parse_int;
use super::*;

fn p(s: &str) -> PyInt {
    parse_int(s, 10, 0).expect("literal")
}
fn msg<T: std::fmt::Debug>(r: NumResult<T>) -> String {
    match r {
        Ok(v) => format!("ok {v:?}"),
        Err(e) => format!("{}: {}", e.type_name(), e.message()),
    }
}
const DOMAIN: &str = "ValueError: math domain error";
const RANGE: &str = "OverflowError: math range error";

// Expected values below come from CPython 3.11 (`python3 -c 'import math; ...'`).
#[test]
fn error_rules() {
    for r in [
        gamma(0.0),
        gamma(-0.0),
        gamma(-1.0),
        gamma(f64::NEG_INFINITY),
        lgamma(-1.0),
        lgamma(0.0),
        lgamma(-1e308),
        pow(0.0, -1.0),
        pow(-8.0, 1.0 / 3.0),
        pow(-0.0, -3.0),
        sqrt(-1.0),
        log(Real::Float(0.0), None),
        log(Real::Float(-1.0), None),
        log(Real::Float(f64::NEG_INFINITY), None),
        log2(Real::Float(-1.0)),
        log1p(-1.0),
        log1p(-2.0),
        fmod(1.0, 0.0),
        fmod(f64::INFINITY, 1.0),
        atanh(1.0),
        atanh(-1.0),
        atanh(2.0),
        acosh(0.5),
        asin(2.0),
        acos(2.0),
        sin(f64::INFINITY),
        cos(f64::INFINITY),
        tan(f64::INFINITY),
        remainder(1.0, 0.0),
        remainder(f64::INFINITY, 1.0),
    ] {
        assert_eq!(msg(r), DOMAIN);
    }
    for r in [
        gamma(171.7),
        gamma(1e-320),
        gamma(-1e-320),
        lgamma(1e308),
        pow(10.0, 400.0),
        exp(1000.0),
        exp2(1024.0),
        expm1(1000.0),
        cosh(1000.0),
        sinh(-1000.0),
    ] {
        assert_eq!(msg(r), RANGE);
    }
    let huge = p("1").lshift(&PyInt::Small(1100)).expect("shift");
    assert_eq!(msg(log(Real::Int(&huge.neg()), None)), DOMAIN);
    assert_eq!(msg(log(Real::Int(&PyInt::ZERO), None)), DOMAIN);
    assert_eq!(
        msg(log(Real::Float(10.0), Some(Real::Float(1.0)))),
        "ZeroDivisionError: float division by zero"
    );
    assert_eq!(
        msg(floor(f64::INFINITY)),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(msg(ceil(f64::NAN)), "ValueError: cannot convert float NaN to integer");
    assert_eq!(
        msg(isclose(1.0, 2.0, -1.0, 0.0)),
        "ValueError: tolerances must be non-negative"
    );
    assert_eq!(
        msg(dist(&[1.0, 2.0], &[3.0])),
        "ValueError: both points must have the same number of dimensions"
    );
    assert_eq!(msg(ldexp(1.0, &p("1180591620717411303424"))), RANGE);
    assert_eq!(msg(ldexp(1.0, &PyInt::Small(1024))), RANGE);
}

#[test]
fn special_values() {
    assert_eq!(gamma(f64::INFINITY), Ok(f64::INFINITY));
    assert_eq!(gamma(-200.5).map(f64::to_bits), Ok((-0.0f64).to_bits()));
    assert_eq!(lgamma(f64::NEG_INFINITY), Ok(f64::INFINITY));
    assert_eq!(pow(f64::NAN, 0.0), Ok(1.0));
    assert_eq!(pow(1.0, f64::NAN), Ok(1.0));
    assert_eq!(pow(f64::NEG_INFINITY, -3.0).map(f64::to_bits), Ok((-0.0f64).to_bits()));
    assert_eq!(pow(-2.0, f64::INFINITY), Ok(f64::INFINITY));
    assert_eq!(pow(0.5, f64::NEG_INFINITY), Ok(f64::INFINITY));
    assert_eq!(sqrt(-0.0).map(f64::to_bits), Ok((-0.0f64).to_bits()));
    assert_eq!(log(Real::Float(f64::INFINITY), None), Ok(f64::INFINITY));
    assert_eq!(exp(-1000.0), Ok(0.0));
    assert_eq!(fmod(1.0, f64::INFINITY), Ok(1.0));
    assert_eq!(fmod(-5.0, 3.0), Ok(-2.0));
    assert_eq!(remainder(5.0, 2.0), Ok(1.0));
    assert_eq!(remainder(7.0, 2.0), Ok(-1.0));
    assert_eq!(remainder(-5.5, 2.0), Ok(0.5));
    assert_eq!(remainder(1.0, f64::INFINITY), Ok(1.0));
    assert_eq!(atan2(0.0, -0.0), Ok(PI));
    assert_eq!(atan2(f64::INFINITY, f64::NEG_INFINITY), Ok(2.356194490192345));
    assert_eq!(atan(f64::INFINITY), Ok(std::f64::consts::FRAC_PI_2));
    assert_eq!(copysign(1.0, -0.0), -1.0);
    assert_eq!(degrees(1e308), f64::INFINITY);
    assert_eq!(erfc(30.0), 0.0);
    assert_eq!(erfc(-30.0), 2.0);
    assert_eq!(frexp(0.0), (0.0, 0));
    assert_eq!(frexp(-3.0), (-0.75, 2));
    assert_eq!(frexp(5e-324), (0.5, -1073));
    assert_eq!(modf(-3.5), (-0.5, -3.0));
    assert_eq!(modf(f64::NEG_INFINITY).0.to_bits(), (-0.0f64).to_bits());
    assert_eq!(ldexp(1.0, &p("-1180591620717411303424")), Ok(0.0));
    assert_eq!(ldexp(0.0, &p("1180591620717411303424")), Ok(0.0));
    assert_eq!(ldexp(3.0, &PyInt::Small(-1076)), Ok(5e-324));
    assert_eq!(nextafter(1.0, 2.0), 1.0000000000000002);
    assert_eq!(nextafter(0.0, -1.0), -5e-324);
    assert!(nextafter(f64::NAN, 1.0).is_nan());
    assert_eq!(ulp(1.0), 2.220446049250313e-16);
    assert_eq!(ulp(f64::MAX), 1.99584030953472e+292);
    assert_eq!(ulp(0.0), 5e-324);
    assert_eq!(ulp(f64::NEG_INFINITY), f64::INFINITY);
    assert_eq!(isclose(1.0, 1.0000000001, 1e-9, 0.0), Ok(true));
    assert_eq!(isclose(f64::INFINITY, f64::INFINITY, 1e-9, 0.0), Ok(true));
    assert_eq!(isclose(f64::INFINITY, 1e308, 1e-9, 0.0), Ok(false));
}

#[test]
fn values_match_cpython() {
    assert_eq!(asinh(1e300), Ok(691.4686750787736));
    assert_eq!(acosh(2.0000001), Ok(1.3169579546598416));
    assert_eq!(atanh(0.3), Ok(0.30951960420311175));
    assert_eq!(erf(0.5), 0.5204998778130465);
    assert_eq!(erfc(2.0), 0.004677734981047265);
    assert_eq!(erf(-1.0), -0.8427007929497149);
    assert_eq!(erfc(10.0), 2.088487583762545e-45);
    assert_eq!(gamma(0.5), Ok(1.7724538509055159));
    assert_eq!(gamma(-1.5), Ok(2.3632718012073544));
    assert_eq!(gamma(5.5), Ok(52.34277778455352));
    assert_eq!(gamma(24.0), Ok(2.585201673888497e22));
    assert_eq!(lgamma(0.5), Ok(0.5723649429247004));
    assert_eq!(lgamma(-2.5), Ok(-0.05624371649767457));
    assert_eq!(lgamma(2.5), Ok(0.2846828704729196));
    assert_eq!(cbrt(-27.0), Ok(-3.0000000000000004));
    assert_eq!(cbrt(2.0), Ok(1.2599210498948734));
    assert_eq!(hypot(&[3.0, 4.0]), 5.0);
    assert_eq!(hypot(&[1.0, 2.0, 3.0]), 3.7416573867739413);
    assert_eq!(hypot(&[]), 0.0);
    assert_eq!(hypot(&[-3.0]), 3.0);
    assert_eq!(hypot(&[1e308, 1e308]), 1.4142135623730951e308);
    assert_eq!(hypot(&[1e-320, 1e-320]), 1.414e-320);
    assert_eq!(hypot(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
    assert_eq!(dist(&[1.0, 2.0, 3.0], &[4.0, 5.0, 7.0]), Ok(5.830951894845301));
    let ten_1000 = PyInt::Small(10).pow(&PyInt::Small(1000));
    let Ok(super::super::int::PowResult::Int(ten_1000)) = ten_1000 else {
        panic!("int power");
    };
    assert_eq!(log(Real::Int(&ten_1000), None), Ok(2302.585092994045));
    let two_1100 = p("1").lshift(&PyInt::Small(1100)).expect("shift");
    assert_eq!(log(Real::Int(&two_1100), Some(Real::Int(&PyInt::Small(2)))), Ok(1100.0));
    assert_eq!(log10(Real::Int(&ten_1000)), Ok(1000.0));
    assert_eq!(log(Real::Float(8.0), Some(Real::Float(2.0))), Ok(3.0));
}

#[test]
fn summation() {
    assert_eq!(fsum([0.1; 10]), Ok(1.0));
    assert_eq!(fsum([1e-16, 1.0, 1e16]), Ok(1.0000000000000002e16));
    assert_eq!(fsum([1e100, 1.0, -1e100, 1e-100]), Ok(1.0));
    assert_eq!(fsum([1e308, -1e308, 1e308]), Ok(1e308));
    assert_eq!(fsum([]).map(f64::to_bits), Ok(0));
    assert_eq!(fsum([-0.0]).map(f64::to_bits), Ok(0));
    assert_eq!(fsum([f64::INFINITY, 1.0]), Ok(f64::INFINITY));
    assert!(fsum([f64::NAN, 1.0]).is_ok_and(f64::is_nan));
    assert_eq!(
        msg(fsum([1e308, 1e308])),
        "OverflowError: intermediate overflow in fsum"
    );
    assert_eq!(
        msg(fsum([f64::INFINITY, f64::NEG_INFINITY])),
        "ValueError: -inf + inf in fsum"
    );
}

#[test]
fn integer_functions() {
    assert_eq!(factorial(&PyInt::Small(20)), Ok(PyInt::Small(2432902008176640000)));
    assert_eq!(factorial(&PyInt::Small(30)), Ok(p("265252859812191058636308480000000")));
    assert_eq!(factorial(&PyInt::ZERO), Ok(PyInt::ONE));
    let f5000 = factorial(&PyInt::Small(5000)).expect("factorial");
    assert_eq!(f5000.bit_length(), 54233);
    assert_eq!(f5000.modulo(&PyInt::Small(1_000_000_007)), Ok(PyInt::Small(541108809)));
    assert_eq!(
        msg(factorial(&PyInt::Small(-1))),
        "ValueError: factorial() not defined for negative values"
    );
    assert_eq!(
        msg(factorial(&p("9223372036854775808"))),
        "OverflowError: factorial() argument should not exceed 9223372036854775807"
    );
    assert_eq!(
        comb(&PyInt::Small(100), &PyInt::Small(50)),
        Ok(p("100891344545564193334812497256"))
    );
    assert_eq!(comb(&PyInt::Small(10), &PyInt::Small(11)), Ok(PyInt::ZERO));
    let big = p("1000000000000000000000000000000");
    let c = comb(&big, &PyInt::Small(3)).expect("comb");
    assert_eq!(c.modulo(&PyInt::Small(1000003)), Ok(PyInt::Small(578919)));
    let two64 = p("18446744073709551616");
    assert_eq!(
        comb(&two64, &PyInt::Small(3)),
        Ok(p("1046183622564446793802490387074141837624854185052691496960"))
    );
    assert_eq!(
        msg(comb(&PyInt::Small(-1), &PyInt::Small(2))),
        "ValueError: n must be a non-negative integer"
    );
    assert_eq!(
        msg(comb(&PyInt::Small(5), &PyInt::Small(-2))),
        "ValueError: k must be a non-negative integer"
    );
    let k = two64.add(&PyInt::ONE);
    let n = two64.add(&two64);
    assert_eq!(
        msg(comb(&n.add(&PyInt::Small(3)), &k)),
        "OverflowError: min(n - k, k) must not exceed 9223372036854775807"
    );
    assert_eq!(perm(&PyInt::Small(10), Some(&PyInt::Small(3))), Ok(PyInt::Small(720)));
    assert_eq!(perm(&PyInt::Small(5), None), Ok(PyInt::Small(120)));
    assert_eq!(perm(&PyInt::Small(3), Some(&PyInt::Small(5))), Ok(PyInt::ZERO));
    assert_eq!(perm(&PyInt::Small(5), Some(&two64)), Ok(PyInt::ZERO));
    let pm = perm(&two64, Some(&PyInt::Small(3))).expect("perm");
    assert_eq!(pm.modulo(&PyInt::Small(1000003)), Ok(PyInt::Small(867975)));
    assert_eq!(
        msg(perm(&PyInt::Small(-1), None)),
        "ValueError: factorial() not defined for negative values"
    );
    assert_eq!(
        msg(perm(&n, Some(&k))),
        "OverflowError: k must not exceed 9223372036854775807"
    );
    assert_eq!(
        isqrt(&p("170141183460469231731687303715884105728")),
        Ok(p("13043817825332782212"))
    );
    assert_eq!(
        isqrt(&p("10000000000000000000000000000000000000001")),
        Ok(p("100000000000000000000"))
    );
    assert_eq!(isqrt(&PyInt::Small(i64::MAX)), Ok(PyInt::Small(3037000499)));
    assert_eq!(isqrt(&PyInt::Small(15)), Ok(PyInt::Small(3)));
    assert_eq!(isqrt(&PyInt::Small(16)), Ok(PyInt::Small(4)));
    assert_eq!(
        msg(isqrt(&PyInt::Small(-1))),
        "ValueError: isqrt() argument must be nonnegative"
    );
    assert_eq!(gcd(&[]), PyInt::ZERO);
    assert_eq!(gcd(&[PyInt::Small(-12)]), PyInt::Small(12));
    assert_eq!(
        gcd(&[PyInt::Small(-12), PyInt::Small(18), PyInt::ZERO]),
        PyInt::Small(6)
    );
    assert_eq!(gcd(&[PyInt::Small(i64::MIN), PyInt::ZERO]), p("9223372036854775808"));
    let two100 = p("1267650600228229401496703205376");
    let six50 = p("808281277464764060643139600456536293376");
    assert_eq!(gcd(&[two100, six50]), p("1125899906842624"));
    assert_eq!(lcm(&[]), PyInt::ONE);
    assert_eq!(lcm(&[PyInt::Small(-4), PyInt::Small(6)]), PyInt::Small(12));
    assert_eq!(lcm(&[PyInt::ZERO, PyInt::Small(5)]), PyInt::ZERO);
    assert_eq!(lcm(&[PyInt::Small(-4)]), PyInt::Small(4));
    assert_eq!(
        lcm(&[p("1180591620717411303424"), PyInt::Small(27)]),
        p("31875973759370105192448")
    );
}

/// The JIT's table of `math` functions (`taipan_jit::ir::mathfn`, what a trace computes)
/// gives the interpreter's result, bit for bit, and raises where it raises.
#[test]
fn jit_math_table_matches_the_interpreter() {
    use taipan_jit::ir::mathfn::MathFn;
    let xs = [
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.0,
        -1.0,
        2.0,
        3.0,
        -3.0,
        1e-300,
        5e-324,
        0.75,
        1e15,
        1e22,
        1e300,
        -1e300,
        700.0,
        709.7,
        710.0,
        -745.2,
        -1000.0,
        1000.0,
        9007199254740993.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        std::f64::consts::PI,
        1e-10,
        20.0,
        -20.0,
    ];
    for &m in MathFn::ALL {
        for &x in &xs {
            let want: NumResult<f64> = match m {
                MathFn::Sin => sin(x),
                MathFn::Cos => cos(x),
                MathFn::Tan => tan(x),
                MathFn::Exp => exp(x),
                MathFn::Log => log(Real::Float(x), None),
                MathFn::Log2 => log2(Real::Float(x)),
                MathFn::Log10 => log10(Real::Float(x)),
                MathFn::Atan => atan(x),
                MathFn::Asin => asin(x),
                MathFn::Acos => acos(x),
                MathFn::Sinh => sinh(x),
                MathFn::Cosh => cosh(x),
                MathFn::Tanh => tanh(x),
                MathFn::Expm1 => expm1(x),
                MathFn::Log1p => log1p(x),
                MathFn::Fabs => Ok(fabs(x)),
            };
            let got = m.eval(x);
            assert_eq!(
                got.map(f64::to_bits),
                want.ok().map(f64::to_bits),
                "math.{}({x})",
                m.py_name()
            );
        }
    }
    // ints: the trace converts them to floats first (`int_to_float`), the log family of
    // the interpreter takes them as ints
    for k in [0i64, -1, 1, 2, 10, 1 << 53, (1 << 53) + 1, i64::MAX, i64::MIN] {
        let n = PyInt::from(k);
        for (m, want) in [
            (MathFn::Log, log(Real::Int(&n), None)),
            (MathFn::Log2, log2(Real::Int(&n))),
            (MathFn::Log10, log10(Real::Int(&n))),
        ] {
            let got = m.eval(k as f64);
            assert_eq!(
                got.map(f64::to_bits),
                want.ok().map(f64::to_bits),
                "math.{}({k})",
                m.py_name()
            );
        }
    }
}

/// The JIT's two-argument `math` functions give the interpreter's results, bit for bit,
/// and never raise.
#[test]
fn jit_math2_table_matches_the_interpreter() {
    use taipan_jit::ir::mathfn::MathFn2;
    let xs = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.5,
        -1e300,
        1e-310,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    for &m in MathFn2::ALL {
        for &x in &xs {
            for &y in &xs {
                let want = match m {
                    MathFn2::Atan2 => atan2(x, y).ok(),
                    MathFn2::Copysign => Some(copysign(x, y)),
                };
                let got = (m.func())(x, y);
                assert_eq!(
                    Some(got.to_bits()),
                    want.map(f64::to_bits),
                    "math.{}({x}, {y})",
                    m.py_name()
                );
            }
        }
    }
}
