//! Constructors of the built-in types (`tp_new` / `tp_init`): `int()`, `float()`,
//! `str()`, `bool()`, `tuple()`, `list()`, `dict()`, `set()`, `frozenset()`, `range()`,
//! `slice()`, `property()`, `staticmethod()`, `classmethod()`, and `BaseException`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::args::parse_args_array;
use crate::numops::{int_value, to_pyint};
use crate::object::{ObjKind, Object, PyStr};
use crate::support::int::PyInt;
use crate::types::tdata;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

fn cls_of(vm: &mut Vm, args: &[Value]) -> PyResult<Obj> {
    match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => Ok(c.clone()),
        _ => Err(vm.type_error("__new__ needs a type")),
    }
}

fn is_exact(vm: &Vm, cls: &Obj, t: &Obj) -> bool {
    let _ = vm;
    Rc::ptr_eq(cls, t)
}

fn int_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_of(vm, args)?;
    // `x` is positional-only (CPython 3.11's Argument Clinic signature `int(x, /, base=10)`):
    // with at most two arguments in all, any keyword but `base` is rejected by name
    if args.len() <= 3
        && let Some(k) = kwnames.iter().find(|k| k.as_str() != Some("base"))
    {
        let k = k.as_str().unwrap_or("");
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for int()")));
    }
    let a = parse_args_array(vm, "int", &args[1..], kwnames, &["x", "base"], 0)?;
    let value = match (&a[0], &a[1]) {
        (None, None) => PyInt::Small(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_value(vm, x)?,
        (Some(x), Some(b)) => {
            let base = vm.to_index(b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = match x.kind() {
                Some(ObjKind::Str(s)) => s.as_str().to_string(),
                Some(ObjKind::Bytes(_)) | Some(ObjKind::ByteArray(_)) => {
                    String::from_utf8_lossy(&crate::builtins::bytes::bytes_data(x).unwrap_or_default()).to_string()
                }
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            parse_int_text(vm, x, &text, base as u32)?
        }
    };
    if is_exact(vm, &cls, &vm.types.int.clone()) {
        return Ok(int_value(vm, value));
    }
    Ok(Value::Obj(crate::gc::alloc(Object::with(
        Some(cls.clone()),
        new_dict_for(vm, &cls),
        ObjKind::Int(value.to_ibig()),
    ))))
}

fn new_dict_for(vm: &mut Vm, cls: &Obj) -> Option<Obj> {
    if tdata(cls).heap_type {
        Some(vm.new_dict_obj())
    } else {
        None
    }
}

fn parse_int_text(vm: &mut Vm, orig: &Value, text: &str, base: u32) -> PyResult<PyInt> {
    let limit = vm.int_max_str_digits;
    match crate::support::int::parse_int(text, base, limit) {
        Ok(i) => Ok(i),
        Err(e) => {
            let r = vm.repr(orig)?;
            Err(crate::numops::num_err(vm, e.into_num_error(&r)))
        }
    }
}

/// `int(x)` of a str, bytes or bytearray `x` in base 10 (`None`: `x` is none of them).
fn int_from_text(vm: &mut Vm, x: &Value) -> Option<PyResult<PyInt>> {
    let t = match x.kind()? {
        ObjKind::Str(s) => s.as_str().to_string(),
        ObjKind::Bytes(_) | ObjKind::ByteArray(_) => {
            String::from_utf8_lossy(&crate::builtins::bytes::bytes_data(x).unwrap_or_default()).to_string()
        }
        _ => return None,
    };
    Some(parse_int_text(vm, x, &t, 10))
}

/// `int(x)` for one argument: numbers, strings, `__int__`, `__index__`, `__trunc__`.
pub fn int_from_value(vm: &mut Vm, x: &Value) -> PyResult<PyInt> {
    if let Some(i) = to_pyint(x) {
        if !vm.class_of(x).kind.is_heap_type() {
            return Ok(i);
        }
    }
    if let Value::Float(f) = x {
        return crate::support::float_ops::trunc_to_int(*f).map_err(|e| crate::numops::num_err(vm, e));
    }
    // a subclass of str or bytes may define `__int__`, which wins (CPython's
    // `PyNumber_Long` tries the number slots before parsing text)
    if !vm.class_of(x).kind.is_heap_type()
        && let Some(r) = int_from_text(vm, x)
    {
        return r;
    }
    for m in ["__int__", "__index__", "__trunc__"] {
        if let Some(r) = vm.call_special(x, m, &[])? {
            return match to_pyint(&r) {
                Some(i) => Ok(i),
                None => Err(vm.type_error(format!("{m} returned non-int (type {})", vm.type_name(&r)))),
            };
        }
    }
    if let Some(r) = int_from_text(vm, x) {
        return r;
    }
    if let Some(i) = to_pyint(x) {
        return Ok(i);
    }
    if let Some(ObjKind::Float(f)) = x.kind() {
        return crate::support::float_ops::trunc_to_int(*f).map_err(|e| crate::numops::num_err(vm, e));
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    )))
}

fn float_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_of(vm, args)?;
    crate::builtins::args::no_kwargs(vm, "float", kwnames)?;
    crate::builtins::args::check_count(vm, "float", args.len() - 1, 0, 1)?;
    let f = match args.get(1) {
        None => 0.0,
        Some(x) => float_from_value(vm, x)?,
    };
    if is_exact(vm, &cls, &vm.types.float.clone()) {
        if f.is_nan() {
            // A NaN gets a boxed object so that it has an identity, as in CPython:
            // `nan is nan` is True, `float('nan') in [float('nan')]` is False.
            return Ok(Value::Obj(crate::gc::alloc(Object::with(
                Some(cls.clone()),
                None,
                ObjKind::Float(f),
            ))));
        }
        return Ok(Value::Float(f));
    }
    Ok(Value::Obj(crate::gc::alloc(Object::with(
        Some(cls.clone()),
        new_dict_for(vm, &cls),
        ObjKind::Float(f),
    ))))
}

/// `float(x)`.
pub fn float_from_value(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) = x.kind() {
        let data = crate::builtins::bytes::bytes_data(x).unwrap_or_default();
        return match crate::support::float_ops::parse_float_bytes(&data) {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(ObjKind::Str(s)) = x.kind() {
        return match crate::support::float_ops::parse_float(s.as_str()) {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = vm.call_special(x, "__float__", &[])? {
        return match r {
            Value::Float(f) => Ok(f),
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(r) = vm.call_special(x, "__index__", &[])? {
        if let Some(i) = to_pyint(&r) {
            return i.to_f64().map_err(|e| crate::numops::num_err(vm, e));
        }
    }
    if let Some(i) = to_pyint(x) {
        return i.to_f64().map_err(|e| crate::numops::num_err(vm, e));
    }
    if let Some(ObjKind::Float(f)) = x.kind() {
        return Ok(*f);
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{tn}'"
    )))
}

fn str_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_of(vm, args)?;
    let a = parse_args_array(vm, "str", &args[1..], kwnames, &["object", "encoding", "errors"], 0)?;
    let s = match (&a[0], &a[1]) {
        (None, _) => String::new(),
        (Some(x), None) if a[2].is_none() => vm.str(x)?,
        (Some(x), _) => {
            let data = match crate::builtins::bytes::bytes_data(x) {
                Some(d) => d,
                None => {
                    return Err(vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        vm.type_name(x)
                    )));
                }
            };
            let enc = match &a[1] {
                Some(e) => match e.as_str() {
                    Some(s) => s.to_string(),
                    None => {
                        return Err(vm.type_error(format!(
                            "str() argument 'encoding' must be str, not {}",
                            vm.type_name(e)
                        )));
                    }
                },
                None => "utf-8".to_string(),
            };
            let errors = match &a[2] {
                Some(e) => match e.as_str() {
                    Some(s) => s.to_string(),
                    None => {
                        return Err(
                            vm.type_error(format!("str() argument 'errors' must be str, not {}", vm.type_name(e)))
                        );
                    }
                },
                None => "strict".to_string(),
            };
            crate::builtins::str::decode_bytes(vm, &data, &enc, &errors)?
        }
    };
    if is_exact(vm, &cls, &vm.types.str.clone()) {
        return Ok(vm.new_str(s));
    }
    Ok(Value::Obj(crate::gc::alloc(Object::with(
        Some(cls.clone()),
        new_dict_for(vm, &cls),
        ObjKind::Str(PyStr::new(s)),
    ))))
}

fn bool_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "bool", kwnames)?;
    crate::builtins::args::check_count(vm, "bool", args.len() - 1, 0, 1)?;
    match args.get(1) {
        None => Ok(Value::Bool(false)),
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_of(vm, args)?;
    crate::builtins::args::no_kwargs(vm, "tuple", kwnames)?;
    crate::builtins::args::check_count(vm, "tuple", args.len() - 1, 0, 1)?;
    if is_exact(vm, &cls, &vm.types.tuple.clone()) {
        // tuple(t) of an exact tuple is t itself, as CPython
        if let Some(x) = args.get(1) {
            if matches!(x.kind(), Some(ObjKind::Tuple(_))) && !vm.class_of(x).kind.is_heap_type() {
                return Ok(x.clone());
            }
        }
    }
    let items = match args.get(1) {
        None => vec![],
        Some(x) => vm.collect(x)?,
    };
    if is_exact(vm, &cls, &vm.types.tuple.clone()) {
        return Ok(vm.new_tuple(items));
    }
    Ok(Value::Obj(crate::gc::alloc(Object::with(
        Some(cls.clone()),
        new_dict_for(vm, &cls),
        ObjKind::Tuple(items.into_boxed_slice()),
    ))))
}

fn container_new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_of(vm, args)?;
    Ok(crate::builtins::object::new_instance(vm, &cls))
}

/// The receiver check of a builtin type's `__init__` slot wrapper called unbound
/// (`list.__init__(x)`): CPython's `wrapperdescr_call` messages.
///
/// # Errors
/// TypeError when `args` is empty or its first item is not an instance of `ty`.
pub(crate) fn init_self(vm: &mut Vm, args: &[Value], ty: &Obj) -> PyResult<()> {
    // (the type's name is made only for the messages: a `String` per call of every
    // `list.__init__` was ~40% of creating an instance of a list subclass)
    let Some(s) = args.first() else {
        let owner = Vm::type_obj_name(ty);
        return Err(vm.type_error(format!("descriptor '__init__' of '{owner}' object needs an argument")));
    };
    if !vm.isinstance(s, ty) {
        let owner = Vm::type_obj_name(ty);
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a '{owner}' object but received a '{tn}'"
        )));
    }
    Ok(())
}

fn list_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = vm.types.list.clone();
    init_self(vm, args, &ty)?;
    crate::builtins::args::no_kwargs(vm, "list", kwnames)?;
    crate::builtins::args::check_count(vm, "list", args.len() - 1, 0, 1)?;
    let items = match args.get(1) {
        None => vec![],
        Some(x) => vm.collect(x)?,
    };
    if let Some(ObjKind::List(l)) = args[0].kind() {
        *l.borrow_mut() = items;
    }
    Ok(Value::None)
}

fn dict_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = vm.types.dict.clone();
    init_self(vm, args, &ty)?;
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", npos - 1)));
    }
    let Value::Obj(d) = &args[0] else {
        return Ok(Value::None);
    };
    if npos == 2 {
        dict_fill(vm, d, &args[1])?;
    }
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        vm.dict_set(d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

/// `dict(x)` / `d.update(x)`: a mapping, or an iterable of pairs.
pub fn dict_fill(vm: &mut Vm, d: &Obj, x: &Value) -> PyResult<()> {
    let is_mapping = matches!(x.kind(), Some(ObjKind::Dict(_))) || vm.get_attr_opt_str(x, "keys")?.is_some();
    if is_mapping {
        return crate::builtins::dict::dict_update_from(vm, d, x, false);
    }
    let it = vm.iter(x)?;
    let mut i = 0;
    while let Some(item) = vm.next(&it)? {
        let pair = match vm.collect(&item) {
            Ok(p) => p,
            Err(_) => {
                let tn = vm.type_name(&item);
                return Err(vm
                    .type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                    .with_note(tn));
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            vm.dict_set(d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn set_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "set", kwnames)?;
    crate::builtins::args::check_count(vm, "set", args.len() - 1, 0, 1)?;
    let Value::Obj(s) = &args[0] else {
        return Ok(Value::None);
    };
    if let ObjKind::Set(c) = &s.kind {
        c.borrow_mut().clear();
    }
    if let Some(x) = args.get(1) {
        let items = vm.collect(x)?;
        for it in items {
            vm.set_add(s, it)?;
        }
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "frozenset", kwnames)?;
    crate::builtins::args::check_count(vm, "frozenset", args.len() - 1, 0, 1)?;
    let items = match args.get(1) {
        None => vec![],
        Some(x) => vm.collect(x)?,
    };
    crate::builtins::set::make_set(vm, items, true)
}

fn range_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // the common case first: one to three small ints, no keywords (no temporary vector;
    // `range(8)` cost ~250 instructions before, a tenth of fannkuch's inner loops)
    if kwnames.is_empty() {
        let bounds = match args {
            [_, Value::Int(stop)] => Some((0, *stop, 1)),
            [_, Value::Int(start), Value::Int(stop)] => Some((*start, *stop, 1)),
            [_, Value::Int(start), Value::Int(stop), Value::Int(step)] if *step != 0 => Some((*start, *stop, *step)),
            _ => None,
        };
        if let Some((start, stop, step)) = bounds {
            return Ok(Value::new_obj(&vm.types.range, ObjKind::Range { start, stop, step }));
        }
    }
    crate::builtins::args::no_kwargs(vm, "range", kwnames)?;
    let n = args.len() - 1;
    if n == 0 {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}")));
    }
    let mut v = [0i64; 3];
    let mut big: Vec<PyInt> = Vec::with_capacity(3);
    let mut needs_big = false;
    for (i, a) in args[1..].iter().enumerate() {
        let x = match to_pyint(a) {
            Some(x) => x,
            None => {
                if vm.lookup_special(a, "__index__").is_none() {
                    let tn = vm.type_name(a);
                    return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
                }
                let r = vm.call_special(a, "__index__", &[])?.unwrap_or(Value::Int(0));
                match to_pyint(&r) {
                    Some(x) => x,
                    None => {
                        return Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r))));
                    }
                }
            }
        };
        match x.as_i64() {
            Some(s) => v[i] = s,
            None => needs_big = true,
        }
        big.push(x);
    }
    if needs_big {
        let zero = dashu_int::IBig::ZERO;
        let one = dashu_int::IBig::ONE;
        let (start, stop, step) = match n {
            1 => (zero, big[0].to_ibig(), one),
            2 => (big[0].to_ibig(), big[1].to_ibig(), one),
            _ => (big[0].to_ibig(), big[1].to_ibig(), big[2].to_ibig()),
        };
        if step == dashu_int::IBig::ZERO {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        return Ok(Value::new_obj(&vm.types.range, ObjKind::BigRange { start, stop, step }));
    }
    let (start, stop, step) = match n {
        1 => (0, v[0], 1),
        2 => (v[0], v[1], 1),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::new_obj(&vm.types.range, ObjKind::Range { start, stop, step }))
}

fn slice_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "slice", kwnames)?;
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0].clone(), Value::None),
        2 => (a[0].clone(), a[1].clone(), Value::None),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(Value::new_obj(&vm.types.slice, ObjKind::Slice { start, stop, step }))
}

fn property_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args_array(vm, "property", &args[1..], kwnames, &["fget", "fset", "fdel", "doc"], 0)?;
    let g = |i: usize| a[i].clone().unwrap_or(Value::None);
    let mut doc = g(3);
    if doc.is_none() {
        if let Some(ObjKind::Function(f)) = g(0).kind() {
            doc = f.doc.borrow().clone();
        }
    }
    Ok(Value::new_obj(
        &vm.types.property,
        ObjKind::Property {
            fget: g(0),
            fset: g(1),
            fdel: g(2),
            doc,
            name: RefCell::new(None),
        },
    ))
}

fn property_copy(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    let [p, f] = args else {
        return Err(vm.type_error("expected one argument"));
    };
    let Some(ObjKind::Property {
        fget,
        fset,
        fdel,
        doc,
        name,
    }) = p.kind()
    else {
        return Err(vm.type_error("descriptor requires a property"));
    };
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = f.clone(),
        1 => s = f.clone(),
        _ => d = f.clone(),
    }
    Ok(Value::new_obj(
        &vm.types.property,
        ObjKind::Property {
            fget: g,
            fset: s,
            fdel: d,
            doc: doc.clone(),
            name: RefCell::new(name.borrow().clone()),
        },
    ))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

/// `property.__set_name__(owner, name)`: records the attribute name for error messages.
fn property_set_name(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [p, _owner, name] = args else {
        return Err(vm.type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len().saturating_sub(1)
        )));
    };
    if let Some(ObjKind::Property { name: n, .. }) = p.kind() {
        *n.borrow_mut() = Some(Box::new(name.clone()));
    }
    Ok(Value::None)
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (Some(p), Some(obj)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("__get__ needs 2 arguments"));
    };
    if obj.is_none() {
        return Ok(p.clone());
    }
    let Some(ObjKind::Property { fget, .. }) = p.kind() else {
        return Ok(Value::None);
    };
    let f = fget.clone();
    vm.call(&f, std::slice::from_ref(obj))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "staticmethod", kw)?;
    if args.len() != 2 {
        // CPython's `PyArg_UnpackTuple(args, "staticmethod", 1, 1, ...)` message
        return Err(vm.type_error(format!("staticmethod expected 1 argument, got {}", args.len() - 1)));
    }
    Ok(Value::new_obj(
        &vm.types.staticmethod,
        ObjKind::StaticMethod(args[1].clone()),
    ))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "classmethod", kw)?;
    if args.len() != 2 {
        // CPython's `PyArg_UnpackTuple(args, "classmethod", 1, 1, ...)` message
        return Err(vm.type_error(format!("classmethod expected 1 argument, got {}", args.len() - 1)));
    }
    Ok(Value::new_obj(
        &vm.types.classmethod,
        ObjKind::ClassMethod(args[1].clone()),
    ))
}

/// `classmethod.__init__`, `staticmethod.__init__`, `property.__init__` called on an
/// existing object: the receiver and argument checks of CPython's `cm_init`, `sm_init`
/// and `property_init`. A valid call returns None without re-binding the object (taipan's
/// descriptors are immutable once made; re-initializing one is not supported).
fn descr_init(vm: &mut Vm, args: &[Value], kw: &[Value], which: u8) -> PyResult<Value> {
    let ty = match which {
        0 => vm.types.classmethod.clone(),
        1 => vm.types.staticmethod.clone(),
        _ => vm.types.property.clone(),
    };
    init_self(vm, args, &ty)?;
    match which {
        0 => classmethod_new(vm, args, kw).map(|_| Value::None),
        1 => staticmethod_new(vm, args, kw).map(|_| Value::None),
        _ => property_new(vm, args, kw).map(|_| Value::None),
    }
}

fn classmethod_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    descr_init(vm, args, kw, 0)
}
fn staticmethod_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    descr_init(vm, args, kw, 1)
}
fn property_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    descr_init(vm, args, kw, 2)
}

/// The OSError subclass for an errno (PEP 3151), as CPython's `errnomap` on Linux.
fn os_error_subclass(vm: &Vm, errno: i64) -> Option<Obj> {
    let x = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => x.blocking_io_error.clone(),
        10 => x.child_process_error.clone(),
        32 | 108 => x.broken_pipe_error.clone(),
        103 => x.connection_aborted_error.clone(),
        111 => x.connection_refused_error.clone(),
        104 => x.connection_reset_error.clone(),
        17 => x.file_exists_error.clone(),
        2 => x.file_not_found_error.clone(),
        21 => x.is_a_directory_error.clone(),
        20 => x.not_a_directory_error.clone(),
        4 => x.interrupted_error.clone(),
        1 | 13 => x.permission_error.clone(),
        3 => x.process_lookup_error.clone(),
        110 => x.timeout_error.clone(),
        _ => return None,
    })
}

/// `BaseException.__new__(cls, *args, **kwargs)`: `args` is the positional arguments
/// (keywords are checked by `__init__`); `OSError(errno, strerror, ...)` picks the
/// subclass for the errno.
fn exc_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut cls = cls_of(vm, args)?;
    if tdata(&cls).layout != crate::object::Layout::Exception {
        let n = tdata(&cls).name.borrow().to_string();
        return Err(vm.type_error(format!(
            "BaseException.__new__({n}): {n} is not a subtype of BaseException"
        )));
    }
    let npos = args.len().saturating_sub(kwnames.len());
    if Rc::ptr_eq(&cls, &vm.exc.os_error) && (3..=6).contains(&npos) {
        if let Value::Int(errno) = args[1] {
            if let Some(s) = os_error_subclass(vm, errno) {
                cls = s;
            }
        }
    }
    let obj = crate::builtins::object::new_instance(vm, &cls);
    if let Some(d) = Vm::exc_data(&obj) {
        let t = vm.new_tuple(args.get(1..npos).unwrap_or(&[]).to_vec());
        d.borrow_mut().args = t;
    }
    Ok(obj)
}

/// Registers the constructors.
pub fn init(vm: &mut Vm) {
    use crate::builtins::add_new;
    let t = vm.types.clone_refs();
    add_new(vm, &t.int, int_new);
    add_new(vm, &t.float, float_new);
    add_new(vm, &t.str, str_new);
    add_new(vm, &t.bool_, bool_new);
    add_new(vm, &t.tuple, tuple_new);
    add_new(vm, &t.list, container_new);
    vm.add_method(&t.list, "__init__", list_init);
    add_new(vm, &t.dict, container_new);
    vm.add_method(&t.dict, "__init__", dict_init);
    add_new(vm, &t.set, container_new);
    vm.add_method(&t.set, "__init__", set_init);
    add_new(vm, &t.frozenset, frozenset_new);
    add_new(vm, &t.range, range_new);
    add_new(vm, &t.slice, slice_new);
    add_new(vm, &t.property, property_new);
    vm.add_method(&t.property, "getter", property_getter);
    vm.add_method(&t.property, "setter", property_setter);
    vm.add_method(&t.property, "deleter", property_deleter);
    vm.add_method(&t.property, "__get__", property_get);
    vm.add_method(&t.property, "__set_name__", property_set_name);
    vm.add_method(&t.property, "__init__", property_init);
    add_new(vm, &t.staticmethod, staticmethod_new);
    vm.add_method(&t.staticmethod, "__init__", staticmethod_init);
    add_new(vm, &t.classmethod, classmethod_new);
    vm.add_method(&t.classmethod, "__init__", classmethod_init);
    let be = vm.exc.base_exception.clone();
    add_new(vm, &be, exc_new);
    crate::exceptions::init(vm);
    let _ = RefCell::new(0);
}
