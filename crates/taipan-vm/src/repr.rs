//! `repr()`, `str()`, `ascii()` and `format()` of values, as CPython's `tp_repr` /
//! `tp_str` slots of each built-in type and `object.__format__`.

use crate::numops::to_pyint;
use crate::object::{DictViewKind, ObjKind};
use crate::types::tdata;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::None => return Ok("None".into()),
        Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => return Ok(i.to_string()),
        Value::Float(f) => return Ok(crate::support::float_repr::repr_f64(*f)),
        Value::Obj(_) => {}
    }
    vm.depth += 1;
    let r = repr_checked(vm, v);
    vm.depth -= 1;
    r
}

fn repr_checked(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Err(e) = vm.check_stack() {
        if let Some(d) = Vm::exc_data(&e.0) {
            let m = vm.new_str("maximum recursion depth exceeded while getting the repr of an object");
            d.borrow_mut().args = vm.new_tuple(vec![m]);
        }
        return Err(e);
    }
    let heap = vm.class_of(v).kind.is_heap_type();
    if heap {
        if let Some(m) = vm.lookup_special(v, "__repr__") {
            if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                let r = vm.call(&m, std::slice::from_ref(v))?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(vm.type_error(format!("__repr__ returned non-string (type {})", vm.type_name(&r)))),
                };
            }
        }
    }
    builtin_repr(vm, v)
}

/// The built-in repr of a heap value, ignoring user overrides.
pub fn builtin_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Obj(o) = v else { return repr(vm, v) };
    let id = v.id();
    Ok(match &o.kind {
        ObjKind::Int(_) => int_str(vm, v)?,
        ObjKind::Float(f) => crate::support::float_repr::repr_f64(*f),
        ObjKind::Complex(re, im) => crate::builtins::complex::complex_repr(*re, *im),
        ObjKind::Str(s) => match crate::support::strrepr::try_repr_str(s.as_str()) {
            Some(r) => r,
            None => return Err(vm.no_memory()),
        },
        ObjKind::Bytes(b) => match crate::support::strrepr::try_repr_bytes(b) {
            Some(r) => r,
            None => return Err(vm.no_memory()),
        },
        ObjKind::ByteArray(b) => {
            let b = b.borrow().clone();
            crate::builtins::bytes::repr_bytearray(&b)
        }
        ObjKind::List(l) => {
            if vm_repr_enter(vm, id) {
                return Ok("[...]".into());
            }
            let items = l.borrow().clone();
            let r = join_reprs(vm, &items);
            vm_repr_leave(vm, id);
            format!("[{}]", r?)
        }
        ObjKind::Tuple(t) => {
            if t.is_empty() {
                return Ok("()".into());
            }
            if vm_repr_enter(vm, id) {
                return Ok("(...)".into());
            }
            let items = t.to_vec();
            let r = join_reprs(vm, &items);
            vm_repr_leave(vm, id);
            if items.len() == 1 {
                format!("({},)", r?)
            } else {
                format!("({})", r?)
            }
        }
        ObjKind::Dict(_) if crate::builtins::seqops::is_mappingproxy(vm, o) => {
            let inner = match &o.kind {
                ObjKind::Dict(d) => vm.new_dict_from(d.borrow().clone()),
                _ => Value::None,
            };
            format!("mappingproxy({})", repr(vm, &inner)?)
        }
        ObjKind::Dict(d) => {
            if vm_repr_enter(vm, id) {
                return Ok("{...}".into());
            }
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let r = (|| -> PyResult<String> {
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in &items {
                    parts.push(format!("{}: {}", repr(vm, k)?, repr(vm, v)?));
                }
                Ok(parts.join(", "))
            })();
            vm_repr_leave(vm, id);
            format!("{{{}}}", r?)
        }
        ObjKind::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().cloned().collect();
            let name = tdata(vm.class_of(v)).name.borrow().to_string();
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            if vm_repr_enter(vm, id) {
                return Ok(format!("{name}(...)"));
            }
            let r = join_reprs(vm, &items);
            vm_repr_leave(vm, id);
            if name == "set" {
                format!("{{{}}}", r?)
            } else {
                format!("{name}({{{}}})", r?)
            }
        }
        ObjKind::FrozenSet(s) => {
            let items: Vec<Value> = s.iter().cloned().collect();
            let name = tdata(vm.class_of(v)).name.borrow().to_string();
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            let r = join_reprs(vm, &items)?;
            format!("{name}({{{r}}})")
        }
        ObjKind::Range { start, stop, step } => {
            if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        ObjKind::BigRange { start, stop, step } => {
            if *step == dashu_int::IBig::ONE {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        ObjKind::Slice { start, stop, step } => {
            let (a, b, c) = (start.clone(), stop.clone(), step.clone());
            format!("slice({}, {}, {})", repr(vm, &a)?, repr(vm, &b)?, repr(vm, &c)?)
        }
        ObjKind::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), id),
        ObjKind::BoundMethod { func, receiver } => {
            let qn = match func.kind() {
                Some(ObjKind::Function(f)) => f.qualname.borrow().to_string(),
                _ => "?".into(),
            };
            let r = repr(vm, &receiver.clone())?;
            format!("<bound method {qn} of {r}>")
        }
        ObjKind::Native(n) => match &n.receiver {
            Some(r) if !matches!(r.kind(), Some(ObjKind::Module)) => {
                let tn = vm.type_name(r);
                format!("<built-in method {} of {} object at {:#x}>", n.name, tn, r.id())
            }
            _ => format!("<built-in function {}>", n.name),
        },
        ObjKind::Type(t) => {
            let name = t.qualname.borrow().to_string();
            if t.heap_type {
                let m = vm
                    .lookup_in_type(o, "__module__")
                    .and_then(|m| m.as_str().map(|s| s.to_string()));
                match m {
                    Some(m) if m != "builtins" => format!("<class '{m}.{name}'>"),
                    _ => format!("<class '{name}'>"),
                }
            } else {
                format!("<class '{name}'>")
            }
        }
        ObjKind::Module => {
            let name = vm
                .module_get(o, "__name__")
                .and_then(|n| n.as_str().map(|s| s.to_string()))
                .unwrap_or_default();
            match vm
                .module_get(o, "__file__")
                .and_then(|n| n.as_str().map(|s| s.to_string()))
            {
                Some(f) => format!("<module '{name}' from '{f}'>"),
                None => format!("<module '{name}' (built-in)>"),
            }
        }
        ObjKind::Exception(_) => crate::exceptions::exception_repr(vm, v)?,
        ObjKind::NotImplemented => "NotImplemented".into(),
        ObjKind::Ellipsis => "Ellipsis".into(),
        ObjKind::DictView { dict, which } => {
            let name = match which {
                DictViewKind::Keys => "dict_keys",
                DictViewKind::Values => "dict_values",
                DictViewKind::Items => "dict_items",
            };
            let items = vm.collect(&Value::Obj(dict.clone()))?;
            let items = match which {
                DictViewKind::Keys => items,
                _ => {
                    let dv = Value::Obj(dict.clone());
                    let mut out = Vec::new();
                    for k in items {
                        let val = vm.getitem(&dv, &k)?;
                        out.push(if *which == DictViewKind::Values {
                            val
                        } else {
                            vm.new_tuple(vec![k, val])
                        });
                    }
                    out
                }
            };
            format!("{name}([{}])", join_reprs(vm, &items)?)
        }
        ObjKind::Generator(g) => {
            let qn = g.borrow().qualname.clone();
            format!("<generator object {qn} at {id:#x}>")
        }
        ObjKind::Cell(_) => format!("<cell at {id:#x}>"),
        ObjKind::Code(c) => format!(
            "<code object {} at {id:#x}, file \"{}\", line {}>",
            c.raw.name, c.raw.filename, c.raw.first_line
        ),
        ObjKind::File(f) => crate::file::file_repr(&f.borrow()),
        ObjKind::Instance(_)
        | ObjKind::Property { .. }
        | ObjKind::StaticMethod(_)
        | ObjKind::ClassMethod(_)
        | ObjKind::Super { .. }
        | ObjKind::Iter(_) => default_repr(vm, v),
    })
}

/// `<module.Class object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let cls = vm.class_of(v).clone();
    let td = tdata(&cls);
    let name = td.qualname.borrow().to_string();
    let module = if td.heap_type {
        vm.lookup_in_type(&cls, "__module__")
            .and_then(|m| m.as_str().map(|s| s.to_string()))
    } else {
        None
    };
    match module {
        Some(m) if m != "builtins" => format!("<{m}.{name} object at {:#x}>", v.id()),
        _ => format!("<{name} object at {:#x}>", v.id()),
    }
}

fn vm_repr_enter(vm: &mut Vm, id: i64) -> bool {
    if vm.repr_guard.contains(&id) {
        return true;
    }
    vm.repr_guard.push(id);
    false
}

fn vm_repr_leave(vm: &mut Vm, id: i64) {
    if let Some(p) = vm.repr_guard.iter().rposition(|x| *x == id) {
        vm.repr_guard.remove(p);
    }
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(vm, it)?);
    }
    Ok(out)
}

/// `str()` of an int (with the 4300-digit limit).
pub fn int_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match to_pyint(v) {
        Some(i) => {
            let limit = vm.int_max_str_digits;
            i.to_decimal_string(limit).map_err(|e| crate::numops::num_err(vm, e))
        }
        None => Ok(String::new()),
    }
}

/// `str(v)`.
pub fn to_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Value::Obj(o) = v {
        let heap = vm.class_of(v).kind.is_heap_type();
        if heap {
            if let Some(m) = vm.lookup_special(v, "__str__") {
                if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                    let r = vm.call(&m, std::slice::from_ref(v))?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(vm.type_error(format!("__str__ returned non-string (type {})", vm.type_name(&r)))),
                    };
                }
            }
            if let Some(m) = vm.lookup_special(v, "__repr__") {
                if !matches!(m.kind(), Some(ObjKind::Native(_)))
                    && !matches!(o.kind, ObjKind::Exception(_) | ObjKind::Str(_))
                {
                    return repr(vm, v);
                }
            }
        }
        match &o.kind {
            ObjKind::Str(s) => return Ok(s.as_str().to_string()),
            ObjKind::Int(_) => return int_str(vm, v),
            ObjKind::Exception(_) => return crate::exceptions::exception_str(vm, v),
            _ => {}
        }
    }
    repr(vm, v)
}

/// `ascii(v)`: repr with non-ASCII characters escaped.
pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    Ok(crate::support::strrepr::ascii_escape(&r))
}

impl Vm {
    /// `format(v, spec)` → str value.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<Value> {
        let spec_s = spec.as_str().unwrap_or("").to_string();
        let heap = self.class_of(v).kind.is_heap_type();
        if heap {
            if let Some(m) = self.lookup_special(v, "__format__") {
                if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                    let r = self.call(&m, &[v.clone(), spec.clone()])?;
                    if r.as_str().is_none() {
                        return Err(
                            self.type_error(format!("__format__ must return a str, not {}", self.type_name(&r)))
                        );
                    }
                    return Ok(r);
                }
            }
        }
        let s = crate::builtins::format::format_builtin(self, v, &spec_s)?;
        Ok(self.new_str(s))
    }
}
