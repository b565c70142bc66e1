//! The built-in exception hierarchy (CPython 3.11 `Objects/exceptions.c`), exception
//! creation helpers, and traceback printing (`Lib/traceback.py`'s format, including the
//! 3.11 caret lines of PEP 657).

use std::cell::RefCell;

use crate::object::{ExcData, Layout, ObjKind};
use crate::types::{make_type, tdata};
use crate::value::{Obj, Value};
use crate::vm::{PyErr, Vm};

/// Calls `$m!` with rows `field, "Name", base_field;` in an order where bases come first.
#[macro_export]
macro_rules! for_each_exception_type {
    ($m:ident) => {
        $m! {
            base_exception, "BaseException", object;
            system_exit, "SystemExit", base_exception;
            keyboard_interrupt, "KeyboardInterrupt", base_exception;
            generator_exit, "GeneratorExit", base_exception;
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
            file_exists_error, "FileExistsError", os_error;
            file_not_found_error, "FileNotFoundError", os_error;
            is_a_directory_error, "IsADirectoryError", os_error;
            not_a_directory_error, "NotADirectoryError", os_error;
            permission_error, "PermissionError", os_error;
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
            warning, "Warning", exception;
            user_warning, "UserWarning", warning;
            deprecation_warning, "DeprecationWarning", warning;
            runtime_warning, "RuntimeWarning", warning;
        }
    };
}

macro_rules! declare_exc_types {
    ($($field:ident, $name:literal, $base:ident;)*) => {
        /// Every built-in exception type.
        pub struct ExcTypes {
            $(#[doc = $name] pub $field: Obj,)*
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
                ExcTypes { $($field: made.get(stringify!($field)).cloned().unwrap_or_else(|| object.clone()),)* }
            }

            /// Every exception type with its Python name (to publish them as builtins).
            pub fn all(&self) -> Vec<(&'static str, Obj)> {
                vec![$(($name, self.$field.clone()),)*]
            }
        }
    };
}

for_each_exception_type!(declare_exc_types);

impl Vm {
    /// A new exception instance of type `ty` with the given args.
    pub fn new_exception(&mut self, ty: &Obj, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        let data = ExcData { args, traceback: Vec::new(), cause: None, context: None, suppress_context: false, suggestion: None };
        let dict = if tdata(ty).heap_type { Some(self.new_dict_obj()) } else { None };
        Value::Obj(crate::gc::alloc(crate::object::Object { class: Some(ty.clone()), dict, kind: ObjKind::Exception(RefCell::new(data)) }))
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
