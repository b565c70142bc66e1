//! The `math` module: every function and constant of CPython 3.11's `math`.
//!
//! Source of the behaviour: CPython 3.11 `Modules/mathmodule.c`. The numerics live in
//! `support::mathfn` (libm calls, CPython's error rules, exact integer functions); this
//! file converts arguments as CPython does and reports errors with its messages:
//! - real arguments go through `PyFloat_AsDouble`: floats (and subclasses) directly,
//!   then `__float__` (which must return a float), then `__index__`, otherwise
//!   TypeError "must be real number, not str"; ints beyond the float range raise
//!   OverflowError "int too large to convert to float";
//! - integer arguments (`factorial`, `gcd`, `comb`, ...) go through `__index__`;
//! - `log`, `log2`, `log10` take huge ints without converting them to floats;
//! - `floor`, `ceil`, `trunc` defer to `__floor__`, `__ceil__`, `__trunc__`.

use crate::builtins::float::float_of;
use crate::builtins::more::index_value;
use crate::numops::{int_value, num_err, to_pyint};
use crate::object::NativeFn;
use crate::support::int::{NumResult, PyInt};
use crate::support::mathfn::{self as mf, Real};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// `PyFloat_AsDouble`: the float value of a real number argument.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(f64::from(u8::from(*b))),
        _ => {}
    }
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        return match float_of(&r) {
            Some(f) => Ok(f),
            None => {
                let (tn, rn) = (vm.type_name(v), vm.type_name(&r));
                Err(vm.type_error(format!("{tn}.__float__ returned non-float (type {rn})")))
            }
        };
    }
    if vm.lookup_special(v, "__index__").is_some() || to_pyint(v).is_some() {
        let i = index_value(vm, v)?;
        return i.to_f64().map_err(|e| num_err(vm, e));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

fn float_result(vm: &mut Vm, r: NumResult<f64>) -> PyResult<Value> {
    r.map(Value::Float).map_err(|e| num_err(vm, e))
}

fn int_result(vm: &mut Vm, r: NumResult<PyInt>) -> PyResult<Value> {
    match r {
        Ok(i) => Ok(int_value(vm, i)),
        Err(e) => Err(num_err(vm, e)),
    }
}

/// The single argument of a one-argument function (METH_O messages).
fn one<'a>(vm: &mut Vm, args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<&'a Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("math.{name}() takes no keyword arguments")));
    }
    match args {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// The two arguments of a two-argument function (fastcall messages).
fn two<'a>(vm: &mut Vm, args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<(&'a Value, &'a Value)> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args {
        [x, y] => Ok((x, y)),
        _ => Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len()))),
    }
}

macro_rules! math_1 {
    ($($f:ident, $name:literal, |$x:ident| $body:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let v = one(vm, args, kwnames, $name)?;
                let $x = to_f64(vm, v)?;
                let r: NumResult<f64> = $body;
                float_result(vm, r)
            }
        )*
    };
}

math_1! {
    m_acos, "acos", |x| mf::acos(x);
    m_acosh, "acosh", |x| mf::acosh(x);
    m_asin, "asin", |x| mf::asin(x);
    m_asinh, "asinh", |x| mf::asinh(x);
    m_atan, "atan", |x| mf::atan(x);
    m_atanh, "atanh", |x| mf::atanh(x);
    m_cbrt, "cbrt", |x| mf::cbrt(x);
    m_cos, "cos", |x| mf::cos(x);
    m_cosh, "cosh", |x| mf::cosh(x);
    m_exp, "exp", |x| mf::exp(x);
    m_exp2, "exp2", |x| mf::exp2(x);
    m_expm1, "expm1", |x| mf::expm1(x);
    m_log1p, "log1p", |x| mf::log1p(x);
    m_sin, "sin", |x| mf::sin(x);
    m_sinh, "sinh", |x| mf::sinh(x);
    m_sqrt, "sqrt", |x| mf::sqrt(x);
    m_tan, "tan", |x| mf::tan(x);
    m_tanh, "tanh", |x| mf::tanh(x);
    m_gamma, "gamma", |x| mf::gamma(x);
    m_lgamma, "lgamma", |x| mf::lgamma(x);
    m_fabs, "fabs", |x| Ok(mf::fabs(x));
    m_degrees, "degrees", |x| Ok(mf::degrees(x));
    m_radians, "radians", |x| Ok(mf::radians(x));
    m_erf, "erf", |x| Ok(mf::erf(x));
    m_erfc, "erfc", |x| Ok(mf::erfc(x));
    m_ulp, "ulp", |x| Ok(mf::ulp(x));
}

macro_rules! math_pred {
    ($($f:ident, $name:literal, $p:path;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let v = one(vm, args, kwnames, $name)?;
                let x = to_f64(vm, v)?;
                Ok(Value::Bool($p(x)))
            }
        )*
    };
}

math_pred! {
    m_isfinite, "isfinite", mf::isfinite;
    m_isinf, "isinf", mf::isinf;
    m_isnan, "isnan", mf::isnan;
}

macro_rules! math_2 {
    ($($f:ident, $name:literal, |$x:ident, $y:ident| $body:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let (a, b) = two(vm, args, kwnames, $name)?;
                let $x = to_f64(vm, a)?;
                let $y = to_f64(vm, b)?;
                let r: NumResult<f64> = $body;
                float_result(vm, r)
            }
        )*
    };
}

math_2! {
    m_atan2, "atan2", |y, x| mf::atan2(y, x);
    m_fmod, "fmod", |x, y| mf::fmod(x, y);
    m_remainder, "remainder", |x, y| mf::remainder(x, y);
    m_pow, "pow", |x, y| mf::pow(x, y);
    m_copysign, "copysign", |x, y| Ok(mf::copysign(x, y));
    m_nextafter, "nextafter", |x, y| Ok(mf::nextafter(x, y));
}

// ----- rounding to ints -----

/// `math.floor` / `math.ceil`: floats directly, then `__floor__`/`__ceil__`, then the
/// float conversion.
fn round_like(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    dunder: &str,
    f: fn(f64) -> NumResult<PyInt>,
) -> PyResult<Value> {
    let v = one(vm, args, kwnames, name)?.clone();
    if let Value::Float(x) = v {
        return int_result(vm, f(x));
    }
    if let (Value::Int(_) | Value::Bool(_), Some(i)) = (&v, to_pyint(&v)) {
        return Ok(int_value(vm, i));
    }
    if let Some(r) = vm.call_special(&v, dunder, &[])? {
        return Ok(r);
    }
    let x = to_f64(vm, &v)?;
    int_result(vm, f(x))
}

fn m_floor(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    round_like(vm, args, kwnames, "floor", "__floor__", mf::floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    round_like(vm, args, kwnames, "ceil", "__ceil__", mf::ceil)
}

fn m_trunc(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "trunc")?.clone();
    if let Value::Float(x) = v {
        return int_result(vm, mf::trunc(x));
    }
    if let (Value::Int(_) | Value::Bool(_), Some(i)) = (&v, to_pyint(&v)) {
        return Ok(int_value(vm, i));
    }
    match vm.call_special(&v, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => {
            let tn = vm.type_name(&v);
            Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")))
        }
    }
}

// ----- float decompositions -----

fn m_frexp(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "frexp")?;
    let x = to_f64(vm, v)?;
    let (m, e) = mf::frexp(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn m_modf(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "modf")?;
    let x = to_f64(vm, v)?;
    let (frac, int) = mf::modf(x);
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (a, b) = two(vm, args, kwnames, "ldexp")?;
    let x = to_f64(vm, a)?;
    let Some(i) = to_pyint(b) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    float_result(vm, mf::ldexp(x, &i))
}

// ----- logarithms -----

/// A `log` argument: ints stay exact (any size), other values convert to float.
enum RealArg {
    Int(PyInt),
    Float(f64),
}

impl RealArg {
    fn get(vm: &mut Vm, v: &Value) -> PyResult<RealArg> {
        match to_pyint(v) {
            Some(i) => Ok(RealArg::Int(i)),
            None => Ok(RealArg::Float(to_f64(vm, v)?)),
        }
    }

    fn real(&self) -> Real<'_> {
        match self {
            RealArg::Int(i) => Real::Int(i),
            RealArg::Float(f) => Real::Float(*f),
        }
    }
}

fn m_log(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let x = RealArg::get(vm, &args[0])?;
    let base = match args.get(1) {
        Some(b) => Some(RealArg::get(vm, b)?),
        None => None,
    };
    let r = mf::log(x.real(), base.as_ref().map(RealArg::real));
    float_result(vm, r)
}

fn m_log2(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "log2")?;
    let x = RealArg::get(vm, v)?;
    float_result(vm, mf::log2(x.real()))
}

fn m_log10(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "log10")?;
    let x = RealArg::get(vm, v)?;
    float_result(vm, mf::log10(x.real()))
}

// ----- sums, products, norms -----

fn m_fsum(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "fsum")?;
    let it = vm.iter(v)?;
    let mut acc = mf::Fsum::new();
    while let Some(item) = vm.next(&it)? {
        let x = to_f64(vm, &item)?;
        acc.add(x).map_err(|e| num_err(vm, e))?;
    }
    float_result(vm, acc.finish())
}

fn m_prod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({npos} given)")));
    }
    let mut acc = Value::Int(1);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match k.as_str() {
            Some("start") => acc = v.clone(),
            other => {
                let name = other.unwrap_or("");
                return Err(vm.type_error(format!("prod() got an unexpected keyword argument '{name}'")));
            }
        }
    }
    let it = vm.iter(&args[0])?;
    while let Some(item) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &item, taipan_bytecode::BinaryOperator::Multiply)?;
    }
    Ok(acc)
}

fn floats_of(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<f64>> {
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(to_f64(vm, it)?);
    }
    Ok(out)
}

fn m_hypot(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let coords = floats_of(vm, args)?;
    Ok(Value::Float(mf::hypot(&coords)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (p, q) = two(vm, args, kwnames, "dist")?;
    let p = vm.collect(p)?;
    let q = vm.collect(q)?;
    let p = floats_of(vm, &p)?;
    let q = floats_of(vm, &q)?;
    float_result(vm, mf::dist(&p, &q))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({npos} given)")));
    }
    let a = crate::builtins::args::parse_args(vm, "isclose", args, kwnames, &["a", "b", "rel_tol", "abs_tol"], 2)?;
    let x = to_f64(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let y = to_f64(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let rel = match &a[2] {
        Some(v) => to_f64(vm, v)?,
        None => 1e-09,
    };
    let abs = match &a[3] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    mf::isclose(x, y, rel, abs).map(Value::Bool).map_err(|e| num_err(vm, e))
}

// ----- integer functions -----

fn m_factorial(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "factorial")?;
    let n = index_value(vm, v)?;
    int_result(vm, mf::factorial(&n))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, args, kwnames, "isqrt")?;
    let n = index_value(vm, v)?;
    int_result(vm, mf::isqrt(&n))
}

fn ints_of(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Vec<PyInt>> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        out.push(index_value(vm, a)?);
    }
    Ok(out)
}

fn m_gcd(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ints = ints_of(vm, args, kwnames, "gcd")?;
    Ok(int_value(vm, mf::gcd(&ints)))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ints = ints_of(vm, args, kwnames, "lcm")?;
    Ok(int_value(vm, mf::lcm(&ints)))
}

fn m_comb(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (a, b) = two(vm, args, kwnames, "comb")?;
    let n = index_value(vm, a)?;
    let k = index_value(vm, b)?;
    int_result(vm, mf::comb(&n, &k))
}

fn m_perm(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("perm() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        let msg = if args.is_empty() {
            "perm expected at least 1 argument, got 0".to_string()
        } else {
            format!("perm expected at most 2 arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let n = index_value(vm, &args[0])?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => Some(index_value(vm, v)?),
        _ => None,
    };
    int_result(vm, mf::perm(&n, k.as_ref()))
}

/// Creates the `math` module object.
pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("math");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    for (name, f) in funcs {
        vm.add_native(&m, name, *f);
    }
    for (name, x) in [
        ("pi", mf::PI),
        ("e", mf::E),
        ("tau", mf::TAU),
        ("inf", mf::INF),
        ("nan", mf::NAN),
    ] {
        vm.set_attr_str(&m, name, Value::Float(x));
    }
    m
}
