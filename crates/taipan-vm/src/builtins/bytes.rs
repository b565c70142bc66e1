//! `bytes` / `bytearray` helpers (CPython `Objects/bytesobject.c`).

use crate::numops::to_pyint;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A copy of the bytes of a bytes or bytearray value.
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    match v.kind() {
        Some(ObjKind::Bytes(b)) => Some(b.to_vec()),
        Some(ObjKind::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// `item in b` for bytes-like `b`.
pub fn bytes_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let hay = bytes_data(container).unwrap_or_default();
    if let Some(i) = to_pyint(item) {
        return match i.as_i64() {
            Some(x) if (0..256).contains(&x) => Ok(hay.contains(&(x as u8))),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    match bytes_data(item) {
        Some(needle) => Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())),
        None => {
            let tn = vm.type_name(item);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// Registers this module's methods.
pub fn init(vm: &mut Vm) {
    let _ = vm;
}
