//! `object`, `type`, class creation (`__build_class__`, C3 MRO), `super`, and the
//! built-in attributes of the payload kinds (`__class__`, `__dict__`, `__name__`...).
//! CPython: `Objects/typeobject.c`, `Python/bltinmodule.c` (`builtin___build_class__`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::{Layout, ObjKind, Object};
use crate::types::{mro, new_type_data, tdata};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Bumps the version tag of a type and its subclasses' caches (PEP 659 type versions).
pub fn type_modified(t: &Obj) {
    if let ObjKind::Type(td) = &t.kind {
        td.version.set(td.version.get().wrapping_add(1));
        if td.watched.get() {
            td.watched.set(crate::jit::inval::type_changed(t));
        }
    }
}

/// Index of `name` in the `__slots__` of `cls` (searching the MRO), counted as in
/// [`all_slots`] (base classes first) without building the list.
pub fn slot_index(cls: &Obj, name: &str) -> Option<usize> {
    let tail = tdata(cls).mro_tail.borrow();
    let mut index = 0usize;
    for t in tail.iter().rev().chain(std::iter::once(cls)) {
        if let Some(s) = &tdata(t).slots {
            for n in s.iter().filter(|n| &***n != "__dict__") {
                if &**n == name {
                    return Some(index);
                }
                index += 1;
            }
        }
    }
    None
}

/// Number of slots of an instance of `cls` (the length of [`all_slots`]).
pub fn slot_count(cls: &Obj) -> usize {
    let tail = tdata(cls).mro_tail.borrow();
    std::iter::once(cls)
        .chain(tail.iter())
        .filter_map(|t| tdata(t).slots.as_ref())
        .map(|s| s.iter().filter(|n| &***n != "__dict__").count())
        .sum()
}

/// Every slot name of a class, base classes first.
pub fn all_slots(cls: &Obj) -> Vec<Rc<str>> {
    let mut out = Vec::new();
    for t in mro(cls).iter().rev() {
        if let Some(s) = &tdata(t).slots {
            out.extend(s.iter().filter(|n| &***n != "__dict__").cloned());
        }
    }
    out
}

pub(crate) fn needs_dict(cls: &Obj) -> bool {
    // instances have a __dict__ unless every class in the MRO (below object) has __slots__
    // without "__dict__"
    let tail = tdata(cls).mro_tail.borrow();
    for t in std::iter::once(cls).chain(tail.iter()) {
        let td = tdata(t);
        if !td.heap_type {
            continue;
        }
        match &td.slots {
            None => return true,
            Some(s) if s.iter().any(|n| &**n == "__dict__") => return true,
            _ => {}
        }
    }
    false
}

/// A fresh, empty instance `__dict__`: a dict that tracks its shape (see
/// [`crate::shape`]), so attribute caches can check it with one comparison.
pub fn new_instance_dict(vm: &Vm) -> Obj {
    crate::gc::alloc(crate::object::Object::new(
        vm.types.dict.clone(),
        ObjKind::Dict(RefCell::new(crate::dict::Dict::new_shaped())),
    ))
}

/// An empty instance dict (as [`new_instance_dict`]) with room for `n` entries (at most
/// the smallest table's 5), so that the first `n` attributes an `__init__` stores are
/// appended without growing the entry vector (a specialized class call presizes from the
/// attributes its instances had; CPython presizes from the class's shared keys).
pub fn new_instance_dict_presized(vm: &Vm, n: usize) -> Obj {
    crate::gc::alloc(crate::object::Object::new(
        vm.types.dict.clone(),
        ObjKind::Dict(RefCell::new(crate::dict::Dict::new_shaped_presized(n))),
    ))
}

/// Creates a bare instance of `cls` with the right payload for its layout.
pub fn new_instance(vm: &mut Vm, cls: &Obj) -> Value {
    let td = tdata(cls);
    // exceptions always have a __dict__ (it holds __notes__ and explicitly set fields)
    let dict = if td.layout == Layout::Exception || needs_dict(cls) {
        Some(new_instance_dict(vm))
    } else {
        None
    };
    let kind = match td.layout {
        Layout::Exception => {
            let args = vm.new_tuple(vec![]);
            ObjKind::Exception(Box::new(RefCell::new(crate::exceptions::new_exc_data(args))))
        }
        Layout::List => ObjKind::List(RefCell::new(vec![])),
        Layout::Dict => ObjKind::Dict(RefCell::new(crate::dict::Dict::new())),
        Layout::Set => ObjKind::Set(RefCell::new(crate::set::Set::new())),
        _ => {
            let n = slot_count(cls);
            ObjKind::Instance(if n > 0 { Some(RefCell::new(vec![None; n])) } else { None })
        }
    };
    Value::Obj(crate::gc::alloc(Object::with(Some(cls.clone()), dict, kind)))
}

fn object_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if !matches!(cls.kind, ObjKind::Type(_)) {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    }
    let cls = cls.clone();
    if args.len() > 1 || !kwnames.is_empty() {
        // extra arguments are an error unless __init__ is overridden
        let init = vm.lookup_in_type(&cls, "__init__");
        let init_is_object =
            matches!(init.as_ref().and_then(|i| i.kind()), Some(ObjKind::Native(n)) if n.owner == "object");
        let new = vm.lookup_in_type(&cls, "__new__");
        let new_is_object =
            matches!(new.as_ref().and_then(|i| i.kind()), Some(ObjKind::Native(n)) if n.owner == "object");
        if init_is_object || !new_is_object {
            if !new_is_object {
                return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
            }
            return Err(vm.type_error(format!("{}() takes no arguments", tdata(&cls).name.borrow())));
        }
    }
    let td = tdata(&cls);
    if !td.heap_type && !Rc::ptr_eq(&cls, &vm.types.object) && td.layout != Layout::Exception {
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            td.name.borrow(),
            td.name.borrow()
        )));
    }
    let obj = new_instance(vm, &cls);
    if td.layout == Layout::Exception {
        if let Some(d) = Vm::exc_data(&obj) {
            let npos = args.len().saturating_sub(kwnames.len());
            let a = vm.new_tuple(args.get(1..npos).unwrap_or(&[]).to_vec());
            d.borrow_mut().args = a;
        }
    }
    Ok(obj)
}

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    if args[0].is(&args[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(vm.not_implemented.clone())
    }
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    // CPython: __ne__ delegates to __eq__ and inverts unless NotImplemented; when
    // `__eq__` is object's own, that is identity (no call)
    let eq = vm.lookup_special(&args[0], "__eq__");
    if matches!(eq.as_ref().and_then(|e| e.kind()), Some(ObjKind::Native(n)) if n.owner == "object" && n.name == "__eq__")
    {
        return Ok(if args[0].is(&args[1]) {
            Value::Bool(false)
        } else {
            vm.not_implemented.clone()
        });
    }
    let r = vm.call_special(&args[0], "__eq__", &args[1..])?;
    match r {
        Some(Value::Bool(b)) => Ok(Value::Bool(!b)),
        Some(r) if r.is(&vm.not_implemented) => Ok(r),
        Some(r) => {
            let b = vm.truthy(&r)?;
            Ok(Value::Bool(!b))
        }
        None => Ok(vm.not_implemented.clone()),
    }
}

fn object_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("expected self"));
    };
    // the `tp_hash` slot's wrapper (CPython `wrap_hashfunc`): no arguments besides self
    if !kw.is_empty() {
        return Err(vm.type_error("wrapper __hash__() takes no keyword arguments"));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len() - 1)));
    }
    Ok(Value::Int(crate::ops::identity_hash(v)))
}

fn object_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor '__repr__' of 'object' object needs an argument"));
    };
    // a slot wrapper takes no arguments (CPython `wrap_unaryfunc`, `check_num_args`)
    if !kw.is_empty() {
        return Err(vm.type_error("wrapper __repr__() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len() - 1)));
    }
    let s = crate::repr::builtin_repr(vm, v)?;
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor '__str__' of 'object' object needs an argument"));
    };
    // a slot wrapper takes no arguments (CPython `wrap_unaryfunc`, `check_num_args`)
    if !kw.is_empty() {
        return Err(vm.type_error("wrapper __str__() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len() - 1)));
    }
    let s = vm.repr(v)?;
    Ok(vm.new_str(s))
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [v, spec] = args else {
        return Err(vm.type_error("__format__ expects 1 argument"));
    };
    let spec_s = spec.as_str().unwrap_or("");
    if !spec_s.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(v)
        )));
    }
    let s = vm.str(v)?;
    Ok(vm.new_str(s))
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [obj, name, value] = args else {
        return Err(vm.type_error("__setattr__ expects 2 arguments"));
    };
    vm.object_set_attr(obj, name, value.clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [obj, name] = args else {
        return Err(vm.type_error("__getattribute__ expects 1 argument"));
    };
    match vm.get_attr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(obj, name.as_str().unwrap_or("?"))),
    }
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [obj, name] = args else {
        return Err(vm.type_error("__delattr__ expects 1 argument"));
    };
    vm.object_del_attr(obj, name)?;
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("expected self"));
    };
    let names = dir_names(vm, v)?;
    let items = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}

/// The names a type contributes to `dir()`: its namespace and those of its MRO, plus the
/// descriptors CPython keeps in type dicts that taipan resolves natively (`__class__`,
/// `__doc__`; `__dict__`/`__weakref__` for classes whose instances have a dict).
fn type_dir_names(t: &Obj, names: &mut Vec<String>) {
    let m = mro(t);
    for c in &m {
        let td = tdata(c);
        names.extend(crate::suggest::dict_keys(&td.dict));
        if let Some(slots) = &td.slots {
            names.extend(slots.iter().map(|n| n.to_string()));
        }
    }
    names.push("__class__".into());
    names.push("__doc__".into());
    let heap_dict = m.iter().any(|c| {
        let td = tdata(c);
        td.heap_type && td.slots.is_none()
    });
    if heap_dict {
        names.push("__dict__".into());
        names.push("__weakref__".into());
    }
    if m.iter().any(|c| tdata(c).layout == Layout::Exception) {
        names.push("__dict__".into());
    }
}

/// The sorted attribute names `dir(v)` shows (CPython's `object.__dir__`,
/// `type.__dir__`, `module.__dir__`).
pub fn dir_names(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    match v {
        Value::Obj(o) if matches!(o.kind, ObjKind::Type(_)) => type_dir_names(o, &mut names),
        Value::Obj(o) if matches!(o.kind, ObjKind::Module) => {
            if let Some(d) = &o.dict {
                names.extend(crate::suggest::dict_keys(d));
            }
        }
        _ => {
            if let Some(d) = v.as_obj().and_then(|o| o.dict.as_ref()) {
                names.extend(crate::suggest::dict_keys(d));
            }
            let cls = vm.class_of(v).clone();
            type_dir_names(&cls, &mut names);
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

fn object_init_subclass(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_reduce_ex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let tn = args.first().map(|v| vm.type_name(v)).unwrap_or_default();
    Err(vm.type_error(format!("cannot pickle '{tn}' object")))
}

fn object_sizeof(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("expected self"));
    };
    // CPython's basic size of the layout (64-bit build)
    let size = match v.kind() {
        Some(ObjKind::Exception(_)) => 72,
        Some(ObjKind::Instance(Some(s))) => 16 + 8 * s.borrow().len() as i64,
        _ => 16,
    };
    Ok(Value::Int(size))
}

fn object_getstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("expected self"));
    };
    match v.as_obj().and_then(|o| o.dict.clone()) {
        Some(d) if matches!(&d.kind, ObjKind::Dict(t) if !t.borrow().is_empty()) => Ok(Value::Obj(d)),
        _ => Ok(Value::None),
    }
}

fn object_subclasshook(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented.clone())
}

fn object_class_getattr_eq_lt(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented.clone())
}

// ----- type -----

fn type_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // type.__new__(meta, name, bases, ns, **kw)
    let npos = args.len() - kwnames.len();
    if npos == 2 {
        return Ok(Value::Obj(vm.class_of(&args[1]).clone()));
    }
    if npos != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let meta = match &args[0] {
        Value::Obj(m) if matches!(m.kind, ObjKind::Type(_)) => m.clone(),
        _ => return Err(vm.type_error("type.__new__(X): X is not a type object")),
    };
    let Some(name) = args[1].as_str().map(|s| s.to_string()) else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let bases = match args[2].kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                vm.type_name(&args[2])
            )));
        }
    };
    let ns = match &args[3] {
        Value::Obj(d) if matches!(d.kind, ObjKind::Dict(_)) => d.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                vm.type_name(&args[3])
            )));
        }
    };
    let meta = calculate_metaclass(vm, &meta, &bases)?;
    if crate::ops::dict_get_str(&ns, crate::ops::hash_str("__module__"), "__module__").is_none() {
        // CPython takes the calling frame's `__name__`; the runtime has no frame stack
        // here, so classes made by `type(name, bases, ns)` belong to `__main__`
        let key = vm.intern("__module__");
        let m = vm.intern("__main__");
        vm.dict_set(&ns, key, m)?;
    }
    let cls = create_class(vm, &meta, &name, bases, &ns)?;
    // __init_subclass__ of the parent
    let clsv = Value::Obj(cls.clone());
    let kwvals = &args[npos..];
    let sup = tdata(&cls).mro_tail.borrow().first().cloned();
    if let Some(parent) = sup {
        if let Some(isc) = vm.lookup_in_type(&parent, "__init_subclass__") {
            let f = match isc.kind() {
                Some(ObjKind::ClassMethod(f)) => f.clone(),
                _ => isc,
            };
            if !matches!(f.kind(), Some(ObjKind::Native(_))) {
                let mut full = vec![clsv.clone()];
                full.extend_from_slice(kwvals);
                vm.call_kw(&f, &full, kwnames)?;
            } else if !kwnames.is_empty() {
                return Err(vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
            }
        }
    }
    Ok(clsv)
}

/// The most derived metaclass among `meta` and the classes of `bases` (CPython's
/// `_PyType_CalculateMetaclass`).
pub fn calculate_metaclass(vm: &mut Vm, meta: &Obj, bases: &[Value]) -> PyResult<Obj> {
    let mut winner = meta.clone();
    for b in bases {
        let bm = vm.class_of(b).clone();
        if crate::types::is_subtype(&winner, &bm) {
            continue;
        }
        if crate::types::is_subtype(&bm, &winner) {
            winner = bm;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Creates a class object: bases, C3 MRO, layout, namespace copy, `__slots__`,
/// `__set_name__`, the `__classcell__`.
pub fn create_class(vm: &mut Vm, meta: &Obj, name: &str, bases: Vec<Value>, ns: &Obj) -> PyResult<Obj> {
    let mut base_objs = Vec::new();
    for b in &bases {
        match b {
            Value::Obj(o) if matches!(o.kind, ObjKind::Type(_)) => {
                let td = tdata(o);
                if td.layout == Layout::Final {
                    return Err(vm.type_error(format!("type '{}' is not an acceptable base type", td.name.borrow())));
                }
                base_objs.push(o.clone());
            }
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    for (i, b) in base_objs.iter().enumerate() {
        if base_objs[..i].iter().any(|x| Rc::ptr_eq(x, b)) {
            return Err(vm.type_error(format!("duplicate base class {}", tdata(b).name.borrow())));
        }
    }
    if base_objs.is_empty() {
        base_objs.push(vm.types.object.clone());
    }
    let mro_tail = c3_mro(vm, &base_objs, name)?;
    // layout: the most derived non-object layout among the bases
    let mut layout = Layout::Object;
    for b in &base_objs {
        let l = tdata(b).layout;
        if l != Layout::Object {
            if layout != Layout::Object && layout != l {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            layout = l;
        }
    }
    let mut td = new_type_data(name, base_objs, layout, true);
    *td.mro_tail.borrow_mut() = mro_tail;
    // copy namespace
    let entries: Vec<(i64, Value, Value)> = match &ns.kind {
        ObjKind::Dict(d) => d
            .borrow()
            .iter_hashed()
            .map(|(h, k, v)| (h, k.clone(), v.clone()))
            .collect(),
        _ => vec![],
    };
    let mut classcell = None;
    if let ObjKind::Dict(d) = &td.dict.kind {
        let mut d = d.borrow_mut();
        for (h, k, v) in entries {
            if k.as_str() == Some("__classcell__") {
                classcell = Some(v);
                continue;
            }
            d.insert_native(h, k, v);
        }
        // CPython stores `__doc__` (None without a docstring) in every class namespace, so
        // the docstring of a base class is not inherited
        let doc_key = vm.intern("__doc__");
        let doc_hash = crate::ops::hash_str("__doc__");
        if d.get_name(doc_hash, &doc_key).is_none() {
            d.insert_native(doc_hash, doc_key, Value::None);
        }
    }
    // __qualname__
    let qn_key = "__qualname__";
    if let Some(q) = crate::ops::dict_get_str(&td.dict, crate::ops::hash_str(qn_key), qn_key) {
        if let Some(s) = q.as_str() {
            *td.qualname.borrow_mut() = Rc::from(s);
        }
        if let ObjKind::Dict(d) = &td.dict.kind {
            let mut d = d.borrow_mut();
            if let crate::dict::Lookup::Found(p) = d.find(crate::ops::hash_str(qn_key), &q) {
                let _ = p;
            }
            let key = vm.intern(qn_key);
            if let crate::dict::Lookup::Found(p) = d.find(crate::ops::hash_str(qn_key), &key) {
                d.remove_at(p);
            }
        }
    }
    // __slots__
    let slots_key = "__slots__";
    if let Some(s) = crate::ops::dict_get_str(&td.dict, crate::ops::hash_str(slots_key), slots_key) {
        let names: Vec<Value> = if s.as_str().is_some() {
            vec![s.clone()]
        } else {
            vm.collect(&s)?
        };
        let mut v: Vec<Rc<str>> = Vec::new();
        for n in names {
            match n.as_str() {
                Some(x) => {
                    let ok = x.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic())
                        && x.chars().all(|c| c == '_' || c.is_alphanumeric());
                    if !ok {
                        return Err(vm.type_error("__slots__ must be identifiers"));
                    }
                    if x != "__dict__"
                        && x != "__weakref__"
                        && crate::ops::dict_get_str(&td.dict, crate::ops::hash_str(x), x).is_some()
                    {
                        return Err(vm.value_error(format!("'{x}' in __slots__ conflicts with class variable")));
                    }
                    v.push(Rc::from(x));
                }
                None => {
                    let tn = vm.type_name(&n);
                    return Err(vm.type_error(format!("__slots__ items must be strings, not '{tn}'")));
                }
            }
        }
        td.slots = Some(v);
    }
    // functions' __doc__ etc. stay as they are; wrap __new__ / __init_subclass__ / __class_getitem__
    for special in ["__new__"] {
        if let Some(f) = crate::ops::dict_get_str(&td.dict, crate::ops::hash_str(special), special) {
            if matches!(f.kind(), Some(ObjKind::Function(_))) {
                let sm = Value::new_obj(&vm.types.staticmethod, ObjKind::StaticMethod(f));
                let key = vm.intern(special);
                if let ObjKind::Dict(d) = &td.dict.kind {
                    d.borrow_mut().insert_native(crate::ops::hash_str(special), key, sm);
                }
            }
        }
    }
    for special in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = crate::ops::dict_get_str(&td.dict, crate::ops::hash_str(special), special) {
            if matches!(f.kind(), Some(ObjKind::Function(_))) {
                let cm = Value::new_obj(&vm.types.classmethod, ObjKind::ClassMethod(f));
                let key = vm.intern(special);
                if let ObjKind::Dict(d) = &td.dict.kind {
                    d.borrow_mut().insert_native(crate::ops::hash_str(special), key, cm);
                }
            }
        }
    }
    // __eq__ without __hash__ makes instances unhashable
    let has_eq = crate::ops::dict_get_str(&td.dict, crate::ops::hash_str("__eq__"), "__eq__").is_some();
    let has_hash = crate::ops::dict_get_str(&td.dict, crate::ops::hash_str("__hash__"), "__hash__").is_some();
    if has_eq && !has_hash {
        let key = vm.intern("__hash__");
        if let ObjKind::Dict(d) = &td.dict.kind {
            d.borrow_mut()
                .insert_native(crate::ops::hash_str("__hash__"), key, Value::None);
        }
    }
    let bases_for_registry = td.bases.borrow().clone();
    let cls = crate::gc::alloc(Object::new(meta.clone(), ObjKind::Type(Box::new(td))));
    crate::types::register_subclass(&bases_for_registry, &cls);
    if let Some(cell) = classcell {
        if let Some(ObjKind::Cell(c)) = cell.kind() {
            *c.borrow_mut() = Some(Value::Obj(cls.clone()));
        }
    }
    // __set_name__
    let entries: Vec<(Value, Value)> = match &tdata(&cls).dict.kind {
        ObjKind::Dict(d) => d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => vec![],
    };
    for (k, v) in entries {
        if let Some(ObjKind::Property { name, .. }) = v.kind()
            && !vm.class_of(&v).kind.is_heap_type()
        {
            *name.borrow_mut() = Some(Box::new(k.clone()));
            continue;
        }
        if vm.class_of(&v).kind.is_heap_type() {
            if let Some(sn) = vm.lookup_special(&v, "__set_name__") {
                if let Err(e) = vm.call(&sn, &[v.clone(), Value::Obj(cls.clone()), k.clone()]) {
                    // CPython 3.11 wraps the error in a RuntimeError whose cause it is
                    let tn = vm.type_name(&v);
                    let kr = vm.repr(&k)?;
                    let err = vm.runtime_error(format!(
                        "Error calling __set_name__ on '{tn}' instance {kr} in '{name}'"
                    ));
                    if let Some(d) = Vm::exc_data(&err.0) {
                        let mut d = d.borrow_mut();
                        d.cause = Some(e.0.clone());
                        d.context = Some(e.0);
                        d.suppress_context = true;
                    }
                    return Err(err);
                }
            }
        }
    }
    Ok(cls)
}

/// C3 linearization of the bases (without the class itself), as `mro_internal`.
fn c3_mro(vm: &mut Vm, bases: &[Obj], name: &str) -> PyResult<Vec<Obj>> {
    let mut seqs: Vec<Vec<Obj>> = bases.iter().map(mro).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Obj> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)));
            if !in_tail {
                cand = Some(head.clone());
                break;
            }
        }
        let Some(c) = cand else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = tdata(&s[0]).name.borrow().to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let _ = name;
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args[0].clone();
    let name = args[1].clone();
    let bases: Vec<Value> = args[2..npos].to_vec();
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        if k.as_str() == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_vals.push(v.clone());
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => Value::Obj(vm.class_of(b).clone()),
            None => Value::Obj(vm.types.type_.clone()),
        },
    };
    // most derived metaclass
    let mut winner = meta.clone();
    if let Value::Obj(w) = &meta {
        if matches!(w.kind, ObjKind::Type(_)) {
            let mut w = w.clone();
            for b in &bases {
                let bm = vm.class_of(b).clone();
                if crate::types::is_subtype(&bm, &w) {
                    w = bm;
                } else if !crate::types::is_subtype(&w, &bm) {
                    return Err(vm.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
            }
            winner = Value::Obj(w);
        }
    }
    // __prepare__
    let ns = match vm.get_attr_opt_str(&winner, "__prepare__")? {
        Some(p) if !matches!(p.kind(), Some(ObjKind::Native(_))) => {
            let mut a = vec![name.clone(), vm.new_tuple(bases.clone())];
            a.extend(kw_vals.iter().cloned());
            match vm.call_kw(&p, &a, &kw_names)? {
                Value::Obj(d) if matches!(d.kind, ObjKind::Dict(_)) => d,
                _ => vm.new_dict_obj(),
            }
        }
        _ => vm.new_dict_obj(),
    };
    let Some(ObjKind::Function(f)) = func.kind() else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    vm.run_class_body(f, ns.clone())?;
    let mut call_args = vec![name, vm.new_tuple(bases), Value::Obj(ns)];
    call_args.extend(kw_vals);
    vm.call_kw(&winner, &call_args, &kw_names)
}

/// Calling a class (CPython's `type_call`): `cls.__new__(cls, *args, **kw)`, then
/// `__init__` on the result if it is an instance of `cls`. This is `type.__call__`, which
/// a metaclass's `__call__` reaches through `super().__call__(...)`.
pub fn type_call(vm: &mut Vm, cls: &Obj, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len().saturating_sub(kwnames.len());
    if Rc::ptr_eq(cls, &vm.types.type_) {
        if npos == 1 && kwnames.is_empty() {
            return Ok(Value::Obj(vm.class_of(&args[0]).clone()));
        }
        if npos != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let clsv = Value::Obj(cls.clone());
    let Some(new) = vm.lookup_in_type(cls, "__new__") else {
        return Err(vm.type_error(format!("cannot create '{}' instances", tdata(cls).name.borrow())));
    };
    let new = match new.kind() {
        Some(ObjKind::StaticMethod(f)) => f.clone(),
        _ => new,
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(clsv);
    full.extend_from_slice(args);
    let obj = vm.call_kw(&new, &full, kwnames)?;
    let obj_cls = vm.class_of(&obj).clone();
    if !crate::types::is_subtype(&obj_cls, cls) {
        return Ok(obj);
    }
    let Some(init) = vm.lookup_in_type(&obj_cls, "__init__") else {
        return Ok(obj);
    };
    let is_object_init = matches!(init.kind(), Some(ObjKind::Native(n)) if n.owner == "object");
    if is_object_init {
        if !args.is_empty() {
            let new_is_object = matches!(vm.lookup_in_type(cls, "__new__").as_ref().and_then(|n| n.kind()), Some(ObjKind::Native(n)) if n.owner == "object");
            if new_is_object {
                return Err(vm.type_error(format!("{}() takes no arguments", tdata(cls).name.borrow())));
            }
        }
        return Ok(obj);
    }
    full[0] = obj.clone();
    let r = vm.call_kw(&init, &full, kwnames)?;
    if !r.is_none() {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(format!("__init__() should return None, not '{tn}'")));
    }
    Ok(obj)
}

fn type_dunder_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => {
            let c = c.clone();
            type_call(vm, &c, &args[1..], kwnames)
        }
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
    }
}

fn type_call_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    type_new(vm, args, kwnames)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Value::Obj(t)) = args.first() else {
        return Err(vm.type_error("mro() needs a type"));
    };
    let items = mro(t).into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(items))
}

fn type_subclasscheck(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [Value::Obj(t), Value::Obj(sub)] = args else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(
        matches!(sub.kind, ObjKind::Type(_)) && crate::types::is_subtype(sub, t),
    ))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [Value::Obj(t), v] = args else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.isinstance(v, t)))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Value::Obj(t)) = args.first() else {
        return Ok(vm.new_list(vec![]));
    };
    let subs: Vec<Value> = match &t.kind {
        ObjKind::Type(td) => td
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .map(Value::Obj)
            .collect(),
        _ => vec![],
    };
    Ok(vm.new_list(subs))
}

// ----- super -----

/// `super.__new__(super, [cls, obj])`: the super object; with no arguments, the
/// implicit ones from the caller's frame context (`Vm::frame_ctx`, which it takes).
pub(crate) fn super_new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (this, obj) = match args.len() {
        1 => {
            let ctx = vm.frame_ctx.take();
            match ctx.and_then(|c| c.super_args) {
                Some((c, a)) => (c, a),
                None => return Err(vm.runtime_error("super(): no arguments")),
            }
        }
        3 => (args[1].clone(), args[2].clone()),
        2 => return Err(vm.type_error("super() with one argument is not supported")),
        n => return Err(vm.type_error(format!("super() expected at most 2 arguments, got {}", n - 1))),
    };
    make_super(vm, this, obj)
}

/// `super(this, obj)`: checks that `this` is a type and `obj` an instance or subtype of
/// it (CPython's `super_init` / `supercheck` messages) and builds the super object.
pub(crate) fn make_super(vm: &mut Vm, this: Value, obj: Value) -> PyResult<Value> {
    let Value::Obj(this_t) = &this else {
        let tn = vm.type_name(&this);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
    };
    if !matches!(this_t.kind, ObjKind::Type(_)) {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&this)
        )));
    }
    let start = match &obj {
        Value::Obj(o) if matches!(o.kind, ObjKind::Type(_)) && crate::types::is_subtype(o, this_t) => o.clone(),
        _ => {
            let c = vm.class_of(&obj).clone();
            if !crate::types::is_subtype(&c, this_t) {
                return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
            }
            c
        }
    };
    let sup = ObjKind::Super {
        this: this_t.clone(),
        obj,
        start,
    };
    Ok(Value::new_obj(&vm.types.super_, sup))
}

/// The first definition of the str value `name` in the MRO of `start` after `this`
/// (`super`'s search), without copying the MRO: one hash, identity-first probes.
fn super_find(start: &Obj, this: &Obj, name: &Value) -> Option<Value> {
    let h = crate::ops::str_value_hash(name);
    let tail = tdata(start).mro_tail.borrow();
    let mut after = false;
    for t in std::iter::once(start).chain(tail.iter()) {
        if !after {
            after = Rc::ptr_eq(t, this);
            continue;
        }
        if let ObjKind::Dict(d) = &tdata(t).dict.kind {
            if let Some(v) = d.borrow().get_name(h, name) {
                return Some(v.clone());
            }
        }
    }
    None
}

/// Attribute lookup on a `super` object: search the MRO after `this`; `name` is a str
/// value. Binding as CPython's `super_getattro`: functions and native methods bind to
/// the instance (not for `super(C, D)` class access), class methods to the class,
/// properties call their getter.
pub fn super_get_attr(vm: &mut Vm, s: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(ObjKind::Super { this, obj, start }) = s.kind() else {
        return Ok(None);
    };
    let Some(v) = super_find(start, this, name) else {
        if name.as_str() == Some("__class__") {
            return Ok(Some(Value::Obj(vm.types.super_.clone())));
        }
        let n = name.as_str().unwrap_or("");
        return Err(vm.attribute_error(format!("'super' object has no attribute '{n}'")));
    };
    // class-level access (`super(C, D)` with D a subclass of C) binds nothing;
    // an instance (including a class whose metaclass is being searched) binds
    let obj_is_type = matches!(obj, Value::Obj(o) if Rc::ptr_eq(o, start));
    Ok(Some(match v.kind() {
        Some(ObjKind::Function(_)) if !obj_is_type => vm.new_bound_method(v, obj.clone()),
        Some(ObjKind::Native(n)) if n.is_method && !obj_is_type => Value::new_obj(
            &vm.types.builtin_function,
            ObjKind::Native(Box::new(crate::object::NativeFunction {
                receiver: Some(obj.clone()),
                ..crate::attr::clone_native(n)
            })),
        ),
        Some(ObjKind::ClassMethod(f)) => {
            let cls = if obj_is_type {
                obj.clone()
            } else {
                Value::Obj(vm.class_of(obj).clone())
            };
            vm.new_bound_method(f.clone(), cls)
        }
        Some(ObjKind::StaticMethod(f)) => f.clone(),
        Some(ObjKind::Property { fget, .. }) if !obj_is_type => {
            let (f, obj) = (fget.clone(), obj.clone());
            vm.call(&f, std::slice::from_ref(&obj))?
        }
        // any other descriptor: `__get__(attr, obj or None for class access, start)`
        Some(ObjKind::Instance(_)) => {
            let acls = vm.class_of(&v).clone();
            match vm.lookup_in_type(&acls, "__get__") {
                Some(get) => {
                    let inst = if obj_is_type { Value::None } else { obj.clone() };
                    let owner = Value::Obj(start.clone());
                    vm.call(&get, &[v, inst, owner])?
                }
                None => v,
            }
        }
        _ => v,
    }))
}

/// `LOAD_METHOD` on a `super` object: `Some((function, receiver))` when the attribute
/// found after `this` is a plain Python function or native method and the receiver is
/// an instance, so the call needs no bound-method object; `None` otherwise (use
/// [`super_get_attr`]).
pub fn super_load_method(s: &Value, name: &Value) -> Option<(Value, Value)> {
    let Some(ObjKind::Super { this, obj, start }) = s.kind() else {
        return None;
    };
    if matches!(obj, Value::Obj(o) if Rc::ptr_eq(o, start)) {
        return None;
    }
    let v = super_find(start, this, name)?;
    let plain = match v.kind() {
        Some(ObjKind::Function(_)) => true,
        Some(ObjKind::Native(n)) => n.is_method && n.receiver.is_none(),
        _ => false,
    };
    plain.then(|| (v, obj.clone()))
}

// ----- built-in attributes of payload kinds -----

/// Attributes every object kind provides natively (`__class__`, `__dict__`, function
/// and exception attributes, ...). `Ok(None)` if none.
pub fn builtin_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(vm.class_of(obj).clone())));
    }
    let Value::Obj(o) = obj else {
        return crate::builtins::numattrs::number_attr(vm, obj, name);
    };
    if name == "__dict__" {
        if let Some(d) = &o.dict {
            return Ok(Some(Value::Obj(d.clone())));
        }
    }
    match &o.kind {
        ObjKind::Function(f) => Ok(match name {
            "__name__" => Some(vm.new_str(&**f.name.borrow())),
            "__qualname__" => Some(vm.new_str(&**f.qualname.borrow())),
            "__doc__" => Some(f.doc.borrow().clone()),
            "__module__" => Some(f.module.borrow().clone()),
            "__defaults__" => Some(f.defaults_tuple.borrow().clone()),
            "__kwdefaults__" => Some(f.kwdefaults.borrow().clone().map(Value::Obj).unwrap_or(Value::None)),
            "__code__" => Some(crate::code::code_value(vm, &f.code)),
            "__globals__" => Some(Value::Obj(f.globals.clone())),
            "__closure__" => Some(if f.closure.is_empty() {
                Value::None
            } else {
                vm.new_tuple(f.closure.iter().cloned().map(Value::Obj).collect())
            }),
            "__annotations__" => {
                let a = f.annotations.borrow().clone();
                Some(match a {
                    Some(a) => a,
                    None => {
                        let d = Value::Obj(vm.new_dict_obj());
                        *f.annotations.borrow_mut() = Some(d.clone());
                        d
                    }
                })
            }
            "__dict__" => {
                let mut a = f.attrs.borrow_mut();
                if a.is_none() {
                    *a = Some(vm.new_dict_obj());
                }
                a.clone().map(Value::Obj)
            }
            _ => None,
        }),
        ObjKind::BoundMethod { func, receiver } => Ok(match name {
            "__self__" => Some(receiver.clone()),
            "__func__" => Some(func.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                let f = func.clone();
                vm.get_attr_opt_str(&f, name)?
            }
            _ => None,
        }),
        ObjKind::Native(n) => Ok(match name {
            "__name__" => Some(vm.new_str(n.name)),
            "__qualname__" => Some(vm.new_str(if n.owner.is_empty() {
                n.name.to_string()
            } else {
                format!("{}.{}", n.owner, n.name)
            })),
            "__self__" => Some(n.receiver.clone().unwrap_or(Value::None)),
            "__doc__" => Some(Value::None),
            "__module__" => Some(if n.owner.is_empty() {
                vm.new_str("builtins")
            } else {
                Value::None
            }),
            _ => None,
        }),
        ObjKind::Property {
            fget, fset, fdel, doc, ..
        } => Ok(match name {
            "fget" => Some(fget.clone()),
            "fset" => Some(fset.clone()),
            "fdel" => Some(fdel.clone()),
            "__doc__" => Some(doc.clone()),
            _ => None,
        }),
        ObjKind::StaticMethod(f) | ObjKind::ClassMethod(f) => Ok(match name {
            "__func__" | "__wrapped__" => Some(f.clone()),
            _ => None,
        }),
        ObjKind::Module => Ok(None),
        ObjKind::Range { start, stop, step } => Ok(match name {
            "start" => Some(Value::Int(*start)),
            "stop" => Some(Value::Int(*stop)),
            "step" => Some(Value::Int(*step)),
            _ => None,
        }),
        ObjKind::Slice { start, stop, step } => Ok(match name {
            "start" => Some(start.clone()),
            "stop" => Some(stop.clone()),
            "step" => Some(step.clone()),
            _ => None,
        }),
        ObjKind::Generator(g) => Ok(match name {
            "__name__" => Some(vm.new_str(&*g.borrow().name)),
            "__qualname__" => Some(vm.new_str(&*g.borrow().qualname)),
            "gi_running" => {
                let st = g.borrow();
                Some(Value::Bool(!st.finished && st.frame.is_none()))
            }
            "gi_frame" => {
                // (a running generator's frame is in use: reported at its code's start)
                let fr = {
                    let st = g.borrow();
                    match &st.frame {
                        Some(f) => Some((f.code.clone(), f.ip)),
                        None if !st.finished => Some((st.code.clone(), 0)),
                        None => None,
                    }
                };
                match fr {
                    Some((code, ip)) => Some(crate::exceptions::frame_value(vm, &code, ip)),
                    None => Some(Value::None),
                }
            }
            "gi_code" => {
                let code = g.borrow().code.clone();
                Some(crate::code::code_value(vm, &code))
            }
            "gi_yieldfrom" => Some(Value::None),
            _ => None,
        }),
        ObjKind::Code(c) => Ok(match name {
            "co_name" => Some(vm.new_str(&*c.raw.name)),
            "co_filename" => Some(vm.new_str(&*c.raw.filename)),
            "co_firstlineno" => Some(Value::Int(c.raw.first_line as i64)),
            "co_argcount" => Some(Value::Int(c.raw.arg_count as i64)),
            "co_qualname" => Some(vm.new_str(&*c.raw.qualname)),
            "co_kwonlyargcount" => Some(Value::Int(c.raw.kwonly_arg_count as i64)),
            "co_posonlyargcount" => Some(Value::Int(c.raw.posonly_arg_count as i64)),
            "co_flags" => Some(Value::Int(c.raw.flags as i64)),
            "co_nlocals" => Some(Value::Int(c.raw.varnames.len() as i64)),
            "co_names" => {
                let v = c.raw.names.iter().map(|n| vm.new_str(&**n)).collect();
                Some(vm.new_tuple(v))
            }
            "co_cellvars" => {
                let v = c.raw.cellvars.iter().map(|n| vm.new_str(&**n)).collect();
                Some(vm.new_tuple(v))
            }
            "co_freevars" => {
                let v = c.raw.freevars.iter().map(|n| vm.new_str(&**n)).collect();
                Some(vm.new_tuple(v))
            }
            "co_consts" => Some(vm.new_tuple(c.consts.clone())),
            "co_varnames" => {
                let v = c.raw.varnames.iter().map(|n| vm.new_str(&**n)).collect();
                Some(vm.new_tuple(v))
            }
            _ => None,
        }),
        ObjKind::Cell(c) => Ok(match name {
            "cell_contents" => match c.borrow().clone() {
                Some(v) => Some(v),
                None => return Err(vm.value_error("Cell is empty")),
            },
            _ => None,
        }),
        _ => crate::builtins::numattrs::number_attr(vm, obj, name),
    }
}

/// Built-in attributes of type objects (`__name__`, `__mro__`, ...).
pub fn type_builtin_attr(vm: &mut Vm, t: &Obj, name: &str) -> PyResult<Option<Value>> {
    let td = tdata(t);
    Ok(match name {
        "__name__" => Some(vm.new_str(&**td.name.borrow())),
        "__qualname__" => Some(vm.new_str(&**td.qualname.borrow())),
        "__mro__" => Some(vm.new_tuple(mro(t).into_iter().map(Value::Obj).collect())),
        "__bases__" => Some(vm.new_tuple(td.bases.borrow().iter().cloned().map(Value::Obj).collect())),
        "__base__" => Some(
            td.bases
                .borrow()
                .first()
                .cloned()
                .map(Value::Obj)
                .unwrap_or(Value::None),
        ),
        // a read-only snapshot (CPython: a mappingproxy); writing to the class namespace must
        // go through setattr so type versions (inline caches) see it
        "__dict__" => {
            let copy = match &td.dict.kind {
                ObjKind::Dict(d) => d.borrow().clone(),
                _ => crate::dict::Dict::new(),
            };
            Some(Value::new_obj(
                &vm.types.mappingproxy,
                ObjKind::Dict(std::cell::RefCell::new(copy)),
            ))
        }
        "__module__" => Some(vm.new_str("builtins")),
        "__doc__" => Some(Value::None),
        "__class__" => Some(Value::Obj(vm.class_of(&Value::Obj(t.clone())).clone())),
        "__slots__" => None,
        "__abstractmethods__" => None,
        _ => None,
    })
}

/// Stores to built-in attributes (`type.__name__`; functions' are handled by
/// [`crate::builtins::funcattrs`]).
pub fn set_builtin_attr(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(o) = obj.as_obj()
        && let ObjKind::Type(td) = &o.kind
        && name == "__name__"
        && let Some(s) = value.as_str()
    {
        *td.name.borrow_mut() = Rc::from(s);
        return Ok(());
    }
    Err(vm.readonly_attribute(obj, name))
}

/// Registers `object`, `type`, `super` and `__build_class__`.
pub fn init(vm: &mut Vm) {
    let o = vm.types.object.clone();
    vm.add_method(&o, "__new__", object_new);
    vm.add_method(&o, "__init__", object_init);
    vm.add_method(&o, "__eq__", object_eq);
    vm.add_method(&o, "__ne__", object_ne);
    vm.add_method(&o, "__hash__", object_hash);
    vm.add_method(&o, "__repr__", object_repr);
    vm.add_method(&o, "__str__", object_str);
    vm.add_method(&o, "__format__", object_format);
    vm.add_method(&o, "__setattr__", object_setattr);
    vm.add_method(&o, "__getattribute__", object_getattribute);
    vm.add_method(&o, "__delattr__", object_delattr);
    vm.add_method(&o, "__dir__", object_dir);
    vm.add_method(&o, "__reduce_ex__", object_reduce_ex);
    vm.add_method(&o, "__reduce__", object_reduce_ex);
    vm.add_method(&o, "__sizeof__", object_sizeof);
    vm.add_method(&o, "__getstate__", object_getstate);
    let hook = Value::new_obj(
        &vm.types.classmethod,
        ObjKind::ClassMethod(vm.new_native("__subclasshook__", object_subclasshook)),
    );
    vm.set_attr_str(&o, "__subclasshook__", hook);
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        vm.add_method(&o, n, object_class_getattr_eq_lt);
    }
    let isc = Value::new_obj(
        &vm.types.classmethod,
        ObjKind::ClassMethod(vm.new_native("__init_subclass__", object_init_subclass)),
    );
    vm.set_attr_str(&o, "__init_subclass__", isc);
    let t = vm.types.type_.clone();
    vm.add_method(&t, "__new__", type_call_new);
    vm.add_method(&t, "__init__", type_init);
    vm.add_method(&t, "__call__", type_dunder_call);
    vm.add_method(&t, "mro", type_mro);
    vm.add_method(&t, "__subclasscheck__", type_subclasscheck);
    vm.add_method(&t, "__instancecheck__", type_instancecheck);
    vm.add_method(&t, "__subclasses__", type_subclasses);
    let s = vm.types.super_.clone();
    let sn = Value::new_obj(
        &vm.types.staticmethod,
        ObjKind::StaticMethod(vm.new_native("__new__", super_new)),
    );
    vm.set_attr_str(&s, "__new__", sn);
    if let Some(Value::Obj(f)) = vm.module_get(&s, "__new__").map(|v| match v.kind() {
        Some(ObjKind::StaticMethod(f)) => f.clone(),
        _ => v,
    }) {
        let _ = f;
    }
    let b = vm.builtins.clone();
    vm.add_native(&b, "__build_class__", build_class);
    // the super() constructor needs the caller's frame
    super_needs_frame(vm);
    let _ = Layout::Object;
    let _: Option<Rc<RefCell<()>>> = None;
}

fn super_needs_frame(vm: &mut Vm) {
    let s = vm.types.super_.clone();
    let f = Value::new_obj(
        &vm.types.builtin_function,
        ObjKind::Native(Box::new(crate::object::NativeFunction {
            name: "__new__",
            owner: "super",
            func: super_new,
            receiver: None,
            is_method: false,
            needs_frame: true,
        })),
    );
    let sm = Value::new_obj(&vm.types.staticmethod, ObjKind::StaticMethod(f));
    vm.set_attr_str(&s, "__new__", sm);
}
