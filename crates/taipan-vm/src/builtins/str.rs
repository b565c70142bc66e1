//! Placeholder: methods are registered by `init`.

use crate::vm::Vm;

/// Registers this module's methods and functions.
pub fn init(vm: &mut Vm) {
    let _ = vm;
}
