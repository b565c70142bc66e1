//! Methods of `int` and `bool`: the named methods (`bit_length`, `to_bytes`,
//! `from_bytes`, ...) and the special methods as native "slot wrappers", so that
//! explicit calls (`(5).__add__(3)`, `int.__add__(a, b)`) and user subclasses of `int`
//! work. Source of the behaviour: CPython 3.11 `Objects/longobject.c` and
//! `Objects/boolobject.c`, messages of `Objects/descrobject.c`.
//!
//! Algorithm: every arithmetic dunder normalizes its operands to plain ints and hands
//! them to `Vm::binary_op`, whose built-in int path (over `support::int::PyInt`) is the
//! single source of int arithmetic; a non-int operand gives `NotImplemented`, as
//! CPython's `CHECK_BINOP`. Results are always exact `int`s (never the subclass).

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator as C};

use crate::builtins::args::parse_args;
use crate::numops::{int_value, to_pyint};
use crate::object::{NativeFn, ObjKind};
use crate::support::int::PyInt;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The receiver of an `int` slot wrapper (`__add__`, `__neg__`, ...), with CPython's
/// descriptor errors; checks that exactly `nargs` further arguments were given.
pub fn slot_self(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, nargs: usize) -> PyResult<PyInt> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of 'int' object needs an argument")));
    };
    let Some(i) = to_pyint(s) else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'int' object but received a '{tn}'"
        )));
    };
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    if given != nargs {
        let s = if nargs == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {nargs} argument{s}, got {given}")));
    }
    Ok(i)
}

/// The receiver of a named `int` method (`bit_length`, ...), with CPython's error for a
/// foreign receiver.
fn method_self(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<PyInt> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("unbound method int.{name}() needs an argument")));
    };
    match to_pyint(s) {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'int' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// Checks that a named method got no arguments besides `self`.
fn no_args(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<PyInt> {
    let i = method_self(vm, args, name)?;
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("int.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!("int.{name}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(i)
}

/// A binary arithmetic slot: `self op other` (or `other op self` when `reflected`).
fn binop(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: B, reflected: bool) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, name, 1)?;
    let Some(y) = args.get(1).and_then(to_pyint) else {
        return Ok(vm.not_implemented.clone());
    };
    let (a, b) = (int_value(vm, x), int_value(vm, y));
    if reflected {
        vm.binary_op(&b, &a, op)
    } else {
        vm.binary_op(&a, &b, op)
    }
}

macro_rules! int_binops {
    ($($f:ident, $rf:ident, $op:ident, $name:literal, $rname:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                binop(vm, args, kwnames, $name, B::$op, false)
            }
            fn $rf(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                binop(vm, args, kwnames, $rname, B::$op, true)
            }
        )*
        /// The binary slot wrappers, by name.
        const BINOPS: &[(&str, NativeFn)] = &[$(($name, $f as NativeFn), ($rname, $rf as NativeFn),)*];
    };
}

int_binops! {
    int_add, int_radd, Add, "__add__", "__radd__";
    int_sub, int_rsub, Subtract, "__sub__", "__rsub__";
    int_mul, int_rmul, Multiply, "__mul__", "__rmul__";
    int_truediv, int_rtruediv, TrueDivide, "__truediv__", "__rtruediv__";
    int_floordiv, int_rfloordiv, FloorDivide, "__floordiv__", "__rfloordiv__";
    int_mod, int_rmod, Remainder, "__mod__", "__rmod__";
    int_lshift, int_rlshift, Lshift, "__lshift__", "__rlshift__";
    int_rshift, int_rrshift, Rshift, "__rshift__", "__rrshift__";
    int_and, int_rand, And, "__and__", "__rand__";
    int_or, int_ror, Or, "__or__", "__ror__";
    int_xor, int_rxor, Xor, "__xor__", "__rxor__";
}

/// A rich comparison slot: `NotImplemented` unless the other operand is an int.
fn cmp(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: C) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, name, 1)?;
    let Some(y) = args.get(1).and_then(to_pyint) else {
        return Ok(vm.not_implemented.clone());
    };
    let o = x.cmp(&y);
    Ok(Value::Bool(match op {
        C::Less => o.is_lt(),
        C::LessEqual => o.is_le(),
        C::Equal => o.is_eq(),
        C::NotEqual => o.is_ne(),
        C::Greater => o.is_gt(),
        C::GreaterEqual => o.is_ge(),
    }))
}

macro_rules! int_cmps {
    ($($f:ident, $op:ident, $name:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                cmp(vm, args, kwnames, $name, C::$op)
            }
        )*
        /// The comparison slot wrappers, by name.
        const CMPS: &[(&str, NativeFn)] = &[$(($name, $f as NativeFn),)*];
    };
}

int_cmps! {
    int_lt, Less, "__lt__";
    int_le, LessEqual, "__le__";
    int_eq, Equal, "__eq__";
    int_ne, NotEqual, "__ne__";
    int_gt, Greater, "__gt__";
    int_ge, GreaterEqual, "__ge__";
}

/// `pow(base, exp, mod)` for ints (the `__pow__`/`__rpow__` slots with a modulus):
/// `NotImplemented` unless all three are ints.
fn pow3(vm: &mut Vm, base: &PyInt, exp: &Value, modulus: &Value) -> PyResult<Value> {
    let (Some(e), Some(m)) = (to_pyint(exp), to_pyint(modulus)) else {
        return Ok(vm.not_implemented.clone());
    };
    match base.pow_mod(&e, &m) {
        Ok(r) => Ok(int_value(vm, r)),
        Err(err) => Err(crate::numops::num_err(vm, err)),
    }
}

fn pow_args(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<(PyInt, Value, Option<Value>)> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of 'int' object needs an argument")));
    };
    let Some(x) = to_pyint(s) else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'int' object but received a '{tn}'"
        )));
    };
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    if !(1..=2).contains(&given) {
        return Err(vm.type_error(format!("expected 1 or 2 arguments, got {given}")));
    }
    let other = args[1].clone();
    let modulus = args.get(2).filter(|m| !m.is_none()).cloned();
    Ok((x, other, modulus))
}

fn int_pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (x, other, modulus) = pow_args(vm, args, kwnames, "__pow__")?;
    if let Some(m) = modulus {
        return pow3(vm, &x, &other, &m);
    }
    let Some(y) = to_pyint(&other) else {
        return Ok(vm.not_implemented.clone());
    };
    let (a, b) = (int_value(vm, x), int_value(vm, y));
    vm.binary_op(&a, &b, B::Power)
}

fn int_rpow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (x, other, modulus) = pow_args(vm, args, kwnames, "__rpow__")?;
    let Some(y) = to_pyint(&other) else {
        return Ok(vm.not_implemented.clone());
    };
    if let Some(m) = modulus {
        let xv = int_value(vm, x);
        return pow3(vm, &y, &xv, &m);
    }
    let (a, b) = (int_value(vm, y), int_value(vm, x));
    vm.binary_op(&a, &b, B::Power)
}

fn divmod_pair(vm: &mut Vm, x: &PyInt, y: &PyInt) -> PyResult<Value> {
    match x.divmod(y) {
        Ok((q, r)) => {
            let (q, r) = (int_value(vm, q), int_value(vm, r));
            Ok(vm.new_tuple(vec![q, r]))
        }
        Err(e) => Err(crate::numops::num_err(vm, e)),
    }
}

fn int_divmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__divmod__", 1)?;
    let Some(y) = args.get(1).and_then(to_pyint) else {
        return Ok(vm.not_implemented.clone());
    };
    divmod_pair(vm, &x, &y)
}

fn int_rdivmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__rdivmod__", 1)?;
    let Some(y) = args.get(1).and_then(to_pyint) else {
        return Ok(vm.not_implemented.clone());
    };
    divmod_pair(vm, &y, &x)
}

// ----- unary slots and conversions -----

fn int_neg(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__neg__", 0)?;
    Ok(int_value(vm, x.neg()))
}

fn int_pos(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__pos__", 0)?;
    Ok(int_value(vm, x))
}

fn int_abs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__abs__", 0)?;
    Ok(int_value(vm, x.abs()))
}

fn int_invert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__invert__", 0)?;
    Ok(int_value(vm, x.invert()))
}

fn int_bool(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__bool__", 0)?;
    Ok(Value::Bool(!x.is_zero()))
}

fn int_hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__hash__", 0)?;
    Ok(Value::Int(crate::support::hash::hash_int(&x)))
}

fn int_float(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__float__", 0)?;
    x.to_f64().map(Value::Float).map_err(|e| crate::numops::num_err(vm, e))
}

macro_rules! identity_slots {
    ($($f:ident, $name:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let x = slot_self(vm, args, kwnames, $name, 0)?;
                Ok(int_value(vm, x))
            }
        )*
    };
}

identity_slots! {
    int_index, "__index__";
    int_int, "__int__";
}

fn int_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__repr__", 0)?;
    let limit = vm.int_max_str_digits;
    match x.to_decimal_string(limit) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => Err(crate::numops::num_err(vm, e)),
    }
}

/// `int.__round__(ndigits=None)`: rounds to a multiple of `10**-ndigits`, ties to even.
fn int_round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = method_self(vm, args, "__round__")?;
    let a = parse_args(vm, "__round__", &args[1..], kwnames, &["ndigits"], 0)?;
    match &a[0] {
        None | Some(Value::None) => Ok(int_value(vm, x)),
        Some(n) => {
            let n = vm.to_index(n)?;
            Ok(int_value(vm, x.round_ndigits(n)))
        }
    }
}

macro_rules! int_round_methods {
    ($($f:ident, $name:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let x = no_args(vm, args, kwnames, $name)?;
                Ok(int_value(vm, x))
            }
        )*
    };
}

int_round_methods! {
    int_trunc, "__trunc__";
    int_floor, "__floor__";
    int_ceil, "__ceil__";
    int_conjugate, "conjugate";
}

// ----- named methods -----

fn int_bit_length(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "bit_length")?;
    Ok(Value::Int(i64::try_from(x.bit_length()).unwrap_or(i64::MAX)))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "bit_count")?;
    Ok(Value::Int(i64::try_from(x.bit_count()).unwrap_or(i64::MAX)))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "as_integer_ratio")?;
    let n = int_value(vm, x);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

/// The `byteorder` argument of `to_bytes`/`from_bytes`: true for little-endian.
fn byteorder(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match v.as_str() {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{fname}() argument 'byteorder' must be str, not {tn}")))
        }
    }
}

/// Splits `signed=` (keyword-only) from the other arguments.
fn split_signed(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<(Vec<Value>, Vec<Value>, bool)> {
    let npos = args.len() - kwnames.len();
    let mut rest_args: Vec<Value> = args[..npos].to_vec();
    let mut rest_kw = Vec::new();
    let mut kw_vals = Vec::new();
    let mut signed = false;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        if k.as_str() == Some("signed") {
            signed = vm.truthy(v)?;
        } else {
            rest_kw.push(k.clone());
            kw_vals.push(v.clone());
        }
    }
    rest_args.extend(kw_vals);
    Ok((rest_args, rest_kw, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = method_self(vm, args, "to_bytes")?;
    let (rest, rest_kw, signed) = split_signed(vm, &args[1..], kwnames)?;
    let a = parse_args(vm, "to_bytes", &rest, &rest_kw, &["length", "byteorder"], 0)?;
    let length = match &a[0] {
        None => 1,
        Some(v) => vm.to_index(v)?,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, a[1].as_ref(), "to_bytes")?;
    let Ok(length) = usize::try_from(length) else {
        return Err(vm.overflow_error("int too big to convert"));
    };
    if length as u64 > crate::support::int::MAX_RESULT_BITS / 8 {
        let t = vm.exc.memory_error.clone();
        return Err(crate::vm::PyErr(vm.new_exception(&t, vec![])));
    }
    if x.is_zero() {
        // Zero fits in any length, also zero bytes when signed (support::int refuses that).
        return Ok(vm.new_bytes(vec![0; length]));
    }
    match x.to_bytes(length, little, signed) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(e) => Err(crate::numops::num_err(vm, e)),
    }
}

/// The bytes of `from_bytes`'s argument: a bytes-like object or an iterable of ints.
fn bytes_argument(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::builtins::bytes::bytes_data(v) {
        return Ok(b);
    }
    if v.as_str().is_some() || to_pyint(v).is_some() || matches!(v, Value::Float(_)) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
    }
    let bytes_type = Value::Obj(vm.types.bytes.clone());
    let b = vm.call(&bytes_type, std::slice::from_ref(v))?;
    Ok(crate::builtins::bytes::bytes_data(&b).unwrap_or_default())
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod; for a
/// subclass the result is passed to `cls(...)`, as CPython).
fn int_from_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => c.clone(),
        _ => return Err(vm.type_error("from_bytes() needs a type")),
    };
    let (rest, rest_kw, signed) = split_signed(vm, &args[1..], kwnames)?;
    let a = parse_args(vm, "from_bytes", &rest, &rest_kw, &["bytes", "byteorder"], 1)?;
    let data = bytes_argument(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let little = byteorder(vm, a[1].as_ref(), "from_bytes")?;
    let r = int_value(vm, PyInt::from_bytes(&data, little, signed));
    if std::rc::Rc::ptr_eq(&cls, &vm.types.int) {
        return Ok(r);
    }
    if std::rc::Rc::ptr_eq(&cls, &vm.types.bool_) {
        let b = vm.truthy(&r)?;
        return Ok(Value::Bool(b));
    }
    vm.call(&Value::Obj(cls), &[r])
}

// ----- bool -----

fn bool_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Bool(b)) if args.len() == 1 && kwnames.is_empty() => {
            Ok(vm.new_str(if *b { "True" } else { "False" }))
        }
        Some(Value::Bool(_)) => {
            let n = args.len() - 1;
            Err(vm.type_error(format!("expected 0 arguments, got {n}")))
        }
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '__repr__' requires a 'bool' object but received a '{tn}'"
            )))
        }
        None => Err(vm.type_error("descriptor '__repr__' of 'bool' object needs an argument")),
    }
}

/// `bool & bool` stays a bool; anything else is int arithmetic.
fn bool_logic(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: B) -> PyResult<Value> {
    slot_self(vm, args, kwnames, name, 1)?;
    match (&args[0], &args[1]) {
        (Value::Bool(x), Value::Bool(y)) => Ok(Value::Bool(match op {
            B::And => *x & *y,
            B::Or => *x | *y,
            _ => *x ^ *y,
        })),
        _ => binop(vm, args, kwnames, name, op, false),
    }
}

fn bool_and(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    bool_logic(vm, args, kwnames, "__and__", B::And)
}

fn bool_or(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    bool_logic(vm, args, kwnames, "__or__", B::Or)
}

fn bool_xor(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    bool_logic(vm, args, kwnames, "__xor__", B::Xor)
}

fn add_classmethod(vm: &mut Vm, ty: &Obj, name: &'static str, f: NativeFn) {
    let native = vm.new_native(name, f);
    let cm = Value::new_obj(&vm.types.classmethod, ObjKind::ClassMethod(native));
    vm.set_attr_str(ty, name, cm);
}

/// Registers the methods of `int` and `bool`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.int.clone();
    for (name, f) in BINOPS.iter().chain(CMPS) {
        vm.add_method(&t, name, *f);
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__pow__", int_pow),
        ("__rpow__", int_rpow),
        ("__divmod__", int_divmod),
        ("__rdivmod__", int_rdivmod),
        ("__neg__", int_neg),
        ("__pos__", int_pos),
        ("__abs__", int_abs),
        ("__invert__", int_invert),
        ("__bool__", int_bool),
        ("__hash__", int_hash),
        ("__float__", int_float),
        ("__index__", int_index),
        ("__int__", int_int),
        ("__repr__", int_repr),
        ("__round__", int_round),
        ("__trunc__", int_trunc),
        ("__floor__", int_floor),
        ("__ceil__", int_ceil),
        ("conjugate", int_conjugate),
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("as_integer_ratio", int_as_integer_ratio),
        ("to_bytes", int_to_bytes),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    add_classmethod(vm, &t, "from_bytes", int_from_bytes);
    let b = vm.types.bool_.clone();
    let bool_methods: &[(&'static str, NativeFn)] = &[
        ("__and__", bool_and),
        ("__rand__", bool_and),
        ("__or__", bool_or),
        ("__ror__", bool_or),
        ("__xor__", bool_xor),
        ("__rxor__", bool_xor),
        ("__repr__", bool_repr),
    ];
    for (name, f) in bool_methods {
        vm.add_method(&b, name, *f);
    }
}
