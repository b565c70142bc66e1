//! Attribute access: `getattr`, `setattr`, `delattr` with descriptors, as CPython's
//! `PyObject_GenericGetAttr` (`Objects/object.c`) and `type_getattro` (`Objects/typeobject.c`).
//!
//! Order for an instance: data descriptor on the type (property, or a class with
//! `__set__`/`__delete__`) → instance `__dict__` → non-data descriptor or plain class
//! attribute (functions bind to methods) → built-in attributes of the payload kind →
//! `__getattr__`.

use crate::object::{NativeFunction, ObjKind};
use crate::ops::{dict_get_str, hash_str};
use crate::types::tdata;
use std::rc::Rc;

use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// A bound method object.
    pub fn new_bound_method(&self, func: Value, receiver: Value) -> Value {
        Value::new_obj(&self.types.method, ObjKind::BoundMethod { func, receiver })
    }

    /// `getattr(obj, name)` with a str name.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name)`; `name` must be a str value.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        if let Some(ga) = self.custom_getattribute(obj) {
            return match self.call(&ga, &[obj.clone(), name.clone()]) {
                Ok(v) => Ok(v),
                Err(e) if self.exc_matches(&e.0, &self.exc.attribute_error.clone()) => {
                    match self.lookup_special(obj, "__getattr__") {
                        Some(g) => self.call(&g, &[obj.clone(), name.clone()]),
                        None => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
        }
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                // __getattr__ hook
                if let Some(ga) = self.lookup_special(obj, "__getattr__") {
                    return self.call(&ga, &[obj.clone(), name.clone()]);
                }
                Err(self.no_attribute(obj, name.as_str().unwrap_or("?")))
            }
        }
    }

    /// The Python-level `__getattribute__` of `obj`'s class, if it overrides object's.
    /// The walk stops at the first built-in type of the MRO: as in CPython, each built-in
    /// type defines (or inherits from a built-in base placed right after it) a native one.
    fn custom_getattribute(&self, obj: &Value) -> Option<Value> {
        let cls = self.class_of(obj);
        if !cls.kind.is_heap_type() {
            return None;
        }
        let h = crate::ops::cached_name_hash("__getattribute__");
        let tail = tdata(cls).mro_tail.borrow();
        for t in std::iter::once(cls).chain(tail.iter()) {
            if !tdata(t).heap_type {
                return None;
            }
            if let Some(ga) = dict_get_str(&tdata(t).dict, h, "__getattribute__") {
                return (!matches!(ga.kind(), Some(ObjKind::Native(_)))).then_some(ga);
            }
        }
        None
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn no_attribute(&mut self, obj: &Value, name: &str) -> crate::vm::PyErr {
        let msg = match obj.kind() {
            Some(ObjKind::Type(t)) => format!("type object '{}' has no attribute '{}'", t.name.borrow(), name),
            Some(ObjKind::Module) => {
                let mname = self.module_name(obj);
                format!("module '{mname}' has no attribute '{name}'")
            }
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), name),
        };
        // the "Did you mean" hint is computed only if the error is printed (traceback.rs)
        self.attribute_error_for(obj, name, msg)
    }

    fn module_name(&mut self, m: &Value) -> String {
        if let Some(d) = m.as_obj().and_then(|o| o.dict.clone()) {
            if let Some(n) = dict_get_str(&d, hash_str("__name__"), "__name__") {
                if let Some(s) = n.as_str() {
                    return s.to_string();
                }
            }
        }
        "?".to_string()
    }

    /// [`Vm::get_attr_opt`] with a Rust str name.
    pub fn get_attr_opt_str(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let n = self.intern(name);
        self.get_attr_opt(obj, &n)
    }

    /// Attribute lookup without the `__getattr__` fallback: `Ok(None)` if missing.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Some(name_s) = name.as_str() else {
            return Err(self.type_error(format!("attribute name must be string, not '{}'", self.type_name(name))));
        };
        if let Some(ObjKind::Type(_)) = obj.kind() {
            return self.type_get_attr(obj, name);
        }
        if let Some(ObjKind::Super { .. }) = obj.kind() {
            return crate::builtins::object::super_get_attr(self, obj, name);
        }
        // Custom __getattribute__ is not supported; the generic algorithm follows.
        let cls = self.class_of(obj).clone();
        let class_attr = self.lookup_for_instance(&cls, obj, name);
        if let Some(ca) = &class_attr {
            if let Some(r) = self.data_descriptor_get(ca, obj, &cls)? {
                return Ok(Some(r));
            }
        }
        if class_attr.is_none() {
            // object's `__class__` and the `__dict__` of instances with one are data
            // descriptors: they win over an instance dict entry of the same name
            if name_s == "__class__" {
                return Ok(Some(Value::Obj(cls)));
            }
            if let (Value::Obj(o), "__dict__") = (obj, name_s) {
                if let (Some(d), ObjKind::Instance(_)) = (&o.dict, &o.kind) {
                    return Ok(Some(Value::Obj(d.clone())));
                }
            }
        }
        if let Value::Obj(o) = obj {
            if let ObjKind::Instance(Some(slots)) = &o.kind {
                if let Some(i) = crate::builtins::object::slot_index(&cls, name_s) {
                    if let Some(Some(v)) = slots.borrow().get(i) {
                        return Ok(Some(v.clone()));
                    }
                    if class_attr.is_none() {
                        return Ok(None);
                    }
                }
            }
            if let Some(d) = &o.dict {
                if let Some(v) = crate::ops::dict_get_name(d, name) {
                    return Ok(Some(v));
                }
            }
            if let ObjKind::Function(f) = &o.kind {
                if let Some(d) = f.attrs.borrow().as_ref() {
                    if let Some(v) = crate::ops::dict_get_name(d, name) {
                        return Ok(Some(v));
                    }
                }
            }
        }
        if let Some(ca) = class_attr {
            return self.bind_class_attr(ca, obj, &cls).map(Some);
        }
        crate::builtins::object::builtin_attr(self, obj, name_s)
    }

    /// If `attr` is a data descriptor, calls its getter for `obj`.
    fn data_descriptor_get(&mut self, attr: &Value, obj: &Value, cls: &Obj) -> PyResult<Option<Value>> {
        match attr.kind() {
            Some(ObjKind::Property { fget, .. }) => {
                if fget.is_none() {
                    let n = self.property_name(attr);
                    let tn = self.type_qualname(obj);
                    return Err(self.attribute_error(format!("property {n}of '{tn}' object has no getter")));
                }
                let f = fget.clone();
                self.call(&f, std::slice::from_ref(obj)).map(Some)
            }
            Some(ObjKind::Instance(_)) => {
                let acls = self.class_of(attr).clone();
                if self.lookup_in_type(&acls, "__set__").is_some() || self.lookup_in_type(&acls, "__delete__").is_some()
                {
                    if let Some(get) = self.lookup_in_type(&acls, "__get__") {
                        return self
                            .call(&get, &[attr.clone(), obj.clone(), Value::Obj(cls.clone())])
                            .map(Some);
                    }
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// `'name' ` of a property (from its getter's `__name__`, as CPython 3.11 reports it),
    /// or an empty string.
    /// The `__qualname__` of `obj`'s class (`Outer.Inner`).
    fn type_qualname(&self, obj: &Value) -> String {
        let cls = self.class_of(obj);
        match &cls.kind {
            ObjKind::Type(t) => t.qualname.borrow().to_string(),
            _ => String::new(),
        }
    }

    fn property_name(&mut self, p: &Value) -> String {
        // CPython 3.11 `property_descr_set`: `property %R of %R object ...` with the name
        // from `__set_name__` (none: `property of %R object ...`)
        let name = match p.kind() {
            Some(ObjKind::Property { name, .. }) => name.borrow().as_deref().cloned(),
            _ => None,
        };
        match name {
            Some(n) => match self.repr(&n) {
                Ok(r) => format!("{r} "),
                Err(_) => String::new(),
            },
            None => String::new(),
        }
    }

    /// Binds a class attribute found for an instance access (functions become bound methods).
    fn bind_class_attr(&mut self, ca: Value, obj: &Value, cls: &Obj) -> PyResult<Value> {
        match ca.kind() {
            Some(ObjKind::Function(_)) => Ok(self.new_bound_method(ca, obj.clone())),
            Some(ObjKind::Native(n)) if n.is_method && n.receiver.is_none() => Ok(Value::new_obj(
                &self.types.builtin_function,
                ObjKind::Native(Box::new(NativeFunction {
                    receiver: Some(obj.clone()),
                    ..clone_native(n)
                })),
            )),
            Some(ObjKind::StaticMethod(f)) => Ok(f.clone()),
            Some(ObjKind::ClassMethod(f)) => Ok(self.new_bound_method(f.clone(), Value::Obj(cls.clone()))),
            Some(ObjKind::Instance(_)) => {
                let acls = self.class_of(&ca).clone();
                if let Some(get) = self.lookup_in_type(&acls, "__get__") {
                    return self.call(&get, &[ca.clone(), obj.clone(), Value::Obj(cls.clone())]);
                }
                Ok(ca)
            }
            _ => Ok(ca),
        }
    }

    /// Attribute lookup on a type object (`type_getattro`); `name` is a str value (its
    /// cached hash serves every MRO probe).
    fn type_get_attr(&mut self, t: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(tobj) = t else { return Ok(None) };
        let meta = self.class_of(t).clone();
        let name_s = name.as_str().unwrap_or("");
        if TYPE_DATA_DESCRIPTORS.contains(&name_s) && !self.metaclass_shadows(&meta, name) {
            if name_s == "__doc__" {
                return self.type_doc(t, tobj);
            }
            return crate::builtins::object::type_builtin_attr(self, tobj, name_s);
        }
        let meta_attr = self.lookup_in_type_name(&meta, name);
        if let Some(ma) = &meta_attr {
            if let Some(ObjKind::Property { .. }) = ma.kind() {
                if let Some(r) = self.data_descriptor_get(ma, t, &meta)? {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(a) = self.lookup_in_type_name(tobj, name) {
            return match a.kind() {
                Some(ObjKind::StaticMethod(f)) => Ok(Some(f.clone())),
                Some(ObjKind::ClassMethod(f)) => Ok(Some(self.new_bound_method(f.clone(), t.clone()))),
                Some(ObjKind::Instance(_)) => {
                    let acls = self.class_of(&a).clone();
                    if let Some(get) = self.lookup_in_type(&acls, "__get__") {
                        return self.call(&get, &[a.clone(), Value::None, t.clone()]).map(Some);
                    }
                    Ok(Some(a))
                }
                _ => Ok(Some(a)),
            };
        }
        // (`type`'s data descriptors were handled above unless a metaclass redefines them)
        if !TYPE_DATA_DESCRIPTORS.contains(&name_s) {
            if let Some(r) = crate::builtins::object::type_builtin_attr(self, tobj, name_s)? {
                return Ok(Some(r));
            }
        }
        if let Some(ma) = meta_attr {
            return self.bind_class_attr(ma, t, &meta).map(Some);
        }
        Ok(None)
    }

    /// True if a metaclass in `meta`'s MRO before `type` defines `name` itself (then the
    /// normal lookup order applies instead of `type`'s own descriptor).
    fn metaclass_shadows(&self, meta: &Obj, name: &Value) -> bool {
        let h = crate::ops::str_value_hash(name);
        let tail = tdata(meta).mro_tail.borrow();
        for m in std::iter::once(meta).chain(tail.iter()) {
            if Rc::ptr_eq(m, &self.types.type_) {
                return false;
            }
            if let ObjKind::Dict(d) = &tdata(m).dict.kind {
                if d.borrow().get_name(h, name).is_some() {
                    return true;
                }
            }
        }
        false
    }

    /// `type.__doc__`: a class's own `__doc__` entry (not inherited; a descriptor there is
    /// bound with no instance), None if there is none.
    fn type_doc(&mut self, t: &Value, tobj: &Obj) -> PyResult<Option<Value>> {
        let td = tdata(tobj);
        let doc = dict_get_str(&td.dict, crate::ops::cached_name_hash("__doc__"), "__doc__");
        let Some(doc) = doc else { return Ok(Some(Value::None)) };
        if let Some(ObjKind::Instance(_)) = doc.kind() {
            let dcls = self.class_of(&doc).clone();
            if let Some(get) = self.lookup_in_type(&dcls, "__get__") {
                return self.call(&get, &[doc.clone(), Value::None, t.clone()]).map(Some);
            }
        }
        Ok(Some(doc))
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let Some(_) = name.as_str() else {
            return Err(self.type_error(format!("attribute name must be string, not '{}'", self.type_name(name))));
        };
        let cls = self.class_of(obj).clone();
        // a class's own `__setattr__` runs first; `object.__setattr__` (below) finds the
        // data descriptors (`Objects/typeobject.c`, `slot_tp_setattro`)
        if cls.kind.is_heap_type() {
            if let Some(m) = self.lookup_in_type(&cls, "__setattr__") {
                if !matches!(m.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
                    self.call(&m, &[obj.clone(), name.clone(), value])?;
                    return Ok(());
                }
            }
        }
        self.object_set_attr(obj, name, value)
    }

    /// `object.__setattr__(obj, name, value)`: a data descriptor's setter (property,
    /// `__set__`), else [`Vm::generic_set_attr`]. Errors: the setter's, `AttributeError` for
    /// a property without a setter, `TypeError` for a non-str name.
    pub fn object_set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let Some(_) = name.as_str() else {
            return Err(self.type_error(format!("attribute name must be string, not '{}'", self.type_name(name))));
        };
        let cls = self.class_of(obj).clone();
        if let Some(ca) = self.lookup_for_instance(&cls, obj, name) {
            match ca.kind() {
                Some(ObjKind::Property { fset, .. }) => {
                    if fset.is_none() {
                        let n = self.property_name(&ca);
                        let tn = self.type_qualname(obj);
                        return Err(self.attribute_error(format!("property {n}of '{tn}' object has no setter")));
                    }
                    let f = fset.clone();
                    self.call(&f, &[obj.clone(), value])?;
                    return Ok(());
                }
                Some(ObjKind::Instance(_)) => {
                    let acls = self.class_of(&ca).clone();
                    if let Some(set) = self.lookup_in_type(&acls, "__set__") {
                        self.call(&set, &[ca.clone(), obj.clone(), value])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        self.generic_set_attr(obj, name, value)
    }

    /// `object.__setattr__`: stores into the instance dict, slots or type namespace.
    pub fn generic_set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let name_s = name.as_str().unwrap_or("");
        if name_s == "__class__" {
            return Err(self.class_assignment_error(obj, &value));
        }
        match obj {
            Value::Obj(o) => {
                if let ObjKind::Type(t) = &o.kind {
                    if !t.heap_type {
                        return Err(self.type_error(format!(
                            "cannot set '{}' attribute of immutable type '{}'",
                            name_s,
                            t.name.borrow()
                        )));
                    }
                    let d = t.dict.clone();
                    self.dict_set(&d, name.clone(), value)?;
                    type_changed(o);
                    return Ok(());
                }
                if let ObjKind::Instance(Some(slots)) = &o.kind {
                    let cls = self.class_of(obj).clone();
                    if let Some(i) = crate::builtins::object::slot_index(&cls, name_s) {
                        if let Some(s) = slots.borrow_mut().get_mut(i) {
                            *s = Some(value);
                        }
                        return Ok(());
                    }
                }
                if let Some(d) = &o.dict {
                    let d = d.clone();
                    return self.dict_set(&d, name.clone(), value);
                }
                if let ObjKind::Function(f) = &o.kind {
                    if crate::builtins::funcattrs::is_function_descriptor(name_s)
                        && crate::builtins::funcattrs::set_function_attr(self, f, name_s, Some(value.clone()))?
                    {
                        return Ok(());
                    }
                    let d = {
                        let mut a = f.attrs.borrow_mut();
                        if a.is_none() {
                            *a = Some(self.new_dict_obj());
                        }
                        a.clone()
                    };
                    if let Some(d) = d {
                        return self.dict_set(&d, name.clone(), value);
                    }
                }
                crate::builtins::object::set_builtin_attr(self, obj, name_s, value)
            }
            _ => Err(self.readonly_attribute(obj, name_s)),
        }
    }

    /// The error for setting or deleting attribute `name` on `obj`, an object without an
    /// instance dict, when nothing handled it (CPython `PyObject_GenericSetAttr`): a name the
    /// type defines (a method) is read-only, a native attribute (`int.real`) is not
    /// writable, anything else does not exist.
    pub fn readonly_attribute(&mut self, obj: &Value, name: &str) -> crate::vm::PyErr {
        let tn = self.type_name(obj);
        let cls = self.class_of(obj).clone();
        if self.lookup_in_type(&cls, name).is_some() {
            return self.attribute_error(format!("'{tn}' object attribute '{name}' is read-only"));
        }
        match self.get_attr_opt_str(obj, name) {
            Ok(Some(_)) => self.attribute_error(format!("attribute '{name}' of '{tn}' objects is not writable")),
            _ => self.attribute_error(format!("'{tn}' object has no attribute '{name}'")),
        }
    }

    /// The error of `obj.__class__ = value` (CPython `object_set_class`, in
    /// `Objects/typeobject.c`): the value must be a class, and the object an instance of a
    /// class defined in Python. Changing the class of such an instance is not supported
    /// yet: it raises `TypeError` saying so instead of doing nothing.
    fn class_assignment_error(&mut self, obj: &Value, value: &Value) -> crate::vm::PyErr {
        if !matches!(value.kind(), Some(ObjKind::Type(_))) {
            let tn = self.type_name(value);
            return self.type_error(format!("__class__ must be set to a class, not '{tn}' object"));
        }
        let heap = self.class_of(obj).kind.is_heap_type();
        if !heap || matches!(obj.kind(), Some(ObjKind::Type(_))) {
            return self.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        self.type_error("__class__ assignment is not supported by taipan yet")
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let cls = self.class_of(obj).clone();
        if let Some(m) = self.lookup_in_type(&cls, "__delattr__") {
            if !matches!(m.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
                self.call(&m, &[obj.clone(), name.clone()])?;
                return Ok(());
            }
        }
        self.object_del_attr(obj, name)
    }

    /// `object.__delattr__(obj, name)`: a data descriptor's deleter, else the entry of the
    /// instance dict (or type namespace, or slot). Errors: `AttributeError` when there is
    /// nothing to delete, `TypeError` for `__class__`.
    pub fn object_del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let name_s = name.as_str().unwrap_or("").to_string();
        if name_s == "__class__" {
            return Err(self.type_error("can't delete __class__ attribute"));
        }
        let cls = self.class_of(obj).clone();
        if let Some(ca) = self.lookup_for_instance(&cls, obj, name) {
            if let Some(ObjKind::Property { fdel, .. }) = ca.kind() {
                if fdel.is_none() {
                    let n = self.property_name(&ca);
                    let tn = self.type_qualname(obj);
                    return Err(self.attribute_error(format!("property {n}of '{tn}' object has no deleter")));
                }
                let f = fdel.clone();
                self.call(&f, std::slice::from_ref(obj))?;
                return Ok(());
            }
            if let Some(ObjKind::Instance(_)) = ca.kind() {
                let acls = self.class_of(&ca).clone();
                if let Some(del) = self.lookup_in_type(&acls, "__delete__") {
                    self.call(&del, &[ca.clone(), obj.clone()])?;
                    return Ok(());
                }
            }
        }
        if let Value::Obj(o) = obj {
            if let ObjKind::Function(f) = &o.kind {
                if crate::builtins::funcattrs::is_function_descriptor(&name_s)
                    && crate::builtins::funcattrs::set_function_attr(self, f, &name_s, None)?
                {
                    return Ok(());
                }
                let d = f.attrs.borrow().clone();
                if let Some(d) = d
                    && self.dict_del(&d, name)?.is_some()
                {
                    return Ok(());
                }
                return Err(self.no_attribute(obj, &name_s));
            }
            let dict = match &o.kind {
                ObjKind::Type(t) => Some(t.dict.clone()),
                _ => o.dict.clone(),
            };
            if let Some(d) = dict {
                if self.dict_del(&d, name)?.is_some() {
                    if let ObjKind::Type(_) = &o.kind {
                        type_changed(o);
                    }
                    return Ok(());
                }
            }
            if let ObjKind::Instance(Some(slots)) = &o.kind {
                if let Some(i) = crate::builtins::object::slot_index(&cls, &name_s) {
                    let old = slots.borrow_mut().get_mut(i).and_then(|s| s.take());
                    if old.is_some() {
                        return Ok(());
                    }
                    // an unset slot: CPython's member descriptor raises with the bare name
                    // (`Python/structmember.c`, `PyMember_SetOne`)
                    return Err(self.attribute_error(name_s));
                }
            }
            if o.dict.is_none() && !matches!(o.kind, ObjKind::Type(_) | ObjKind::Module) {
                return Err(self.readonly_attribute(obj, &name_s));
            }
        } else {
            return Err(self.readonly_attribute(obj, &name_s));
        }
        Err(self.no_attribute(obj, &name_s))
    }

    /// Reads a module-level name (`mod.name`) without descriptors.
    pub fn module_get(&self, m: &Obj, name: &str) -> Option<Value> {
        m.dict.as_ref().and_then(|d| dict_get_str(d, hash_str(name), name))
    }

    /// Type name of a type object.
    pub fn type_obj_name(t: &Obj) -> String {
        tdata(t).name.borrow().to_string()
    }
}

/// Attributes that are data descriptors of `type` itself (CPython's `type_getsets` and
/// `type_members`, plus object's `__class__`): they win over the class namespace.
const TYPE_DATA_DESCRIPTORS: [&str; 8] = [
    "__name__",
    "__qualname__",
    "__mro__",
    "__bases__",
    "__base__",
    "__dict__",
    "__doc__",
    "__class__",
];

/// Bumps the version tag of type `t` and of every (transitive) subclass, so inline caches
/// that looked an attribute up along any of their MROs miss (CPython's `PyType_Modified`).
pub fn type_changed(t: &Obj) {
    let mut work = vec![t.clone()];
    let mut steps = 0usize;
    while let Some(ty) = work.pop() {
        steps += 1;
        if steps > 100_000 {
            break;
        }
        crate::builtins::object::type_modified(&ty);
        if let ObjKind::Type(td) = &ty.kind {
            let subs: Vec<Obj> = td.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect();
            work.extend(subs);
        }
    }
}

/// Copies a native function descriptor (everything but the receiver).
pub fn clone_native(n: &NativeFunction) -> NativeFunction {
    NativeFunction {
        name: n.name,
        owner: n.owner,
        func: n.func,
        receiver: n.receiver.clone(),
        is_method: n.is_method,
        needs_frame: n.needs_frame,
    }
}
