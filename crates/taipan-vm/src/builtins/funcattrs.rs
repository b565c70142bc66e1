//! Stores to and deletions of the built-in attributes of Python functions
//! (`f.__defaults__ = ...`, `del f.__kwdefaults__`, `f.__name__ = ...`).
//!
//! These attributes are data descriptors of the function type (CPython's `func_getsetlist`
//! and `func_memberlist` in `Objects/funcobject.c`): a store reaches the function's own
//! fields, after checking the value's type, instead of landing in the function's
//! `__dict__`. Argument binding reads `Function::defaults` and `Function::kwdefaults` at
//! every call (no call site caches them), so a new `__defaults__` takes effect at the next
//! call, including from a specialized call site.
//!
//! Not handled here (left to the `__dict__`, as before): storing a code object into
//! `__code__` (the function's code is immutable in taipan).

use crate::object::{Function, ObjKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// True if `name` is a built-in attribute of functions that [`set_function_attr`]
/// handles (a data descriptor of the function type).
pub fn is_function_descriptor(name: &str) -> bool {
    matches!(
        name,
        "__name__"
            | "__qualname__"
            | "__doc__"
            | "__module__"
            | "__defaults__"
            | "__kwdefaults__"
            | "__annotations__"
            | "__dict__"
            | "__globals__"
            | "__closure__"
            | "__builtins__"
            | "__code__"
    )
}

/// Stores (`value` is `Some`) or deletes (`None`) the built-in attribute `name` (one for
/// which [`is_function_descriptor`] is true) of function `f`, with CPython 3.11's checks.
/// `Ok(false)` when the store is not handled here (a code object stored into `__code__`),
/// for the caller to keep in the function's `__dict__`.
/// Errors: TypeError for a value of the wrong type or a deletion the attribute does not
/// allow; AttributeError for the read-only `__globals__`, `__closure__`, `__builtins__`.
pub fn set_function_attr(vm: &mut Vm, f: &Function, name: &str, value: Option<Value>) -> PyResult<bool> {
    // (CPython stores None as "no value" for these: deleting and storing None agree)
    let value = value.filter(|v| !v.is_none() || !matches!(name, "__defaults__" | "__kwdefaults__"));
    match name {
        "__name__" | "__qualname__" => {
            let Some(s) = value.as_ref().and_then(|v| v.as_str()) else {
                return Err(vm.type_error(format!("{name} must be set to a string object")));
            };
            let s: std::rc::Rc<str> = std::rc::Rc::from(s);
            let cell = if name == "__name__" { &f.name } else { &f.qualname };
            *cell.borrow_mut() = s;
        }
        "__doc__" | "__module__" => {
            let cell = if name == "__doc__" { &f.doc } else { &f.module };
            let old = std::mem::replace(&mut *cell.borrow_mut(), value.unwrap_or(Value::None));
            drop(old);
        }
        "__defaults__" => {
            let items = match &value {
                None => Vec::new(),
                Some(v) => match v.kind() {
                    Some(ObjKind::Tuple(t)) if vm.isinstance(v, &vm.types.tuple) => t.to_vec(),
                    _ => return Err(vm.type_error("__defaults__ must be set to a tuple object")),
                },
            };
            let old_items = std::mem::replace(&mut *f.defaults.borrow_mut(), items);
            let old = std::mem::replace(&mut *f.defaults_tuple.borrow_mut(), value.unwrap_or(Value::None));
            // (the old values are dropped after the borrows end: a `__del__` may read them)
            drop(old_items);
            drop(old);
        }
        "__kwdefaults__" => {
            let obj = match &value {
                None => None,
                Some(v @ Value::Obj(o)) if vm.isinstance(v, &vm.types.dict) => Some(o.clone()),
                Some(_) => return Err(vm.type_error("__kwdefaults__ must be set to a dict object")),
            };
            let old = std::mem::replace(&mut *f.kwdefaults.borrow_mut(), obj);
            drop(old);
        }
        "__annotations__" => {
            let value = value.filter(|v| !v.is_none());
            if let Some(v) = &value
                && !vm.isinstance(v, &vm.types.dict)
            {
                return Err(vm.type_error("__annotations__ must be set to a dict object"));
            }
            let old = std::mem::replace(&mut *f.annotations.borrow_mut(), value);
            drop(old);
        }
        "__dict__" => {
            let Some(v) = value else {
                return Err(vm.type_error("cannot delete __dict__"));
            };
            let d = match &v {
                Value::Obj(o) if vm.isinstance(&v, &vm.types.dict) => o.clone(),
                _ => {
                    let tn = vm.type_name(&v);
                    return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{tn}'")));
                }
            };
            let old = f.attrs.borrow_mut().replace(d);
            drop(old);
        }
        "__code__" => {
            if !matches!(value.as_ref().and_then(|v| v.kind()), Some(ObjKind::Code(_))) {
                return Err(vm.type_error("__code__ must be set to a code object"));
            }
            return Ok(false);
        }
        _ => return Err(vm.attribute_error("readonly attribute")),
    }
    Ok(true)
}
