//! The built-in type objects, created once at start-up.
//!
//! [`for_each_builtin_type!`] is the table: field name, Python name, base field, layout.
//! Exception types have their own table in `exceptions.rs`. Methods are added by the
//! per-type modules under `builtins/` (each has an `init(vm)`).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::dict::Dict;
use crate::object::{CtorCache, Layout, ObjKind, Object, TypeData};
use crate::value::{Obj, Value};

/// Calls `$m!` with rows `field, "python name", base_field, Layout;`. `object` and `type`
/// are created by hand first.
#[macro_export]
macro_rules! for_each_builtin_type {
    ($m:ident) => {
        $m! {
            int, "int", object, Int;
            bool_, "bool", int, Final;
            float, "float", object, Float;
            complex, "complex", object, Complex;
            str, "str", object, Str;
            bytes, "bytes", object, Bytes;
            bytearray, "bytearray", object, ByteArray;
            tuple, "tuple", object, Tuple;
            list, "list", object, List;
            dict, "dict", object, Dict;
            set, "set", object, Set;
            frozenset, "frozenset", object, FrozenSet;
            range, "range", object, Final;
            slice, "slice", object, Final;
            function, "function", object, Final;
            method, "method", object, Final;
            builtin_function, "builtin_function_or_method", object, Final;
            module, "module", object, Object;
            cell, "cell", object, Final;
            code, "code", object, Final;
            property, "property", object, Final;
            staticmethod, "staticmethod", object, Final;
            classmethod, "classmethod", object, Final;
            super_, "super", object, Final;
            generator, "generator", object, Final;
            none_type, "NoneType", object, Final;
            not_implemented_type, "NotImplementedType", object, Final;
            ellipsis_type, "ellipsis", object, Final;
            list_iterator, "list_iterator", object, Final;
            tuple_iterator, "tuple_iterator", object, Final;
            str_iterator, "str_ascii_iterator", object, Final;
            bytes_iterator, "bytes_iterator", object, Final;
            range_iterator, "range_iterator", object, Final;
            dict_keyiterator, "dict_keyiterator", object, Final;
            dict_valueiterator, "dict_valueiterator", object, Final;
            dict_itemiterator, "dict_itemiterator", object, Final;
            set_iterator, "set_iterator", object, Final;
            reversed, "reversed", object, Final;
            list_reverseiterator, "list_reverseiterator", object, Final;
            enumerate, "enumerate", object, Final;
            zip, "zip", object, Final;
            map, "map", object, Final;
            filter, "filter", object, Final;
            callable_iterator, "callable_iterator", object, Final;
            iterator, "iterator", object, Final;
            dict_keys, "dict_keys", object, Final;
            dict_values, "dict_values", object, Final;
            dict_items, "dict_items", object, Final;
            memoryview, "memoryview", object, Final;
            mappingproxy, "mappingproxy", object, Final;
            text_io, "TextIOWrapper", object, Final;
            buffered_io, "BufferedReader", object, Final;
        }
    };
}

macro_rules! declare_types {
    ($($field:ident, $name:literal, $base:ident, $layout:ident;)*) => {
        /// Every built-in type object.
        #[derive(Clone)]
        pub struct Types {
            /// `object`.
            pub object: Obj,
            /// `type`.
            pub type_: Obj,
            $(#[doc = $name] pub $field: Obj,)*
        }

        impl Types {
            /// Creates the built-in types (with empty namespaces).
            pub fn new() -> Types {
                let type_ = crate::gc::alloc(Object::with(None, None, ObjKind::Type(Box::new(new_type_data("type", vec![], Layout::Type, false)))));
                let object = make_type(&type_, "object", vec![], Layout::Object);
                if let ObjKind::Type(t) = &type_.kind {
                    *t.bases.borrow_mut() = vec![object.clone()];
                    *t.mro_tail.borrow_mut() = vec![object.clone()];
                }
                let mut made: std::collections::HashMap<&'static str, Obj> = std::collections::HashMap::new();
                made.insert("object", object.clone());
                $(
                    let base = made.get(stringify!($base)).cloned().unwrap_or_else(|| object.clone());
                    made.insert(stringify!($field), make_type(&type_, $name, vec![base], Layout::$layout));
                )*
                Types { $($field: made.get(stringify!($field)).cloned().unwrap_or_else(|| object.clone()),)* object, type_ }
            }
        }
    };
}

for_each_builtin_type!(declare_types);

impl Types {
    /// A copy of every type pointer (to use while the VM is mutably borrowed).
    pub fn clone_refs(&self) -> Types {
        self.clone()
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// Type data for a new type with the given bases (MRO computed by the caller for
/// multiple inheritance; here: single inheritance chains).
pub fn new_type_data(name: &str, bases: Vec<Obj>, layout: Layout, heap_type: bool) -> TypeData {
    let mut mro_tail = Vec::new();
    if let Some(b) = bases.first() {
        mro_tail.push(b.clone());
        if let ObjKind::Type(bt) = &b.kind {
            mro_tail.extend(bt.mro_tail.borrow().iter().cloned());
        }
    }
    TypeData {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(Rc::from(name)),
        bases: RefCell::new(bases),
        mro_tail: RefCell::new(mro_tail),
        dict: crate::gc::alloc(Object::with(None, None, ObjKind::Dict(RefCell::new(Dict::new())))),
        layout,
        heap_type,
        slots: None,
        version: Cell::new(1),
        watched: Cell::new(false),
        subclasses: RefCell::new(Vec::new()),
        facts: Cell::new(None),
        ctor: RefCell::new(None),
    }
}

/// Makes a built-in type object whose class is `type_`.
pub fn make_type(type_: &Obj, name: &str, bases: Vec<Obj>, layout: Layout) -> Obj {
    let t = crate::gc::alloc(Object::new(
        type_.clone(),
        ObjKind::Type(Box::new(new_type_data(name, bases.clone(), layout, false))),
    ));
    register_subclass(&bases, &t);
    t
}

/// Records `t` in the `__subclasses__` list of each base.
pub fn register_subclass(bases: &[Obj], t: &Obj) {
    for b in bases {
        if let ObjKind::Type(bt) = &b.kind {
            bt.subclasses.borrow_mut().push(Rc::downgrade(t));
        }
    }
}

/// The type data of a type object (panics in debug builds if `t` is not a type; every
/// caller passes a class pointer).
#[inline]
pub fn tdata(t: &Obj) -> &TypeData {
    match &t.kind {
        ObjKind::Type(td) => td,
        _ => unreachable!("tdata on a non-type object"),
    }
}

/// The MRO of a type, starting with the type itself.
pub fn mro(t: &Obj) -> Vec<Obj> {
    let mut v = vec![t.clone()];
    v.extend(tdata(t).mro_tail.borrow().iter().cloned());
    v
}

/// True if `sub` is `sup` or has it in its MRO.
pub fn is_subtype(sub: &Obj, sup: &Obj) -> bool {
    Rc::ptr_eq(sub, sup) || tdata(sub).mro_tail.borrow().iter().any(|t| Rc::ptr_eq(t, sup))
}

/// The constructor methods of a type (see [`crate::vm::Vm::ctor_of`]), as strong values.
pub struct Ctor {
    /// `__new__` (a staticmethod unwrapped), or `None` if missing.
    pub new: Option<Value>,
    /// `__new__` is `object.__new__`.
    pub new_is_object: bool,
    /// `__init__`, or `None` if missing.
    pub init: Option<Value>,
    /// `__init__` is `object.__init__`.
    pub init_is_object: bool,
}

/// True for a native function defined on `object` (`object.__new__`, `object.__init__`).
fn is_object_native(v: Option<&Value>) -> bool {
    matches!(v.and_then(|v| v.kind()), Some(ObjKind::Native(n)) if n.owner == "object")
}

/// Upgrades an optional weak method reference: `Some(None)` for "missing", `None` when
/// the method is gone (the cache is then stale).
fn upgrade(w: &Option<Weak<Object>>) -> Option<Option<Value>> {
    match w {
        None => Some(None),
        Some(w) => w.upgrade().map(|o| Some(Value::Obj(o))),
    }
}

/// Downgrades a looked-up method for the cache; `None` when it cannot be held weakly
/// (a method that is not a heap object, e.g. `__init__ = 5`).
fn downgrade(v: &Option<Value>) -> Option<Option<Weak<Object>>> {
    match v {
        None => Some(None),
        Some(Value::Obj(o)) => Some(Some(Rc::downgrade(o))),
        Some(_) => None,
    }
}

impl crate::vm::Vm {
    /// `f(first, *args, **kw)` (vectorcall convention: `kwnames` name the last values of
    /// `args`), without a heap-allocated argument vector for up to three arguments (class
    /// calls pass the class to `__new__` and the instance to `__init__` this way).
    pub fn call_prepended(
        &mut self,
        f: &Value,
        first: Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> crate::vm::PyResult<Value> {
        match args {
            [] => self.call_kw(f, &[first], kwnames),
            [a] => self.call_kw(f, &[first, a.clone()], kwnames),
            [a, b] => self.call_kw(f, &[first, a.clone(), b.clone()], kwnames),
            [a, b, c] => self.call_kw(f, &[first, a.clone(), b.clone(), c.clone()], kwnames),
            _ => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(first);
                full.extend_from_slice(args);
                self.call_kw(f, &full, kwnames)
            }
        }
    }

    /// `__new__` and `__init__` of type `t` along its MRO (CPython's `type_call` looks
    /// both up on every call; here they are cached on the type per version tag, since any
    /// assignment or deletion on the type or a base bumps the tag).
    pub fn ctor_of(&self, t: &Obj) -> Ctor {
        let td = tdata(t);
        let version = td.version.get();
        if let Ok(c) = td.ctor.try_borrow()
            && let Some(c) = c.as_ref()
            && c.version == version
            && let (Some(new), Some(init)) = (upgrade(&c.new), upgrade(&c.init))
        {
            return Ctor {
                new,
                new_is_object: c.new_is_object,
                init,
                init_is_object: c.init_is_object,
            };
        }
        let raw_new = self.lookup_in_type(t, "__new__");
        let new_is_object = is_object_native(raw_new.as_ref());
        let new = match raw_new.as_ref().and_then(|n| n.kind()) {
            Some(ObjKind::StaticMethod(f)) => Some(f.clone()),
            _ => raw_new,
        };
        let init = self.lookup_in_type(t, "__init__");
        let init_is_object = is_object_native(init.as_ref());
        if let (Some(wn), Some(wi), Ok(mut slot)) = (downgrade(&new), downgrade(&init), td.ctor.try_borrow_mut()) {
            *slot = Some(CtorCache {
                version,
                new: wn,
                new_is_object,
                init: wi,
                init_is_object,
            });
        }
        Ctor {
            new,
            new_is_object,
            init,
            init_is_object,
        }
    }
}
