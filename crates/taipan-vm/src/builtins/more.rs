//! More built-in functions: `round`, `divmod`, `pow`, `hex`, `oct`, `bin`, `input`,
//! `open`, `exec`, `eval`, `compile`, `__import__`, `exit`/`quit`.
//!
//! Source of the behaviour: CPython 3.11 `Python/bltinmodule.c` and
//! `Objects/abstract.c` (`PyNumber_Divmod`, `PyNumber_Power`, `PyNumber_Index`), with
//! their exact messages. Numbers of built-in types take native fast paths; everything
//! else goes through the special-method protocol (`__round__`, `__divmod__` /
//! `__rdivmod__`, `__pow__`, `__index__`), so user classes and subclasses of `int` and
//! `float` behave as in CPython.

use std::rc::Rc;

use taipan_bytecode::BinaryOperator as B;

use crate::builtins::args::{check_count, no_kwargs, parse_args};
use crate::builtins::float::float_of;
use crate::numops::{int_value, num_err, to_pyint};
use crate::object::{NativeFn, NativeFunction, ObjKind};
use crate::support::int::PyInt;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

fn is_heap(vm: &Vm, v: &Value) -> bool {
    vm.class_of(v).kind.is_heap_type()
}

/// `operator.index(v)` (`PyNumber_Index`): the int value of an int, or of `__index__()`.
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<PyInt> {
    if let Some(i) = to_pyint(v) {
        return Ok(i);
    }
    match vm.call_special(v, "__index__", &[])? {
        Some(r) => match to_pyint(&r) {
            Some(i) => Ok(i),
            None => {
                let tn = vm.type_name(&r);
                Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
            }
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

// ----- round, divmod, pow -----

/// `round(number, ndigits=None)`.
fn round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args(vm, "round", args, kwnames, &["number", "ndigits"], 1)?;
    let x = a[0].clone().unwrap_or(Value::None);
    let nd = a[1].clone().filter(|n| !n.is_none());
    if !is_heap(vm, &x) {
        if let Value::Float(f) = x {
            return crate::builtins::float::round_float(vm, f, nd.as_ref());
        }
        if let Some(i) = to_pyint(&x) {
            return match nd {
                None => Ok(int_value(vm, i)),
                Some(n) => {
                    let n = vm.to_index(&n)?;
                    Ok(int_value(vm, i.round_ndigits(n)))
                }
            };
        }
    }
    let extra: Vec<Value> = nd.into_iter().collect();
    match vm.call_special(&x, "__round__", &extra)? {
        Some(r) => Ok(r),
        None => {
            let tn = vm.type_name(&x);
            Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// Calls `obj.<name>(other)` found on the class; `None` when absent or NotImplemented.
fn try_slot(vm: &mut Vm, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
    match vm.call_special(obj, name, std::slice::from_ref(other))? {
        Some(r) if !r.is(&vm.not_implemented) => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// `divmod(a, b)` (`PyNumber_Divmod`).
pub fn divmod_values(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_heap(vm, a) && !is_heap(vm, b) {
        if let (Some(x), Some(y)) = (to_pyint(a), to_pyint(b)) {
            return match x.divmod(&y) {
                Ok((q, r)) => {
                    let (q, r) = (int_value(vm, q), int_value(vm, r));
                    Ok(vm.new_tuple(vec![q, r]))
                }
                Err(e) => Err(num_err(vm, e)),
            };
        }
        let fx = float_of(a).map(Ok).or_else(|| to_pyint(a).map(|i| i.to_f64()));
        let fy = float_of(b).map(Ok).or_else(|| to_pyint(b).map(|i| i.to_f64()));
        if let (Some(x), Some(y)) = (fx, fy) {
            let x = x.map_err(|e| num_err(vm, e))?;
            let y = y.map_err(|e| num_err(vm, e))?;
            return crate::builtins::float::float_divmod_values(vm, x, y);
        }
    }
    let (ta, tb) = (vm.class_of(a).clone(), vm.class_of(b).clone());
    let same = Rc::ptr_eq(&ta, &tb);
    let mut reflected_done = false;
    if !same && crate::types::is_subtype(&tb, &ta) && vm.lookup_special(b, "__rdivmod__").is_some() {
        reflected_done = true;
        if let Some(r) = try_slot(vm, b, "__rdivmod__", a)? {
            return Ok(r);
        }
    }
    if let Some(r) = try_slot(vm, a, "__divmod__", b)? {
        return Ok(r);
    }
    if !same
        && !reflected_done
        && let Some(r) = try_slot(vm, b, "__rdivmod__", a)?
    {
        return Ok(r);
    }
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{na}' and '{nb}'")))
}

fn divmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "divmod", kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("divmod expected 2 arguments, got {}", args.len())));
    }
    divmod_values(vm, &args[0], &args[1])
}

/// True for ints, bools, floats and their subclasses.
fn is_number(v: &Value) -> bool {
    to_pyint(v).is_some() || float_of(v).is_some()
}

/// Three-argument `pow(base, exp, mod)` (`PyNumber_Power` with a modulus).
pub fn pow3(vm: &mut Vm, base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    let all_plain = !is_heap(vm, base) && !is_heap(vm, exp) && !is_heap(vm, modulus);
    if all_plain {
        if let (Some(b), Some(e), Some(m)) = (to_pyint(base), to_pyint(exp), to_pyint(modulus)) {
            return match b.pow_mod(&e, &m) {
                Ok(r) => Ok(int_value(vm, r)),
                Err(err) => Err(num_err(vm, err)),
            };
        }
        if is_number(base) && is_number(exp) && is_number(modulus) {
            return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        }
    }
    let candidates = [base.clone(), exp.clone(), modulus.clone()];
    let mut tried: Vec<Obj> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let t = vm.class_of(c).clone();
        if tried.iter().any(|x| Rc::ptr_eq(x, &t)) {
            continue;
        }
        tried.push(t);
        // A Python-level __pow__ is only ever called on the base (CPython's slot_nb_power).
        let Some(m) = vm.lookup_special(c, "__pow__") else {
            continue;
        };
        let native = matches!(m.kind(), Some(ObjKind::Native(_)));
        if i > 0 && !native {
            continue;
        }
        if native && i > 0 {
            // Built-in numbers: int/int/int was handled above; a float anywhere among
            // numbers is the "3rd argument not allowed" error.
            if is_number(base)
                && is_number(exp)
                && is_number(modulus)
                && (float_of(base).is_some() || float_of(exp).is_some() || float_of(modulus).is_some())
            {
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            continue;
        }
        let r = vm.call(&m, &[base.clone(), exp.clone(), modulus.clone()])?;
        if !r.is(&vm.not_implemented) {
            return Ok(r);
        }
    }
    let (a, b, c) = (vm.type_name(base), vm.type_name(exp), vm.type_name(modulus));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{a}', '{b}', '{c}'"
    )))
}

/// `pow(base, exp, mod=None)`.
fn pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args(vm, "pow", args, kwnames, &["base", "exp", "mod"], 2)?;
    let base = a[0].clone().unwrap_or(Value::None);
    let exp = a[1].clone().unwrap_or(Value::None);
    match a[2].clone().filter(|m| !m.is_none()) {
        None => vm.binary_op(&base, &exp, B::Power),
        Some(m) => pow3(vm, &base, &exp, &m),
    }
}

// ----- hex, oct, bin -----

fn radix_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value], fname: &str, f: fn(&PyInt) -> String) -> PyResult<Value> {
    no_kwargs(vm, fname, kwnames)?;
    check_count(vm, fname, args.len(), 1, 1)?;
    let i = index_value(vm, &args[0])?;
    Ok(vm.new_str(f(&i)))
}

fn hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix_repr(vm, args, kwnames, "hex", PyInt::to_hex)
}

fn oct(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix_repr(vm, args, kwnames, "oct", PyInt::to_oct)
}

fn bin(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix_repr(vm, args, kwnames, "bin", PyInt::to_bin)
}

// ----- input, open -----

/// `input(prompt='')`: writes the prompt to `sys.stdout`, flushes it, reads one line
/// from `sys.stdin` without its newline. EOFError "EOF when reading a line" at end of
/// input.
fn input(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "input", kwnames)?;
    check_count(vm, "input", args.len(), 0, 1)?;
    let Some(stdin) = crate::modules::sys::sys_attr(vm, "stdin").filter(|v| !v.is_none()) else {
        return Err(vm.runtime_error("input(): lost sys.stdin"));
    };
    let Some(stdout) = crate::modules::sys::sys_attr(vm, "stdout").filter(|v| !v.is_none()) else {
        return Err(vm.runtime_error("input(): lost sys.stdout"));
    };
    if let Some(stderr) = crate::modules::sys::sys_attr(vm, "stderr")
        && !stderr.is_none()
    {
        crate::modules::sys::flush_stream(vm, &stderr)?;
    }
    if let Some(p) = args.first() {
        let text = vm.str(p)?;
        crate::modules::sys::write_to(vm, &stdout, &text)?;
    }
    crate::modules::sys::flush_stream(vm, &stdout)?;
    let line = if let Some(ObjKind::File(_)) = stdin.kind() {
        crate::file::read_line(vm, &stdin, None)?
    } else {
        vm.call_method(&stdin, "readline", &[])?
    };
    let Some(s) = line.as_str() else {
        let tn = vm.type_name(&line);
        return Err(vm.type_error(format!("object.readline() returned non-string (type {tn})")));
    };
    if s.is_empty() {
        let t = vm.exc.eof_error.clone();
        return Err(vm.new_error(&t, "EOF when reading a line"));
    }
    let s = s.strip_suffix('\n').unwrap_or(s).to_string();
    Ok(vm.new_str(s))
}

fn open(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::file::open(vm, args, kwnames)
}

// ----- exec, eval, compile -----

/// A str or bytes argument as text (bytes decoded lossily: file names).
fn source_text(v: &Value) -> Option<String> {
    if let Some(s) = v.as_str() {
        return Some(s.to_string());
    }
    crate::builtins::bytes::bytes_data(v).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// The source code of an `exec`/`eval`/`compile` argument: a str as is, bytes decoded as
/// CPython's string tokenizer does (BOM, PEP 263 declaration, invalid UTF-8 is a
/// SyntaxError; see `taipan_compiler::decode_compile_source`). `Ok(None)` for other types.
pub fn source_code(vm: &mut Vm, v: &Value, filename: &str) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_string()));
    }
    let Some(b) = crate::builtins::bytes::bytes_data(v) else {
        return Ok(None);
    };
    match taipan_compiler::decode_compile_source(&b, filename) {
        Ok(text) => Ok(Some(text.into_owned())),
        Err(taipan_compiler::DecodeError::Located(e)) => Err(vm.syntax_error_from(&e)),
        Err(taipan_compiler::DecodeError::Message(m)) => {
            // SyntaxError(msg, (filename, 0, -1, None)), as CPython's string tokenizer.
            let details = vec![vm.new_str(filename), Value::Int(0), Value::Int(-1), Value::None];
            let details = vm.new_tuple(details);
            let msg = vm.new_str(m);
            let t = vm.exc.syntax_error.clone();
            Err(match vm.call(&Value::Obj(t), &[msg, details]) {
                Ok(e) => crate::vm::PyErr(e),
                Err(e) => e,
            })
        }
    }
}

/// Resolves the `globals`/`locals` arguments of `exec`/`eval` against the caller's frame
/// context; inserts `__builtins__` into the globals as CPython does.
fn namespaces(
    vm: &mut Vm,
    fname: &str,
    ctx: Option<crate::vm::FrameCtx>,
    globals: Option<Value>,
    locals: Option<Value>,
) -> PyResult<(Obj, Option<Value>)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    let (g, l) = match globals {
        Some(g) => {
            let Some(gobj) = g.as_obj().filter(|o| matches!(o.kind, ObjKind::Dict(_))).cloned() else {
                let tn = vm.type_name(&g);
                let msg = if fname == "eval" {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    format!("exec() globals must be a dict, not {tn}")
                };
                return Err(vm.type_error(msg));
            };
            let l = locals.unwrap_or_else(|| g.clone());
            (gobj, l)
        }
        None => match ctx {
            Some(c) => {
                let l = locals.unwrap_or(c.locals);
                (c.globals, l)
            }
            None => {
                // Called from native code (e.g. through map()): use __main__'s namespace.
                let Some(g) = vm.sys_module("__main__").and_then(|m| m.dict.clone()) else {
                    return Err(vm.runtime_error(format!("{fname}(): no current frame")));
                };
                let l = locals.unwrap_or_else(|| Value::Obj(g.clone()));
                (g, l)
            }
        },
    };
    let is_mapping = matches!(l.kind(), Some(ObjKind::Dict(_))) || vm.lookup_special(&l, "__getitem__").is_some();
    if !is_mapping {
        let tn = vm.type_name(&l);
        let msg = if fname == "eval" {
            "locals must be a mapping".to_string()
        } else {
            format!("locals must be a mapping or None, not {tn}")
        };
        return Err(vm.type_error(msg));
    }
    if vm.module_get_dict(&g, "__builtins__").is_none() {
        let key = vm.intern("__builtins__");
        let b = Value::Obj(vm.builtins.clone());
        vm.dict_set(&g, key, b)?;
    }
    let l = if let Value::Obj(lo) = &l {
        if Rc::ptr_eq(lo, &g) { None } else { Some(l) }
    } else {
        Some(l)
    };
    Ok((g, l))
}

/// `exec`/`eval` shared body: compiles strings in `mode`, runs code objects as is.
fn run_source(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    mode: taipan_compiler::Mode,
) -> PyResult<Value> {
    let ctx = vm.frame_ctx.take();
    let names: &[&str] = if fname == "exec" {
        &["source", "globals", "locals", "closure"]
    } else {
        &["source", "globals", "locals"]
    };
    let a = parse_args(vm, fname, args, kwnames, names, 1)?;
    let src = a[0].clone().unwrap_or(Value::None);
    let (globals, locals) = namespaces(vm, fname, ctx, a[1].clone(), a[2].clone())?;
    let code = match src.kind() {
        Some(ObjKind::Code(c)) => c.clone(),
        _ => {
            let Some(text) = source_code(vm, &src, "<string>")? else {
                return Err(vm.type_error(format!("{fname}() arg 1 must be a string, bytes or code object")));
            };
            let text = if fname == "eval" {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            vm.compile(&text, "<string>", mode)?
        }
    };
    let r = vm.run_code_in(code, globals, locals)?;
    Ok(if fname == "exec" { Value::None } else { r })
}

fn exec(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    run_source(vm, "exec", args, kwnames, taipan_compiler::Mode::Exec)
}

fn eval(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    run_source(vm, "eval", args, kwnames, taipan_compiler::Mode::Eval)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = parse_args(vm, "compile", args, kwnames, &names, 3)?;
    let src = a[0].clone().unwrap_or(Value::None);
    if let Some(ObjKind::Code(_)) = src.kind() {
        return Ok(src);
    }
    let is_source = src.as_str().is_some() || crate::builtins::bytes::bytes_data(&src).is_some();
    if !is_source {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let filename = match a[1].as_ref() {
        Some(v) => match source_text(v) {
            Some(s) => s,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "compile() argument 'filename' must be str, bytes or os.PathLike, not {tn}"
                )));
            }
        },
        None => String::new(),
    };
    let mode = match a[2].as_ref().and_then(|v| v.as_str()) {
        Some("exec") => taipan_compiler::Mode::Exec,
        Some("eval") => taipan_compiler::Mode::Eval,
        Some("single") => taipan_compiler::Mode::Single,
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            let tn = a[2].as_ref().map(|v| vm.type_name(v)).unwrap_or_default();
            return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {tn}")));
        }
    };
    let text = source_code(vm, &src, &filename)?.unwrap_or_default();
    let code = vm.compile(&text, &filename, mode)?;
    Ok(crate::code::code_value(vm, &code))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: absolute imports;
/// returns the top-level package unless `fromlist` is non-empty.
fn import(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = parse_args(
        vm,
        "__import__",
        args,
        kwnames,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name_v = a[0].clone().unwrap_or(Value::None);
    let Some(name) = name_v.as_str().map(str::to_string) else {
        let tn = vm.type_name(&name_v);
        return Err(vm.type_error(format!("__import__() argument 1 must be str, not {tn}")));
    };
    let level = match &a[4] {
        Some(l) => vm.to_index(l)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if name.is_empty() && level == 0 {
        return Err(vm.value_error("Empty module name"));
    }
    let m = crate::import::import_module(vm, &name)?;
    let has_fromlist = match &a[3] {
        None | Some(Value::None) => false,
        Some(f) => vm.truthy(f)?,
    };
    if has_fromlist || !name.contains('.') {
        return Ok(Value::Obj(m));
    }
    let top = name.split('.').next().unwrap_or(&name).to_string();
    match vm.sys_module(&top) {
        Some(t) => Ok(Value::Obj(t)),
        None => Ok(Value::Obj(m)),
    }
}

/// `exit(code=None)` / `quit(code=None)`: raises SystemExit.
fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = vm.exc.system_exit.clone();
    let e = vm.new_exception(&t, args.iter().take(1).cloned().collect());
    Err(crate::vm::PyErr(e))
}

/// Registers the functions of this module in `builtins`.
pub fn init(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let plain: &[(&'static str, NativeFn)] = &[
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("input", input),
        ("open", open),
        ("compile", compile),
        ("__import__", import),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in plain {
        vm.add_native(&b, name, *f);
    }
    for (name, f) in [("exec", exec as NativeFn), ("eval", eval)] {
        let v = Value::new_obj(
            &vm.types.builtin_function,
            ObjKind::Native(Box::new(NativeFunction {
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
}
