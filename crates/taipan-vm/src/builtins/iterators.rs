//! The composite built-in iterators: `reversed`, `enumerate`, `zip`, `map`, `filter`,
//! `iter(callable, sentinel)` and the `__getitem__` sequence protocol.

use crate::object::IterState;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Advances a composite iterator whose state was taken out of its cell (so Python code
/// may run). Returns the result and the state to put back (`None` = exhausted).
pub fn next_composite(vm: &mut Vm, state: IterState) -> (PyResult<Option<Value>>, Option<IterState>) {
    match state {
        IterState::Reversed { seq, index } => {
            if index < 0 {
                return (Ok(None), None);
            }
            match vm.getitem(&seq, &Value::Int(index as i64)) {
                Ok(v) => (Ok(Some(v)), Some(IterState::Reversed { seq, index: index - 1 })),
                Err(e) => {
                    if vm.exc_matches(&e.0, &vm.exc.index_error.clone()) {
                        (Ok(None), None)
                    } else {
                        (Err(e), None)
                    }
                }
            }
        }
        IterState::Enumerate { it, count } => match vm.next(&it) {
            Ok(Some(v)) => {
                let next = match vm.binary_op(&count, &Value::Int(1), taipan_bytecode::BinaryOperator::Add) {
                    Ok(n) => n,
                    Err(e) => return (Err(e), None),
                };
                let t = vm.new_tuple(vec![count, v]);
                (Ok(Some(t)), Some(IterState::Enumerate { it, count: next }))
            }
            Ok(None) => (Ok(None), None),
            Err(e) => (Err(e), Some(IterState::Enumerate { it, count })),
        },
        IterState::Zip { its, strict } => {
            if its.is_empty() {
                return (Ok(None), None);
            }
            let mut items = Vec::with_capacity(its.len());
            let mut failed = None;
            for (i, it) in its.iter().enumerate() {
                match vm.next(it) {
                    Ok(Some(v)) => items.push(v),
                    Ok(None) => {
                        if strict {
                            if i > 0 {
                                let plural = if i == 1 { "" } else { "s" };
                                let msg = format!(
                                    "zip() argument {} is shorter than argument{plural} 1{}",
                                    i + 1,
                                    if i == 1 { String::new() } else { format!("-{i}") }
                                );
                                return (Err(vm.value_error(msg)), None);
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                match vm.next(other) {
                                    Ok(Some(_)) => {
                                        let plural = if j == 1 { "" } else { "s" };
                                        let msg = format!(
                                            "zip() argument {} is longer than argument{plural} 1{}",
                                            j + 1,
                                            if j == 1 { String::new() } else { format!("-{j}") }
                                        );
                                        return (Err(vm.value_error(msg)), None);
                                    }
                                    Ok(None) => {}
                                    Err(e) => return (Err(e), None),
                                }
                            }
                        }
                        return (Ok(None), None);
                    }
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            // an error from a source leaves the zip usable, as CPython's (dropping the
            // state here could also free a deep chain of iterators at depth)
            if let Some(e) = failed {
                return (Err(e), Some(IterState::Zip { its, strict }));
            }
            let t = vm.new_tuple(items);
            (Ok(Some(t)), Some(IterState::Zip { its, strict }))
        }
        IterState::Map { func, its } => {
            let mut args = Vec::with_capacity(its.len());
            let mut failed = None;
            for it in &its {
                match vm.next(it) {
                    Ok(Some(v)) => args.push(v),
                    Ok(None) => return (Ok(None), None),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            if let Some(e) = failed {
                return (Err(e), Some(IterState::Map { func, its }));
            }
            match vm.call(&func, &args) {
                Ok(v) => (Ok(Some(v)), Some(IterState::Map { func, its })),
                Err(e) => (Err(e), Some(IterState::Map { func, its })),
            }
        }
        IterState::Filter { func, it } => loop {
            match vm.next(&it) {
                Ok(Some(v)) => {
                    let keep = if func.is_none() {
                        vm.truthy(&v)
                    } else {
                        match vm.call(&func, std::slice::from_ref(&v)) {
                            Ok(r) => vm.truthy(&r),
                            Err(e) => Err(e),
                        }
                    };
                    match keep {
                        Ok(true) => return (Ok(Some(v)), Some(IterState::Filter { func, it })),
                        Ok(false) => continue,
                        Err(e) => return (Err(e), Some(IterState::Filter { func, it })),
                    }
                }
                Ok(None) => return (Ok(None), None),
                Err(e) => return (Err(e), Some(IterState::Filter { func, it })),
            }
        },
        IterState::Callable { func, sentinel } => match vm.call(&func, &[]) {
            Ok(v) => match vm.eq(&v, &sentinel) {
                Ok(true) => (Ok(None), None),
                Ok(false) => (Ok(Some(v)), Some(IterState::Callable { func, sentinel })),
                Err(e) => (Err(e), Some(IterState::Callable { func, sentinel })),
            },
            Err(e) => (Err(e), Some(IterState::Callable { func, sentinel })),
        },
        IterState::SeqIndex { seq, index } => match vm.getitem(&seq, &Value::Int(index)) {
            Ok(v) => (Ok(Some(v)), Some(IterState::SeqIndex { seq, index: index + 1 })),
            Err(e) => {
                if vm.exc_matches(&e.0, &vm.exc.index_error.clone())
                    || vm.exc_matches(&e.0, &vm.exc.stop_iteration.clone())
                {
                    (Ok(None), None)
                } else {
                    (Err(e), Some(IterState::SeqIndex { seq, index }))
                }
            }
        },
        other => (Ok(None), Some(other)),
    }
}
