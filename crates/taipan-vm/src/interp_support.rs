//! Helpers of the tier-0 instructions' semantics, out of the dispatch loop's file: name
//! and cell lookups (`LOAD_NAME`, `LOAD_GLOBAL`, `LOAD_DEREF` and their NameError /
//! UnboundLocalError messages), `raise` and `except` matching, `with` entry, function
//! creation (`MAKE_FUNCTION`), the frame context of `super()`/`locals()` style natives,
//! and small operand-stack helpers. Semantics: CPython 3.11 `Python/ceval.c`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::object::ObjKind;
use crate::ops::hash_str;
use crate::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

use super::{Frame, stack_underflow};

impl Vm {
    /// CPython's `_PyObject_FunctionStr`: `module.qualname()` for functions (no module for
    /// builtins), `repr()` style otherwise.
    pub fn function_str(&mut self, func: &Value) -> String {
        match func.kind() {
            Some(ObjKind::Function(fun)) => {
                let q = fun.qualname.borrow().to_string();
                let m = fun.module.borrow().as_str().map(str::to_string);
                match m {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Some(ObjKind::BoundMethod { func, .. }) => {
                let func = func.clone();
                self.function_str(&func)
            }
            Some(ObjKind::Native(n)) => format!("{}()", n.name),
            _ => format!("{} object", self.type_name(func)),
        }
    }

    /// True if both objects are exact `str` instances (no subclass `__eq__`).
    #[inline]
    pub(super) fn exact_strs(&self, x: &Obj, y: &Obj) -> bool {
        let is_str = |o: &Obj| {
            matches!(o.kind, ObjKind::Str(_)) && o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &self.types.str))
        };
        is_str(x) && is_str(y)
    }

    /// `c[key] = v` for an exact list and an int key in range; gives `v` back when the
    /// generic path must run.
    #[inline(always)]
    pub(super) fn store_subscr_fast(&self, c: &Value, key: &Value, v: Value) -> Option<Value> {
        let (Value::Obj(o), Value::Int(i)) = (c, key) else {
            return Some(v);
        };
        let is_list = o.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, &self.types.list));
        let ObjKind::List(l) = &o.kind else { return Some(v) };
        if !is_list {
            return Some(v);
        }
        let Ok(mut l) = l.try_borrow_mut() else { return Some(v) };
        let n = l.len() as i64;
        let j = if *i < 0 { i.checked_add(n) } else { Some(*i) };
        let Some(slot) = j.and_then(|j| usize::try_from(j).ok()).and_then(|j| l.get_mut(j)) else {
            return Some(v);
        };
        let old = std::mem::replace(slot, v);
        drop(l);
        drop(old);
        None
    }

    pub(super) fn peek(&self, f: &Frame, depth: usize) -> PyResult<Value> {
        let n = f.stack.len();
        if depth == 0 || depth > n {
            return Err(stack_underflow());
        }
        Ok(f.stack[n - depth].clone())
    }

    pub(super) fn pop_n(&self, f: &mut Frame, n: usize) -> PyResult<Vec<Value>> {
        let len = f.stack.len();
        if n > len {
            return Err(stack_underflow());
        }
        Ok(f.stack.split_off(len - n))
    }

    pub(super) fn unbound_local(&mut self, code: &Code, idx: usize) -> PyErr {
        let name = code.raw.varnames.get(idx).map(|s| s.to_string()).unwrap_or_default();
        let t = self.exc.unbound_local_error.clone();
        self.new_error(
            &t,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    pub(super) fn unbound_deref(&mut self, code: &Code, idx: usize) -> PyErr {
        let ncell = code.raw.cellvars.len();
        if idx < ncell {
            let name = code.raw.cellvars[idx].to_string();
            let t = self.exc.unbound_local_error.clone();
            self.new_error(
                &t,
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        } else {
            let name = code
                .raw
                .freevars
                .get(idx - ncell)
                .map(|s| s.to_string())
                .unwrap_or_default();
            self.name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        }
    }

    pub(super) fn cell_at(&self, f: &Frame, idx: usize) -> Option<Obj> {
        match f.locals.get(f.code.raw.varnames.len() + idx) {
            Some(Some(Value::Obj(c))) => Some(c.clone()),
            _ => None,
        }
    }

    /// `LOAD_DEREF idx`'s common case for the dispatch loop: pushes the content of cell
    /// `idx` (read in place) and returns true; false, with nothing pushed, for an empty
    /// cell (then [`Vm::load_deref`] makes the error). Out of line (see
    /// docs/architecture.md on code in the dispatch function) but with no result to return
    /// through memory: ~30 instructions fewer per load than `load_deref` plus the push.
    #[inline(never)]
    pub(super) fn load_deref_push(f: &mut Frame, idx: usize) -> bool {
        let v = match f.locals.get(f.code.raw.varnames.len() + idx) {
            Some(Some(Value::Obj(c))) => match &c.kind {
                ObjKind::Cell(cell) => match cell.try_borrow() {
                    Ok(cell) => match cell.as_ref() {
                        Some(v) => v.clone(),
                        None => return false,
                    },
                    Err(_) => return false,
                },
                _ => return false,
            },
            _ => return false,
        };
        f.stack.push(v);
        true
    }

    /// `LOAD_DEREF idx`: the content of cell `idx` (read in place, no reference to the cell
    /// taken), or the NameError/UnboundLocalError of an empty cell.
    pub(super) fn load_deref(&mut self, f: &Frame, idx: usize) -> PyResult<Value> {
        if let Some(Some(Value::Obj(c))) = f.locals.get(f.code.raw.varnames.len() + idx)
            && let ObjKind::Cell(cell) = &c.kind
            && let Ok(cell) = cell.try_borrow()
            && let Some(v) = cell.as_ref()
        {
            return Ok(v.clone());
        }
        Err(self.unbound_deref(&f.code.clone(), idx))
    }

    pub(super) fn load_name(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        if let Some(l) = &f.locals_dict {
            match l {
                Value::Obj(d) if matches!(d.kind, ObjKind::Dict(_)) => {
                    if let Some(v) = self.dict_get(d, name)? {
                        return Ok(v);
                    }
                }
                other => {
                    let other = other.clone();
                    match self.getitem(&other, name) {
                        Ok(v) => return Ok(v),
                        Err(e) if self.exc_matches(&e.0, &self.exc.key_error.clone()) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        self.load_global(&f.globals, name)
    }

    /// Looks a name up in globals, then builtins; NameError if missing.
    pub fn load_global(&mut self, globals: &Obj, name: &Value) -> PyResult<Value> {
        if let Some(v) = crate::ops::dict_get_name(globals, name) {
            return Ok(v);
        }
        if let Some(b) = &self.builtins.dict {
            if let Some(v) = crate::ops::dict_get_name(b, name) {
                return Ok(v);
            }
        }
        let s = name.as_str().unwrap_or("").to_string();
        Err(crate::suggest::name_error(self, globals, &s))
    }

    pub(super) fn needs_frame(&self, func: &Value) -> bool {
        match func {
            Value::Obj(o) => match &o.kind {
                ObjKind::Native(n) => n.needs_frame,
                ObjKind::Type(_) => Rc::ptr_eq(o, &self.types.super_),
                _ => false,
            },
            _ => false,
        }
    }

    /// Builds the frame context for a native function that needs it.
    pub fn make_frame_ctx(&mut self, f: &Frame, callee: &Value) -> crate::vm::FrameCtx {
        let is_function = f.code.raw.flags & taipan_bytecode::flags::OPTIMIZED != 0;
        // `super` reads only its implicit arguments: no locals snapshot for it
        let is_super = matches!(callee, Value::Obj(o) if Rc::ptr_eq(o, &self.types.super_));
        let locals = match &f.locals_dict {
            _ if is_super => Value::None,
            Some(l) => l.clone(),
            None if !is_function => Value::Obj(f.globals.clone()),
            None => {
                let d = self.new_dict_obj();
                if let ObjKind::Dict(cell) = &d.kind {
                    let mut t = cell.borrow_mut();
                    for (i, name) in f.code.local_names.iter().enumerate() {
                        let v = match f.locals.get(i) {
                            Some(Some(v)) => v.clone(),
                            _ => continue,
                        };
                        let v = if i >= f.code.raw.varnames.len() {
                            match v.kind() {
                                Some(ObjKind::Cell(c)) => match c.borrow().clone() {
                                    Some(x) => x,
                                    None => continue,
                                },
                                _ => v,
                            }
                        } else {
                            v
                        };
                        let h = hash_str(name.as_str().unwrap_or(""));
                        t.insert_native(h, name.clone(), v);
                    }
                }
                Value::Obj(d)
            }
        };
        // zero-argument super(): the __class__ cell and the first argument
        let mut super_args = None;
        if let Some(ci) = f.code.raw.freevars.iter().position(|n| &**n == "__class__") {
            let idx = f.code.raw.varnames.len() + f.code.raw.cellvars.len() + ci;
            let cls = match f.locals.get(idx) {
                Some(Some(Value::Obj(c))) => match &c.kind {
                    ObjKind::Cell(cell) => cell.borrow().clone(),
                    _ => None,
                },
                _ => None,
            };
            // (CPython 3.11 `super_init_without_args`: no positional parameter, no first
            // argument, even with `*args`)
            let first = if f.code.raw.arg_count > 0 {
                match f.locals.first() {
                    Some(Some(v)) => Some(v.clone()),
                    _ => {
                        // the first argument may live in a cell
                        f.code.raw.cell2arg.iter().position(|a| *a == Some(0)).and_then(|ci| {
                            match f.locals.get(f.code.raw.varnames.len() + ci) {
                                Some(Some(Value::Obj(c))) => match &c.kind {
                                    ObjKind::Cell(cell) => cell.borrow().clone(),
                                    _ => None,
                                },
                                _ => None,
                            }
                        })
                    }
                }
            } else {
                None
            };
            if let (Some(c), Some(a)) = (cls, first) {
                super_args = Some((c, a));
            }
        }
        crate::vm::FrameCtx {
            globals: f.globals.clone(),
            locals,
            super_args,
        }
    }

    pub(super) fn do_raise(&mut self, f: &Frame, arg: usize) -> PyResult<PyErr> {
        let _ = f;
        match arg {
            0 => match self.handled_exc.clone() {
                Some(e) => Ok(PyErr(e)),
                None => Err(self.runtime_error("No active exception to reraise")),
            },
            _ => {
                let (exc, cause) = if arg == 2 {
                    let n = f.stack.len();
                    if n < 2 {
                        return Err(stack_underflow());
                    }
                    (f.stack[n - 2].clone(), Some(f.stack[n - 1].clone()))
                } else {
                    (f.stack.last().cloned().unwrap_or(Value::None), None)
                };
                let e = self.make_exception(&exc)?;
                if let Some(c) = cause {
                    let c = if c.is_none() {
                        None
                    } else {
                        let ce = self
                            .make_exception(&c)
                            .map_err(|_| self.type_error("exception causes must derive from BaseException"))?;
                        Some(ce)
                    };
                    if let Some(d) = Vm::exc_data(&e) {
                        let mut d = d.borrow_mut();
                        d.cause = c;
                        d.suppress_context = true;
                    }
                }
                Ok(PyErr(e))
            }
        }
    }

    /// Turns the operand of `raise` into an exception instance (instantiating classes).
    pub fn make_exception(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(ObjKind::Type(_)) = v.kind() {
            let t = v.as_obj().cloned().unwrap_or_else(|| self.exc.type_error.clone());
            if crate::types::is_subtype(&t, &self.exc.base_exception) {
                let e = self.call(v, &[])?;
                if Vm::exc_data(&e).is_none() {
                    let r = self.repr(v)?;
                    let tn = self.type_name(&e);
                    return Err(self.type_error(format!(
                        "calling {r} should have returned an instance of BaseException, not {tn}"
                    )));
                }
                return Ok(e);
            }
        }
        if Vm::exc_data(v).is_some() {
            return Ok(v.clone());
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// `except T:` matching, with CPython's check that T is an exception class or tuple.
    pub(super) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        match ty.kind() {
            Some(ObjKind::Type(_)) => {
                let t = ty.as_obj().cloned().unwrap_or_else(|| self.types.object.clone());
                if !crate::types::is_subtype(&t, &self.exc.base_exception) {
                    return Err(
                        self.type_error("catching classes that do not inherit from BaseException is not allowed")
                    );
                }
                Ok(self.exc_matches(exc, &t))
            }
            Some(ObjKind::Tuple(items)) => {
                let items = items.to_vec();
                for it in &items {
                    if self.exception_matches(exc, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    pub(super) fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(mgr, "__enter__");
        let exit = self.lookup_special(mgr, "__exit__");
        let (Some(_), Some(_)) = (&enter, &exit) else {
            let tn = self.type_name(mgr);
            if enter.is_none() {
                return Err(self.type_error(format!("'{tn}' object does not support the context manager protocol")));
            }
            return Err(self.type_error(format!(
                "'{tn}' object does not support the context manager protocol (missed __exit__ method)"
            )));
        };
        let exit_bound = self.get_attr_str(mgr, "__exit__")?;
        let res = self.call_special(mgr, "__enter__", &[])?.unwrap_or(Value::None);
        Ok((exit_bound, res))
    }

    /// `MAKE_GENEXPR`: the generator of a generator expression, made from its code object
    /// `codev`, the closure cells at `f.stack[base..]` (left there for the caller to pop)
    /// and the outermost iterator `it`, without the function object CPython's
    /// `MAKE_FUNCTION` + `CALL` make and drop at once (nothing can see it). The generator
    /// is the one that call would make: its `__name__`/`__qualname__` are the code's (a
    /// new function's), its frame has the caller's globals, the iterator as `.0` and the
    /// cells as free variables. Code of another shape (cells of its own, more parameters)
    /// takes the function and the call.
    pub(super) fn make_genexpr(&mut self, f: &Frame, codev: &Value, base: usize, it: Value) -> PyResult<Value> {
        use taipan_bytecode::flags;
        let cells = f.stack.get(base..).unwrap_or(&[]);
        let Some(ObjKind::Code(code)) = codev.kind() else {
            return Err(self.type_error("MAKE_GENEXPR expects a code object"));
        };
        let raw = &code.raw;
        let simple = raw.flags & flags::GENERATOR != 0
            && raw.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && raw.kwonly_arg_count == 0
            && raw.arg_count == 1
            && raw.cellvars.is_empty()
            && raw.freevars.len() == cells.len();
        if !simple {
            let closure = (!cells.is_empty()).then(|| self.new_tuple(cells.to_vec()));
            let func = self.make_function(f, codev.clone(), None, None, None, closure)?;
            return match func.kind() {
                Some(ObjKind::Function(func)) => self.call_function(func, &[it], &[]),
                _ => Err(self.type_error("MAKE_GENEXPR expects a code object")),
            };
        }
        let mut frame = self.acquire_frame(code, &f.globals);
        let n = code.nlocalsplus;
        let nvars = raw.varnames.len();
        let locals = &mut frame.locals;
        locals.reserve(n);
        locals.push(Some(it));
        while locals.len() < nvars {
            locals.push(None);
        }
        for c in cells.iter().take(n.saturating_sub(nvars)) {
            locals.push(Some(c.clone()));
        }
        while locals.len() < n {
            locals.push(None);
        }
        frame.stack.reserve(raw.max_stack as usize);
        Ok(crate::generator::new_generator_named(
            self,
            frame,
            raw.name.clone(),
            raw.qualname.clone(),
        ))
    }

    pub(super) fn make_function(
        &mut self,
        f: &Frame,
        codev: Value,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        annotations: Option<Value>,
        closure: Option<Value>,
    ) -> PyResult<Value> {
        let Some(ObjKind::Code(code)) = codev.kind() else {
            return Err(self.type_error("MAKE_FUNCTION expects a code object"));
        };
        let code = code.clone();
        let (defaults, defaults_tuple) = match defaults {
            Some(d) => match d.kind() {
                Some(ObjKind::Tuple(t)) => (t.to_vec(), d),
                _ => (vec![], Value::None),
            },
            None => (vec![], Value::None),
        };
        let closure = match closure.as_ref().and_then(|c| c.kind()) {
            Some(ObjKind::Tuple(t)) => t.iter().filter_map(|c| c.as_obj().cloned()).collect(),
            _ => vec![],
        };
        // (`__name__` looked up by identity first, as every name of a code object; the
        // docstring is the code's own str object)
        let module = match crate::ops::dict_get_name(&f.globals, &self.known.dunder_name) {
            Some(m) => m,
            None => self
                .dict_get(&f.globals, &self.known.dunder_name.clone())?
                .unwrap_or(Value::None),
        };
        let doc = code.doc.clone();
        let func = crate::object::Function {
            name: RefCell::new(code.raw.name.clone()),
            qualname: RefCell::new(code.raw.qualname.clone()),
            code,
            globals: f.globals.clone(),
            defaults: RefCell::new(defaults),
            defaults_tuple: RefCell::new(defaults_tuple),
            kwdefaults: RefCell::new(kwdefaults.and_then(|k| k.as_obj().cloned())),
            closure,
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            annotations: RefCell::new(annotations),
            attrs: RefCell::new(None),
        };
        Ok(Value::new_obj(&self.types.function, ObjKind::Function(Box::new(func))))
    }
}
