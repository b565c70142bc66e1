//! The `builtins` module: built-in functions, the methods of built-in types, and their
//! registration. Each file registers its part in an `init(vm)` called from [`init`].

pub mod args;
pub mod bytearray;
pub mod bytes;
pub mod codecs;
pub mod complex;
pub mod constructors;
pub mod dict;
pub mod float;
pub mod format;
pub mod funcattrs;
pub mod functions;
pub mod int;
pub mod iterators;
pub mod list;
pub mod list_sort;
pub mod more;
pub mod numattrs;
pub mod object;
pub mod range;
pub mod seqops;
pub mod set;
pub mod str;
pub mod tuple;

use crate::object::{NativeFn, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::Vm;

/// Installs `func` as the (static) `__new__` of type `t`: it receives the class first.
pub fn add_new(vm: &mut Vm, t: &Obj, func: NativeFn) {
    let f = vm.new_native("__new__", func);
    let sm = Value::new_obj(&vm.types.staticmethod, ObjKind::StaticMethod(f));
    vm.set_attr_str(t, "__new__", sm);
}

/// Fills the `builtins` module.
pub fn init(vm: &mut Vm) {
    object::init(vm);
    functions::init(vm);
    constructors::init(vm);
    crate::generator::init(vm);
    crate::iter::init(vm);
    str::init(vm);
    bytes::init(vm);
    bytes::init_memoryview(vm);
    list::init(vm);
    tuple::init(vm);
    dict::init(vm);
    set::init(vm);
    range::init(vm);
    int::init(vm);
    float::init(vm);
    complex::init(vm);
    more::init(vm);
    // mappingproxy (Class.__dict__) reads like a dict
    let dict_t = vm.types.dict.clone();
    let mp = vm.types.mappingproxy.clone();
    for name in [
        "get",
        "keys",
        "values",
        "items",
        "copy",
        "__contains__",
        "__iter__",
        "__len__",
        "__getitem__",
        "__eq__",
        "__ne__",
    ] {
        if let Some(m) = crate::ops::dict_get_str(&crate::types::tdata(&dict_t).dict, crate::ops::hash_str(name), name)
        {
            vm.set_attr_str(&mp, name, m);
        }
    }
    let b = vm.builtins.clone();
    let t = vm.types.clone_refs();
    let published = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("tuple", &t.tuple),
        ("list", &t.list),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
    ];
    for (name, ty) in published {
        vm.set_attr_str(&b, name, Value::Obj(ty.clone()));
    }
    for (name, ty) in vm.exc.all() {
        vm.set_attr_str(&b, name, Value::Obj(ty));
    }
    vm.set_attr_str(&b, "EnvironmentError", Value::Obj(vm.exc.os_error.clone()));
    vm.set_attr_str(&b, "IOError", Value::Obj(vm.exc.os_error.clone()));
    let ni = vm.not_implemented.clone();
    vm.set_attr_str(&b, "NotImplemented", ni);
    let el = vm.ellipsis.clone();
    vm.set_attr_str(&b, "Ellipsis", el);
    vm.set_attr_str(&b, "None", Value::None);
    vm.set_attr_str(&b, "True", Value::Bool(true));
    vm.set_attr_str(&b, "False", Value::Bool(false));
}
