//! Unit tests of `support::int` (expected values produced by CPython 3.11).

use super::*;

fn p(s: &str) -> PyInt {
    parse_int(s, 10, 0).expect("valid test literal")
}
fn small(v: i64) -> PyInt {
    PyInt::Small(v)
}

#[test]
fn normalization() {
    let big = p("9223372036854775808");
    assert!(matches!(big, PyInt::Big(_)));
    assert_eq!(big.sub(&small(1)), small(i64::MAX));
    assert_eq!(small(i64::MAX).add(&small(1)), big);
    assert_eq!(small(i64::MIN).neg(), big);
    assert_eq!(big.neg(), small(i64::MIN));
    assert_eq!(small(i64::MIN).abs(), big);
    assert_eq!(small(1 << 62).mul(&small(4)), p("18446744073709551616"));
}

#[test]
fn floor_division_and_modulo() {
    let cases: &[(i64, i64, i64, i64)] = &[
        (7, 2, 3, 1),
        (-7, 2, -4, 1),
        (7, -2, -4, -1),
        (-7, -2, 3, -1),
        (0, 5, 0, 0),
    ];
    for &(a, b, q, r) in cases {
        assert_eq!(small(a).floordiv(&small(b)), Ok(small(q)));
        assert_eq!(small(a).modulo(&small(b)), Ok(small(r)));
        assert_eq!(small(a).divmod(&small(b)), Ok((small(q), small(r))));
    }
    assert_eq!(small(i64::MIN).floordiv(&small(-1)), Ok(p("9223372036854775808")));
    assert_eq!(small(i64::MIN).modulo(&small(-1)), Ok(small(0)));
    let two64 = p("18446744073709551616");
    assert_eq!(small(-7).divmod(&two64), Ok((small(-1), p("18446744073709551609"))));
    assert_eq!(
        small(7).divmod(&two64.neg()),
        Ok((small(-1), p("-18446744073709551609")))
    );
    assert_eq!(
        two64.neg().divmod(&small(7)),
        Ok((small(-2635249153387078803), small(5)))
    );
    assert_eq!(two64.modulo(&small(-7)), Ok(small(-5)));
    let e = small(1).floordiv(&small(0)).unwrap_err();
    assert_eq!(e.message(), "integer division or modulo by zero");
    assert_eq!(e.type_name(), "ZeroDivisionError");
    assert_eq!(
        small(1).modulo(&small(0)).unwrap_err().message(),
        "integer modulo by zero"
    );
    assert_eq!(
        two64.divmod(&small(0)).unwrap_err().message(),
        "integer division or modulo by zero"
    );
}

#[test]
fn true_division() {
    assert_eq!(small(1).truediv(&small(2)), Ok(0.5));
    assert_eq!(small(0).truediv(&small(-5)).map(f64::to_bits), Ok((-0.0f64).to_bits()));
    assert_eq!(small(1).truediv(&small(0)).unwrap_err().message(), "division by zero");
    let big = p("1").lshift(&small(2000)).expect("shift");
    assert_eq!(
        big.truediv(&small(1)).unwrap_err().message(),
        "integer division result too large for a float"
    );
    assert_eq!(small(1).truediv(&big), Ok(0.0));
    assert_eq!(small(-1).truediv(&big).map(f64::to_bits), Ok((-0.0f64).to_bits()));
    // Values checked with python3.
    assert_eq!(
        p("12345678901234567890123").truediv(&small(7)),
        Ok(1.763668414462081e+21)
    );
    let int_pow = |b: i64, e: i64| match small(b).pow(&small(e)) {
        Ok(PowResult::Int(i)) => i,
        _ => PyInt::ZERO,
    };
    assert_eq!(int_pow(10, 400).truediv(&int_pow(3, 700)), Ok(1.0354322706581432e+66));
    // (2**1024 - 2**970) / 1 rounds up to 2**1024: overflow.
    let near = small(1)
        .lshift(&small(1024))
        .and_then(|a| Ok(a.sub(&small(1).lshift(&small(970))?)));
    let near = near.expect("shift");
    assert!(near.truediv(&small(1)).is_err());
    assert!(near.to_f64().is_err());
    // 2**-1074 region: 1 / 2**1074 is the smallest subnormal; 3 / 2**1075 rounds to even.
    let d1074 = small(1).lshift(&small(1074)).expect("shift");
    assert_eq!(small(1).truediv(&d1074), Ok(5e-324));
    let d1075 = small(1).lshift(&small(1075)).expect("shift");
    assert_eq!(small(1).truediv(&d1075), Ok(0.0));
    assert_eq!(small(3).truediv(&d1075), Ok(1e-323));
    assert_eq!(small(-3).truediv(&d1075), Ok(-1e-323));
    // Ties to even at full precision: (2**53 + 1) / 1 -> 2**53.
    let t = p("9007199254740993");
    assert_eq!(t.truediv(&small(1)), Ok(9007199254740992.0));
    assert_eq!(p("9007199254740995").truediv(&small(1)), Ok(9007199254740996.0));
    assert_eq!(p("27021597764222979").truediv(&small(3)), Ok(9007199254740992.0));
}

#[test]
fn powers() {
    assert_eq!(small(2).pow(&small(10)), Ok(PowResult::Int(small(1024))));
    assert_eq!(small(2).pow(&small(64)), Ok(PowResult::Int(p("18446744073709551616"))));
    assert_eq!(
        small(-3).pow(&small(41)),
        Ok(PowResult::Int(p("-36472996377170786403")))
    );
    assert_eq!(small(2).pow(&small(-1)), Ok(PowResult::Float(0.5)));
    assert_eq!(small(-2).pow(&small(-3)), Ok(PowResult::Float(-0.125)));
    assert_eq!(
        small(0).pow(&small(-1)).unwrap_err().message(),
        "0.0 cannot be raised to a negative power"
    );
    let huge = small(1).lshift(&small(2000)).expect("shift");
    assert_eq!(
        huge.pow(&small(-1)).unwrap_err().message(),
        "int too large to convert to float"
    );
    assert_eq!(small(-1).pow(&huge), Ok(PowResult::Int(small(1))));
    assert_eq!(small(-1).pow(&huge.add(&small(1))), Ok(PowResult::Int(small(-1))));
    assert_eq!(small(0).pow(&small(0)), Ok(PowResult::Int(small(1))));
    assert_eq!(small(2).pow(&huge), Err(NumError::Memory));
}

#[test]
fn modular_powers() {
    assert_eq!(
        small(2).pow_mod(&small(-1), &small(0)).unwrap_err().message(),
        "pow() 3rd argument cannot be 0"
    );
    assert_eq!(
        small(2).pow_mod(&small(-1), &small(4)).unwrap_err().message(),
        "base is not invertible for the given modulus"
    );
    assert_eq!(small(-2).pow_mod(&small(3), &small(-5)), Ok(small(-3)));
    assert_eq!(small(3).pow_mod(&small(-1), &small(-7)), Ok(small(-2)));
    assert_eq!(small(-3).pow_mod(&small(-2), &small(7)), Ok(small(4)));
    assert_eq!(small(0).pow_mod(&small(0), &small(1)), Ok(small(0)));
    assert_eq!(small(5).pow_mod(&small(0), &small(-1)), Ok(small(0)));
    assert_eq!(small(0).pow_mod(&small(-1), &small(1)), Ok(small(0)));
    // Values from python3.
    let e = p("100000000000000000000");
    assert_eq!(small(3).pow_mod(&e, &small(1_000_000_007)), Ok(small(139_421_235)));
    let m = small(1).lshift(&small(89)).expect("shift").sub(&small(1));
    assert_eq!(
        p("12345678901234567890").pow_mod(&small(-1), &m),
        Ok(p("338604421359886006294785622"))
    );
    assert_eq!(
        small(7).pow_mod(&small(3), &small(i64::MIN)),
        Ok(small(-9223372036854775465))
    );
}

#[test]
fn shifts_and_bits() {
    assert_eq!(
        small(1).lshift(&small(-1)).unwrap_err().message(),
        "negative shift count"
    );
    assert_eq!(
        small(1).rshift(&small(-1)).unwrap_err().message(),
        "negative shift count"
    );
    let huge = small(1).lshift(&small(100)).expect("shift");
    assert_eq!(small(0).lshift(&huge), Ok(small(0)));
    assert_eq!(small(5).rshift(&huge), Ok(small(0)));
    assert_eq!(small(-5).rshift(&huge), Ok(small(-1)));
    assert_eq!(small(1).lshift(&huge), Err(NumError::Memory));
    assert_eq!(small(-5).rshift(&small(1)), Ok(small(-3)));
    assert_eq!(p("-1180591620717411303425").rshift(&small(70)), Ok(small(-2)));
    assert_eq!(small(-1).lshift(&small(63)), Ok(small(i64::MIN)));
    assert_eq!(small(1).lshift(&small(63)), Ok(p("9223372036854775808")));
    let two70 = p("1180591620717411303424");
    assert_eq!(p("9223372036854775808").bitand(&small(-1)), p("9223372036854775808"));
    let mask = small(1).lshift(&small(65)).expect("shift").sub(&small(1));
    assert_eq!(two70.neg().bitand(&mask), small(0));
    assert_eq!(two70.neg().bitor(&small(5)), p("-1180591620717411303419"));
    assert_eq!(two70.neg().bitxor(&small(-3)), p("1180591620717411303421"));
    assert_eq!(two70.invert(), p("-1180591620717411303425"));
    assert_eq!(two70.neg().bit_length(), 71);
    assert_eq!(two70.neg().add(&small(1)).bit_count(), 70);
    assert_eq!(small(-1).bit_length(), 1);
    assert_eq!(small(0).bit_length(), 0);
    assert_eq!(small(i64::MIN).bit_length(), 64);
}

#[test]
fn float_conversions() {
    let e = p("1").lshift(&small(1024)).expect("shift").to_f64().unwrap_err();
    assert_eq!(e.message(), "int too large to convert to float");
    let ok = small(1)
        .lshift(&small(1024))
        .expect("shift")
        .sub(&small(1).lshift(&small(971)).expect("shift"));
    assert_eq!(ok.to_f64(), Ok(f64::MAX));
    assert_eq!(p("9007199254740993").to_f64(), Ok(9007199254740992.0));
    assert_eq!(
        PyInt::from_f64(f64::NAN).unwrap_err().message(),
        "cannot convert float NaN to integer"
    );
    assert_eq!(
        PyInt::from_f64(f64::NEG_INFINITY).unwrap_err(),
        NumError::Overflow("cannot convert float infinity to integer".into())
    );
    assert_eq!(PyInt::from_f64(-2.9), Ok(small(-2)));
    assert_eq!(PyInt::from_f64(1e20), Ok(p("100000000000000000000")));
    assert_eq!(PyInt::from_f64(-9.223372036854776e18), Ok(small(i64::MIN)));
    assert_eq!(PyInt::from_f64(1e300).map(|i| i.to_string().len()), Ok(301));
    assert_eq!(PyInt::from_f64(f64::MAX).and_then(|i| i.to_f64()), Ok(f64::MAX));
}

#[test]
fn float_comparisons() {
    let t53p1 = p("9007199254740993");
    assert_eq!(t53p1.cmp_f64(9007199254740992.0), Some(Ordering::Greater));
    assert!(!t53p1.eq_f64(9007199254740992.0));
    assert!(p("9007199254740992").eq_f64(9007199254740992.0));
    assert_eq!(small(1).cmp_f64(f64::NAN), None);
    assert_eq!(small(1).cmp_f64(f64::INFINITY), Some(Ordering::Less));
    assert_eq!(
        p("1").lshift(&small(5000)).expect("s").cmp_f64(f64::INFINITY),
        Some(Ordering::Less)
    );
    assert_eq!(small(3).cmp_f64(2.5), Some(Ordering::Greater));
    assert_eq!(small(-3).cmp_f64(-2.5), Some(Ordering::Less));
    assert_eq!(
        p("18446744073709551617").cmp_f64(1.8446744073709552e19),
        Some(Ordering::Greater)
    );
    assert_eq!(
        p("-18446744073709551617").cmp_f64(-1.8446744073709552e19),
        Some(Ordering::Less)
    );
    assert_eq!(
        p("18446744073709551616").cmp_f64(1.8446744073709552e19),
        Some(Ordering::Equal)
    );
    assert_eq!(small(i64::MAX).cmp_f64(9.223372036854776e18), Some(Ordering::Less));
    assert_eq!(small(0).cmp_f64(-0.0), Some(Ordering::Equal));
    assert_eq!(small(0).cmp_f64(0.5), Some(Ordering::Less));
    assert_eq!(small(-1).cmp_f64(-0.5), Some(Ordering::Less));
}

#[test]
fn formatting() {
    assert_eq!(small(-5).to_bin(), "-0b101");
    assert_eq!(p("-1180591620717411303424").to_oct(), "-0o200000000000000000000000");
    assert_eq!(p("1180591620717411303424").to_hex(), "0x400000000000000000");
    assert_eq!(small(0).to_hex(), "0x0");
    assert_eq!(small(0).to_bin(), "0b0");
    assert_eq!(small(i64::MIN).to_hex(), "-0x8000000000000000");
    assert_eq!(small(255).magnitude_digits(36), "73");
    let ten = small(10);
    let pow = |e: i64| match ten.pow(&small(e)) {
        Ok(PowResult::Int(i)) => i,
        _ => PyInt::ZERO,
    };
    let ok = pow(4299);
    assert_eq!(ok.to_decimal_string(4300).map(|s| s.len()), Ok(4300));
    assert_eq!(ok.neg().to_decimal_string(4300).map(|s| s.len()), Ok(4301));
    let e = pow(4300).to_decimal_string(4300).unwrap_err();
    assert_eq!(
        e.message(),
        "Exceeds the limit (4300 digits) for integer string conversion; \
        use sys.set_int_max_str_digits() to increase the limit"
    );
    assert!(pow(4300).neg().to_decimal_string(4300).is_err());
    assert!(pow(100000).to_decimal_string(4300).is_err());
    assert_eq!(pow(4300).to_decimal_string(0).map(|s| s.len()), Ok(4301));
    assert_eq!(pow(20).to_decimal_string(4300), Ok("100000000000000000000".to_string()));
    assert_eq!(
        pow(700).to_decimal_string(640).unwrap_err().message(),
        "Exceeds the limit (640 digits) for integer string conversion; \
        use sys.set_int_max_str_digits() to increase the limit"
    );
}

#[test]
fn bytes_round_trip() {
    assert_eq!(small(255).to_bytes(1, false, false), Ok(vec![0xff]));
    assert_eq!(
        small(256).to_bytes(1, false, false).unwrap_err().message(),
        "int too big to convert"
    );
    assert_eq!(
        small(-1).to_bytes(1, false, false).unwrap_err().message(),
        "can't convert negative int to unsigned"
    );
    assert!(small(-129).to_bytes(1, false, true).is_err());
    assert!(small(128).to_bytes(1, false, true).is_err());
    assert_eq!(small(-128).to_bytes(1, false, true), Ok(vec![0x80]));
    assert_eq!(small(0).to_bytes(0, false, false), Ok(vec![]));
    assert_eq!(small(-1).to_bytes(0, false, true), Ok(vec![]));
    assert_eq!(small(-2).to_bytes(3, true, true), Ok(vec![0xfe, 0xff, 0xff]));
    assert_eq!(PyInt::from_bytes(&[0xff, 0x00], true, true), small(255));
    assert_eq!(PyInt::from_bytes(&[0xff, 0xff], true, true), small(-1));
    assert_eq!(PyInt::from_bytes(&[], true, true), small(0));
    let big = p("-1180591620717411303425");
    let bytes = big.to_bytes(10, false, true).expect("fits");
    assert_eq!(PyInt::from_bytes(&bytes, false, true), big);
}

fn perr(s: &str, base: u32) -> String {
    let repr = format!("'{s}'");
    match parse_int(s, base, DEFAULT_MAX_STR_DIGITS) {
        Ok(v) => format!("ok {v}"),
        Err(e) => e.into_num_error(&repr).message().to_string(),
    }
}

#[test]
fn parsing() {
    let ok = |s: &str, base: u32| parse_int(s, base, DEFAULT_MAX_STR_DIGITS);
    assert_eq!(ok(" 0x_1f ", 0), Ok(small(31)));
    assert_eq!(ok("0_0", 0), Ok(small(0)));
    assert_eq!(ok("00", 0), Ok(small(0)));
    assert_eq!(ok("-0", 0), Ok(small(0)));
    assert_eq!(ok("0b101", 0), Ok(small(5)));
    assert_eq!(ok("0B1", 2), Ok(small(1)));
    assert_eq!(ok("0b1", 16), Ok(small(177)));
    assert_eq!(ok("z", 36), Ok(small(35)));
    assert_eq!(ok(" +12 ", 10), Ok(small(12)));
    assert_eq!(ok("+0x10", 16), Ok(small(16)));
    assert_eq!(ok("-0b_1", 0), Ok(small(-1)));
    assert_eq!(ok("1_000_000", 10), Ok(small(1_000_000)));
    assert_eq!(ok("\u{663}\u{664}", 10), Ok(small(34)));
    assert_eq!(ok("１２", 10), Ok(small(12)));
    assert_eq!(ok("0x\u{663}", 16), Ok(small(3)));
    assert_eq!(ok("\u{2003}12\u{3000}", 10), Ok(small(12)));
    assert_eq!(ok("\u{85}12\u{a0}", 10), Ok(small(12)));
    assert_eq!(ok("\x0b12\x0c\n", 10), Ok(small(12)));
    assert_eq!(ok("-9223372036854775808", 10), Ok(small(i64::MIN)));
    assert_eq!(ok("ffffffffffffffffffff", 16), Ok(p("1208925819614629174706175")));
    assert_eq!(perr("abc", 10), "invalid literal for int() with base 10: 'abc'");
    for (s, base) in [
        ("0x", 16),
        ("0x", 0),
        ("0o", 8),
        ("0_", 0),
        ("1__2", 10),
        ("_12", 10),
        ("12_", 10),
        ("010", 0),
        ("0010", 0),
        ("0_1", 0),
        ("- 12", 10),
        ("", 10),
        ("1 2", 10),
        ("1\0", 10),
        ("x", 0),
        ("0x__1", 0),
        ("\x1c12", 10),
        ("12\x1f", 10),
        ("é", 10),
        ("2", 2),
    ] {
        let msg = perr(s, base);
        assert_eq!(
            msg,
            format!("invalid literal for int() with base {base}: '{s}'"),
            "{s:?}"
        );
    }
    assert_eq!(perr("1", 1), "int() base must be >= 2 and <= 36, or 0");
    assert_eq!(perr("1", 37), "int() base must be >= 2 and <= 36, or 0");
    let long = "x".repeat(300);
    assert_eq!(
        perr(&long, 10),
        format!("invalid literal for int() with base 10: '{}", "x".repeat(199))
    );
    let limit = |n: usize| {
        format!(
            "Exceeds the limit (4300 digits) for integer string \
        conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        )
    };
    assert_eq!(perr(&"1".repeat(5000), 10), limit(5000));
    assert_eq!(perr(&format!("{}1", "0".repeat(5000)), 10), limit(5001));
    assert_eq!(perr(&"1".repeat(5000), 3), limit(5000));
    assert_eq!(perr(&format!("{}x", "1".repeat(5000)), 10), limit(5000));
    assert_eq!(perr(&format!(" {} ", "1".repeat(4301)), 10), limit(4301));
    assert_eq!(perr(&"\u{661}".repeat(5000), 10), limit(5000));
    assert!(perr(&format!("{}_", "1".repeat(5000)), 10).starts_with("invalid literal"));
    assert!(ok(&"1".repeat(5000), 2).is_ok());
    assert!(ok(&"1".repeat(4300), 10).is_ok());
    let with_us = format!("{}1", "1_".repeat(2500));
    assert_eq!(ok(&with_us, 10).map(|v| v.to_string().len()), Ok(2501));
    assert_eq!(parse_int_bytes(b" 42 ", 0, 4300), Ok(small(42)));
}

#[test]
fn int_rounding() {
    assert_eq!(small(1234).round_ndigits(-2), small(1200));
    assert_eq!(small(1250).round_ndigits(-2), small(1200));
    assert_eq!(small(1350).round_ndigits(-2), small(1400));
    assert_eq!(small(-1350).round_ndigits(-2), small(-1400));
    assert_eq!(small(-1251).round_ndigits(-2), small(-1300));
    assert_eq!(small(5).round_ndigits(-1), small(0));
    assert_eq!(small(15).round_ndigits(-1), small(20));
    assert_eq!(small(5000).round_ndigits(-4), small(0));
    assert_eq!(small(6000).round_ndigits(-4), small(10000));
    assert_eq!(small(123).round_ndigits(5), small(123));
    assert_eq!(small(i64::MAX).round_ndigits(-19), p("10000000000000000000"));
    assert_eq!(small(i64::MAX).round_ndigits(i64::MIN), small(0));
    assert_eq!(
        p("-99999999999999999999").round_ndigits(-1),
        p("-100000000000000000000")
    );
    assert_eq!(p("99999999999999999999").to_i64_saturating(), i64::MAX);
    assert_eq!(p("-99999999999999999999").to_i64_saturating(), i64::MIN);
}

#[test]
fn ordering() {
    let big = p("9223372036854775808");
    assert!(big > small(i64::MAX));
    assert!(big.neg().neg() > small(0));
    assert!(big.neg().sub(&small(1)) < small(i64::MIN));
    assert!(p("-99999999999999999999") < p("-99999999999999999998"));
}

#[test]
fn allocation_check_refuses_impossible_results() {
    assert_eq!(check_allocatable(1 << 62), Err(NumError::Memory));
    assert_eq!(check_allocatable(1 << 10), Ok(()));
    assert_eq!(check_allocatable(2 << 20), Ok(()));
    assert!(small(3).checked_mul(&small(5)).is_ok());
    let big = small(1).lshift(&small(100)).unwrap_or(PyInt::ZERO);
    assert_eq!(
        big.checked_mul(&big),
        Ok(small(1).lshift(&small(200)).unwrap_or(PyInt::ZERO))
    );
}
