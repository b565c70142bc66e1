//! The tier-0 instructions that are rarely hot: name-based scopes, deletes, builders of
//! sets/maps/strings, f-string formatting, starred unpacking, keyword and `*args` calls,
//! function creation, exception-block bookkeeping, `with`, class creation and imports.
//!
//! They live out of line (`#[inline(never)]`) so that the dispatch function
//! [`Vm::run_until_error`] keeps a small native frame: it is entered once per Python call.
//! Semantics are CPython 3.11's `Python/ceval.c` for each opcode, delegated to the protocol
//! modules as in the hot loop.

use taipan_bytecode::Opcode;

use super::{Frame, stack_underflow};
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// The instructions that are rarely hot (name-based scopes, deletes, builders of
    /// sets/maps/strings, imports, exception-block bookkeeping, keyword calls...), out of
    /// line so that [`Vm::run_until_error`]'s native frame stays small.
    #[inline(never)]
    pub(super) fn exec_cold(&mut self, f: &mut Frame, ins: &taipan_bytecode::Instruction, arg: usize) -> PyResult<()> {
        let code = f.code.clone();
        match ins.op {
            Opcode::DeleteFast => match f.locals.get_mut(arg) {
                Some(slot @ Some(_)) => *slot = None,
                _ => return Err(self.unbound_local(&code, arg)),
            },
            Opcode::LoadName => {
                let name = code.names[arg].clone();
                let v = self.load_name(f, &name)?;
                f.stack.push(v);
            }
            Opcode::StoreName => {
                let v = pop!(f);
                let name = code.names[arg].clone();
                match &f.locals_dict {
                    Some(Value::Obj(d)) if matches!(d.kind, ObjKind::Dict(_)) => {
                        let d = d.clone();
                        self.dict_set(&d, name, v)?;
                    }
                    Some(m) => {
                        let m = m.clone();
                        self.setitem(&m, name, v)?;
                    }
                    None => {
                        let g = f.globals.clone();
                        self.dict_set(&g, name, v)?;
                    }
                }
            }
            Opcode::DeleteName => {
                let name = code.names[arg].clone();
                let d = match &f.locals_dict {
                    Some(Value::Obj(d)) => d.clone(),
                    _ => f.globals.clone(),
                };
                if self.dict_del(&d, &name)?.is_none() {
                    return Err(self.name_error(format!("name '{}' is not defined", name.as_str().unwrap_or(""))));
                }
            }
            Opcode::StoreGlobal => {
                let v = pop!(f);
                let g = f.globals.clone();
                self.dict_set(&g, code.names[arg].clone(), v)?;
            }
            Opcode::DeleteGlobal => {
                let g = f.globals.clone();
                let name = code.names[arg].clone();
                if self.dict_del(&g, &name)?.is_none() {
                    return Err(self.name_error(format!("name '{}' is not defined", name.as_str().unwrap_or(""))));
                }
            }
            Opcode::LoadClassDeref => {
                let idx = code.raw.varnames.len() + arg;
                let name = code.local_names.get(idx).cloned().unwrap_or(Value::None);
                let found = match &f.locals_dict {
                    Some(Value::Obj(d)) => self.dict_get(d, &name)?,
                    _ => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => self.load_deref(f, arg)?,
                };
                f.stack.push(v);
            }
            Opcode::DeleteDeref => {
                let cell = self.cell_at(f, arg);
                if let Some(ObjKind::Cell(c)) = cell.as_ref().map(|c| &c.kind) {
                    if c.borrow_mut().take().is_none() {
                        return Err(self.unbound_deref(&code, arg));
                    }
                }
            }
            Opcode::DeleteAttr => {
                let obj = pop!(f);
                self.del_attr(&obj, &code.names[arg])?;
            }
            Opcode::DeleteSubscr => {
                let key = pop!(f);
                let c = pop!(f);
                self.delitem(&c, &key)?;
            }
            Opcode::UnaryPositive => {
                let v = pop!(f);
                let r = self.unary_op(&v, "__pos__")?;
                f.stack.push(r);
            }
            Opcode::UnaryInvert => {
                let v = pop!(f);
                let r = self.unary_op(&v, "__invert__")?;
                f.stack.push(r);
            }
            Opcode::BuildSet => {
                let items = self.pop_n(f, arg)?;
                let s = self.new_set(crate::set::Set::new());
                if let Value::Obj(o) = &s {
                    for it in items {
                        self.set_add(o, it)?;
                    }
                }
                f.stack.push(s);
            }
            Opcode::BuildMap => {
                let items = self.pop_n(f, arg * 2)?;
                let d = self.new_dict_obj();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.dict_set(&d, k, v)?;
                }
                f.stack.push(Value::Obj(d));
            }
            Opcode::BuildString => {
                let items = self.pop_n(f, arg)?;
                let mut s = String::new();
                for it in &items {
                    s.push_str(it.as_str().unwrap_or(""));
                }
                f.stack.push(self.new_str(s));
            }
            Opcode::SetAdd => {
                let v = pop!(f);
                if let Value::Obj(s) = self.peek(f, arg)? {
                    self.set_add(&s, v)?;
                }
            }
            Opcode::MapAdd => {
                let v = pop!(f);
                let k = pop!(f);
                if let Value::Obj(d) = self.peek(f, arg)? {
                    self.dict_set(&d, k, v)?;
                }
            }
            Opcode::ListExtend => {
                let it = pop!(f);
                let l = self.peek(f, arg)?;
                let items = match self.collect(&it) {
                    Ok(items) => items,
                    Err(e) => {
                        if self.exc_matches(&e.0, &self.exc.type_error.clone())
                            && self.lookup_special(&it, "__iter__").is_none()
                        {
                            return Err(self.type_error(format!(
                                "Value after * must be an iterable, not {}",
                                self.type_name(&it)
                            )));
                        }
                        return Err(e);
                    }
                };
                if let Some(ObjKind::List(l)) = l.kind() {
                    l.borrow_mut().extend(items);
                }
            }
            Opcode::SetUpdate => {
                let it = pop!(f);
                if let Value::Obj(s) = self.peek(f, arg)? {
                    crate::builtins::set::set_update(self, &s, &it)?;
                }
            }
            Opcode::DictUpdate | Opcode::DictMerge => {
                let m = pop!(f);
                if let Value::Obj(d) = self.peek(f, arg)? {
                    let merge = ins.op == Opcode::DictMerge;
                    if let Err(e) = crate::builtins::dict::dict_update_from(self, &d, &m, merge) {
                        // CPython prefixes call errors with the function: `mod.f() ...`
                        if merge && self.exc_matches(&e.0, &self.exc.type_error.clone()) {
                            if let Ok(func) = self.peek(f, arg + 2) {
                                let msg = self.str(&e.0).unwrap_or_default();
                                if msg.starts_with("got multiple values") || msg.starts_with("argument after **") {
                                    let fname = self.function_str(&func);
                                    return Err(self.type_error(format!("{fname} {msg}")));
                                }
                            }
                        }
                        return Err(e);
                    }
                }
            }
            Opcode::ListToTuple => {
                let l = pop!(f);
                let items = match l.kind() {
                    Some(ObjKind::List(l)) => l.borrow().clone(),
                    _ => vec![],
                };
                f.stack.push(self.new_tuple(items));
            }
            Opcode::FormatValue => {
                let spec = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                let v = pop!(f);
                let v = match arg & 3 {
                    1 => {
                        let s = self.str(&v)?;
                        self.new_str(s)
                    }
                    2 => {
                        let s = self.repr(&v)?;
                        self.new_str(s)
                    }
                    3 => {
                        let s = crate::repr::ascii(self, &v)?;
                        self.new_str(s)
                    }
                    _ => v,
                };
                let r = match (&spec, &v) {
                    (None, Value::Obj(o))
                        if matches!(o.kind, ObjKind::Str(_))
                            && !o.class.as_ref().is_some_and(|c| c.kind.is_heap_type()) =>
                    {
                        v
                    }
                    _ => {
                        let spec = spec.unwrap_or_else(|| self.intern(""));
                        self.format(&v, &spec)?
                    }
                };
                f.stack.push(r);
            }
            Opcode::UnpackEx => {
                let seq = pop!(f);
                let before = arg & 0xff;
                let after = arg >> 8;
                let items = self.collect_for_unpack(&seq)?;
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mid_end = items.len() - after;
                for x in items[mid_end..].iter().rev() {
                    f.stack.push(x.clone());
                }
                let mid = items[before..mid_end].to_vec();
                f.stack.push(self.new_list(mid));
                for x in items[..before].iter().rev() {
                    f.stack.push(x.clone());
                }
            }
            Opcode::CallKw => {
                let names = pop!(f);
                let n = f.stack.len();
                if n < arg + 1 {
                    return Err(stack_underflow());
                }
                let func = f.stack[n - arg - 1].clone();
                // the names tuple is a constant of the code object: borrowed, not copied
                let kwnames: &[Value] = match names.kind() {
                    Some(ObjKind::Tuple(t)) => t,
                    _ => &[],
                };
                if self.needs_frame(&func) {
                    self.frame_ctx = Some(self.make_frame_ctx(f, &func));
                }
                let r = self.call_kw(&func, &f.stack[n - arg..], kwnames);
                f.stack.truncate(n - arg - 1);
                f.stack.push(r?);
            }
            Opcode::CallEx => {
                let kwargs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                let args = pop!(f);
                let func = pop!(f);
                if self.needs_frame(&func) {
                    self.frame_ctx = Some(self.make_frame_ctx(f, &func));
                }
                let r = self.call_ex(&func, &args, kwargs.as_ref())?;
                f.stack.push(r);
            }
            Opcode::MakeFunction => {
                let codev = pop!(f);
                let closure = if arg & 8 != 0 { Some(pop!(f)) } else { None };
                let annotations = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                let kwdefaults = if arg & 2 != 0 { Some(pop!(f)) } else { None };
                let defaults = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                let func = self.make_function(f, codev, defaults, kwdefaults, annotations, closure)?;
                f.stack.push(func);
            }
            Opcode::MakeGenexpr => {
                let it = pop!(f);
                let codev = pop!(f);
                let Some(base) = f.stack.len().checked_sub(arg) else {
                    return Err(stack_underflow());
                };
                let g = self.make_genexpr(f, &codev, base, it)?;
                f.stack.truncate(base);
                f.stack.push(g);
            }
            Opcode::GetYieldFromIter => {
                let v = pop!(f);
                let it = match v.kind() {
                    Some(ObjKind::Generator(_)) => v,
                    _ => self.iter(&v)?,
                };
                f.stack.push(it);
            }
            Opcode::RaiseVarargs => {
                return Err(self.do_raise(f, arg)?);
            }
            Opcode::Reraise => {
                let e = pop!(f);
                return Err(PyErr(e));
            }
            Opcode::PushExcInfo => {
                let exc = pop!(f);
                let prev = self.handled_exc.replace(exc.clone()).unwrap_or(Value::None);
                f.stack.push(prev);
                f.stack.push(exc);
            }
            Opcode::PopExcept => {
                let prev = pop!(f);
                self.handled_exc = if prev.is_none() { None } else { Some(prev) };
            }
            Opcode::CheckExcMatch => {
                let ty = pop!(f);
                let exc = f.stack.last().cloned().unwrap_or(Value::None);
                let m = self.exception_matches(&exc, &ty)?;
                f.stack.push(Value::Bool(m));
            }
            Opcode::LoadAssertionError => {
                f.stack.push(Value::Obj(self.exc.assertion_error.clone()));
            }
            Opcode::BeforeWith => {
                let mgr = pop!(f);
                let (exit, res) = self.before_with(&mgr)?;
                f.stack.push(exit);
                f.stack.push(res);
            }
            Opcode::WithExceptStart => {
                let n = f.stack.len();
                if n < 3 {
                    return Err(stack_underflow());
                }
                let exc = f.stack[n - 1].clone();
                let exit = f.stack[n - 3].clone();
                let ty = Value::Obj(self.class_of(&exc).clone());
                let tb = Value::None;
                let r = self.call(&exit, &[ty, exc, tb])?;
                f.stack.push(r);
            }
            Opcode::LoadBuildClass => {
                let bc = self
                    .module_get(&self.builtins.clone(), "__build_class__")
                    .unwrap_or(Value::None);
                f.stack.push(bc);
            }
            Opcode::SetupAnnotations => {
                let d = match &f.locals_dict {
                    Some(Value::Obj(d)) => d.clone(),
                    _ => f.globals.clone(),
                };
                let key = self.intern("__annotations__");
                if self.dict_get(&d, &key)?.is_none() {
                    let a = Value::Obj(self.new_dict_obj());
                    self.dict_set(&d, key, a)?;
                }
            }
            Opcode::ImportName => {
                let fromlist = pop!(f);
                let level = pop!(f);
                let name = code.names[arg].clone();
                let m = crate::import::import_name(self, f, &name, &fromlist, &level)?;
                f.stack.push(m);
            }
            Opcode::ImportFrom => {
                let m = f.stack.last().cloned().unwrap_or(Value::None);
                let name = code.names[arg].clone();
                let v = crate::import::import_from(self, &m, &name)?;
                f.stack.push(v);
            }
            Opcode::ImportStar => {
                let m = pop!(f);
                crate::import::import_star(self, f, &m)?;
            }
            _ => return Err(stack_underflow()),
        }
        Ok(())
    }
}
