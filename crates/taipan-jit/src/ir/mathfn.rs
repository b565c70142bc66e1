//! The one-argument `math` functions a trace computes itself: one table of rows, each a
//! [`MathFn`] variant with its Python name, its IR op and the Rust function that computes
//! it (the evaluator, the constant folder and the backend all call that function, so the
//! three agree bit for bit).
//!
//! Source of the behaviour: CPython 3.11 `Modules/mathmodule.c`, `math_1` and `loghelper`
//! (on Linux/glibc), as the interpreter implements them in taipan-vm's
//! `support/mathfn.rs`: the result is the C library's (Rust's `f64::sin` and friends, the
//! same libm calls the interpreter makes); a NaN result from a non-NaN argument is
//! `ValueError("math domain error")`, an infinite result from a finite argument is
//! `OverflowError("math range error")` (functions that can overflow: `exp`, `expm1`,
//! `sinh`, `cosh`) or `ValueError("math domain error")` (the others: `log(0.0)`). The
//! `log` family follows `m_log`: NaN and `+inf` give themselves, a positive finite `x`
//! the libm log, anything else a domain error (here: NaN, which the rule above turns into
//! the error). `fabs` never raises and is the plain `float_abs` op.
//!
//! Two-argument functions ([`MathFn2`]: `atan2`, `copysign`) never raise in CPython (a
//! NaN result only comes from a NaN argument, no result is infinite), so their ops never
//! exit.
//!
//! A trace never raises: the ops of this table (except `float_abs`) *exit* where CPython
//! raises ([`raises`]), and the interpreter redoes the call and raises (see
//! `record/math.rs`). taipan-vm's unit tests check every row against the interpreter's
//! function on special and ordinary arguments.

use super::Op;

macro_rules! define_math_fns {
    ($( $(#[doc = $doc:literal])+ $name:ident $py:literal $op:ident $f:path; )*) => {
        /// A one-argument `math` function the trace computes itself (see the module doc).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum MathFn {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl MathFn {
            /// Every function, in table order.
            pub const ALL: &'static [MathFn] = &[ $( MathFn::$name, )* ];

            /// The function's name in the `math` module (`"sin"`).
            pub fn py_name(self) -> &'static str {
                match self { $( MathFn::$name => $py, )* }
            }

            /// The IR op that computes it.
            pub fn op(self) -> Op {
                match self { $( MathFn::$name => Op::$op, )* }
            }

            /// The function computing the libm result (before the error check), as the
            /// backend calls it.
            pub fn func(self) -> extern "C" fn(f64) -> f64 {
                match self { $( MathFn::$name => $f, )* }
            }
        }
    };
}

define_math_fns! {
    /// `math.sin(x)`.
    Sin "sin" FloatSin m_sin;
    /// `math.cos(x)`.
    Cos "cos" FloatCos m_cos;
    /// `math.tan(x)`.
    Tan "tan" FloatTan m_tan;
    /// `math.exp(x)` (can overflow).
    Exp "exp" FloatExp m_exp;
    /// `math.log(x)` with one argument (`math.log(x, base)` is not translated).
    Log "log" FloatLog m_log;
    /// `math.log2(x)`.
    Log2 "log2" FloatLog2 m_log2;
    /// `math.log10(x)`.
    Log10 "log10" FloatLog10 m_log10;
    /// `math.atan(x)`.
    Atan "atan" FloatAtan m_atan;
    /// `math.asin(x)`.
    Asin "asin" FloatAsin m_asin;
    /// `math.acos(x)`.
    Acos "acos" FloatAcos m_acos;
    /// `math.sinh(x)` (can overflow).
    Sinh "sinh" FloatSinh m_sinh;
    /// `math.cosh(x)` (can overflow).
    Cosh "cosh" FloatCosh m_cosh;
    /// `math.tanh(x)`.
    Tanh "tanh" FloatTanh m_tanh;
    /// `math.expm1(x)` (can overflow).
    Expm1 "expm1" FloatExpm1 m_expm1;
    /// `math.log1p(x)`.
    Log1p "log1p" FloatLog1p m_log1p;
    /// `math.fabs(x)` (never raises).
    Fabs "fabs" FloatAbs m_fabs;
}

impl MathFn {
    /// The function named `name` in the `math` module, if the table has it.
    pub fn from_py_name(name: &str) -> Option<MathFn> {
        MathFn::ALL.iter().copied().find(|m| m.py_name() == name)
    }

    /// The row whose op is `op`, if any (`float_abs` is `fabs`).
    pub fn of_op(op: Op) -> Option<MathFn> {
        MathFn::ALL.iter().copied().find(|m| m.op() == op)
    }

    /// Whether the op can exit (every row but `fabs`).
    pub fn can_raise(self) -> bool {
        self != MathFn::Fabs
    }

    /// `math.<name>(x)` as CPython computes it: `Some(result)`, or `None` where CPython
    /// raises (a trace exits there).
    pub fn eval(self, x: f64) -> Option<f64> {
        let r = (self.func())(x);
        if self.can_raise() && raises(x, r) {
            None
        } else {
            Some(r)
        }
    }
}

/// CPython's `math_1` error rule: whether libm result `r` of argument `x` is an error (a
/// NaN from a non-NaN `x`, or an infinity from a finite `x`).
pub fn raises(x: f64, r: f64) -> bool {
    (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite())
}

/// `m_log`'s special values around libm log `f` (CPython `loghelper` for a float; an int
/// argument converted to a float gives the same: non-positive ints raise either way).
fn log_like(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        x
    } else if x > 0.0 {
        f(x)
    } else {
        f64::NAN
    }
}

macro_rules! libm_fns {
    ($( $name:ident = |$x:ident| $body:expr; )*) => {$(
        #[doc = concat!("The libm result of `math.", stringify!($name), "` (before the error check).")]
        pub extern "C" fn $name($x: f64) -> f64 {
            $body
        }
    )*};
}

libm_fns! {
    m_sin = |x| x.sin();
    m_cos = |x| x.cos();
    m_tan = |x| x.tan();
    m_exp = |x| x.exp();
    m_log = |x| log_like(x, f64::ln);
    m_log2 = |x| log_like(x, f64::log2);
    m_log10 = |x| log_like(x, f64::log10);
    m_atan = |x| x.atan();
    m_asin = |x| x.asin();
    m_acos = |x| x.acos();
    m_sinh = |x| x.sinh();
    m_cosh = |x| x.cosh();
    m_tanh = |x| x.tanh();
    m_expm1 = |x| x.exp_m1();
    m_log1p = |x| x.ln_1p();
    m_fabs = |x| x.abs();
}

/// A two-argument `math` function the trace computes itself (see the module doc: neither
/// raises, so their ops do not exit).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum MathFn2 {
    /// `math.atan2(y, x)` (C99's special values for infinities and zeros, as CPython's
    /// `m_atan2`, then libm `atan2`).
    Atan2,
    /// `math.copysign(x, y)`.
    Copysign,
}

impl MathFn2 {
    /// Every function, in table order.
    pub const ALL: &'static [MathFn2] = &[MathFn2::Atan2, MathFn2::Copysign];

    /// The function's name in the `math` module.
    pub fn py_name(self) -> &'static str {
        match self {
            MathFn2::Atan2 => "atan2",
            MathFn2::Copysign => "copysign",
        }
    }

    /// The IR op that computes it.
    pub fn op(self) -> Op {
        match self {
            MathFn2::Atan2 => Op::FloatAtan2,
            MathFn2::Copysign => Op::FloatCopysign,
        }
    }

    /// The function computing it (the backend calls `atan2`'s; `copysign` is one machine
    /// instruction there).
    pub fn func(self) -> extern "C" fn(f64, f64) -> f64 {
        match self {
            MathFn2::Atan2 => m_atan2,
            MathFn2::Copysign => m_copysign,
        }
    }

    /// The function named `name` in the `math` module, if the table has it.
    pub fn from_py_name(name: &str) -> Option<MathFn2> {
        MathFn2::ALL.iter().copied().find(|m| m.py_name() == name)
    }

    /// The row whose op is `op`, if any.
    pub fn of_op(op: Op) -> Option<MathFn2> {
        MathFn2::ALL.iter().copied().find(|m| m.op() == op)
    }
}

/// `math.atan2(y, x)`: CPython's `m_atan2` (C99 Annex F special values, which some libms
/// got wrong), then libm `atan2`.
pub extern "C" fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            let q = if x.is_sign_positive() { 0.25 * PI } else { 0.75 * PI };
            q.copysign(y)
        } else {
            (0.5 * PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        y.atan2(x)
    }
}

/// `math.copysign(x, y)`.
pub extern "C" fn m_copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_consistent_with_the_op_table() {
        for &m in MathFn::ALL {
            assert_eq!(MathFn::from_py_name(m.py_name()), Some(m));
            assert_eq!(MathFn::of_op(m.op()), Some(m));
            let info = m.op().info();
            assert_eq!(info.can_exit, m.can_raise(), "{}", info.name);
            assert_eq!(info.args, &[super::super::Kind::F64]);
        }
    }

    #[test]
    fn two_argument_rows() {
        for &m in MathFn2::ALL {
            assert_eq!(MathFn2::from_py_name(m.py_name()), Some(m));
            assert_eq!(MathFn2::of_op(m.op()), Some(m));
            assert!(!m.op().info().can_exit);
        }
        let pi = std::f64::consts::PI;
        assert_eq!(m_atan2(0.0, -0.0), pi);
        assert_eq!(m_atan2(-0.0, -1.0), -pi);
        assert_eq!(m_atan2(f64::INFINITY, f64::NEG_INFINITY), 0.75 * pi);
        assert_eq!(m_copysign(2.0, -0.0), -2.0);
    }

    #[test]
    fn cpython_errors() {
        let inf = f64::INFINITY;
        assert_eq!(MathFn::Sin.eval(inf), None);
        assert_eq!(MathFn::Exp.eval(1000.0), None);
        assert_eq!(MathFn::Exp.eval(inf), Some(inf));
        assert_eq!(MathFn::Exp.eval(-inf), Some(0.0));
        assert_eq!(MathFn::Log.eval(0.0), None);
        assert_eq!(MathFn::Log.eval(-1.0), None);
        assert_eq!(MathFn::Log.eval(-inf), None);
        assert_eq!(MathFn::Log.eval(inf), Some(inf));
        assert!(MathFn::Log.eval(f64::NAN).is_some_and(f64::is_nan));
        assert!(MathFn::Sin.eval(f64::NAN).is_some_and(f64::is_nan));
        assert_eq!(MathFn::Acos.eval(2.0), None);
        assert_eq!(MathFn::Log1p.eval(-1.0), None);
        assert_eq!(MathFn::Fabs.eval(-inf), Some(inf));
        assert_eq!(MathFn::Cosh.eval(1000.0), None);
        assert_eq!(MathFn::Tanh.eval(1000.0), Some(1.0));
    }
}
