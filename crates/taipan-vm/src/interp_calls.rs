//! Tier-0 fast paths of `CALL` and `CALL_METHOD` for built-in callees (the ideas of
//! CPython 3.11's `PRECALL_*` specializations and of its zero-argument `super()` in
//! `Objects/typeobject.c`, written independently).
//!
//! The fast paths:
//! - a bound built-in method (`ins = xs.insert; ins(i, x)`, `CALL`): called with its
//!   receiver in the method's stack slot, no argument vector built;
//! - zero-argument `super()` (`CALL`): the super object built from the `__class__` cell
//!   and the first argument, without the frame context of the generic call;
//! - two-argument `super(T, obj)` (`CALL`): the super object built from the two
//!   arguments (with `super`'s own checks and messages), without the generic class call;
//! - `int(x)` of an int, bool, float or exact str (`CALL`);
//! - `list.append(x)`, `list.pop()`, `list.pop(i)` on a list, a subclass's too (`CALL_METHOD`);
//! - `len(x)` of a list, tuple, str, dict or set, exact or of a subclass keeping the built-in `__len__` (`CALL`);
//! - `isinstance(x, C)` when `x`'s type is exactly the class `C` (`CALL`): true.
//!
//! Each is tried by the generic arm of its instruction before the generic call (no
//! rewritten form: the checks are one or two pointer comparisons, and the bodies are
//! out of line so that the dispatch function does not grow) and reports when it does not
//! apply, leaving the stack untouched, so that the generic path runs and raises CPython's
//! errors. The rules they share:
//!
//! - a callee is recognised by identity with the object the VM created at start-up
//!   (`super` and `int` by their type objects, the others through [`Known`]), so a
//!   program that rebinds a builtin (in its globals or in `builtins`) calls its own
//!   object and takes the generic path;
//! - receivers and arguments must be of the exact built-in type (a subclass may override
//!   `__len__`, `append` or `__int__`); calls with keywords never get here (`CALL_KW`);
//! - the argument count must be the one the fast path handles; any other count, an
//!   argument of another type, an index out of range or a failed parse goes generic.
//!
//! Counted for `--interp-stats` under the `CALL_NATIVE` family (hits: a fast path ran).

use std::rc::Rc;

use super::Frame;
use super::specialize::Family;
use crate::object::{NativeFn, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The built-in objects the call fast paths recognise by identity, and the names they
/// reuse, captured once the builtins exist ([`Known::capture`]).
pub struct Known {
    /// `builtins.len` as created at start-up.
    pub len: Obj,
    /// `builtins.isinstance` as created at start-up.
    pub isinstance: Obj,
    /// `list.append` as the list type's dict holds it.
    pub list_append: Obj,
    /// `list.pop` as the list type's dict holds it.
    pub list_pop: Obj,
    /// The interned str `"__name__"` (`MAKE_FUNCTION` reads the module name with it).
    pub dunder_name: Value,
}

impl Known {
    /// Placeholders (the null marker, never a callee) until [`Known::capture`] runs.
    pub fn placeholder(null: &Obj) -> Known {
        Known {
            len: null.clone(),
            isinstance: null.clone(),
            list_append: null.clone(),
            list_pop: null.clone(),
            dunder_name: Value::None,
        }
    }

    /// Captures the objects from `vm`'s builtins module and list type (called once by
    /// `Vm::new` after the builtins are initialised).
    pub fn capture(vm: &mut Vm) -> Known {
        let null = vm.null_marker.clone();
        let obj = |v: Option<Value>| match v {
            Some(Value::Obj(o)) => o,
            _ => null.clone(),
        };
        let builtins = vm.builtins.clone();
        let list = vm.types.list.clone();
        Known {
            len: obj(vm.module_get(&builtins, "len")),
            isinstance: obj(vm.module_get(&builtins, "isinstance")),
            list_append: obj(vm.lookup_in_type(&list, "append")),
            list_pop: obj(vm.lookup_in_type(&list, "pop")),
            dunder_name: vm.intern("__name__"),
        }
    }
}

impl Vm {
    /// `CALL`'s generic path for `arg` arguments above the callable on `f`'s operand stack
    /// (the fast paths of the arm did not apply): [`Vm::call`], with a frame context for a
    /// callee that needs one, then the inline cache's bookkeeping for the instruction at
    /// `at` (`after_generic_call`); the result replaces the callable and the arguments.
    /// Errors are the call's. The caller checked that the stack holds `arg + 1` values.
    #[inline(never)]
    pub(super) fn call_generic(
        &mut self,
        f: &mut Frame,
        code: &crate::code::Code,
        at: usize,
        arg: usize,
    ) -> PyResult<()> {
        let n = f.stack.len();
        let func = f.stack[n - arg - 1].clone();
        let r = if self.needs_frame(&func) {
            self.frame_ctx = Some(self.make_frame_ctx(f, &func));
            let args = f.stack[n - arg..].to_vec();
            self.call(&func, &args)
        } else {
            self.call(&func, &f.stack[n - arg..])
        };
        f.stack.truncate(n - arg - 1);
        let r = r?;
        self.after_generic_call(code, at, &func, &r);
        f.stack.push(r);
        Ok(())
    }

    /// `len(x)` with `[len, x]` on top of `stack`: for an exact list, tuple, str, dict or
    /// set the length replaces both (true); otherwise nothing changes (false). Out of line,
    /// as all the fast paths here: the dispatch function keeps only the callee checks.
    #[inline(never)]
    pub(super) fn call_len_fast(&mut self, stack: &mut Vec<Value>) -> bool {
        let Some(len) = stack.last().and_then(|x| self.exact_len(x)) else {
            return false;
        };
        stack.pop();
        match stack.last_mut() {
            Some(slot) => slot.set_int(len as i64),
            None => return false,
        }
        self.count_fast::<true>(Family::CallNative, true);
        true
    }

    /// `isinstance(x, C)` with `[isinstance, x, C]` on top of `stack`: when `C` is a class
    /// and `type(x)` is exactly `C`, True replaces the three (true), as CPython's
    /// `PyObject_IsInstance` answers before any `__instancecheck__`; otherwise nothing
    /// changes (false) and the generic call decides (subclasses, tuples, metaclass hooks,
    /// errors).
    #[inline(never)]
    pub(super) fn call_isinstance_fast(&mut self, stack: &mut Vec<Value>) -> bool {
        let n = stack.len();
        let (Some(x), Some(Value::Obj(c))) = (n.checked_sub(2).and_then(|i| stack.get(i)), stack.last()) else {
            return false;
        };
        if !matches!(c.kind, ObjKind::Type(_)) || !Rc::ptr_eq(self.class_of(x), c) {
            return false;
        }
        stack.truncate(n - 2);
        match stack.last_mut() {
            Some(slot) => *slot = Value::Bool(true),
            None => return false,
        }
        self.count_fast::<true>(Family::CallNative, true);
        true
    }

    /// The length of a list, tuple, str, dict or set, exact or of a subclass whose
    /// `__len__` is still the built-in one by the facts its class remembers at its current
    /// version (`Vm::class_facts`, `FACT_NATIVE_LEN`; bm_deltablue's `len(todo)` of an
    /// `OrderedCollection(list)`) (`None`: another type, a subclass without such facts, or
    /// a container being mutated).
    #[inline(always)]
    fn exact_len(&self, v: &Value) -> Option<usize> {
        let Value::Obj(o) = v else { return None };
        let cls = o.class.as_ref()?;
        let t = &self.types;
        let native_len = |exact: &Obj| Rc::ptr_eq(cls, exact) || native_len_cached(cls);
        match &o.kind {
            ObjKind::List(l) if native_len(&t.list) => l.try_borrow().ok().map(|l| l.len()),
            ObjKind::Tuple(x) if native_len(&t.tuple) => Some(x.len()),
            ObjKind::Str(s) if native_len(&t.str) => Some(s.char_len()),
            ObjKind::Dict(d) if native_len(&t.dict) => d.try_borrow().ok().map(|d| d.len()),
            ObjKind::Set(s) if native_len(&t.set) => s.try_borrow().ok().map(|s| s.len()),
            _ => None,
        }
    }

    /// `CALL argc` of a bound built-in method (`ins = xs.insert; ins(i, x)`), the top of
    /// `stack` being `[method, a1..an]`: the receiver takes the method's slot, so the
    /// arguments lie as the implementation expects them (`[receiver, a1..an]`, no vector
    /// is built, unlike `Vm::call`), and the result then replaces the receiver. Errors
    /// are the method's own.
    #[inline(never)]
    pub(super) fn call_bound_native(&mut self, stack: &mut Vec<Value>, argc: usize) -> PyResult<()> {
        let Some(base) = stack.len().checked_sub(argc + 1) else {
            return Err(super::stack_underflow());
        };
        let Some(Value::Obj(o)) = stack.get(base) else {
            return Err(super::stack_underflow());
        };
        let ObjKind::Native(nf) = &o.kind else {
            return Err(super::stack_underflow());
        };
        let (func, recv) = (nf.func, nf.receiver.clone().unwrap_or(Value::None));
        self.count_fast::<true>(Family::CallNative, true);
        // (the method object stays alive in `callable` until the call returns)
        let callable = std::mem::replace(&mut stack[base], recv);
        let r = func(self, &stack[base..], &[]);
        drop(callable);
        stack.truncate(base + 1);
        stack[base] = r?;
        Ok(())
    }

    /// `int(x)` with `[int, x]` on top of `stack` (CPython's `long_new` → `PyNumber_Long`)
    /// for an int, bool, float or exact str `x`: the int replaces both (true). False,
    /// nothing changed, for anything else, a float that is not finite or does not fit 64
    /// bits, or a str that does not parse (the generic call raises the error).
    #[inline(never)]
    pub(super) fn call_int_fast(&mut self, stack: &mut Vec<Value>) -> bool {
        let v = match stack.last() {
            Some(Value::Int(i)) => Value::Int(*i),
            Some(Value::Bool(b)) => Value::Int(i64::from(*b)),
            // -2**63 <= t < 2**63 (both exact in f64): the truncation converts exactly
            Some(Value::Float(f)) => {
                let t = f.trunc();
                if !((i64::MIN as f64)..-(i64::MIN as f64)).contains(&t) {
                    return false;
                }
                Value::Int(t as i64)
            }
            Some(Value::Obj(o)) => match &o.kind {
                ObjKind::Str(s) if o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &self.types.str)) => {
                    match crate::support::int::parse_int(s.as_str(), 10, self.int_max_str_digits) {
                        Ok(i) => crate::numops::int_value(self, i),
                        Err(_) => return false,
                    }
                }
                _ => return false,
            },
            _ => return false,
        };
        stack.pop();
        match stack.last_mut() {
            Some(slot) => *slot = v,
            None => return false,
        }
        self.count_fast::<true>(Family::CallNative, true);
        true
    }

    /// Zero-argument `super()` (`[super]` on top of `f`'s stack) in a function whose code
    /// has a `__class__` cell and a first argument that is not a cell
    /// ([`crate::code::Code::super_cell`]): the super object is built straight from them,
    /// without the frame context the generic call prepares, and replaces `super` on the
    /// stack. `None`: not this case (an empty cell or an unbound first argument included:
    /// the generic call raises); `Some(Err)`: `super`'s own type checks failed.
    #[inline(never)]
    pub(super) fn call_super_fast(&mut self, f: &mut Frame) -> Option<PyResult<()>> {
        let ci = f.code.super_cell?;
        let Some(Some(first)) = f.locals.first() else {
            return None;
        };
        let Some(Some(Value::Obj(cell))) = f.locals.get(ci) else {
            return None;
        };
        let ObjKind::Cell(c) = &cell.kind else { return None };
        let cls = c.try_borrow().ok()?.clone()?;
        let first = first.clone();
        self.count_fast::<true>(Family::CallNative, true);
        let r = crate::builtins::object::make_super(self, cls, first);
        Some(r.map(|v| {
            if let Some(slot) = f.stack.last_mut() {
                *slot = v;
            }
        }))
    }

    /// `super(T, obj)` (`CALL` with two arguments of the built-in `super` type, `[super, T,
    /// obj]` on top of `stack`): the super object is built from the two arguments, with
    /// `super`'s checks and messages ([`crate::builtins::object::make_super`], CPython's
    /// `super_init`), and replaces `super` on the stack. The generic path would call the
    /// type (`__new__` then `object.__init__`) after building a frame context that only the
    /// zero-argument form reads. Always applies (the caller checked the callee).
    #[inline(never)]
    pub(super) fn call_super2_fast(&mut self, stack: &mut Vec<Value>) -> PyResult<()> {
        let (Some(obj), Some(this)) = (stack.pop(), stack.pop()) else {
            return Err(super::stack_underflow());
        };
        self.count_fast::<true>(Family::CallNative, true);
        let r = crate::builtins::object::make_super(self, this, obj)?;
        match stack.last_mut() {
            Some(slot) => *slot = r,
            None => return Err(super::stack_underflow()),
        }
        Ok(())
    }

    /// `CALL_METHOD` of the native method `meth` (implementation `func`) with `args` =
    /// `[receiver, a1..an]`: `list.append(x)`, `list.pop()` and `list.pop(i)` on a list (an
    /// instance of a subclass that does not override them too) are done here; any other
    /// method, receiver, argument count or index calls
    /// `func` (which raises CPython's errors).
    #[inline(never)]
    pub(super) fn call_native_method(&mut self, meth: &Value, func: NativeFn, args: &[Value]) -> PyResult<Value> {
        if let Value::Obj(m) = meth
            && let Some(r) = self.list_method_fast(m, args)
        {
            self.count_fast::<true>(Family::CallNative, true);
            return Ok(r);
        }
        func(self, args, &[])
    }

    /// `list.append(x)` / `list.pop([i])` of [`Vm::call_native_method`] (`None`: not this
    /// case, nothing done).
    #[inline(always)]
    fn list_method_fast(&self, meth: &Obj, args: &[Value]) -> Option<Value> {
        let append = Rc::ptr_eq(meth, &self.known.list_append);
        if !append && !Rc::ptr_eq(meth, &self.known.list_pop) {
            return None;
        }
        let (Value::Obj(o), rest) = args.split_first()? else {
            return None;
        };
        // (any list, a subclass's instance too: `meth` is list's own method, so the
        // receiver's class does not override it, and list's methods read only the list
        // payload, as `builtins::list` does; bm_deltablue's `OrderedCollection(list)`)
        let ObjKind::List(l) = &o.kind else { return None };
        let mut list = l.try_borrow_mut().ok()?;
        let n = list.len();
        if append {
            let [x] = rest else { return None };
            // (growth that fails is the generic path's MemoryError)
            if n == list.capacity() && list.try_reserve(n.max(4)).is_err() {
                return None;
            }
            list.push(x.clone());
            return Some(Value::None);
        }
        let j = match rest {
            [] => n.checked_sub(1)?,
            [Value::Int(i)] => {
                let j = if *i < 0 { i.checked_add(n as i64)? } else { *i };
                usize::try_from(j).ok().filter(|j| *j < n)?
            }
            _ => return None,
        };
        Some(list.remove(j))
    }
}

/// Whether class `cls` remembers, at its current version tag, that its `__len__` is the
/// built-in one of its layout (`Vm::class_facts`, `Vm::FACT_NATIVE_LEN`); false when it
/// has no facts for that version (the generic `len` computes them).
#[inline(always)]
fn native_len_cached(cls: &Obj) -> bool {
    let ObjKind::Type(td) = &cls.kind else { return false };
    matches!(td.facts.get(), Some((v, facts)) if v == td.version.get() && facts & Vm::FACT_NATIVE_LEN != 0)
}
