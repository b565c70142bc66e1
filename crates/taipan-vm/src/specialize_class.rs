//! Specialization of `CALL` on a class (PEP 659's `CALL` family, CPython 3.11's
//! `PRECALL_BUILTIN_CLASS` / `CALL` of a Python class with `__init__`): the inline cache
//! keeps the class and its version tag, and the hit path builds the instance directly —
//! a built-in class (or a subclass keeping the native `__new__`/`__init__`) through its
//! constructor, a class with a Python `__init__` by allocating the instance and handing
//! the dispatch loop the bound `__init__` frame. Split from `specialize.rs`, whose slots,
//! entries and statistics it uses.

use super::*;

/// What [`Vm::call_class_cached`] did with a `CALL` of a class.
pub enum ClassCall {
    /// Not specialized (or the guard failed): take the generic call path.
    Generic,
    /// Called: the instance (the call's items are popped).
    Done(Value),
    /// The bound frame of the class's Python `__init__`, for the dispatch loop to run as an
    /// `__init__` frame (`Frame::init_call`); the call's items were replaced by the instance.
    Init(Box<crate::interp::Frame>),
}

impl Vm {
    /// `CALL` with `argc` positional arguments on `stack` (`[callable, a1..an]` on top),
    /// for a class, when the slot's specialization applies: a built-in class is called
    /// here ([`ClassCall::Done`]); for a class with a Python `__init__` the instance is
    /// built, put in the callable's slot, and the bound `__init__` frame is returned for
    /// the dispatch loop to run ([`ClassCall::Init`], the stack left as `[instance]`; a
    /// generator `__init__` is called here). [`ClassCall::Generic`]: the generic path.
    pub fn call_class_cached(
        &mut self,
        code: &Code,
        at: usize,
        stack: &mut Vec<Value>,
        argc: usize,
    ) -> PyResult<ClassCall> {
        let Some(cell) = code.caches.get(at) else {
            return Ok(ClassCall::Generic);
        };
        let Some(base) = stack.len().checked_sub(argc + 1) else {
            return Ok(ClassCall::Generic);
        };
        let Some(Value::Obj(cls)) = stack.get(base) else {
            return Ok(ClassCall::Generic);
        };
        let (has_dict, dict_size, nslots, init) = match cell.try_borrow() {
            Ok(slot) => match &slot.entry {
                Entry::NewBuiltin { ty, version, new, init } if type_attr_hit(cls, ty, *version) => {
                    let (new, init) = (*new, *init);
                    drop(slot);
                    self.count_hit::<true>(Family::CallClass, code, at);
                    // the stack holds [cls, args...]: exactly `__new__`'s arguments
                    let r = match stack.get(base..) {
                        Some(args) => new(self, args, &[]),
                        None => return Ok(ClassCall::Generic),
                    };
                    let Some(init) = init else {
                        stack.truncate(base);
                        return r.map(ClassCall::Done);
                    };
                    let obj = r?;
                    // `__init__(obj, args...)` when `__new__` made an instance of the class
                    // (as `type.__call__`): the instance takes the class's slot
                    if Rc::ptr_eq(self.class_of(&obj), cls) {
                        if let Some(slot) = stack.get_mut(base) {
                            *slot = obj.clone();
                        }
                        let r = match stack.get(base..) {
                            Some(args) => init(self, args, &[]),
                            None => Ok(Value::None),
                        };
                        stack.truncate(base);
                        let r = r?;
                        if !r.is_none() {
                            let tn = self.type_name(&r);
                            return Err(self.type_error(format!("__init__() should return None, not '{tn}'")));
                        }
                    } else {
                        stack.truncate(base);
                    }
                    return Ok(ClassCall::Done(obj));
                }
                Entry::InitClass {
                    ty,
                    version,
                    has_dict,
                    dict_size,
                    nslots,
                    init,
                } => {
                    if !type_attr_hit(cls, ty, *version) {
                        drop(slot);
                        if self.spec.print_stats {
                            self.tally(Family::CallClass, code, at, Tally::Miss);
                        }
                        let warmup = self.spec.warmup;
                        let dropped = cell.try_borrow_mut().is_ok_and(|mut slot| slot.miss(warmup));
                        if dropped {
                            self.deopt(code, at, Family::CallClass);
                        }
                        return Ok(ClassCall::Generic);
                    }
                    match init.upgrade() {
                        Some(i) => (*has_dict, *dict_size, *nslots, i),
                        None => return Ok(ClassCall::Generic),
                    }
                }
                _ => return Ok(ClassCall::Generic),
            },
            Err(_) => return Ok(ClassCall::Generic),
        };
        let ObjKind::Function(fun) = &init.kind else {
            return Ok(ClassCall::Generic);
        };
        self.count_hit::<true>(Family::CallClass, code, at);
        let cls = cls.clone();
        let dict = if has_dict {
            Some(crate::builtins::object::new_instance_dict_presized(
                self,
                dict_size as usize,
            ))
        } else {
            None
        };
        let kind = ObjKind::Instance(if nslots > 0 {
            Some(std::cell::RefCell::new(vec![None; nslots]))
        } else {
            None
        });
        let obj = Value::Obj(crate::gc::alloc(Object::with(Some(cls), dict, kind)));
        // `__init__(obj, args...)`: with exactly its positional parameters the arguments
        // move into the frame; other functions that run to their return are bound
        if fun.code.fast_argcount == Some(argc + 1) {
            let Some(args) = stack.get_mut(base + 1..) else {
                return Ok(ClassCall::Generic);
            };
            // SAFETY: the moved arguments are forgotten at once
            let frame = unsafe { self.fast_frame(fun, Some(obj.clone()), args) };
            // SAFETY: the slots above `base` were moved out; the class in the callable's
            // slot is replaced (dropped) by the instance
            unsafe { stack.set_len(base + 1) };
            stack[base] = obj;
            return Ok(ClassCall::Init(frame));
        }
        if let Some(callable) = stack.get_mut(base) {
            *callable = obj.clone();
        }
        if fun.code.runs_to_return {
            let r = match stack.get(base..) {
                Some(args) => self.bind_arguments(fun, args, &[]),
                None => return Ok(ClassCall::Generic),
            };
            stack.truncate(base + 1);
            return r.map(ClassCall::Init);
        }
        let r = match stack.get(base..) {
            Some(args) => self.call_function(fun, args, &[]),
            None => Ok(Value::None),
        };
        stack.truncate(base);
        let r = r?;
        if !r.is_none() {
            let tn = self.type_name(&r);
            return Err(self.type_error(format!("__init__() should return None, not '{tn}'")));
        }
        Ok(ClassCall::Done(obj))
    }

    /// After a generic `CALL` of `func` returned `result`: counts the warm-up of a call of a
    /// class and specializes it when due (other callables are not counted).
    pub fn after_generic_call(&mut self, code: &Code, at: usize, func: &Value, result: &Value) {
        let Value::Obj(t) = func else { return };
        let ObjKind::Type(td) = &t.kind else { return };
        let Some(cell) = code.caches.get(at) else { return };
        if !matches!(cell.try_borrow().map(|s| matches!(s.entry, Entry::Generic)), Ok(true)) {
            return;
        }
        if !self.after_slow(code, at, cell, Family::CallClass, false) {
            return;
        }
        let entry = self.init_class_entry(t, td.version.get(), result);
        self.install(code, at, cell, Family::CallClass, entry, None);
    }

    fn init_class_entry(&mut self, t: &Obj, version: u32, result: &Value) -> Option<Entry> {
        let ObjKind::Type(td) = &t.kind else { return None };
        if !td.heap_type {
            return self.new_builtin_entry(t, version, result);
        }
        if !Rc::ptr_eq(self.class_of(&Value::Obj(t.clone())), &self.types.type_) {
            return None;
        }
        if td.layout != crate::object::Layout::Object {
            // a class derived from a built-in type (not a metaclass), e.g. a `list`
            // subclass: only while it keeps the native `__new__` and `__init__`
            if td.layout == crate::object::Layout::Type {
                return None;
            }
            return self.new_builtin_entry(t, version, result);
        }
        let new = self.lookup_in_type(t, "__new__")?;
        if !matches!(new.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
            return None;
        }
        let Some(Value::Obj(init)) = self.lookup_in_type(t, "__init__") else {
            return None;
        };
        if !matches!(init.kind, ObjKind::Function(_)) {
            return None;
        }
        let Value::Obj(r) = result else { return None };
        if !r.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, t)) {
            return None;
        }
        let nslots = match &r.kind {
            ObjKind::Instance(None) => 0,
            ObjKind::Instance(Some(s)) => s.try_borrow().ok()?.len(),
            _ => return None,
        };
        let dict_size = match r.dict.as_ref().map(|d| &d.kind) {
            Some(ObjKind::Dict(d)) => d.try_borrow().map_or(0, |d| d.len().min(5) as u8),
            _ => 0,
        };
        Some(Entry::InitClass {
            ty: Rc::downgrade(t),
            version,
            has_dict: r.dict.is_some(),
            dict_size,
            nslots,
            init: Rc::downgrade(&init),
        })
    }

    /// The entry for calling the built-in type `t` (not `type` itself, whose one-argument
    /// form is special), or a class derived from one: its `__new__` must be a native (not
    /// `object.__new__`) and its `__init__` `object.__init__` or another native method,
    /// and the call must have produced an instance of exactly `t`.
    fn new_builtin_entry(&mut self, t: &Obj, version: u32, result: &Value) -> Option<Entry> {
        if Rc::ptr_eq(t, &self.types.type_) || !Rc::ptr_eq(self.class_of(result), t) {
            return None;
        }
        let new = match self.lookup_in_type(t, "__new__")?.kind() {
            Some(ObjKind::StaticMethod(f)) => f.clone(),
            _ => self.lookup_in_type(t, "__new__")?,
        };
        let new = match new.kind() {
            Some(ObjKind::Native(n)) if n.receiver.is_none() && !n.needs_frame && n.owner != "object" => n.func,
            _ => return None,
        };
        let init = match self.lookup_in_type(t, "__init__")?.kind() {
            Some(ObjKind::Native(n)) if n.owner == "object" => None,
            Some(ObjKind::Native(n)) if n.is_method && n.receiver.is_none() && !n.needs_frame => Some(n.func),
            _ => return None,
        };
        Some(Entry::NewBuiltin {
            ty: Rc::downgrade(t),
            version,
            new,
            init,
        })
    }
}
