//! Data attributes of numbers (`real`, `imag`, `numerator`, `denominator`), as the
//! getset descriptors of CPython's `int` and `float` (`Objects/longobject.c`,
//! `Objects/floatobject.c`). Values of subclasses give exact `int`/`float` results.

use crate::numops::{int_value, to_pyint};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Attributes of int/bool/float values (and their subclasses); `Ok(None)` otherwise.
pub fn number_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if let Some(f) = crate::builtins::float::float_of(v) {
        return Ok(match name {
            "real" => Some(Value::Float(f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        });
    }
    if let Some(i) = to_pyint(v) {
        return Ok(match name {
            "real" | "numerator" => Some(int_value(vm, i)),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        });
    }
    Ok(None)
}
