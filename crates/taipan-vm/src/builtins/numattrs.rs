//! Data attributes of numbers (`real`, `imag`, `numerator`, `denominator`).

use crate::numops::to_pyint;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Attributes of int/bool/float values; `Ok(None)` otherwise.
pub fn number_attr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if let Value::Float(f) = v {
        return Ok(match name {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        });
    }
    if to_pyint(v).is_some() {
        let as_int = match v {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        };
        return Ok(match name {
            "real" | "numerator" => Some(as_int),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        });
    }
    Ok(None)
}
