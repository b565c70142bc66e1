//! `dict` methods and helpers (CPython `Objects/dictobject.c`).

use taipan_bytecode::BinaryOperator as B;

use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// `a == b` for two dict objects.
pub fn dict_equal(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    let (ObjKind::Dict(x), ObjKind::Dict(y)) = (&a.kind, &b.kind) else { return Ok(false) };
    if x.borrow().len() != y.borrow().len() {
        return Ok(false);
    }
    let items: Vec<(Value, Value)> = x.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (k, v) in items {
        match vm.dict_get(b, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// (key, value) pairs of any mapping: a dict, or an object with `keys()` and `__getitem__`.
pub fn mapping_items(vm: &mut Vm, m: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(ObjKind::Dict(d)) = m.kind() {
        if !vm.class_of(m).kind.is_heap_type() {
            return Ok(d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect());
        }
    }
    let Some(keys) = vm.get_attr_opt_str(m, "keys")? else {
        let tn = vm.type_name(m);
        return Err(vm.type_error(format!("'{tn}' object is not a mapping")));
    };
    let keys = vm.call(&keys, &[])?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.getitem(m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// `DICT_UPDATE` / `DICT_MERGE` (merge = duplicate keys are an error, for `f(**a, **b)`).
pub fn dict_update_from(vm: &mut Vm, d: &Obj, m: &Value, merge: bool) -> PyResult<()> {
    let items = match mapping_items(vm, m) {
        Ok(i) => i,
        Err(e) => {
            if merge && vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                let tn = vm.type_name(m);
                return Err(vm.type_error(format!("argument after ** must be a mapping, not {tn}")));
            }
            if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                let tn = vm.type_name(m);
                return Err(vm.type_error(format!("'{tn}' object is not a mapping")));
            }
            return Err(e);
        }
    };
    for (k, v) in items {
        if merge && vm.dict_get(d, &k)?.is_some() {
            let ks = vm.str(&k)?;
            return Err(vm.type_error(format!("got multiple values for keyword argument '{ks}'")));
        }
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

/// `a | b` and `a |= b` for dicts.
pub fn dict_or(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    let _ = B::Or;
    let Value::Obj(ao) = a else { return Ok(vm.not_implemented.clone()) };
    if inplace {
        dict_update_from(vm, ao, b, false)?;
        return Ok(a.clone());
    }
    let n = vm.new_dict_obj();
    dict_update_from(vm, &n, a, false)?;
    dict_update_from(vm, &n, b, false)?;
    Ok(Value::Obj(n))
}

/// Registers this module's methods.
pub fn init(vm: &mut Vm) {
    let _ = vm;
}
