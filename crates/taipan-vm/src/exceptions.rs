//! The built-in exception hierarchy and the behaviour of exception objects, as CPython
//! 3.11's `Objects/exceptions.c` and `Python/traceback.c`:
//!
//! - the type table (every built-in exception class, bases first), plus the internal
//!   `traceback` and `frame` types;
//! - creation helpers (`vm.type_error(msg)`, ...);
//! - `BaseException.__init__/__str__/__repr__/with_traceback/add_note` (PEP 678 notes);
//! - the exception attributes, registered as data descriptors (CPython's getset and member
//!   descriptors) on the class that defines them: `args`, `__cause__`, `__context__`,
//!   `__suppress_context__`, `__traceback__`, `StopIteration.value`, `SystemExit.code`,
//!   `OSError.errno/strerror/filename/filename2`, `SyntaxError.msg/filename/lineno/...`,
//!   `NameError.name`, `AttributeError.name/obj`, `ImportError.msg/name/path`, the
//!   `UnicodeError` fields. Values CPython computes from the constructor arguments are
//!   computed from `args` on access; values stored explicitly (keyword arguments such as
//!   `NameError(name=...)`, or assignments) live in the instance `__dict__` under the
//!   attribute's name, which the getter consults first;
//! - traceback objects: `e.__traceback__` builds a chain of `traceback` objects (each with
//!   `tb_frame`, `tb_lineno`, `tb_lasti`, `tb_next`) from the exception's
//!   `(code, instruction)` entries; `with_traceback(tb)` converts such a chain back.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::{ExcData, Layout, ObjKind, Object};
use crate::ops::{dict_get_str, hash_str};
use crate::types::{make_type, tdata};
use crate::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Calls `$m!` with rows `field, "Name", base_field;` in an order where bases come first.
#[macro_export]
macro_rules! for_each_exception_type {
    ($m:ident) => {
        $m! {
            base_exception, "BaseException", object;
            system_exit, "SystemExit", base_exception;
            keyboard_interrupt, "KeyboardInterrupt", base_exception;
            generator_exit, "GeneratorExit", base_exception;
            base_exception_group, "BaseExceptionGroup", base_exception;
            exception, "Exception", base_exception;
            stop_iteration, "StopIteration", exception;
            stop_async_iteration, "StopAsyncIteration", exception;
            arithmetic_error, "ArithmeticError", exception;
            floating_point_error, "FloatingPointError", arithmetic_error;
            overflow_error, "OverflowError", arithmetic_error;
            zero_division_error, "ZeroDivisionError", arithmetic_error;
            assertion_error, "AssertionError", exception;
            attribute_error, "AttributeError", exception;
            buffer_error, "BufferError", exception;
            eof_error, "EOFError", exception;
            import_error, "ImportError", exception;
            module_not_found_error, "ModuleNotFoundError", import_error;
            lookup_error, "LookupError", exception;
            index_error, "IndexError", lookup_error;
            key_error, "KeyError", lookup_error;
            memory_error, "MemoryError", exception;
            name_error, "NameError", exception;
            unbound_local_error, "UnboundLocalError", name_error;
            os_error, "OSError", exception;
            blocking_io_error, "BlockingIOError", os_error;
            child_process_error, "ChildProcessError", os_error;
            connection_error, "ConnectionError", os_error;
            broken_pipe_error, "BrokenPipeError", connection_error;
            connection_aborted_error, "ConnectionAbortedError", connection_error;
            connection_refused_error, "ConnectionRefusedError", connection_error;
            connection_reset_error, "ConnectionResetError", connection_error;
            file_exists_error, "FileExistsError", os_error;
            file_not_found_error, "FileNotFoundError", os_error;
            interrupted_error, "InterruptedError", os_error;
            is_a_directory_error, "IsADirectoryError", os_error;
            not_a_directory_error, "NotADirectoryError", os_error;
            permission_error, "PermissionError", os_error;
            process_lookup_error, "ProcessLookupError", os_error;
            timeout_error, "TimeoutError", os_error;
            reference_error, "ReferenceError", exception;
            runtime_error, "RuntimeError", exception;
            not_implemented_error, "NotImplementedError", runtime_error;
            recursion_error, "RecursionError", runtime_error;
            syntax_error, "SyntaxError", exception;
            indentation_error, "IndentationError", syntax_error;
            tab_error, "TabError", indentation_error;
            system_error, "SystemError", exception;
            type_error, "TypeError", exception;
            value_error, "ValueError", exception;
            unicode_error, "UnicodeError", value_error;
            unicode_decode_error, "UnicodeDecodeError", unicode_error;
            unicode_encode_error, "UnicodeEncodeError", unicode_error;
            unicode_translate_error, "UnicodeTranslateError", unicode_error;
            warning, "Warning", exception;
            user_warning, "UserWarning", warning;
            deprecation_warning, "DeprecationWarning", warning;
            pending_deprecation_warning, "PendingDeprecationWarning", warning;
            syntax_warning, "SyntaxWarning", warning;
            runtime_warning, "RuntimeWarning", warning;
            future_warning, "FutureWarning", warning;
            import_warning, "ImportWarning", warning;
            unicode_warning, "UnicodeWarning", warning;
            bytes_warning, "BytesWarning", warning;
            resource_warning, "ResourceWarning", warning;
            encoding_warning, "EncodingWarning", warning;
        }
    };
}

macro_rules! declare_exc_types {
    ($($field:ident, $name:literal, $base:ident;)*) => {
        /// Every built-in exception type, plus the internal `traceback` and `frame` types.
        pub struct ExcTypes {
            $(#[doc = $name] pub $field: Obj,)*
            /// `ExceptionGroup` (bases `BaseExceptionGroup` and `Exception`).
            pub exception_group: Obj,
            /// `traceback` (the type of `e.__traceback__`).
            pub traceback_type: Obj,
            /// `frame` (the type of `tb.tb_frame`).
            pub frame_type: Obj,
        }

        impl ExcTypes {
            /// Creates the hierarchy under `object`.
            pub fn new(type_: &Obj, object: &Obj) -> ExcTypes {
                let mut made: std::collections::HashMap<&'static str, Obj> = std::collections::HashMap::new();
                made.insert("object", object.clone());
                $(
                    let base = made.get(stringify!($base)).cloned().unwrap_or_else(|| object.clone());
                    made.insert(stringify!($field), make_type(type_, $name, vec![base], Layout::Exception));
                )*
                let get = |n: &str| made.get(n).cloned().unwrap_or_else(|| object.clone());
                let (beg, exc, base) = (get("base_exception_group"), get("exception"), get("base_exception"));
                let exception_group = make_type(type_, "ExceptionGroup", vec![beg.clone(), exc.clone()], Layout::Exception);
                if let ObjKind::Type(td) = &exception_group.kind {
                    *td.mro_tail.borrow_mut() = vec![beg, exc, base, object.clone()];
                }
                ExcTypes {
                    $($field: get(stringify!($field)),)*
                    exception_group,
                    traceback_type: make_type(type_, "traceback", vec![object.clone()], Layout::Final),
                    frame_type: make_type(type_, "frame", vec![object.clone()], Layout::Final),
                }
            }

            /// Every exception type with its Python name (to publish them as builtins).
            pub fn all(&self) -> Vec<(&'static str, Obj)> {
                let mut v = vec![$(($name, self.$field.clone()),)*];
                v.push(("ExceptionGroup", self.exception_group.clone()));
                v
            }
        }
    };
}

for_each_exception_type!(declare_exc_types);

/// A fresh exception payload with the given args tuple.
pub fn new_exc_data(args: Value) -> ExcData {
    ExcData {
        args,
        traceback: Vec::new(),
        cause: None,
        context: None,
        suppress_context: false,
        suggestion: None,
    }
}

impl Vm {
    /// A new exception instance of type `ty` with the given args. Exceptions always have
    /// an instance `__dict__` (as in CPython), which also holds `__notes__`.
    pub fn new_exception(&mut self, ty: &Obj, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        let dict = Some(self.new_dict_obj());
        Value::Obj(crate::gc::alloc(Object::with(
            Some(ty.clone()),
            dict,
            ObjKind::Exception(Box::new(RefCell::new(new_exc_data(args)))),
        )))
    }

    /// A new exception instance with one str argument, as an error to return.
    pub fn new_error(&mut self, ty: &Obj, msg: impl Into<String>) -> PyErr {
        let m = self.new_str(msg.into());
        PyErr(self.new_exception(ty, vec![m]))
    }

    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.type_error.clone();
        self.new_error(&t, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.value_error.clone();
        self.new_error(&t, msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.index_error.clone();
        self.new_error(&t, msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let t = self.exc.key_error.clone();
        PyErr(self.new_exception(&t, vec![key]))
    }

    /// `AttributeError(msg)`.
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.attribute_error.clone();
        self.new_error(&t, msg)
    }

    /// `AttributeError(msg, name=name, obj=obj)`: the error for a failed attribute lookup.
    /// The "Did you mean" hint is computed from `dir(obj)` only if the traceback is
    /// printed (CPython's `offer_suggestions_for_attribute_error`).
    pub fn attribute_error_for(&mut self, obj: &Value, name: &str, msg: impl Into<String>) -> PyErr {
        let e = self.attribute_error(msg);
        let n = self.new_str(name);
        set_stored_field(self, &e.0, "name", n);
        set_stored_field(self, &e.0, "obj", obj.clone());
        e
    }

    /// `ImportError(msg, name=name, path=path)` (or a subclass such as
    /// `ModuleNotFoundError`), as the import system raises it.
    pub fn import_error_for(
        &mut self,
        ty: &Obj,
        msg: impl Into<String>,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let e = self.new_error(ty, msg);
        if let Some(n) = name {
            let n = self.new_str(n);
            set_stored_field(self, &e.0, "name", n);
        }
        if let Some(p) = path {
            let p = self.new_str(p);
            set_stored_field(self, &e.0, "path", p);
        }
        e
    }

    /// `UnicodeDecodeError(encoding, object, start, end, reason)` with CPython's argument
    /// layout (its str is "'utf-8' codec can't decode byte 0xff in position 0: ..."; needs
    /// `str()` of exceptions to go through [`exception_str`]).
    pub fn unicode_decode_error(
        &mut self,
        encoding: &str,
        object: &[u8],
        start: usize,
        end: usize,
        reason: &str,
    ) -> PyErr {
        let t = self.exc.unicode_decode_error.clone();
        let args = vec![
            self.new_str(encoding),
            self.new_bytes(object.to_vec()),
            Value::Int(i64::try_from(start).unwrap_or(i64::MAX)),
            Value::Int(i64::try_from(end).unwrap_or(i64::MAX)),
            self.new_str(reason),
        ];
        PyErr(self.new_exception(&t, args))
    }

    /// `UnicodeEncodeError(encoding, object, start, end, reason)` (see
    /// [`Vm::unicode_decode_error`]); `start`/`end` are code point indices.
    pub fn unicode_encode_error(
        &mut self,
        encoding: &str,
        object: &str,
        start: usize,
        end: usize,
        reason: &str,
    ) -> PyErr {
        let t = self.exc.unicode_encode_error.clone();
        let args = vec![
            self.new_str(encoding),
            self.new_str(object),
            Value::Int(i64::try_from(start).unwrap_or(i64::MAX)),
            Value::Int(i64::try_from(end).unwrap_or(i64::MAX)),
            self.new_str(reason),
        ];
        PyErr(self.new_exception(&t, args))
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.zero_division_error.clone();
        self.new_error(&t, msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.overflow_error.clone();
        self.new_error(&t, msg)
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.runtime_error.clone();
        self.new_error(&t, msg)
    }

    /// `NameError(msg)`.
    pub fn name_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.exc.name_error.clone();
        self.new_error(&t, msg)
    }

    /// `StopIteration()` (with a value if given).
    pub fn stop_iteration(&mut self, value: Option<Value>) -> PyErr {
        let t = self.exc.stop_iteration.clone();
        let args = value.into_iter().collect();
        PyErr(self.new_exception(&t, args))
    }

    /// The exception for `raise ty(value)` done by the runtime (CPython's
    /// `PyErr_SetObject`): `None` gives no arguments, a tuple gives its items as the
    /// arguments, any other value is the single argument.
    pub fn exception_from_object(&mut self, ty: &Obj, value: &Value) -> PyErr {
        let args = match value {
            Value::None => vec![],
            v => match v.kind() {
                Some(ObjKind::Tuple(items)) if !self.class_of(v).kind.is_heap_type() => items.to_vec(),
                _ => vec![v.clone()],
            },
        };
        PyErr(self.new_exception(ty, args))
    }

    /// The exception payload of an exception value.
    pub fn exc_data(v: &Value) -> Option<&RefCell<ExcData>> {
        match v.kind() {
            Some(ObjKind::Exception(d)) => Some(d),
            _ => None,
        }
    }

    /// True if the exception value `exc` is an instance of `ty`.
    pub fn exc_matches(&self, exc: &Value, ty: &Obj) -> bool {
        let c = self.class_of(exc);
        crate::types::is_subtype(c, ty)
    }
}

// ----- fields -----

/// The items of an exception's `args` tuple.
pub fn exc_args(e: &Value) -> Vec<Value> {
    let Some(d) = Vm::exc_data(e) else { return vec![] };
    let args = d.borrow().args.clone();
    match args.kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => vec![],
    }
}

/// Stores an explicitly set field (`NameError(name=...)`, `e.value = ...`) in the
/// exception's `__dict__`.
pub fn set_stored_field(vm: &mut Vm, e: &Value, name: &str, value: Value) {
    if let Some(o) = e.as_obj() {
        vm.set_attr_str(o, name, value);
    }
}

fn stored_field(e: &Value, name: &str) -> Option<Value> {
    let d = e.as_obj()?.dict.as_ref()?;
    dict_get_str(d, hash_str(name), name)
}

/// The details tuple of a `SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
/// end_offset))`: only when there are exactly two arguments and the second is a tuple.
fn syntax_details(args: &[Value]) -> Vec<Value> {
    match args {
        [_, info] => match info.kind() {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            _ => vec![],
        },
        _ => vec![],
    }
}

/// The value of an exception field (`e.errno`, `e.lineno`, `e.value`, ...): an explicitly
/// stored value, or the value CPython's constructor derives from `args`.
pub fn exc_field(vm: &mut Vm, e: &Value, name: &str) -> Value {
    if let Some(v) = stored_field(e, name) {
        return v;
    }
    let args = exc_args(e);
    let at = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
    let is = |vm: &Vm, t: &Obj| vm.isinstance(e, t);
    if is(vm, &vm.exc.syntax_error) {
        let details = syntax_details(&args);
        let d = |i: usize| details.get(i).cloned().unwrap_or(Value::None);
        return match name {
            "msg" => at(0),
            "filename" => d(0),
            "lineno" => d(1),
            "offset" => d(2),
            "text" => d(3),
            "end_lineno" => d(4),
            "end_offset" => d(5),
            _ => Value::None,
        };
    }
    if is(vm, &vm.exc.os_error) {
        let ok = (2..=5).contains(&args.len());
        return match name {
            "errno" if ok => at(0),
            "strerror" if ok => at(1),
            "filename" if ok => at(2),
            "filename2" if args.len() == 5 => at(4),
            _ => Value::None,
        };
    }
    match name {
        "value" => at(0),
        "code" => match args.len() {
            0 => Value::None,
            1 => at(0),
            _ => vm.new_tuple(args),
        },
        "msg" if args.len() == 1 => at(0),
        "encoding" | "object" | "start" | "end" | "reason" => {
            let names: &[&str] = if is(vm, &vm.exc.unicode_translate_error) {
                &["object", "start", "end", "reason"]
            } else {
                &["encoding", "object", "start", "end", "reason"]
            };
            if args.len() == names.len() {
                names.iter().position(|n| *n == name).map_or(Value::None, at)
            } else {
                Value::None
            }
        }
        _ => Value::None,
    }
}

macro_rules! field_descriptors {
    ($($get:ident, $set:ident, $name:literal;)*) => {
        $(
            fn $get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                match args.first() {
                    Some(e) => Ok(exc_field(vm, e, $name)),
                    None => Err(vm.type_error("descriptor needs an exception")),
                }
            }
            fn $set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let [e, v] = args else { return Err(vm.type_error("descriptor needs a value")) };
                set_stored_field(vm, e, $name, v.clone());
                Ok(Value::None)
            }
        )*
        /// (name, getter, setter) of every field descriptor.
        const FIELD_FNS: &[(&str, crate::object::NativeFn, crate::object::NativeFn)] = &[$(($name, $get, $set),)*];
    };
}

field_descriptors! {
    get_value, set_value, "value";
    get_code, set_code, "code";
    get_errno, set_errno, "errno";
    get_strerror, set_strerror, "strerror";
    get_filename, set_filename, "filename";
    get_filename2, set_filename2, "filename2";
    get_msg, set_msg, "msg";
    get_lineno, set_lineno, "lineno";
    get_offset, set_offset, "offset";
    get_text, set_text, "text";
    get_end_lineno, set_end_lineno, "end_lineno";
    get_end_offset, set_end_offset, "end_offset";
    get_print_file_and_line, set_print_file_and_line, "print_file_and_line";
    get_name, set_name, "name";
    get_obj, set_obj, "obj";
    get_path, set_path, "path";
    get_encoding, set_encoding, "encoding";
    get_object, set_object, "object";
    get_start, set_start, "start";
    get_end, set_end, "end";
    get_reason, set_reason, "reason";
}

/// Installs a data descriptor `name` on `ty` with native getter and setter.
fn add_getset(vm: &mut Vm, ty: &Obj, name: &'static str, get: crate::object::NativeFn, set: crate::object::NativeFn) {
    let fget = vm.new_native(name, get);
    let fset = vm.new_native(name, set);
    let p = Value::new_obj(
        &vm.types.property,
        ObjKind::Property {
            fget,
            fset,
            fdel: Value::None,
            doc: Value::None,
            name: std::cell::RefCell::new(Some(Box::new(vm.new_str(name)))),
        },
    );
    vm.set_attr_str(ty, name, p);
}

fn add_field(vm: &mut Vm, ty: &Obj, name: &'static str) {
    if let Some((n, g, s)) = FIELD_FNS.iter().find(|(n, _, _)| *n == name) {
        add_getset(vm, ty, n, *g, *s);
    }
}

// ----- BaseException's own attributes -----

fn self_exc<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a Value> {
    match args.first() {
        Some(e) if Vm::exc_data(e).is_some() => Ok(e),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn get_args(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(Vm::exc_data(e).map_or(Value::None, |d| d.borrow().args.clone()))
}

fn set_args(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let items = vm.collect(&v)?;
    let t = vm.new_tuple(items);
    if let Some(d) = Vm::exc_data(&e) {
        d.borrow_mut().args = t;
    }
    Ok(Value::None)
}

fn get_cause(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(Vm::exc_data(e)
        .and_then(|d| d.borrow().cause.clone())
        .unwrap_or(Value::None))
}

fn set_cause(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let v = args.get(1).cloned().unwrap_or(Value::None);
    if !v.is_none() && Vm::exc_data(&v).is_none() {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    if let Some(d) = Vm::exc_data(&e) {
        let mut d = d.borrow_mut();
        d.cause = if v.is_none() { None } else { Some(v) };
        d.suppress_context = true;
    }
    Ok(Value::None)
}

fn get_context(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(Vm::exc_data(e)
        .and_then(|d| d.borrow().context.clone())
        .unwrap_or(Value::None))
}

fn set_context(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let v = args.get(1).cloned().unwrap_or(Value::None);
    if !v.is_none() && Vm::exc_data(&v).is_none() {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    if let Some(d) = Vm::exc_data(&e) {
        d.borrow_mut().context = if v.is_none() { None } else { Some(v) };
    }
    Ok(Value::None)
}

fn get_suppress_context(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(Value::Bool(
        Vm::exc_data(e).is_some_and(|d| d.borrow().suppress_context),
    ))
}

fn set_suppress_context(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let Some(Value::Bool(b)) = args.get(1) else {
        return Err(vm.type_error("attribute value type must be bool"));
    };
    if let Some(d) = Vm::exc_data(&e) {
        d.borrow_mut().suppress_context = *b;
    }
    Ok(Value::None)
}

fn get_traceback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    Ok(traceback_value(vm, &e))
}

fn set_traceback_attr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let tb = args.get(1).cloned().unwrap_or(Value::None);
    set_traceback(vm, &e, &tb)?;
    Ok(Value::None)
}

// ----- BaseException methods -----

/// `BaseException.__init__(self, *args)` and the keyword arguments of `NameError(name=)`,
/// `AttributeError(name=, obj=)`, `ImportError(name=, path=)`.
pub fn exc_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let npos = args.len().saturating_sub(kwnames.len());
    let positional = args.get(1..npos).unwrap_or(&[]);
    let kwvals = args.get(npos..).unwrap_or(&[]);
    if !kwnames.is_empty() {
        let allowed: &[&str] = if vm.isinstance(&e, &vm.exc.import_error.clone()) {
            &["name", "path"]
        } else if vm.isinstance(&e, &vm.exc.attribute_error.clone()) {
            &["name", "obj"]
        } else if vm.isinstance(&e, &vm.exc.name_error.clone()) {
            &["name"]
        } else {
            &[]
        };
        let tn = vm.type_name(&e);
        if allowed.is_empty() {
            return Err(vm.type_error(format!("{tn}() takes no keyword arguments")));
        }
        for k in kwnames {
            let k = k.as_str().unwrap_or("");
            if !allowed.contains(&k) {
                return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {tn}()")));
            }
        }
    }
    let unicode: Option<(&str, usize)> = if !vm.isinstance(&e, &vm.exc.unicode_error.clone()) {
        None
    } else if vm.isinstance(&e, &vm.exc.unicode_translate_error.clone()) {
        Some(("function", 4))
    } else if vm.isinstance(&e, &vm.exc.unicode_decode_error.clone())
        || vm.isinstance(&e, &vm.exc.unicode_encode_error.clone())
    {
        Some(("function", 5))
    } else {
        None
    };
    if let Some((what, n)) = unicode {
        if positional.len() != n {
            return Err(vm.type_error(format!(
                "{what} takes exactly {n} arguments ({} given)",
                positional.len()
            )));
        }
    }
    if let Some(d) = Vm::exc_data(&e) {
        // `BaseException.__new__` usually stored these very arguments already: keep its
        // tuple instead of building an equal one
        let same = matches!(d.borrow().args.kind(), Some(ObjKind::Tuple(t))
            if t.len() == positional.len() && t.iter().zip(positional).all(|(a, b)| a.is(b)));
        if !same {
            let t = vm.new_tuple(positional.to_vec());
            d.borrow_mut().args = t;
        }
    }
    for (k, v) in kwnames.iter().zip(kwvals.iter()) {
        if let Some(k) = k.as_str() {
            set_stored_field(vm, &e, k, v.clone());
        }
    }
    Ok(Value::None)
}

fn exc_str_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let s = exception_str(vm, &e)?;
    Ok(vm.new_str(s))
}

fn exc_repr_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let s = exception_repr(vm, &e)?;
    Ok(vm.new_str(s))
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let [_, tb] = args else {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({n} given)"
        )));
    };
    set_traceback(vm, &e, tb)?;
    Ok(e)
}

/// `BaseException.add_note(note)` (PEP 678): appends to the `__notes__` list in the
/// instance dict, creating it if needed.
fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let [_, note] = args else {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "BaseException.add_note() takes exactly one argument ({n} given)"
        )));
    };
    if note.as_str().is_none() {
        let tn = vm.type_name(note);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let notes = match vm.get_attr_opt_str(&e, "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.set_attr_str_value(&e, "__notes__", l.clone())?;
            l
        }
    };
    match notes.kind() {
        Some(ObjKind::List(l)) => {
            l.borrow_mut().push(note.clone());
            Ok(Value::None)
        }
        _ => Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
}

/// `BaseException.__reduce__()`: `(type, args)`, or `(type, args, __dict__)` when the
/// instance dict is not empty.
fn exc_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let cls = Value::Obj(vm.class_of(&e).clone());
    let a = Vm::exc_data(&e).map_or(Value::None, |d| d.borrow().args.clone());
    match e.as_obj().and_then(|o| o.dict.clone()) {
        Some(d) if matches!(&d.kind, ObjKind::Dict(t) if !t.borrow().is_empty()) => {
            Ok(vm.new_tuple(vec![cls, a, Value::Obj(d)]))
        }
        _ => Ok(vm.new_tuple(vec![cls, a])),
    }
}

/// `BaseException.__setstate__(state)`: sets the attributes of a dict state.
fn exc_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let state = args.get(1).cloned().unwrap_or(Value::None);
    if state.is_none() {
        return Ok(Value::None);
    }
    let Some(ObjKind::Dict(d)) = state.kind() else {
        return Err(vm.type_error("state is not a dictionary"));
    };
    let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (k, v) in items {
        vm.set_attr(&e, &k, v)?;
    }
    Ok(Value::None)
}

impl Vm {
    /// `setattr(obj, name, value)` with a Rust str name.
    pub fn set_attr_str_value(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        let n = self.intern(name);
        self.set_attr(obj, &n, value)
    }
}

/// `str(e)` as the built-in exception classes define it (ignoring a user `__str__`):
/// `BaseException` (empty, the single argument, or the args tuple), `KeyError` (repr of
/// the key), `OSError` (`[Errno n] strerror: 'filename'`), `SyntaxError`
/// (`msg (file.py, line n)`), `ImportError` (`msg`), the `UnicodeError`s.
pub fn exception_str(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let args = exc_args(e);
    if vm.isinstance(e, &vm.exc.key_error.clone()) && args.len() == 1 {
        return vm.repr(&args[0]);
    }
    if vm.isinstance(e, &vm.exc.os_error.clone()) {
        let filename = exc_field(vm, e, "filename");
        let filename2 = exc_field(vm, e, "filename2");
        let errno = exc_field(vm, e, "errno");
        let strerror = exc_field(vm, e, "strerror");
        if !filename.is_none() {
            let (n, s, f) = (vm.str(&errno)?, vm.str(&strerror)?, vm.repr(&filename)?);
            if !filename2.is_none() {
                let f2 = vm.repr(&filename2)?;
                return Ok(format!("[Errno {n}] {s}: {f} -> {f2}"));
            }
            return Ok(format!("[Errno {n}] {s}: {f}"));
        }
        if !errno.is_none() && !strerror.is_none() {
            let (n, s) = (vm.str(&errno)?, vm.str(&strerror)?);
            return Ok(format!("[Errno {n}] {s}"));
        }
    }
    if vm.isinstance(e, &vm.exc.syntax_error.clone()) {
        let msg = exc_field(vm, e, "msg");
        let msg = vm.str(&msg)?;
        let filename = exc_field(vm, e, "filename");
        let lineno = exc_field(vm, e, "lineno");
        let base = filename.as_str().map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let line = match &lineno {
            Value::Int(i) => Some(*i),
            _ => None,
        };
        return Ok(match (base, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        });
    }
    if vm.isinstance(e, &vm.exc.import_error.clone()) {
        if let Some(m) = exc_field(vm, e, "msg").as_str() {
            return Ok(m.to_string());
        }
    }
    if let Some(s) = unicode_error_str(vm, e)? {
        return Ok(s);
    }
    if vm.isinstance(e, &vm.exc.base_exception_group.clone()) {
        let msg = args.first().cloned().unwrap_or(Value::None);
        let msg = vm.str(&msg)?;
        let n = group_exceptions(vm, e).len();
        return Ok(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str(&args[0]),
        _ => {
            let t = vm.new_tuple(args);
            vm.str(&t)
        }
    }
}

fn unicode_error_str(vm: &mut Vm, e: &Value) -> PyResult<Option<String>> {
    let (decode, encode, translate) = (
        vm.isinstance(e, &vm.exc.unicode_decode_error.clone()),
        vm.isinstance(e, &vm.exc.unicode_encode_error.clone()),
        vm.isinstance(e, &vm.exc.unicode_translate_error.clone()),
    );
    if !(decode || encode || translate) {
        return Ok(None);
    }
    let object = exc_field(vm, e, "object");
    let (Value::Int(start), Value::Int(end)) = (exc_field(vm, e, "start"), exc_field(vm, e, "end")) else {
        return Ok(None);
    };
    let reason = exc_field(vm, e, "reason");
    let reason = vm.str(&reason)?;
    let encoding = exc_field(vm, e, "encoding");
    let encoding = if translate { String::new() } else { vm.str(&encoding)? };
    let single = end.checked_sub(start) == Some(1);
    if decode {
        let byte = crate::builtins::bytes::bytes_data(&object)
            .and_then(|b| usize::try_from(start).ok().and_then(|i| b.get(i).copied()));
        return Ok(Some(match byte {
            Some(b) if single => {
                format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end.saturating_sub(1)
            ),
        }));
    }
    let ch = object
        .as_str()
        .and_then(|s| usize::try_from(start).ok().and_then(|i| s.chars().nth(i)));
    let verb = if encode {
        format!("'{encoding}' codec can't encode")
    } else {
        "can't translate".to_string()
    };
    Ok(Some(match ch {
        Some(c) if single => {
            let code = taipan_bytecode::surrogate::code_point(c);
            let shown = if code < 0x100 {
                format!("\\x{code:02x}")
            } else if code < 0x10000 {
                format!("\\u{code:04x}")
            } else {
                format!("\\U{code:08x}")
            };
            format!("{verb} character '{shown}' in position {start}: {reason}")
        }
        _ => format!(
            "{verb} characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
    }))
}

/// `repr(e)` as `BaseException.__repr__`: `Name(arg)` for one argument, `Name(a, b)` or
/// `Name()` otherwise (the class's `__name__`).
pub fn exception_repr(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let name = tdata(vm.class_of(e)).name.borrow().to_string();
    let args = exc_args(e);
    if args.len() == 1 {
        let r = vm.repr(&args[0])?;
        return Ok(format!("{name}({r})"));
    }
    let t = vm.new_tuple(args);
    let r = vm.repr(&t)?;
    Ok(format!("{name}{r}"))
}

// ----- traceback objects -----

/// The line of instruction `index` of `code` (0 if unknown).
pub fn code_line(code: &crate::code::Code, index: usize) -> u32 {
    code.raw.positions.get(index).map_or(0, |p| p.line)
}

/// The globals dict a code object ran with: the module whose `__file__` is the code's
/// file name, else `__main__`.
pub fn frame_globals(vm: &mut Vm, code: &crate::code::Code) -> Value {
    let modules: Vec<Value> = match &vm.modules.kind {
        ObjKind::Dict(d) => d.borrow().iter().map(|(_, v)| v.clone()).collect(),
        _ => vec![],
    };
    let mut main = None;
    for m in modules {
        let Some(d) = m.as_obj().and_then(|o| o.dict.clone()) else {
            continue;
        };
        let file = dict_get_str(&d, hash_str("__file__"), "__file__");
        if file.as_ref().and_then(|f| f.as_str()) == Some(&*code.raw.filename) {
            return Value::Obj(d);
        }
        if dict_get_str(&d, hash_str("__name__"), "__name__")
            .as_ref()
            .and_then(|n| n.as_str())
            == Some("__main__")
        {
            main = Some(Value::Obj(d));
        }
    }
    main.unwrap_or(Value::None)
}

fn new_plain(vm: &mut Vm, ty: &Obj, fields: Vec<(&str, Value)>) -> Value {
    let dict = vm.new_dict_obj();
    let o = crate::gc::alloc(Object::with(Some(ty.clone()), Some(dict), ObjKind::Instance(None)));
    for (k, v) in fields {
        vm.set_attr_str(&o, k, v);
    }
    Value::Obj(o)
}

/// A `frame` object for a traceback entry: `f_code`, `f_lineno`, `f_lasti`, `f_globals`,
/// `f_locals` (empty: the frame has finished), `f_back` (None), `f_builtins`.
pub fn frame_value(vm: &mut Vm, code: &Rc<crate::code::Code>, index: usize) -> Value {
    let code_v = crate::code::code_value(vm, code);
    let globals = frame_globals(vm, code);
    let locals = Value::Obj(vm.new_dict_obj());
    let builtins = vm.builtins.dict.clone().map_or(Value::None, Value::Obj);
    let line = i64::from(code_line(code, index));
    let lasti = i64::try_from(index).unwrap_or(0).saturating_mul(2);
    let ty = vm.exc.frame_type.clone();
    new_plain(
        vm,
        &ty,
        vec![
            ("f_code", code_v),
            ("f_lineno", Value::Int(line)),
            ("f_lasti", Value::Int(lasti)),
            ("f_globals", globals),
            ("f_locals", locals),
            ("f_builtins", builtins),
            ("f_back", Value::None),
            ("f_trace", Value::None),
        ],
    )
}

/// `e.__traceback__`: the chain of `traceback` objects (outermost first, `tb_next`
/// towards the point of the raise), or None if the exception was never raised.
pub fn traceback_value(vm: &mut Vm, e: &Value) -> Value {
    let entries = Vm::exc_data(e)
        .map(|d| d.borrow().traceback.clone())
        .unwrap_or_default();
    let ty = vm.exc.traceback_type.clone();
    let mut next = Value::None;
    for (code, index) in &entries {
        let frame = frame_value(vm, code, *index);
        let line = i64::from(code_line(code, *index));
        let lasti = i64::try_from(*index).unwrap_or(0).saturating_mul(2);
        next = new_plain(
            vm,
            &ty,
            vec![
                ("tb_frame", frame),
                ("tb_lineno", Value::Int(line)),
                ("tb_lasti", Value::Int(lasti)),
                ("tb_next", next),
            ],
        );
    }
    next
}

/// Replaces the traceback of `e` by a `traceback` chain (or clears it for None).
pub fn set_traceback(vm: &mut Vm, e: &Value, tb: &Value) -> PyResult<()> {
    let mut entries = Vec::new();
    let mut cur = tb.clone();
    let tb_type = vm.exc.traceback_type.clone();
    let mut steps = 0usize;
    while !cur.is_none() {
        let Some(o) = cur
            .as_obj()
            .filter(|o| o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &tb_type)))
            .cloned()
        else {
            return Err(vm.type_error("__traceback__ must be a traceback or None"));
        };
        steps += 1;
        if steps > 1_000_000 {
            return Err(vm.value_error("traceback loop detected"));
        }
        let field = |n: &str| o.dict.as_ref().and_then(|d| dict_get_str(d, hash_str(n), n));
        let code = field("tb_frame").and_then(|f| {
            let d = f.as_obj()?.dict.clone()?;
            dict_get_str(&d, hash_str("f_code"), "f_code")
        });
        let lasti = match field("tb_lasti") {
            Some(Value::Int(i)) => usize::try_from(i / 2).unwrap_or(0),
            _ => 0,
        };
        if let Some(ObjKind::Code(c)) = code.as_ref().and_then(|c| c.kind()) {
            entries.push((c.clone(), lasti));
        }
        cur = field("tb_next").unwrap_or(Value::None);
    }
    entries.reverse();
    if let Some(d) = Vm::exc_data(e) {
        d.borrow_mut().traceback = entries;
    }
    Ok(())
}

// ----- exception groups (PEP 654) -----

/// The members of an exception group (`eg.exceptions`), from its second argument.
pub fn group_exceptions(vm: &mut Vm, e: &Value) -> Vec<Value> {
    let args = exc_args(e);
    match args.get(1) {
        Some(v) => match v.kind() {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            Some(ObjKind::List(l)) => l.borrow().clone(),
            _ => vm.collect(v).unwrap_or_default(),
        },
        None => vec![],
    }
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: validates the arguments and
/// picks `ExceptionGroup` for a `BaseExceptionGroup` of plain exceptions.
fn group_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut cls = match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => c.clone(),
        _ => return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object")),
    };
    if !kwnames.is_empty() {
        return Err(vm.type_error("BaseExceptionGroup.__new__() takes no keyword arguments"));
    }
    let [_, message, excs] = args else {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
        )));
    };
    if message.as_str().is_none() {
        let tn = vm.type_name(message);
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {tn}")));
    }
    let is_seq = match excs.kind() {
        Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Str(_)) => true,
        Some(ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::FrozenSet(_)) | None => false,
        Some(_) => vm.lookup_special(excs, "__getitem__").is_some() && vm.lookup_special(excs, "__len__").is_some(),
    };
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, it) in items.iter().enumerate() {
        if Vm::exc_data(it).is_none() {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !vm.isinstance(it, &vm.exc.exception.clone()) {
            nested_base = true;
        }
    }
    if Rc::ptr_eq(&cls, &vm.exc.base_exception_group) {
        if !nested_base {
            cls = vm.exc.exception_group.clone();
        }
    } else if Rc::ptr_eq(&cls, &vm.exc.exception_group) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && crate::types::is_subtype(&cls, &vm.exc.exception) {
        let n = tdata(&cls).name.borrow().to_string();
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{n}'")));
    }
    let obj = crate::builtins::object::new_instance(vm, &cls);
    if let Some(d) = Vm::exc_data(&obj) {
        let t = vm.new_tuple(vec![message.clone(), excs.clone()]);
        d.borrow_mut().args = t;
    }
    Ok(obj)
}

fn group_get_message(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?;
    Ok(exc_args(e).first().cloned().unwrap_or(Value::None))
}

fn group_get_exceptions(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let items = group_exceptions(vm, &e);
    Ok(vm.new_tuple(items))
}

fn read_only(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.attribute_error("readonly attribute"))
}

/// `eg.derive(excs)`: `BaseExceptionGroup(eg.message, excs)`.
fn group_derive(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let [_, excs] = args else {
        return Err(vm.type_error("derive() takes exactly one argument"));
    };
    let msg = exc_args(&e).first().cloned().unwrap_or(Value::None);
    let beg = Value::Obj(vm.exc.base_exception_group.clone());
    vm.call(&beg, &[msg, excs.clone()])
}

/// What `split`/`subgroup` match against (CPython's `_exceptiongroup_split_matcher_type`).
enum Matcher {
    /// An exception type or a tuple of them.
    Types(Value),
    /// A predicate called with each exception.
    Predicate(Value),
}

fn matcher_of(vm: &mut Vm, cond: &Value) -> PyResult<Matcher> {
    let is_exc_type = |vm: &Vm, v: &Value| matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Type(_)) && crate::types::is_subtype(o, &vm.exc.base_exception));
    if is_exc_type(vm, cond) {
        return Ok(Matcher::Types(cond.clone()));
    }
    if let Some(ObjKind::Tuple(t)) = cond.kind() {
        if t.iter().all(|x| is_exc_type(vm, x)) {
            return Ok(Matcher::Types(cond.clone()));
        }
    } else if vm.is_callable(cond) {
        return Ok(Matcher::Predicate(cond.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &mut Vm, m: &Matcher, e: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => {
            let types: Vec<Value> = match t.kind() {
                Some(ObjKind::Tuple(items)) => items.to_vec(),
                _ => vec![t.clone()],
            };
            Ok(types.iter().any(|t| t.as_obj().is_some_and(|t| vm.isinstance(e, t))))
        }
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(e))?;
            vm.truthy(&r)
        }
    }
}

/// A new group with the members `excs` of `orig` (`orig.derive(excs)`), carrying over
/// its traceback, cause, context and notes; None when `excs` is empty.
fn group_subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = vm.new_list(excs);
    let eg = vm.call_method(orig, "derive", &[list])?;
    if !vm.isinstance(&eg, &vm.exc.base_exception_group.clone()) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(src), Some(dst)) = (Vm::exc_data(orig), Vm::exc_data(&eg)) {
        let (tb, cause, context) = {
            let s = src.borrow();
            (s.traceback.clone(), s.cause.clone(), s.context.clone())
        };
        let mut d = dst.borrow_mut();
        d.traceback = tb;
        d.cause = cause;
        d.context = context;
    }
    if let Some(notes) = vm.get_attr_opt_str(orig, "__notes__")? {
        let items = vm.collect(&notes)?;
        let l = vm.new_list(items);
        vm.set_attr_str_value(&eg, "__notes__", l)?;
    }
    Ok(Some(eg))
}

/// Splits `exc` into (matching, rest) (CPython's `exceptiongroup_split_recursive`).
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    with_rest: bool,
    depth: usize,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if depth > 1000 {
        return Err(vm.runtime_error("maximum recursion depth exceeded in exception group split"));
    }
    if matches(vm, m, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    if !vm.isinstance(exc, &vm.exc.base_exception_group.clone()) {
        return Ok((None, if with_rest { Some(exc.clone()) } else { None }));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in group_exceptions(vm, exc) {
        let (a, b) = split_recursive(vm, &e, m, with_rest, depth + 1)?;
        matched.extend(a);
        rest.extend(b);
    }
    let a = group_subset(vm, exc, matched)?;
    let b = if with_rest { group_subset(vm, exc, rest)? } else { None };
    Ok((a, b))
}

fn group_split(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let [_, cond] = args else {
        return Err(vm.type_error("split() takes exactly one argument"));
    };
    let m = matcher_of(vm, cond)?;
    let (a, b) = split_recursive(vm, &e, &m, true, 0)?;
    Ok(vm.new_tuple(vec![a.unwrap_or(Value::None), b.unwrap_or(Value::None)]))
}

fn group_subgroup(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = self_exc(vm, args)?.clone();
    let [_, cond] = args else {
        return Err(vm.type_error("subgroup() takes exactly one argument"));
    };
    let m = matcher_of(vm, cond)?;
    let (a, _) = split_recursive(vm, &e, &m, false, 0)?;
    Ok(a.unwrap_or(Value::None))
}

/// `except* T` matching (CPython's `CHECK_EG_MATCH` / `_PyEval_ExceptionGroupMatch`):
/// returns `(match, rest)`. A naked exception that matches is wrapped in
/// `ExceptionGroup("", [exc])`; a group is split.
pub fn exception_group_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if exc.is_none() {
        return Ok((None, None));
    }
    let m = matcher_of(vm, match_type)?;
    let Matcher::Types(_) = m else {
        return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
    };
    if matches(vm, &m, exc)? {
        if vm.isinstance(exc, &vm.exc.base_exception_group.clone()) {
            return Ok((Some(exc.clone()), None));
        }
        let beg = Value::Obj(vm.exc.base_exception_group.clone());
        let empty = vm.new_str("");
        let list = vm.new_list(vec![exc.clone()]);
        let wrapped = vm.call(&beg, &[empty, list])?;
        if let (Some(src), Some(dst)) = (Vm::exc_data(exc), Vm::exc_data(&wrapped)) {
            let tb = src.borrow().traceback.clone();
            dst.borrow_mut().traceback = tb;
        }
        return Ok((Some(wrapped), None));
    }
    if vm.isinstance(exc, &vm.exc.base_exception_group.clone()) {
        let (a, b) = split_recursive(vm, exc, &m, true, 0)?;
        if a.is_some() {
            return Ok((a, b));
        }
    }
    Ok((None, Some(exc.clone())))
}

fn collect_leaf_ids(vm: &mut Vm, exc: &Value, out: &mut Vec<i64>, depth: usize) {
    if exc.is_none() || depth > 1000 {
        return;
    }
    if vm.isinstance(exc, &vm.exc.base_exception_group.clone()) {
        for e in group_exceptions(vm, exc) {
            collect_leaf_ids(vm, &e, out, depth + 1);
        }
    } else {
        out.push(exc.id());
    }
}

/// Same traceback, cause and context: a re-raise of (part of) the original group.
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (Vm::exc_data(a), Vm::exc_data(b)) else {
        return false;
    };
    let (x, y) = (x.borrow(), y.borrow());
    let same = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    x.traceback.len() == y.traceback.len()
        && x.traceback
            .iter()
            .zip(y.traceback.iter())
            .all(|(p, q)| Rc::ptr_eq(&p.0, &q.0) && p.1 == q.1)
        && same(&x.cause, &y.cause)
        && same(&x.context, &y.context)
}

/// The part of group `eg` whose leaves are leaves of the exceptions in `keep`.
fn group_projection(vm: &mut Vm, eg: &Value, keep: &[Value]) -> PyResult<Option<Value>> {
    let mut ids = Vec::new();
    for k in keep {
        collect_leaf_ids(vm, k, &mut ids, 0);
    }
    if ids.is_empty() {
        return Ok(None);
    }
    split_by_leaf(vm, eg, &ids, 0)
}

fn split_by_leaf(vm: &mut Vm, exc: &Value, ids: &[i64], depth: usize) -> PyResult<Option<Value>> {
    if depth > 1000 {
        return Ok(None);
    }
    if !vm.isinstance(exc, &vm.exc.base_exception_group.clone()) {
        return Ok(if ids.contains(&exc.id()) {
            Some(exc.clone())
        } else {
            None
        });
    }
    let mut kept = Vec::new();
    for e in group_exceptions(vm, exc) {
        if let Some(k) = split_by_leaf(vm, &e, ids, depth + 1)? {
            kept.push(k);
        }
    }
    group_subset(vm, exc, kept)
}

/// What an `except*` statement re-raises at its end (CPython's
/// `_PyExc_PrepReraiseStar`): `orig` is the exception that was caught, `raised` the
/// exceptions raised or re-raised by its clauses (None entries are skipped). Re-raised
/// parts are merged back into a subgroup of `orig`; newly raised exceptions are grouped
/// with it in `ExceptionGroup("", [...])`. None if nothing is to be raised.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, raised: &[Value]) -> PyResult<Value> {
    let raised: Vec<Value> = raised.iter().filter(|e| !e.is_none()).cloned().collect();
    let Some(first) = raised.first() else {
        return Ok(Value::None);
    };
    if !vm.isinstance(orig, &vm.exc.base_exception_group.clone()) {
        return Ok(first.clone());
    }
    let (mut new, mut reraised) = (Vec::new(), Vec::new());
    for e in raised {
        if same_metadata(&e, orig) {
            reraised.push(e)
        } else {
            new.push(e)
        }
    }
    let reraised_eg = group_projection(vm, orig, &reraised)?;
    if new.is_empty() {
        return Ok(reraised_eg.unwrap_or(Value::None));
    }
    new.extend(reraised_eg);
    if new.len() == 1 {
        return Ok(new.swap_remove(0));
    }
    let eg = Value::Obj(vm.exc.exception_group.clone());
    let beg = Value::Obj(vm.exc.base_exception_group.clone());
    let all_plain = new.iter().all(|e| vm.isinstance(e, &vm.exc.exception.clone()));
    let ctor = if all_plain { eg } else { beg };
    let empty = vm.new_str("");
    let list = vm.new_list(new);
    vm.call(&ctor, &[empty, list])
}

/// Registers the methods and attribute descriptors of the exception classes.
pub fn init(vm: &mut Vm) {
    let x = &vm.exc;
    let (be, stop, sysexit, os, syntax, name, attr, import) = (
        x.base_exception.clone(),
        x.stop_iteration.clone(),
        x.system_exit.clone(),
        x.os_error.clone(),
        x.syntax_error.clone(),
        x.name_error.clone(),
        x.attribute_error.clone(),
        x.import_error.clone(),
    );
    let unicode = [x.unicode_encode_error.clone(), x.unicode_decode_error.clone()];
    let translate = x.unicode_translate_error.clone();
    vm.add_method(&be, "__init__", exc_init);
    vm.add_method(&be, "__str__", exc_str_method);
    vm.add_method(&be, "__repr__", exc_repr_method);
    vm.add_method(&be, "with_traceback", exc_with_traceback);
    vm.add_method(&be, "add_note", exc_add_note);
    vm.add_method(&be, "__reduce__", exc_reduce);
    vm.add_method(&be, "__setstate__", exc_setstate);
    add_getset(vm, &be, "args", get_args, set_args);
    add_getset(vm, &be, "__cause__", get_cause, set_cause);
    add_getset(vm, &be, "__context__", get_context, set_context);
    add_getset(
        vm,
        &be,
        "__suppress_context__",
        get_suppress_context,
        set_suppress_context,
    );
    add_getset(vm, &be, "__traceback__", get_traceback, set_traceback_attr);
    add_field(vm, &stop, "value");
    add_field(vm, &sysexit, "code");
    for f in ["errno", "strerror", "filename", "filename2"] {
        add_field(vm, &os, f);
    }
    for f in [
        "msg",
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
        "print_file_and_line",
    ] {
        add_field(vm, &syntax, f);
    }
    add_field(vm, &name, "name");
    for f in ["name", "obj"] {
        add_field(vm, &attr, f);
    }
    for f in ["msg", "name", "path"] {
        add_field(vm, &import, f);
    }
    for t in &unicode {
        for f in ["encoding", "object", "start", "end", "reason"] {
            add_field(vm, t, f);
        }
    }
    for f in ["object", "start", "end", "reason"] {
        add_field(vm, &translate, f);
    }
    let beg = vm.exc.base_exception_group.clone();
    crate::builtins::add_new(vm, &beg, group_new);
    add_getset(vm, &beg, "message", group_get_message, read_only);
    add_getset(vm, &beg, "exceptions", group_get_exceptions, read_only);
    vm.add_method(&beg, "derive", group_derive);
    vm.add_method(&beg, "split", group_split);
    vm.add_method(&beg, "subgroup", group_subgroup);
}
