//! Core built-in functions (`Python/bltinmodule.c`): printing, length, identity,
//! iteration helpers and attribute functions.

use std::cell::RefCell;

use taipan_bytecode::ComparisonOperator;

use crate::builtins::args::{check_count, no_kwargs, parse_args_array};
use crate::object::{IterState, ObjKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn print(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut sep = None;
    let mut end = None;
    let mut file = None;
    let mut flush = false;
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        match k.as_str().unwrap_or("") {
            "sep" => sep = if v.is_none() { None } else { Some(v.clone()) },
            "end" => end = if v.is_none() { None } else { Some(v.clone()) },
            "file" => file = if v.is_none() { None } else { Some(v.clone()) },
            "flush" => flush = vm.truthy(v)?,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let sep_s = match &sep {
        None => " ".to_string(),
        Some(s) => match s.as_str() {
            Some(s) => s.to_string(),
            None => return Err(vm.type_error(format!("sep must be None or a string, not {}", vm.type_name(s)))),
        },
    };
    let end_s = match &end {
        None => "\n".to_string(),
        Some(s) => match s.as_str() {
            Some(s) => s.to_string(),
            None => return Err(vm.type_error(format!("end must be None or a string, not {}", vm.type_name(s)))),
        },
    };
    let target = match file {
        Some(f) => f,
        None => match vm.module_get(&vm.sys.clone(), "stdout") {
            Some(s) => s,
            None => return Ok(Value::None),
        },
    };
    let builtin_stream = matches!(target.kind(), Some(ObjKind::File(_)));
    if builtin_stream {
        let mut out = String::new();
        for (i, a) in args[..npos].iter().enumerate() {
            if i > 0 {
                out.push_str(&sep_s);
            }
            match vm.str(a) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    // CPython has written the pieces before the failing one
                    crate::modules::sys::write_to(vm, &target, &out)?;
                    return Err(e);
                }
            }
        }
        out.push_str(&end_s);
        crate::modules::sys::write_to(vm, &target, &out)?;
    } else {
        // CPython writes each piece with its own `file.write` call
        for (i, a) in args[..npos].iter().enumerate() {
            if i > 0 {
                crate::modules::sys::write_to(vm, &target, &sep_s)?;
            }
            let s = vm.str(a)?;
            crate::modules::sys::write_to(vm, &target, &s)?;
        }
        crate::modules::sys::write_to(vm, &target, &end_s)?;
    }
    if flush {
        crate::modules::sys::flush_stream(vm, &target)?;
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "len", kwnames)?;
    check_count(vm, "len", args.len(), 1, 1)?;
    let n = vm.len(&args[0])?;
    Ok(Value::Int(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "repr", kwnames)?;
    check_count(vm, "repr", args.len(), 1, 1)?;
    let s = vm.repr(&args[0])?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "ascii", kwnames)?;
    check_count(vm, "ascii", args.len(), 1, 1)?;
    let s = crate::repr::ascii(vm, &args[0])?;
    Ok(vm.new_str(s))
}

fn isinstance(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "isinstance", kwnames)?;
    // (CPython's argument clinic message for exactly two positional arguments)
    if args.len() != 2 {
        return Err(vm.type_error(format!("isinstance expected 2 arguments, got {}", args.len())));
    }
    let r = isinstance_check(vm, &args[0], &args[1])?;
    Ok(Value::Bool(r))
}

/// `isinstance(v, cls_or_tuple)`.
pub fn isinstance_check(vm: &mut Vm, v: &Value, cls: &Value) -> PyResult<bool> {
    match cls.kind() {
        Some(ObjKind::Type(_)) => {
            let Value::Obj(t) = cls else { return Ok(false) };
            if vm.isinstance(v, t) {
                return Ok(true);
            }
            let meta = vm.class_of(cls).clone();
            if meta.kind.is_heap_type() {
                if let Some(m) = vm.lookup_in_type(&meta, "__instancecheck__") {
                    let r = vm.call(&m, &[cls.clone(), v.clone()])?;
                    return vm.truthy(&r);
                }
            }
            Ok(false)
        }
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            for it in &items {
                if isinstance_check(vm, v, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn issubclass(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "issubclass", kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("issubclass expected 2 arguments, got {}", args.len())));
    }
    let r = issubclass_check(vm, &args[0], &args[1])?;
    Ok(Value::Bool(r))
}

fn issubclass_check(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    let Some(ObjKind::Type(_)) = sub.kind() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    match cls.kind() {
        Some(ObjKind::Type(_)) => {
            let (Value::Obj(s), Value::Obj(c)) = (sub, cls) else {
                return Ok(false);
            };
            if crate::types::is_subtype(s, c) {
                return Ok(true);
            }
            let meta = vm.class_of(cls).clone();
            if meta.kind.is_heap_type() {
                if let Some(m) = vm.lookup_in_type(&meta, "__subclasscheck__") {
                    if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                        let r = vm.call(&m, &[cls.clone(), sub.clone()])?;
                        return vm.truthy(&r);
                    }
                }
            }
            Ok(false)
        }
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            for it in &items {
                if issubclass_check(vm, sub, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

fn hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "hash", kwnames)?;
    check_count(vm, "hash", args.len(), 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn id(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "id", kwnames)?;
    check_count(vm, "id", args.len(), 1, 1)?;
    Ok(Value::Int(args[0].id()))
}

fn iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "iter", kwnames)?;
    check_count(vm, "iter", args.len(), 1, 2)?;
    if args.len() == 2 {
        if !vm.is_callable(&args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let st = IterState::Callable {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        };
        return Ok(Value::new_obj(
            &vm.types.callable_iterator,
            ObjKind::Iter(RefCell::new(st)),
        ));
    }
    vm.iter(&args[0])
}

fn next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "next", kwnames)?;
    check_count(vm, "next", args.len(), 1, 2)?;
    let it = &args[0];
    let is_iter = matches!(it.kind(), Some(ObjKind::Iter(_)) | Some(ObjKind::Generator(_)))
        || vm.lookup_special(it, "__next__").is_some();
    if !is_iter {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    // Generators and user iterators: keep the StopIteration value when there is no default.
    let r = match it.kind() {
        Some(ObjKind::Iter(_)) => vm.next(it).map(|o| o.ok_or(None)),
        Some(ObjKind::Generator(_)) => match crate::generator::resume(vm, it, Value::None, None) {
            Ok(crate::generator::SendResult::Yielded(v)) => Ok(Ok(v)),
            Ok(crate::generator::SendResult::Returned(r)) => Ok(Err(if r.is_none() { None } else { Some(r) })),
            Err(e) => Err(e),
        },
        _ => match vm.call_special(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Ok(v)),
            Ok(None) => Ok(Err(None)),
            Err(e) => {
                if args.len() == 2 && vm.exc_matches(&e.0, &vm.exc.stop_iteration.clone()) {
                    return Ok(args[1].clone());
                }
                Err(e)
            }
        },
    };
    match r? {
        Ok(v) => Ok(v),
        Err(val) => {
            if args.len() == 2 {
                Ok(args[1].clone())
            } else {
                Err(vm.stop_iteration(val))
            }
        }
    }
}

fn callable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "callable", kwnames)?;
    check_count(vm, "callable", args.len(), 1, 1)?;
    Ok(Value::Bool(vm.is_callable(&args[0])))
}

fn getattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "getattr", kwnames)?;
    check_count(vm, "getattr", args.len(), 2, 3)?;
    if args[1].as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&args[1])
        )));
    }
    if args.len() == 3 {
        match vm.get_attr(&args[0], &args[1]) {
            Ok(v) => Ok(v),
            Err(e) if vm.exc_matches(&e.0, &vm.exc.attribute_error.clone()) => Ok(args[2].clone()),
            Err(e) => Err(e),
        }
    } else {
        vm.get_attr(&args[0], &args[1])
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "setattr", kwnames)?;
    check_count(vm, "setattr", args.len(), 3, 3)?;
    vm.set_attr(&args[0], &args[1], args[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "hasattr", kwnames)?;
    check_count(vm, "hasattr", args.len(), 2, 2)?;
    if args[1].as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&args[1])
        )));
    }
    match vm.get_attr(&args[0], &args[1]) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.exc_matches(&e.0, &vm.exc.attribute_error.clone()) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "delattr", kwnames)?;
    check_count(vm, "delattr", args.len(), 2, 2)?;
    vm.del_attr(&args[0], &args[1])?;
    Ok(Value::None)
}

fn abs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "abs", kwnames)?;
    check_count(vm, "abs", args.len(), 1, 1)?;
    match &args[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => {
            if let Some(i) = crate::numops::to_pyint(v) {
                if !vm.class_of(v).kind.is_heap_type() {
                    return Ok(crate::numops::int_value(vm, i.abs()));
                }
            }
            match vm.call_special(v, "__abs__", &[])? {
                Some(r) => Ok(r),
                None => {
                    if let Some(i) = crate::numops::to_pyint(v) {
                        return Ok(crate::numops::int_value(vm, i.abs()));
                    }
                    Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v))))
                }
            }
        }
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let items = vm.collect(&args[0])?;
    let list = vm.new_list(items);
    let mut margs = vec![list.clone()];
    margs.extend_from_slice(&args[1..]);
    crate::builtins::list_sort::list_sort(vm, &margs, kwnames)?;
    Ok(list)
}

fn min(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "min", true)
}

fn max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "max", false)
}

fn min_max(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, is_min: bool) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut key = Value::None;
    let mut default = None;
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        match k.as_str().unwrap_or("") {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            other => return Err(vm.type_error(format!("{name}() got an unexpected keyword argument '{other}'"))),
        }
    }
    if npos == 0 {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if npos == 1 {
        vm.collect(&args[0])?
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        args[..npos].to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = if key.is_none() {
        best.clone()
    } else {
        vm.call(&key, std::slice::from_ref(&best))?
    };
    for it in items.into_iter().skip(1) {
        let k = if key.is_none() {
            it.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&it))?
        };
        // CPython's min_max: `item < best` for min, `item > best` for max
        let op = if is_min {
            ComparisonOperator::Less
        } else {
            ComparisonOperator::Greater
        };
        let r = vm.compare(&k, &best_key, op)?;
        let better = vm.truthy(&r)?;
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn sum(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args_array(vm, "sum", args, kwnames, &["iterable", "start"], 1)?;
    let iterable = a[0].clone().unwrap_or(Value::None);
    let mut acc = a[1].clone().unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(acc.kind(), Some(ObjKind::Bytes(_))) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = vm.iter(&iterable)?;
    let is_gen = matches!(it.kind(), Some(ObjKind::Generator(_)));
    // exact float summation as CPython does for float runs
    loop {
        let x = if is_gen {
            // int and float runs are added up by the dispatch loop (`GenSink`); the value
            // that ends a run comes back here
            use crate::generator::{SinkDest, gen_next_into};
            let (dest, r) = gen_next_into(vm, &it, SinkDest::Sum(acc));
            acc = match dest {
                SinkDest::Sum(a) => a,
                _ => Value::None,
            };
            r?
        } else {
            vm.next(&it)?
        };
        let Some(x) = x else { break };
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(&acc, &x, taipan_bytecode::BinaryOperator::Add)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(&acc, &x, taipan_bytecode::BinaryOperator::Add)?,
        };
    }
    Ok(acc)
}

fn any(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "any", kwnames)?;
    check_count(vm, "any", args.len(), 1, 1)?;
    let it = vm.iter(&args[0])?;
    let is_gen = matches!(it.kind(), Some(ObjKind::Generator(_)));
    loop {
        let x = if is_gen {
            // values of plain truth that do not decide are consumed by the dispatch loop
            let (_, r) = crate::generator::gen_next_into(vm, &it, crate::generator::SinkDest::Truth { stop: true });
            r?
        } else {
            vm.next(&it)?
        };
        let Some(x) = x else { break };
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "all", kwnames)?;
    check_count(vm, "all", args.len(), 1, 1)?;
    let it = vm.iter(&args[0])?;
    let is_gen = matches!(it.kind(), Some(ObjKind::Generator(_)));
    loop {
        let x = if is_gen {
            // values of plain truth that do not decide are consumed by the dispatch loop
            let (_, r) = crate::generator::gen_next_into(vm, &it, crate::generator::SinkDest::Truth { stop: false });
            r?
        } else {
            vm.next(&it)?
        };
        let Some(x) = x else { break };
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match vm.frame_ctx.take() {
        Some(c) => Ok(Value::Obj(c.globals)),
        None => Err(vm.runtime_error("globals(): no current frame")),
    }
}

fn locals(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match vm.frame_ctx.take() {
        Some(c) => Ok(c.locals),
        None => Err(vm.runtime_error("locals(): no current frame")),
    }
}

fn vars(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "vars", kwnames)?;
    if args.is_empty() {
        return locals(vm, args, kwnames);
    }
    vm.frame_ctx = None;
    check_count(vm, "vars", args.len(), 0, 1)?;
    match vm.get_attr_opt_str(&args[0], "__dict__")? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "dir", kwnames)?;
    if args.is_empty() {
        let l = locals(vm, args, kwnames)?;
        let mut keys: Vec<String> = match &l {
            Value::Obj(o) => crate::suggest::dict_keys(o),
            _ => vec![],
        };
        keys.sort();
        let items = keys.into_iter().map(|k| vm.new_str(k)).collect();
        return Ok(vm.new_list(items));
    }
    vm.frame_ctx = None;
    let v = &args[0];
    if vm.class_of(v).kind.is_heap_type() {
        if let Some(m) = vm.lookup_special(v, "__dir__") {
            if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                let r = vm.call(&m, std::slice::from_ref(v))?;
                let mut items = vm.collect(&r)?;
                let mut err = None;
                crate::builtins::list_sort::sort_values(vm, &mut items, &Value::None, false, &mut err);
                if let Some(e) = err {
                    return Err(e);
                }
                return Ok(vm.new_list(items));
            }
        }
    }
    let names = crate::builtins::object::dir_names(vm, v)?;
    let items = names.into_iter().map(|k| vm.new_str(k)).collect();
    Ok(vm.new_list(items))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args_array(vm, "enumerate", &args[1..], kwnames, &["iterable", "start"], 1)?;
    let it = vm.iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let start = a[1].clone().unwrap_or(Value::Int(0));
    if crate::numops::to_pyint(&start).is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&start)
        )));
    }
    let st = IterState::Enumerate { it, count: start };
    Ok(Value::new_obj(&vm.types.enumerate, ObjKind::Iter(RefCell::new(st))))
}

fn zip_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut strict = false;
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        if k.as_str() == Some("strict") {
            strict = vm.truthy(v)?;
        } else {
            return Err(vm.type_error(format!(
                "zip() got an unexpected keyword argument '{}'",
                k.as_str().unwrap_or("")
            )));
        }
    }
    let mut its = Vec::new();
    for (i, a) in args[1..npos].iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => its.push(it),
            Err(e) => {
                if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                    let tn = vm.type_name(a);
                    return Err(vm
                        .type_error(format!("zip argument #{} must support iteration", i + 1))
                        .with_note(tn));
                }
                return Err(e);
            }
        }
    }
    let st = IterState::Zip { its, strict };
    Ok(Value::new_obj(&vm.types.zip, ObjKind::Iter(RefCell::new(st))))
}

fn map_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "map", kwnames)?;
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = args[1].clone();
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.iter(a)?);
    }
    let st = IterState::Map { func, its };
    Ok(Value::new_obj(&vm.types.map, ObjKind::Iter(RefCell::new(st))))
}

fn filter_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "filter", kwnames)?;
    check_count(vm, "filter", args.len().saturating_sub(1), 2, 2)?;
    let it = vm.iter(&args[2])?;
    let st = IterState::Filter {
        func: args[1].clone(),
        it,
    };
    Ok(Value::new_obj(&vm.types.filter, ObjKind::Iter(RefCell::new(st))))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "reversed", kwnames)?;
    check_count(vm, "reversed", args.len().saturating_sub(1), 1, 1)?;
    let seq = args[1].clone();
    if vm.class_of(&seq).kind.is_heap_type() {
        if let Some(m) = vm.lookup_special(&seq, "__reversed__") {
            return vm.call(&m, std::slice::from_ref(&seq));
        }
    }
    match seq.kind() {
        Some(ObjKind::Dict(_)) | Some(ObjKind::DictView { .. }) => {
            let mut items = vm.collect(&seq)?;
            items.reverse();
            let l = vm.new_list(items);
            return vm.iter(&l);
        }
        Some(ObjKind::Range { start, stop, step }) => {
            let n = crate::ops::range_len(*start, *stop, *step);
            if n == 0 {
                let st = IterState::Range {
                    next: 0,
                    stop: 0,
                    step: 1,
                };
                return Ok(Value::new_obj(
                    &vm.types.range_iterator,
                    ObjKind::Iter(RefCell::new(st)),
                ));
            }
            // checked: ranges at the edges of i64 take the generic path below instead
            let last = n
                .checked_sub(1)
                .and_then(|m| m.checked_mul(*step))
                .and_then(|d| start.checked_add(d));
            if let (Some(last), Some(stop), Some(step)) = (last, start.checked_sub(*step), step.checked_neg()) {
                let st = IterState::Range { next: last, stop, step };
                return Ok(Value::new_obj(
                    &vm.types.range_iterator,
                    ObjKind::Iter(RefCell::new(st)),
                ));
            }
        }
        _ => {}
    }
    let has_seq = matches!(
        seq.kind(),
        Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_))
    ) || (vm.lookup_special(&seq, "__getitem__").is_some()
        && vm.lookup_special(&seq, "__len__").is_some());
    if !has_seq {
        let tn = vm.type_name(&seq);
        return Err(vm.type_error(format!("'{tn}' object is not reversible")));
    }
    let n = vm.len(&seq)?;
    let ty = if matches!(seq.kind(), Some(ObjKind::List(_))) {
        vm.types.list_reverseiterator.clone()
    } else {
        vm.types.reversed.clone()
    };
    let st = IterState::Reversed {
        seq,
        index: n as isize - 1,
    };
    Ok(Value::new_obj(&ty, ObjKind::Iter(RefCell::new(st))))
}

impl crate::vm::PyErr {
    /// Returns the error unchanged (placeholder for PEP 678 notes).
    pub fn with_note(self, _note: String) -> Self {
        self
    }
}

impl Vm {
    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v.kind() {
            Some(ObjKind::Function(_) | ObjKind::BoundMethod { .. } | ObjKind::Native(_) | ObjKind::Type(_)) => true,
            Some(_) => self.lookup_special(v, "__call__").is_some(),
            None => false,
        }
    }
}

/// Registers the core built-in functions.
pub fn init(vm: &mut Vm) {
    let b = vm.builtins.clone();
    vm.add_native(&b, "print", print);
    vm.add_native(&b, "len", len);
    vm.add_native(&b, "repr", repr);
    vm.add_native(&b, "ascii", ascii);
    vm.add_native(&b, "isinstance", isinstance);
    vm.add_native(&b, "issubclass", issubclass);
    vm.add_native(&b, "hash", hash);
    vm.add_native(&b, "id", id);
    vm.add_native(&b, "iter", iter);
    vm.add_native(&b, "next", next);
    vm.add_native(&b, "callable", callable);
    vm.add_native(&b, "getattr", getattr);
    vm.add_native(&b, "setattr", setattr);
    vm.add_native(&b, "hasattr", hasattr);
    vm.add_native(&b, "delattr", delattr);
    vm.add_native(&b, "abs", abs);
    vm.add_native(&b, "sorted", sorted);
    vm.add_native(&b, "min", min);
    vm.add_native(&b, "max", max);
    vm.add_native(&b, "sum", sum);
    vm.add_native(&b, "any", any);
    vm.add_native(&b, "all", all);
    for (name, f) in [
        ("globals", globals as crate::object::NativeFn),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
    ] {
        let v = Value::new_obj(
            &vm.types.builtin_function,
            ObjKind::Native(Box::new(crate::object::NativeFunction {
                name,
                owner: "",
                func: f,
                receiver: None,
                is_method: false,
                needs_frame: true,
            })),
        );
        vm.set_attr_str(&b, name, v);
    }
    let types = [
        (vm.types.enumerate.clone(), enumerate_new as crate::object::NativeFn),
        (vm.types.zip.clone(), zip_new),
        (vm.types.map.clone(), map_new),
        (vm.types.filter.clone(), filter_new),
        (vm.types.reversed.clone(), reversed_new),
    ];
    for (t, f) in types {
        crate::builtins::add_new(vm, &t, f);
    }
    let st = vm.types.slice.clone();
    vm.add_method(&st, "indices", slice_indices);
    vm.add_method(&st, "__eq__", slice_eq);
    vm.add_method(&st, "__ne__", slice_ne);
    vm.add_method(&st, "__lt__", slice_lt);
    vm.add_method(&st, "__le__", slice_le);
    vm.add_method(&st, "__gt__", slice_gt);
    vm.add_method(&st, "__ge__", slice_ge);
    let nt = vm.types.none_type.clone();
    crate::builtins::add_new(vm, &nt, none_new);
    let nit = vm.types.not_implemented_type.clone();
    crate::builtins::add_new(vm, &nit, not_implemented_new);
    let et = vm.types.ellipsis_type.clone();
    crate::builtins::add_new(vm, &et, ellipsis_new);
}

fn slice_indices(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "indices", kwnames)?;
    let [s, len] = args else {
        return Err(vm.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let n = vm.to_index(len)?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let si = vm.slice_indices(s, n as usize)?;
    Ok(vm.new_tuple(vec![
        Value::Int(si.start as i64),
        Value::Int(si.stop as i64),
        Value::Int(si.step as i64),
    ]))
}

fn slice_parts(v: &Value) -> Option<Vec<Value>> {
    match v.kind() {
        Some(ObjKind::Slice { start, stop, step }) => Some(vec![start.clone(), stop.clone(), step.clone()]),
        _ => None,
    }
}

fn slice_cmp(vm: &mut Vm, args: &[Value], op: ComparisonOperator) -> PyResult<Value> {
    let [a, b] = args else {
        return Err(vm.type_error("expected 1 argument"));
    };
    match (slice_parts(a), slice_parts(b)) {
        (Some(x), Some(y)) => vm.compare_sequences(&x, &y, op),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn slice_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, ComparisonOperator::Equal)
}
fn slice_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, ComparisonOperator::NotEqual)
}
fn slice_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, ComparisonOperator::Less)
}
fn slice_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, ComparisonOperator::LessEqual)
}
fn slice_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, ComparisonOperator::Greater)
}
fn slice_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, ComparisonOperator::GreaterEqual)
}

fn none_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn not_implemented_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(vm.not_implemented.clone())
}

fn ellipsis_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        return Err(vm.type_error("ellipsis takes no arguments"));
    }
    Ok(vm.ellipsis.clone())
}
