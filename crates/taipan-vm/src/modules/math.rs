//! Placeholder for the `math` module.

use crate::value::Obj;
use crate::vm::Vm;

/// Creates the `math` module object.
pub fn create(vm: &mut Vm) -> Obj {
    vm.new_module("math")
}
