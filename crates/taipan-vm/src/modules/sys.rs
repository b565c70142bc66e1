//! The `sys` module, and the standard streams `sys.stdout` / `sys.stderr` / `sys.stdin`.

use std::io::Write;

use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Writes text to a stream object: the built-in stdout/stderr fast paths, or any object
/// with a `write` method.
pub fn write_to(vm: &mut Vm, stream: &Value, text: &str) -> PyResult<()> {
    if let Some(ObjKind::Module) = stream.kind() {
        // never happens; streams are objects
    }
    match stream_kind(vm, stream) {
        Some(1) => {
            let _ = vm.streams.out.write_all(text.as_bytes());
            Ok(())
        }
        Some(2) => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(text.as_bytes());
            Ok(())
        }
        _ => {
            let s = vm.new_str(text);
            vm.call_method(stream, "write", &[s])?;
            Ok(())
        }
    }
}

/// Flushes a stream object.
pub fn flush_stream(vm: &mut Vm, stream: &Value) -> PyResult<()> {
    match stream_kind(vm, stream) {
        Some(1) => {
            vm.flush_stdout();
            Ok(())
        }
        Some(2) => Ok(()),
        _ => {
            if vm.get_attr_opt_str(stream, "flush")?.is_some() {
                vm.call_method(stream, "flush", &[])?;
            }
            Ok(())
        }
    }
}

/// 1 for the built-in stdout object, 2 for stderr, 0 for stdin.
fn stream_kind(vm: &Vm, stream: &Value) -> Option<u8> {
    for (i, name) in [(1u8, "__stdout__"), (2, "__stderr__"), (0, "__stdin__")] {
        if let Some(s) = vm.module_get(&vm.sys, name) {
            if s.is(stream) {
                return Some(i);
            }
        }
    }
    None
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [stream, text] = args else { return Err(vm.type_error("write() takes exactly one argument")) };
    let Some(t) = text.as_str() else {
        return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(text))));
    };
    let t = t.to_string();
    let n = t.chars().count();
    write_to(vm, stream, &t)?;
    Ok(Value::Int(n as i64))
}

fn stream_flush(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(s) = args.first() {
        flush_stream(vm, s)?;
    }
    Ok(Value::None)
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = vm.exc.system_exit.clone();
    let e = vm.new_exception(&t, args.to_vec());
    Err(crate::vm::PyErr(e))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else { return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)")) };
    let n = match v {
        Value::Int(n) => *n,
        Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => vm.to_index(v)?,
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

/// Creates the `sys` module.
pub fn init(vm: &mut Vm, argv: Vec<String>) {
    let sys = vm.sys.clone();
    let stream_type = vm.types.text_io.clone();
    vm.add_method(&stream_type, "write", stream_write);
    vm.add_method(&stream_type, "flush", stream_flush);
    for (name, alias) in [("stdout", "__stdout__"), ("stderr", "__stderr__"), ("stdin", "__stdin__")] {
        let st = crate::file::FileState { name: format!("<{name}>"), mode: if name == "stdin" { "r".into() } else { "w".into() }, file: None, buffer: vec![], binary: false };
        let s = Value::new_obj(&stream_type, ObjKind::File(std::cell::RefCell::new(st)));
        vm.set_attr_str(&sys, name, s.clone());
        vm.set_attr_str(&sys, alias, s);
    }
    vm.add_native(&sys, "exit", sys_exit);
    vm.add_native(&sys, "getrecursionlimit", getrecursionlimit);
    vm.add_native(&sys, "setrecursionlimit", setrecursionlimit);
    let argv: Vec<Value> = argv.into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    vm.set_attr_str(&sys, "argv", argv);
    vm.set_attr_str(&sys, "maxsize", Value::Int(i64::MAX));
    let path = vm.new_list(vec![]);
    vm.set_attr_str(&sys, "path", path);
    let modules = Value::Obj(vm.modules.clone());
    vm.set_attr_str(&sys, "modules", modules);
    let vi = vec![Value::Int(3), Value::Int(11), Value::Int(7), vm.new_str("final"), Value::Int(0)];
    let vi = vm.new_tuple(vi);
    vm.set_attr_str(&sys, "version_info", vi);
    let ver = vm.new_str("3.11.7 (taipan)");
    vm.set_attr_str(&sys, "version", ver);
    let plat = vm.new_str("linux");
    vm.set_attr_str(&sys, "platform", plat);
    let bo = vm.new_str("little");
    vm.set_attr_str(&sys, "byteorder", bo);
    let imp = vm.new_str("taipan");
    vm.set_attr_str(&sys, "implementation_name", imp);
    let key = vm.intern("sys");
    let m = vm.modules.clone();
    if let ObjKind::Dict(d) = &m.kind {
        d.borrow_mut().insert_native(crate::ops::hash_str("sys"), key.clone(), Value::Obj(sys.clone()));
        let bkey = vm.intern("builtins");
        d.borrow_mut().insert_native(crate::ops::hash_str("builtins"), bkey, Value::Obj(vm.builtins.clone()));
    }
}
