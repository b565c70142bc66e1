//! Methods of `float`: the named methods (`is_integer`, `as_integer_ratio`, `hex`,
//! `fromhex`, `conjugate`) and the special methods as native slot wrappers, so explicit
//! calls (`(2.5).__add__(1)`, `float.__round__(x, 2)`) and user subclasses of `float`
//! work. Source of the behaviour: CPython 3.11 `Objects/floatobject.c`.
//!
//! Algorithm: arithmetic slots convert both operands to plain floats (ints are converted
//! exactly, with OverflowError beyond the float range, as `CONVERT_TO_DOUBLE`) and hand
//! them to `Vm::binary_op`, the single source of float arithmetic; rounding, ratios and
//! hex conversions use `support::float_ops`. A non-number operand gives `NotImplemented`.
//! Results are always exact `float`s, never the subclass.

use taipan_bytecode::{BinaryOperator as B, ComparisonOperator as C};

use crate::builtins::args::parse_args;
use crate::numops::{int_value, num_err, to_pyint};
use crate::object::{NativeFn, ObjKind};
use crate::support::float_ops;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The float payload of a float or float-subclass value.
pub fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match o.kind {
            ObjKind::Float(f) => Some(f),
            _ => None,
        },
        _ => None,
    }
}

/// The receiver of a float slot wrapper, with CPython's descriptor errors; checks that
/// exactly `nargs` further arguments were given.
fn slot_self(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, nargs: usize) -> PyResult<f64> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of 'float' object needs an argument")));
    };
    let Some(x) = float_of(s) else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'float' object but received a '{tn}'"
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
    Ok(x)
}

/// The receiver of a named float method, with CPython's error for a foreign receiver.
fn method_self(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("unbound method float.{name}() needs an argument")));
    };
    match float_of(s) {
        Some(x) => Ok(x),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// A named method that takes no arguments besides `self`.
fn no_args(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<f64> {
    let x = method_self(vm, args, name)?;
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("float.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!("float.{name}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(x)
}

/// The other operand of a float slot as a plain number value (float, or int for the
/// exact mixed paths of `binary_op`); `None` for non-numbers.
fn operand(v: &Value, vm: &Vm) -> Option<Value> {
    if let Some(f) = float_of(v) {
        return Some(Value::Float(f));
    }
    to_pyint(v).map(|i| int_value(vm, i))
}

/// The other operand of a float slot converted to `f64` (OverflowError for huge ints);
/// `None` for non-numbers.
fn operand_f64(vm: &mut Vm, v: &Value) -> Option<PyResult<f64>> {
    if let Some(f) = float_of(v) {
        return Some(Ok(f));
    }
    to_pyint(v).map(|i| i.to_f64().map_err(|e| num_err(vm, e)))
}

fn binop(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: B, reflected: bool) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, name, 1)?;
    let Some(y) = args.get(1).and_then(|v| operand_f64(vm, v)) else {
        return Ok(vm.not_implemented.clone());
    };
    let (a, b) = (Value::Float(x), Value::Float(y?));
    if reflected {
        vm.binary_op(&b, &a, op)
    } else {
        vm.binary_op(&a, &b, op)
    }
}

macro_rules! float_binops {
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

float_binops! {
    float_add, float_radd, Add, "__add__", "__radd__";
    float_sub, float_rsub, Subtract, "__sub__", "__rsub__";
    float_mul, float_rmul, Multiply, "__mul__", "__rmul__";
    float_truediv, float_rtruediv, TrueDivide, "__truediv__", "__rtruediv__";
    float_floordiv, float_rfloordiv, FloorDivide, "__floordiv__", "__rfloordiv__";
    float_mod, float_rmod, Remainder, "__mod__", "__rmod__";
}

fn cmp(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, op: C) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, name, 1)?;
    let Some(y) = args.get(1).and_then(|v| operand(v, vm)) else {
        return Ok(vm.not_implemented.clone());
    };
    let r = crate::numops::compare_numbers(vm, &Value::Float(x), &y, op).unwrap_or(false);
    Ok(Value::Bool(r))
}

macro_rules! float_cmps {
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

float_cmps! {
    float_lt, Less, "__lt__";
    float_le, LessEqual, "__le__";
    float_eq, Equal, "__eq__";
    float_ne, NotEqual, "__ne__";
    float_gt, Greater, "__gt__";
    float_ge, GreaterEqual, "__ge__";
}

/// `__pow__`/`__rpow__`: a third argument other than None is a TypeError for floats.
fn pow_slot(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, reflected: bool) -> PyResult<Value> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of 'float' object needs an argument")));
    };
    if float_of(s).is_none() {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'float' object but received a '{tn}'"
        )));
    }
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    if !(1..=2).contains(&given) {
        return Err(vm.type_error(format!("expected 1 or 2 arguments, got {given}")));
    }
    if args.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    binop(vm, &args[..2], kwnames, name, B::Power, reflected)
}

fn float_pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pow_slot(vm, args, kwnames, "__pow__", false)
}

fn float_rpow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pow_slot(vm, args, kwnames, "__rpow__", true)
}

fn divmod_pair(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    match float_ops::divmod(x, y) {
        Ok((q, r)) => Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)])),
        Err(e) => Err(num_err(vm, e)),
    }
}

fn float_divmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__divmod__", 1)?;
    let Some(y) = args.get(1).and_then(|v| operand_f64(vm, v)) else {
        return Ok(vm.not_implemented.clone());
    };
    divmod_pair(vm, x, y?)
}

fn float_rdivmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = slot_self(vm, args, kwnames, "__rdivmod__", 1)?;
    let Some(y) = args.get(1).and_then(|v| operand_f64(vm, v)) else {
        return Ok(vm.not_implemented.clone());
    };
    divmod_pair(vm, y?, x)
}

/// `divmod(x, y)` for two numbers of which at least one is a float.
pub fn float_divmod_values(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    divmod_pair(vm, x, y)
}

// ----- unary slots and conversions -----

macro_rules! unary_slots {
    ($($f:ident, $name:literal, |$vm:ident, $x:ident, $args:ident| $body:expr;)*) => {
        $(
            fn $f($vm: &mut Vm, $args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                let $x = slot_self($vm, $args, kwnames, $name, 0)?;
                $body
            }
        )*
    };
}

unary_slots! {
    float_neg, "__neg__", |vm, x, _a| Ok(Value::Float(-x));
    float_pos, "__pos__", |vm, x, _a| Ok(Value::Float(x));
    float_abs, "__abs__", |vm, x, _a| Ok(Value::Float(x.abs()));
    float_bool, "__bool__", |vm, x, _a| Ok(Value::Bool(x != 0.0));
    float_float, "__float__", |vm, x, _a| Ok(Value::Float(x));
    float_repr, "__repr__", |vm, x, _a| Ok(vm.new_str(crate::support::float_repr::repr_f64(x)));
    float_int, "__int__", |vm, x, _a| to_int(vm, float_ops::trunc_to_int(x));
    float_hash, "__hash__", |vm, x, a| Ok(Value::Int(crate::support::hash::hash_f64(x, a[0].id() as usize)));
}

fn to_int(vm: &mut Vm, r: crate::support::int::NumResult<crate::support::int::PyInt>) -> PyResult<Value> {
    match r {
        Ok(i) => Ok(int_value(vm, i)),
        Err(e) => Err(num_err(vm, e)),
    }
}

fn float_trunc(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "__trunc__")?;
    to_int(vm, float_ops::trunc_to_int(x))
}

fn float_floor(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "__floor__")?;
    to_int(vm, float_ops::floor_to_int(x))
}

fn float_ceil(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "__ceil__")?;
    to_int(vm, float_ops::ceil_to_int(x))
}

/// `round(x)` → int (ties to even); `round(x, n)` → float, for a float `x`.
pub fn round_float(vm: &mut Vm, x: f64, ndigits: Option<&Value>) -> PyResult<Value> {
    match ndigits {
        None | Some(Value::None) => to_int(vm, float_ops::round_to_int(x)),
        Some(n) => {
            let n = vm.to_index(n)?;
            float_ops::round_ndigits(x, n)
                .map(Value::Float)
                .map_err(|e| num_err(vm, e))
        }
    }
}

fn float_round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = method_self(vm, args, "__round__")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("float.__round__() takes no keyword arguments"));
    }
    crate::builtins::args::check_count(vm, "__round__", args.len() - 1, 0, 1)?;
    round_float(vm, x, args.get(1))
}

// ----- named methods -----

fn float_is_integer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "is_integer")?;
    Ok(Value::Bool(float_ops::is_integer(x)))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "as_integer_ratio")?;
    match float_ops::as_integer_ratio(x) {
        Ok((n, d)) => {
            let (n, d) = (int_value(vm, n), int_value(vm, d));
            Ok(vm.new_tuple(vec![n, d]))
        }
        Err(e) => Err(num_err(vm, e)),
    }
}

fn float_hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "hex")?;
    Ok(vm.new_str(float_ops::to_hex(x)))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = no_args(vm, args, kwnames, "conjugate")?;
    Ok(Value::Float(x))
}

/// `float.fromhex(s)` (a classmethod: a subclass gets `cls(value)`).
fn float_fromhex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => c.clone(),
        _ => return Err(vm.type_error("fromhex() needs a type")),
    };
    crate::builtins::args::no_kwargs(vm, "fromhex", kwnames)?;
    crate::builtins::args::check_count(vm, "fromhex", args.len() - 1, 1, 1)?;
    let Some(s) = args[1].as_str() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = float_ops::from_hex(s).map_err(|e| num_err(vm, e))?;
    if std::rc::Rc::ptr_eq(&cls, &vm.types.float) {
        return Ok(Value::Float(x));
    }
    vm.call(&Value::Obj(cls), &[Value::Float(x)])
}

fn float_getformat(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args(
        vm,
        "__getformat__",
        args.get(1..).unwrap_or(&[]),
        kwnames,
        &["typestr"],
        1,
    )?;
    match a[0].as_ref().and_then(|v| v.as_str()) {
        Some("double") | Some("float") => Ok(vm.new_str("IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => Err(vm.type_error("__getformat__() argument must be str")),
    }
}

fn add_classmethod(vm: &mut Vm, ty: &Obj, name: &'static str, f: NativeFn) {
    let native = vm.new_native(name, f);
    let cm = Value::new_obj(&vm.types.classmethod, ObjKind::ClassMethod(native));
    vm.set_attr_str(ty, name, cm);
}

/// Registers the methods of `float`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    for (name, f) in BINOPS.iter().chain(CMPS) {
        vm.add_method(&t, name, *f);
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("__pow__", float_pow),
        ("__rpow__", float_rpow),
        ("__divmod__", float_divmod),
        ("__rdivmod__", float_rdivmod),
        ("__neg__", float_neg),
        ("__pos__", float_pos),
        ("__abs__", float_abs),
        ("__bool__", float_bool),
        ("__float__", float_float),
        ("__int__", float_int),
        ("__hash__", float_hash),
        ("__repr__", float_repr),
        ("__trunc__", float_trunc),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__round__", float_round),
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_conjugate),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    add_classmethod(vm, &t, "fromhex", float_fromhex);
    add_classmethod(vm, &t, "__getformat__", float_getformat);
}
