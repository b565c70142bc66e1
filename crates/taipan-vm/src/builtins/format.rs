//! `format(value, spec)` for built-in types and `str % args` (printf-style), on top of
//! the pure formatting code in `support::format_spec` and `support::percent`.

use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `format(v, spec)` for a value without a user `__format__`.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.str(v);
    }
    let _ = ObjKind::Module;
    Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(v))))
}

/// `fmt % args` for a str `fmt`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let _ = (fmt, args);
    Err(vm.type_error("printf-style formatting is not supported yet"))
}
