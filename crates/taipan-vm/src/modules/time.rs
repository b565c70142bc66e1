//! Placeholder for the `time` module.

use crate::value::Obj;
use crate::vm::Vm;

/// Creates the `time` module object.
pub fn create(vm: &mut Vm) -> Obj {
    vm.new_module("time")
}
