//! The `sys` module, and the standard streams `sys.stdout` / `sys.stderr` / `sys.stdin`.
//!
//! Source of the behaviour: CPython 3.11 `Python/sysmodule.c`. The standard streams are
//! file objects (`crate::file`) of type `TextIOWrapper`; `print()` and `input()` write
//! and read through whatever object `sys.stdout` / `sys.stdin` currently hold, with a
//! fast path for the built-in stream objects. Struct sequences (`version_info`,
//! `float_info`) are tuples of a tuple subclass whose named fields live in the
//! instance dict.

use crate::file::StdStream;
use crate::object::{Layout, ObjKind, Object};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Writes text to a stream object: the built-in file objects directly, or any object
/// with a `write` method.
pub fn write_to(vm: &mut Vm, stream: &Value, text: &str) -> PyResult<()> {
    if let Some(ObjKind::File(_)) = stream.kind() {
        return crate::file::write_str(vm, stream, text);
    }
    let s = vm.new_str(text);
    vm.call_method(stream, "write", &[s])?;
    Ok(())
}

/// Flushes a stream object (built-in file objects directly, others through `flush()`
/// if they have one).
pub fn flush_stream(vm: &mut Vm, stream: &Value) -> PyResult<()> {
    if let Some(ObjKind::File(_)) = stream.kind() {
        return crate::file::flush(vm, stream);
    }
    if vm.get_attr_opt_str(stream, "flush")?.is_some() {
        vm.call_method(stream, "flush", &[])?;
    }
    Ok(())
}

/// The current `sys.<name>` value (e.g. `"stdout"`), if set.
pub fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = vm.sys.clone();
    vm.module_get(&sys, name)
}

/// `sys.exit(status=None)`: raises SystemExit; a tuple status becomes the exception's
/// args, None gives no args (CPython's `PyErr_SetObject`).
fn sys_exit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "exit", kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    let exc_args = match args.first() {
        None | Some(Value::None) => vec![],
        Some(v) => match v.kind() {
            Some(ObjKind::Tuple(items)) if !vm.class_of(v).kind.is_heap_type() => items.to_vec(),
            _ => vec![v.clone()],
        },
    };
    let t = vm.exc.system_exit.clone();
    let e = vm.new_exception(&t, exc_args);
    Err(crate::vm::PyErr(e))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    let n = match v {
        Value::Int(n) => *n,
        Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => vm.to_index(v)?,
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = usize::try_from(n).unwrap_or(usize::MAX);
    Ok(Value::None)
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled.
fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match vm.handled_exc.clone() {
        Some(e) if !e.is_none() => {
            let t = Value::Obj(vm.class_of(&e).clone());
            let tb = match vm.get_attr_opt_str(&e, "__traceback__") {
                Ok(Some(tb)) if !tb.is_none() => tb,
                _ => Value::Bool(true),
            };
            Ok(vm.new_tuple(vec![t, e, tb]))
        }
        _ => Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.handled_exc.clone().unwrap_or(Value::None))
}

fn intern(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "intern", kwnames)?;
    crate::builtins::args::check_count(vm, "intern", args.len(), 1, 1)?;
    match args[0].as_str() {
        Some(s) if !vm.class_of(&args[0]).kind.is_heap_type() => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        Some(_) => Err(vm.type_error("can't intern str")),
        None => {
            let tn = vm.type_name(&args[0]);
            Err(vm.type_error(format!("intern() argument must be str, not {tn}")))
        }
    }
}

fn get_int_max_str_digits(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(i64::try_from(vm.int_max_str_digits).unwrap_or(i64::MAX)))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::parse_args(vm, "set_int_max_str_digits", args, kwnames, &["maxdigits"], 1)?;
    let n = vm.to_index(a[0].as_ref().unwrap_or(&Value::Int(0)))?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = usize::try_from(n).unwrap_or(usize::MAX);
    Ok(Value::None)
}

fn getdefaultencoding(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

/// `sys.getsizeof(obj)`: CPython's 64-bit object sizes for the common built-in kinds
/// (an approximation for the others).
fn getsizeof(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::parse_args(vm, "getsizeof", args, kwnames, &["object", "default"], 1)?;
    let v = a[0].clone().unwrap_or(Value::None);
    let size: u64 = match &v {
        Value::None => 16,
        Value::Bool(b) => 24 + u64::from(*b) * 4,
        Value::Float(_) => 24,
        Value::Int(_) | Value::Obj(_) if crate::numops::to_pyint(&v).is_some() => {
            let bits = crate::numops::to_pyint(&v).map_or(0, |i| i.bit_length());
            24 + 4 * bits.div_ceil(30).max(u64::from(bits > 0))
        }
        Value::Int(_) => 28,
        Value::Obj(o) => match &o.kind {
            ObjKind::Float(_) => 24,
            ObjKind::Str(s) => {
                let max = s.as_str().chars().map(u32::from).max().unwrap_or(0);
                let n = s.char_len() as u64;
                if max < 0x80 {
                    49 + n
                } else if max < 0x100 {
                    73 + n
                } else if max < 0x10000 {
                    74 + 2 * n
                } else {
                    76 + 4 * n
                }
            }
            ObjKind::Bytes(b) => 33 + b.len() as u64,
            ObjKind::ByteArray(b) => 57 + b.borrow().capacity() as u64,
            ObjKind::Tuple(t) => 40 + 8 * t.len() as u64,
            ObjKind::List(l) => 56 + 8 * l.borrow().capacity() as u64,
            ObjKind::Dict(d) => {
                let n = d.borrow().len() as u64;
                if n == 0 {
                    64
                } else {
                    64 + 8 * n.next_power_of_two().max(8) * 3
                }
            }
            ObjKind::Set(_) | ObjKind::FrozenSet(_) => 216,
            ObjKind::Range { .. } => 48,
            ObjKind::Function(_) => 152,
            ObjKind::Type(_) => 1072,
            _ => 56,
        },
    };
    Ok(Value::Int(i64::try_from(size).unwrap_or(i64::MAX)))
}

/// A struct-sequence object: a tuple of type `ty` whose fields are also attributes.
fn struct_seq(vm: &mut Vm, ty: &Obj, fields: &[&str], values: Vec<Value>) -> Value {
    let dict = vm.new_dict_obj();
    let obj = crate::gc::alloc(Object::with(
        Some(ty.clone()),
        Some(dict),
        ObjKind::Tuple(values.clone().into_boxed_slice()),
    ));
    for (name, v) in fields.iter().zip(values) {
        vm.set_attr_str(&obj, name, v);
    }
    Value::Obj(obj)
}

fn struct_seq_type(vm: &mut Vm, name: &str) -> Obj {
    let (type_, tuple) = (vm.types.type_.clone(), vm.types.tuple.clone());
    crate::types::make_type(&type_, name, vec![tuple], Layout::Tuple)
}

fn add_struct_seqs(vm: &mut Vm, sys: &Obj) {
    let vi_type = struct_seq_type(vm, "version_info");
    let vi = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        vm.new_str("final"),
        Value::Int(0),
    ];
    let vi = struct_seq(vm, &vi_type, &["major", "minor", "micro", "releaselevel", "serial"], vi);
    vm.set_attr_str(sys, "version_info", vi);
    let fi_type = struct_seq_type(vm, "float_info");
    let fi_fields = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let fi = vec![
        Value::Float(f64::MAX),
        Value::Int(i64::from(f64::MAX_EXP)),
        Value::Int(i64::from(f64::MAX_10_EXP)),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(i64::from(f64::MIN_EXP)),
        Value::Int(i64::from(f64::MIN_10_EXP)),
        Value::Int(i64::from(f64::DIGITS)),
        Value::Int(i64::from(f64::MANTISSA_DIGITS)),
        Value::Float(f64::EPSILON),
        Value::Int(i64::from(f64::RADIX)),
        Value::Int(1),
    ];
    let fi = struct_seq(vm, &fi_type, &fi_fields, fi);
    vm.set_attr_str(sys, "float_info", fi);
    let ii_type = struct_seq_type(vm, "int_info");
    let ii = vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)];
    let ii = struct_seq(
        vm,
        &ii_type,
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        ii,
    );
    vm.set_attr_str(sys, "int_info", ii);
    let (type_, object) = (vm.types.type_.clone(), vm.types.object.clone());
    let ns_type = crate::types::make_type(&type_, "SimpleNamespace", vec![object], Layout::Object);
    let dict = vm.new_dict_obj();
    let imp = crate::gc::alloc(Object::with(Some(ns_type), Some(dict), ObjKind::Instance(None)));
    let name = vm.new_str("taipan");
    vm.set_attr_str(&imp, "name", name);
    let cache_tag = Value::None;
    vm.set_attr_str(&imp, "cache_tag", cache_tag);
    let version = vm
        .get_attr_opt_str(&Value::Obj(sys.clone()), "version_info")
        .ok()
        .flatten()
        .unwrap_or(Value::None);
    vm.set_attr_str(&imp, "version", version);
    vm.set_attr_str(sys, "implementation", Value::Obj(imp));
}

/// Creates the `sys` module.
pub fn init(vm: &mut Vm, argv: Vec<String>) {
    let sys = vm.sys.clone();
    crate::file::init(vm);
    for (name, alias, kind) in [
        ("stdout", "__stdout__", StdStream::Stdout),
        ("stderr", "__stderr__", StdStream::Stderr),
        ("stdin", "__stdin__", StdStream::Stdin),
    ] {
        let s = crate::file::new_std_stream(vm, kind);
        vm.set_attr_str(&sys, name, s.clone());
        vm.set_attr_str(&sys, alias, s);
    }
    let natives: &[(&'static str, crate::object::NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("getdefaultencoding", getdefaultencoding),
    ];
    for (name, f) in natives {
        vm.add_native(&sys, name, *f);
    }
    let argv: Vec<Value> = argv.into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    vm.set_attr_str(&sys, "argv", argv);
    vm.set_attr_str(&sys, "maxsize", Value::Int(i64::MAX));
    vm.set_attr_str(&sys, "maxunicode", Value::Int(0x10ffff));
    let path = vm.new_list(vec![]);
    vm.set_attr_str(&sys, "path", path);
    let modules = Value::Obj(vm.modules.clone());
    vm.set_attr_str(&sys, "modules", modules);
    add_struct_seqs(vm, &sys);
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let strs = [
        ("version", "3.11.7 (taipan)".to_string()),
        ("platform", "linux".to_string()),
        ("byteorder", "little".to_string()),
        ("implementation_name", "taipan".to_string()),
        ("executable", exe),
        ("prefix", "/usr".to_string()),
    ];
    for (name, text) in strs {
        let v = vm.new_str(text);
        vm.set_attr_str(&sys, name, v);
    }
    let key = vm.intern("sys");
    let m = vm.modules.clone();
    if let ObjKind::Dict(d) = &m.kind {
        d.borrow_mut()
            .insert_native(crate::ops::hash_str("sys"), key.clone(), Value::Obj(sys.clone()));
        let bkey = vm.intern("builtins");
        d.borrow_mut()
            .insert_native(crate::ops::hash_str("builtins"), bkey, Value::Obj(vm.builtins.clone()));
    }
}
