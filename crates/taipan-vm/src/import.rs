//! `import`: native modules, and `.py` modules and packages found on `sys.path`
//! (the script's directory first), as CPython's `importlib._bootstrap` does for the
//! path-based finder. Relative imports resolve against `__package__` / `__name__`.

use std::rc::Rc;

use crate::interp::Frame;
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

fn module_not_found(vm: &mut Vm, name: &str) -> crate::vm::PyErr {
    let t = vm.exc.module_not_found_error.clone();
    vm.import_error_for(&t, format!("No module named '{name}'"), Some(name), None)
}

/// Resolves a relative module name against the importing module's package.
fn resolve_name(vm: &mut Vm, globals: &Obj, name: &str, level: usize) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let pkg = vm
        .module_get_dict(globals, "__package__")
        .and_then(|v| v.as_str().map(|s| s.to_string()));
    let pkg = match pkg {
        Some(p) if !p.is_empty() => p,
        _ => {
            let modname = vm
                .module_get_dict(globals, "__name__")
                .and_then(|v| v.as_str().map(|s| s.to_string()))
                .unwrap_or_default();
            let is_pkg = vm.module_get_dict(globals, "__path__").is_some();
            if is_pkg {
                modname
            } else {
                match modname.rfind('.') {
                    Some(i) => modname[..i].to_string(),
                    None => String::new(),
                }
            }
        }
    };
    if pkg.is_empty() {
        let t = vm.exc.import_error.clone();
        return Err(vm.new_error(&t, "attempted relative import with no known parent package"));
    }
    let mut parts: Vec<&str> = pkg.split('.').collect();
    if level - 1 > parts.len() || (level - 1 == parts.len() && level > 1) {
        let t = vm.exc.import_error.clone();
        return Err(vm.new_error(&t, "attempted relative import beyond top-level package"));
    }
    parts.truncate(parts.len() - (level - 1));
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `IMPORT_NAME`.
pub fn import_name(vm: &mut Vm, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let name_s = name.as_str().unwrap_or("").to_string();
    let level = match level {
        Value::Int(i) if *i > 0 => *i as usize,
        _ => 0,
    };
    let full = resolve_name(vm, &f.globals, &name_s, level)?;
    let module = import_module(vm, &full)?;
    let has_fromlist = match fromlist.kind() {
        Some(ObjKind::Tuple(t)) => !t.is_empty(),
        _ => !fromlist.is_none(),
    };
    if has_fromlist || name_s.is_empty() {
        return Ok(Value::Obj(module));
    }
    // `import a.b.c` binds `a`
    let top = full.split('.').next().unwrap_or("").to_string();
    let top = if level > 0 { full.clone() } else { top };
    match vm.sys_module(&top) {
        Some(m) => Ok(Value::Obj(m)),
        None => Ok(Value::Obj(module)),
    }
}

/// Imports `name` (dotted, absolute), importing parents first.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Obj> {
    if let Some(m) = vm.sys_module(name) {
        return Ok(m);
    }
    let mut parent_path: Option<Vec<String>> = None;
    if let Some(i) = name.rfind('.') {
        let parent = import_module(vm, &name[..i])?;
        if let Some(m) = vm.sys_module(name) {
            return Ok(m);
        }
        let path = vm.module_get(&parent, "__path__");
        match path {
            Some(p) => {
                let items = vm.collect(&p)?;
                parent_path = Some(items.iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect());
            }
            None => {
                let t = vm.exc.module_not_found_error.clone();
                return Err(vm.new_error(
                    &t,
                    format!("No module named '{name}'; '{}' is not a package", &name[..i]),
                ));
            }
        }
    }
    if parent_path.is_none() {
        if let Some(m) = crate::modules::load_native(vm, name) {
            vm.register_module(name, &m);
            return Ok(m);
        }
    }
    let last = name.rsplit('.').next().unwrap_or(name);
    let search: Vec<String> = match parent_path {
        Some(p) => p,
        None => {
            let p = vm.module_get(&vm.sys.clone(), "path");
            match p {
                Some(p) => vm
                    .collect(&p)?
                    .iter()
                    .filter_map(|v| v.as_str().map(|s| s.to_string()))
                    .collect(),
                None => vec![],
            }
        }
    };
    for dir in search {
        let base = if dir.is_empty() {
            std::path::PathBuf::from(".")
        } else {
            std::path::PathBuf::from(&dir)
        };
        let pkg_init = base.join(last).join("__init__.py");
        let file = base.join(format!("{last}.py"));
        let (path, is_pkg) = if pkg_init.is_file() {
            (pkg_init, true)
        } else if file.is_file() {
            (file, false)
        } else {
            continue;
        };
        let m = exec_module_file(vm, name, &path, is_pkg)?;
        // a submodule becomes an attribute of its parent package
        if let Some(i) = name.rfind('.') {
            if let Some(parent) = vm.sys_module(&name[..i]) {
                vm.set_attr_str(&parent, &name[i + 1..], Value::Obj(m.clone()));
            }
        }
        return Ok(m);
    }
    Err(module_not_found(vm, name))
}

fn exec_module_file(vm: &mut Vm, name: &str, path: &std::path::Path, is_pkg: bool) -> PyResult<Obj> {
    let shown = display_path(path);
    let bytes = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            let t = vm.exc.import_error.clone();
            return Err(vm.new_error(&t, format!("cannot read {shown}: {e}")));
        }
    };
    // importlib compiles the file's bytes: compile()'s decoding rules (BOM, PEP 263,
    // invalid UTF-8 is a SyntaxError).
    let source = crate::builtins::more::source_code(vm, &vm.new_bytes(bytes), &shown)?.unwrap_or_default();
    let module = vm.new_module(name);
    let file = vm.new_str(shown.clone());
    vm.set_attr_str(&module, "__file__", file);
    if is_pkg {
        let dir = path.parent().map(display_path).unwrap_or_default();
        let d = vm.new_str(dir);
        let p = vm.new_list(vec![d]);
        vm.set_attr_str(&module, "__path__", p);
        let n = vm.new_str(name);
        vm.set_attr_str(&module, "__package__", n);
    } else {
        let pkg = match name.rfind('.') {
            Some(i) => &name[..i],
            None => "",
        };
        let n = vm.new_str(pkg);
        vm.set_attr_str(&module, "__package__", n);
    }
    let b = Value::Obj(vm.builtins.clone());
    vm.set_attr_str(&module, "__builtins__", b);
    vm.register_module(name, &module);
    let r = vm.exec_source(&source, &shown, &module);
    if let Err(e) = r {
        vm.unregister_module(name);
        return Err(e);
    }
    // the module object in sys.modules may have been replaced by the module itself
    Ok(vm.sys_module(name).unwrap_or(module))
}

fn display_path(p: &std::path::Path) -> String {
    let s = p.to_string_lossy().to_string();
    s.strip_prefix("./").map(|x| x.to_string()).unwrap_or(s)
}

/// `IMPORT_FROM`.
pub fn import_from(vm: &mut Vm, m: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = vm.get_attr_opt(m, name)? {
        return Ok(v);
    }
    let name_s = name.as_str().unwrap_or("").to_string();
    let modname = match m.as_obj() {
        Some(o) => vm
            .module_get(o, "__name__")
            .and_then(|v| v.as_str().map(|s| s.to_string()))
            .unwrap_or_default(),
        None => String::new(),
    };
    let sub = format!("{modname}.{name_s}");
    if let Some(Value::Obj(o)) = m.as_obj().map(|o| Value::Obj(o.clone())) {
        if vm.module_get(&o, "__path__").is_some() {
            if let Ok(sm) = import_module(vm, &sub) {
                return Ok(Value::Obj(sm));
            }
        }
    }
    let file = m
        .as_obj()
        .and_then(|o| vm.module_get(o, "__file__"))
        .and_then(|v| v.as_str().map(|s| s.to_string()));
    let t = vm.exc.import_error.clone();
    let msg = match &file {
        Some(f) => format!("cannot import name '{name_s}' from '{modname}' ({f})"),
        None => format!("cannot import name '{name_s}' from '{modname}' (unknown location)"),
    };
    Err(vm.import_error_for(&t, msg, Some(&modname), file.as_deref()))
}

/// `IMPORT_STAR`.
pub fn import_star(vm: &mut Vm, f: &Frame, m: &Value) -> PyResult<()> {
    let Some(mo) = m.as_obj() else { return Ok(()) };
    let target = match &f.locals_dict {
        Some(Value::Obj(d)) => d.clone(),
        _ => f.globals.clone(),
    };
    let names: Vec<Value> = match vm.module_get(mo, "__all__") {
        Some(all) => vm.collect(&all)?,
        None => match &mo.dict {
            Some(d) => crate::suggest::dict_keys(d)
                .into_iter()
                .filter(|k| !k.starts_with('_'))
                .map(|k| vm.new_str(k))
                .collect(),
            None => vec![],
        },
    };
    for n in names {
        let v = vm.get_attr(m, &n)?;
        vm.dict_set(&target, n, v)?;
    }
    Ok(())
}

impl Vm {
    /// `sys.modules[name]` if present.
    pub fn sys_module(&mut self, name: &str) -> Option<Obj> {
        let m = self.modules.clone();
        match crate::ops::dict_get_str(&m, crate::ops::hash_str(name), name) {
            Some(Value::Obj(o)) => Some(o),
            _ => None,
        }
    }

    /// Adds a module to `sys.modules`.
    pub fn register_module(&mut self, name: &str, m: &Obj) {
        let key = self.new_str(name);
        let mods = self.modules.clone();
        if let ObjKind::Dict(d) = &mods.kind {
            d.borrow_mut()
                .insert_native(crate::ops::hash_str(name), key, Value::Obj(m.clone()));
        }
        let _ = Rc::strong_count(m);
    }

    /// Removes a module from `sys.modules`.
    pub fn unregister_module(&mut self, name: &str) {
        let key = self.new_str(name);
        let mods = self.modules.clone();
        let _ = self.dict_del(&mods, &key);
    }

    /// Reads a str key from a dict object.
    pub fn module_get_dict(&self, d: &Obj, name: &str) -> Option<Value> {
        crate::ops::dict_get_str(d, crate::ops::hash_str(name), name)
    }
}
