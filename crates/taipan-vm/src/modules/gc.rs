//! The `gc` module: `collect`, `enable`, `disable`, `isenabled` over the cycle
//! collector in `crate::gc`.

use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

fn collect(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(crate::gc::collect() as i64))
}

fn enable(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(crate::gc::is_enabled()))
}

fn get_stats(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (runs, collected) = crate::gc::stats();
    Ok(vm.new_tuple(vec![Value::Int(runs as i64), Value::Int(collected as i64)]))
}

/// Creates the `gc` module.
pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("gc");
    vm.add_native(&m, "collect", collect);
    vm.add_native(&m, "enable", enable);
    vm.add_native(&m, "disable", disable);
    vm.add_native(&m, "isenabled", isenabled);
    vm.add_native(&m, "_taipan_stats", get_stats);
    m
}
