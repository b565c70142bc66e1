//! `list.sort` / `sorted`: a stable merge sort (Rust's `sort_by`, itself a stable
//! merge-based sort like CPython's timsort) over keys, with comparison errors captured
//! and re-raised after the sort, and CPython's "list modified during sort" check.

use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Sorts `items` in place by `key` (None = identity) with `<`; the first comparison
/// error is stored in `err` (the order is then unspecified, as in CPython).
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: &Value, reverse: bool, err: &mut Option<PyErr>) {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in items.iter() {
            match vm.call(key, std::slice::from_ref(it)) {
                Ok(k) => ks.push(k),
                Err(e) => {
                    *err = Some(e);
                    return;
                }
            }
        }
        ks
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        // CPython reverses, sorts stably, reverses again: equal items keep their order.
        idx.reverse();
    }
    idx.sort_by(|&a, &b| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (x, y) = (&keys[a], &keys[b]);
        let less = |vm: &mut Vm, p: &Value, q: &Value| -> PyResult<bool> {
            match (p, q) {
                (Value::Int(i), Value::Int(j)) => Ok(i < j),
                (Value::Float(i), Value::Float(j)) => Ok(i < j),
                _ => vm.lt(p, q),
            }
        };
        let (p, q) = (x, y);
        match less(vm, p, q) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match less(vm, q, p) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    *err = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                *err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        match k.as_str().unwrap_or("") {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.truthy(v)?,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    let Some(ObjKind::List(cell)) = args[0].kind() else { return Err(vm.type_error("sort() needs a list")) };
    let mut items = std::mem::take(&mut *cell.borrow_mut());
    let mut err = None;
    sort_values(vm, &mut items, &key, reverse, &mut err);
    let modified = !cell.borrow().is_empty();
    *cell.borrow_mut() = items;
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}
