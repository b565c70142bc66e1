//! Recording calls (`CALL n`, `CALL_METHOD n`) of builtins with known effects.
//!
//! Our bytecode calls with `[callable, a1..an] CALL n` (a global function, `abs(x)`) and
//! `[attr, NULL, a1..an] CALL_METHOD n` (`math.sqrt(x)`: `LOAD_METHOD` on a module pushes
//! the attribute and the NULL marker). The callable must be a known object
//! ([`PyVal::Known`], from a global or a module attribute). Builtins become IR ops:
//!
//! - `math.sqrt(x)`, `x` an int (converted as `float(x)`, round half to even) or a float:
//!   `guard_false x < 0.0`, then `float_sqrt` (CPython `math_sqrt` raises `ValueError` for
//!   negative `x`: the guard exits at the `CALL` with its operands on the stack, so the
//!   interpreter raises; `-0.0` and NaN pass, as in CPython).
//! - `math.sin(x)`, `math.exp(x)`, ..., `math.atan2(y, x)`, `math.copysign(x, y)` (the
//!   tables in `ir/mathfn.rs`): `record/math.rs`.
//! - `abs(x)`: a float is `float_abs`; an int is `int_max x, -x` after
//!   `guard_true x != i64::MIN` (whose absolute value needs a big int: the interpreter
//!   redoes the call).
//! - `min(a, b)` / `max(a, b)` of two ints or two floats: `int_min` / `int_max` /
//!   `float_min` / `float_max`, which keep `a` unless `b` is strictly smaller (larger), as
//!   CPython's `min_max` keeps the first of equal items and any NaN comparison is false.
//!
//! - `len(x)` of an exact list, tuple, str or dict, and `xs.append(v)` on an exact list
//!   (`CALL_METHOD` with a receiver): `list.rs`.
//!
//! Bools, mixed int/float `min`/`max` (the result's type depends on the values) and any
//! other callable abort with [`AbortReason::UnsupportedCall`]. Every exit resumes at the
//! call with the callable, the NULL marker and the arguments on the stack (known objects
//! are restored from the recording's object table, snapshot entries `objK`).
//!
//! # Inlining Python functions
//! A call of a known plain Python function with exactly its positional parameters
//! ([`Observe::inline_target`]) is inlined: the recorder goes on into the callee (the
//! interpreter executes the call and calls the recorder with the callee frame's
//! instructions), with a virtual frame whose locals are SSA values (the arguments, then
//! what the callee assigns; never memory) and its own operand stack; `RETURN_VALUE`
//! returns to the caller's virtual state, the result replacing the callable and the
//! arguments. Nested calls inline the same way up to [`Recorder::set_max_inline`] levels.
//!
//! **Exits inside an inlined call** resume at the *outermost* inlined call instruction of
//! the trace's frame, with the callable and the arguments on the stack as they were: the
//! interpreter performs the call again from its start, pushing the callee frames itself,
//! so a `ZeroDivisionError`, an int overflowing into a big int or a type change inside the
//! callee happen in the interpreter exactly as without the JIT, traceback included. This
//! is exact because an inlined call does nothing but compute: the recorded instructions
//! write only the callee's virtual locals and stack (stores to globals, attributes or
//! containers, loops and other calls abort), so redoing the call from its start observes
//! the same state. The one exception, attribute stores, is kept *pending* until the
//! outermost inlined call returns (`attr.rs`), so it has not happened at any exit inside
//! the call. (LuaJIT and PyPy instead keep one snapshot frame per inlined call and
//! rebuild the callee frames at the exit; that resumes mid-callee but needs the
//! interpreter to accept a rebuilt frame stack, which ours does not yet.)

use crate::ir::{CallEffect, Op, SnapId, Type};

/// The class word of an object (`obj_class(obj: ptr) -> ptr pure`: taipan has no
/// `__class__` assignment, so it never changes; expanded inline as one load where the VM
/// measured the layout).
pub const OBJ_CLASS_HELPER: &str = "obj_class";

/// `float_trunc(x: f64) -> i64 pure`: `x` truncated toward zero (the recorder guards
/// `-2**63 <= x < 2**63` first: `int(x)` of a float, CPython `float___trunc___impl`).
pub const FLOAT_TRUNC_HELPER: &str = "float_trunc";

/// `str_eq(a: ptr, b: ptr) -> i64 pure`: 1 when two exact strs are equal, 0 when not, -1
/// when either is no exact str (`record/arith.rs`, `==`/`!=` of strs).
pub const STR_EQ_HELPER: &str = "str_eq";

/// `str_concat(area: ptr, a: ptr, b: ptr) -> own ptr writes`: a new str, `a` followed by
/// `b`, when both are exact strs, else 0 (`record/arith.rs`, `+` of strs; CPython
/// `PyUnicode_Concat`). Word 0 of the call area is the VM's address.
pub const STR_CONCAT_HELPER: &str = "str_concat";

/// `str_call(area: ptr, method: ptr, n: i64) -> own ptr writes`: `method` (a
/// [`super::Builtin::StrMethod`] native) applied to the `n` values of the call area's
/// argument slots (the receiver first), when all are exact strs and it returns an object;
/// else, or when it raises, 0 (the exit redoes the call in the interpreter).
pub const STR_CALL_HELPER: &str = "str_call";

/// `str_exact(obj: ptr) -> i64 pure`: 1 for an exact `str`, else 0.
pub const STR_EXACT_HELPER: &str = "str_exact";

/// `int_str(area: ptr, x: i64) -> own ptr writes`: a new str of `x`'s decimal digits
/// (`str(x)` of an int; CPython `long_to_decimal_string`), 0 only if it cannot be made.
pub const INT_STR_HELPER: &str = "int_str";
use crate::record::{Abort, AbortReason, Builtin, CodeInfo, ObjInfo, Observe, Observed, PyVal, Recorder};

/// A Python call being inlined: the caller's state saved while the recorder is in the
/// callee, and the callee's virtual locals.
#[derive(Debug)]
pub(crate) struct Inlined {
    /// The function called: its known object number (a multi-frame snapshot's frame,
    /// `mframe.rs`).
    pub(crate) func: u32,
    /// The value in the callable's slot of the caller's stack (the interpreter keeps that
    /// slot during the call; the return overwrites it).
    pub(crate) callable: PyVal,
    /// The caller's code.
    pub(crate) caller_code: CodeInfo,
    /// The caller's stack below the callable.
    pub(crate) caller_stack: Vec<PyVal>,
    /// Where the caller continues after the call.
    pub(crate) ret_pc: u32,
    /// The callee's locals (its fast locals; `None`: unbound).
    pub(crate) locals: Vec<Option<PyVal>>,
    /// The snapshot every exit inside this call (and calls nested in it) takes when this is
    /// the outermost inlined call: the call instruction of the trace's frame.
    pub(crate) snap: SnapId,
    /// A loop call (`pycall.rs`, "Loop calls"): the header of the callee's loop where the
    /// recording calls its trace, and the function's object word.
    pub(crate) loop_at: Option<(u32, u64)>,
    /// A loop call's arguments and whether a NULL marker is below the callable (the
    /// helper gives a call it does not make back to the interpreter with them).
    pub(crate) call_args: Vec<PyVal>,
    pub(crate) call_extra: usize,
    /// An inlined `__init__` (`alloc.rs`): the instance the trace made, which the return
    /// pushes instead of `__init__`'s None.
    pub(crate) init: Option<crate::ir::InsnId>,
}

impl Inlined {
    /// Whether the saved caller state or the callee's locals hold object value `id`.
    pub(crate) fn holds(&self, id: crate::ir::InsnId) -> bool {
        let holds = |v: &PyVal| *v == PyVal::Obj(id);
        self.caller_stack.iter().any(holds) || self.locals.iter().flatten().any(holds) || holds(&self.callable)
    }
}

impl Recorder {
    /// `CALL n` (`method = false`) or `CALL_METHOD n` (`method = true`); returns the index
    /// the recording continues at (the next instruction, or the callee's first).
    pub(crate) fn call(&mut self, pc: u32, n: u32, method: bool, obs: &dyn Observe) -> Result<u32, Abort> {
        let n = n as usize;
        let extra = usize::from(method);
        let callee = self.peek(n + extra, pc)?;
        if method {
            // `CALL_METHOD` with a receiver: an exact list's `append`, or a Python method
            // (`attr.rs`) called with the receiver as its first argument
            let null = self.peek(n, pc)?;
            if matches!(callee, PyVal::Known(o) if o.info == ObjInfo::Builtin(Builtin::ListAppend)) {
                return self.list_append(pc, n);
            }
            if matches!(callee, PyVal::Known(o) if o.info == ObjInfo::Builtin(Builtin::DictGet)) {
                return self.dict_get(pc, n, obs);
            }
            if let PyVal::Known(o) = callee
                && let ObjInfo::Builtin(Builtin::StrMethod(to_str)) = o.info
            {
                return self.str_method_call(pc, n, o.key, to_str, obs);
            }
            if let (PyVal::Known(o), PyVal::Obj(_)) = (callee, null)
                && o.info == ObjInfo::Function
            {
                if self.func.is_some() && self.inl.is_empty() {
                    return Err(self.abort(AbortReason::UnsupportedCall, pc, "method call in a function trace"));
                }
                if self.py_call_allowed() && !self.inlinable(n + 1, o.key, obs) {
                    // a method that cannot be inlined: called with the receiver first
                    return self.py_call_known(pc, n + 1, 0, o.key, obs);
                }
                return self.inline_call(pc, n + 1, 0, o.key, obs);
            }
            if let (PyVal::Known(o), PyVal::Obj(_)) = (callee, null)
                && o.info == ObjInfo::Other
                && self.py_call_allowed()
            {
                // a list method other than `append` (`list.rs`): called with the list first
                return self.py_call_known(pc, n + 1, 0, o.key, obs);
            }
            if !matches!(null, PyVal::Known(o) if o.info == ObjInfo::Null) {
                return Err(self.abort(AbortReason::UnsupportedCall, pc, "method call with a receiver"));
            }
        }
        let PyVal::Known(o) = callee else {
            if matches!(callee, PyVal::Obj(_)) && self.py_call_allowed() {
                return self.py_call(pc, n, extra, None);
            }
            let d = format!("call of a {}", callee.tag().name());
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        if o.info == ObjInfo::Function {
            if self.func.is_some() && self.inl.is_empty() {
                return self.opaque_call(pc, n, extra, o.key, obs);
            }
            if self.py_call_allowed() && !self.inlinable(n, o.key, obs) {
                if self.inl.is_empty()
                    && n <= super::PY_MAX_ARGS as usize
                    && let Some((code, header, word)) =
                        obs.loop_call_target(o.key, u32::try_from(n).unwrap_or(u32::MAX))
                {
                    return self.inline_with(pc, n, extra, code, Some((header, word)), o.key, None);
                }
                return self.py_call_known(pc, n, extra, o.key, obs);
            }
            return self.inline_call(pc, n, extra, o.key, obs);
        }
        let ObjInfo::Builtin(b) = o.info else {
            if o.info == ObjInfo::Other
                && extra == 0
                && self.func.is_none()
                && self.area != 0
                && self.inl.len() < self.max_inline as usize
                && let Some(t) = obs.init_target(o.key, u32::try_from(n).unwrap_or(u32::MAX))
            {
                // a plain class with a Python `__init__` (`alloc.rs`)
                return self.init_call(pc, n, t);
            }
            if o.info == ObjInfo::Other && self.py_call_allowed() {
                // a class, a builtin without a translation, any other callable object
                return self.py_call_known(pc, n, extra, o.key, obs);
            }
            return Err(self.abort(AbortReason::UnsupportedCall, pc, format!("call of {:?}", o.info)));
        };
        if b == Builtin::IsInstance {
            return self.isinstance(pc, n, extra, o.key, obs);
        }
        if b == Builtin::Super {
            return self.super_call(pc, n, extra, obs);
        }
        let mut args = Vec::with_capacity(n);
        for i in (0..n).rev() {
            args.push(self.peek(i, pc)?);
        }
        let r = match self.builtin(pc, b, &args, obs) {
            Ok(r) => r,
            // (these builtins emit nothing before they give up)
            Err(a)
                if a.reason == AbortReason::UnsupportedCall
                    && matches!(
                        b,
                        Builtin::Abs
                            | Builtin::Min
                            | Builtin::Max
                            | Builtin::MathSqrt
                            | Builtin::Int
                            | Builtin::Str
                            | Builtin::StrMethod(_)
                            | Builtin::Math(_)
                    )
                    && self.py_call_allowed() =>
            {
                return self.py_call_known(pc, n, extra, o.key, obs);
            }
            Err(a) => return Err(a),
        };
        for _ in 0..n + extra + 1 {
            self.pop(pc)?;
        }
        self.push(r);
        Ok(pc.saturating_add(1))
    }

    /// `[method, s, a1..an] CALL_METHOD n` of a `str` method ([`Builtin::StrMethod`], `s`
    /// guarded an exact str by its `LOAD_METHOD`) with arguments observed as exact strs: the
    /// receiver and arguments go into the call area's argument slots, then `%r = call
    /// @str_call(area, method, n + 1) -> own ptr writes`, guarded non-zero (the exit redoes
    /// the call: it has no effect). No Python code runs, so it is no opaque call (any object
    /// word may be live across it). The result is owned; a str frees nothing else when
    /// released. Other arguments, or no call area: an opaque call where one is allowed.
    fn str_method_call(&mut self, pc: u32, n: usize, key: u32, to_str: bool, obs: &dyn Observe) -> Result<u32, Abort> {
        let strs = (0..n).all(|i| matches!(self.peek(i, pc), Ok(PyVal::Obj(_))) && obs.stack_str(i as u32));
        let ok = strs && n < 3 && self.area != 0 && self.func.is_none() && matches!(self.peek(n, pc)?, PyVal::Obj(_));
        let word = obs.known_word(key);
        let (true, Some(word)) = (ok, word) else {
            if self.py_call_allowed() {
                return self.py_call_known(pc, n + 1, 0, key, obs);
            }
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "a str method with other arguments"));
        };
        let mut items = Vec::with_capacity(n + 1);
        for i in (0..=n).rev() {
            items.push(self.peek(i, pc)?);
        }
        let area = self.area_ptr();
        self.store_call_args(pc, area, super::AREA_ARGS, &items)?;
        let m = self.b.const_ptr(word);
        let k = self.b.const_i64(i64::try_from(n + 1).unwrap_or(0));
        // (a str holds no object: releasing it frees nothing else)
        let r = self.owned_alloc(pc, STR_CALL_HELPER, &[area, m, k], to_str);
        for _ in 0..n + 2 {
            self.pop(pc)?;
        }
        self.push(PyVal::Obj(r));
        Ok(pc.saturating_add(1))
    }

    /// `[isinstance, x, C] CALL 2` (`key`: `isinstance`'s known object): folded to a constant
    /// when the interpreter answers [`Observe::isinstance`] — behind `guard_true
    /// @obj_class(x) == class` for an object `x` (the answer is the same for every object of
    /// that class: taipan has no `__class__` assignment, the class's bases are pinned), with
    /// nothing to check for None/bool/int/float (the tag is the type) or a known object.
    /// Otherwise an opaque call where one is allowed, else an abort.
    fn isinstance(&mut self, pc: u32, n: usize, extra: usize, key: u32, obs: &dyn Observe) -> Result<u32, Abort> {
        // (`C` must be a constant of the trace: a pinned global, not a value that may change)
        let x = if n == 2 && extra == 0 && self.func.is_none() && matches!(self.peek(0, pc)?, PyVal::Known(_)) {
            Some(self.peek(1, pc)?)
        } else {
            None
        };
        let folded = match (x, obs.isinstance()) {
            (Some(x @ (PyVal::Obj(_) | PyVal::Known(_))), Some(i)) if i.cls != 0 || matches!(x, PyVal::Known(_)) => {
                Some((x, i))
            }
            (Some(x @ (PyVal::None | PyVal::Bool(_) | PyVal::Int(_) | PyVal::Float(_))), Some(i)) if i.cls == 0 => {
                Some((x, i))
            }
            _ => None,
        };
        let Some((x, i)) = folded else {
            if self.py_call_allowed() {
                return self.py_call_known(pc, n, extra, key, obs);
            }
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "isinstance not folded"));
        };
        if let PyVal::Obj(w) = x {
            let s = self.snap(pc);
            let c = self.b.const_ptr(i.cls);
            let cls = self.b.call(OBJ_CLASS_HELPER, CallEffect::Pure, &[w], Type::Ptr);
            let same = self.b.binary(Op::PtrEq, cls, c);
            self.guard(true, same, s);
        }
        for _ in 0..3 {
            self.pop(pc)?;
        }
        let r = self.b.const_bool(i.result);
        self.push(PyVal::Bool(r));
        Ok(pc.saturating_add(1))
    }

    /// Whether a call of Python function `key` with `n` arguments would be inlined: not a
    /// recursive call (the function is not open among the inlined calls: a recursion
    /// unrolled a few levels deep ends in opaque calls at every leaf, each with a call's
    /// cost — `bench/programs/binary_trees.py`'s `make_tree`, 648M → 811M instructions when
    /// it was unrolled — where one opaque call runs the whole recursion, through the
    /// function's own trace).
    fn inlinable(&self, n: usize, key: u32, obs: &dyn Observe) -> bool {
        self.inl.len() < self.max_inline as usize
            && !self.inl.iter().any(|i| i.func == key)
            && obs.inline_target(key, u32::try_from(n).unwrap_or(u32::MAX)).is_some()
    }

    /// An opaque call of known object `key` (see `pycall.rs`).
    fn py_call_known(&mut self, pc: u32, n: usize, extra: usize, key: u32, obs: &dyn Observe) -> Result<u32, Abort> {
        let Some(w) = obs.known_word(key) else {
            return Err(self.abort(AbortReason::UnsupportedCall, pc, "a known callable without a word"));
        };
        self.py_call(pc, n, extra, Some(w))
    }

    /// Enters the inlined call of Python function `key` with the top `n` stack entries as
    /// its arguments (`extra` = 1: a NULL marker below them); returns the callee's first
    /// index (0).
    fn inline_call(&mut self, pc: u32, n: usize, extra: usize, key: u32, obs: &dyn Observe) -> Result<u32, Abort> {
        if self.inl.len() >= self.max_inline as usize {
            let d = format!("inlining deeper than {}", self.max_inline);
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        }
        let nargs = u32::try_from(n).unwrap_or(u32::MAX);
        let Some(code) = obs.inline_target(key, nargs) else {
            let d = format!("function {key} with {n} arguments is not inlinable");
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        self.inline_with(pc, n, extra, code, None, key, None)
    }

    /// Enters the inlined call of the function whose code is `code` (see
    /// [`Recorder::inline_call`]); `loop_at`: a loop call's header and function word;
    /// `outer_snap`: the snapshot the exits of an outermost call resume through, when the
    /// caller made it (`alloc.rs`: after the instance was made), else made here.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn inline_with(
        &mut self,
        pc: u32,
        n: usize,
        extra: usize,
        code: CodeInfo,
        loop_at: Option<(u32, u64)>,
        func: u32,
        outer_snap: Option<SnapId>,
    ) -> Result<u32, Abort> {
        if let Some((_, w)) = loop_at {
            self.loop_call_fn = Some(w);
        }
        if (code.nlocals as usize) < n {
            return Err(self.abort(AbortReason::Desync, pc, "fewer locals than arguments"));
        }
        // the exits inside the call resume here (outermost call only)
        let snap = match (self.inl.first(), outer_snap) {
            (Some(i), _) => i.snap,
            (None, Some(s)) => s,
            (None, None) => self.snap(pc),
        };
        let base = self
            .stack
            .len()
            .checked_sub(n + extra + 1)
            .ok_or_else(|| self.below(0, pc))?;
        let mut locals = vec![None; code.nlocals as usize];
        for (l, v) in locals.iter_mut().zip(self.stack.get(base + extra + 1..).unwrap_or(&[])) {
            *l = Some(*v);
        }
        let args: Vec<PyVal> = self.stack.get(base + extra + 1..).unwrap_or(&[]).to_vec();
        let callable = self.stack.get(base).copied().ok_or_else(|| self.below(0, pc))?;
        let caller_stack: Vec<PyVal> = self.stack.drain(..).take(base).collect();
        let caller_code = std::mem::replace(&mut self.code, code);
        self.inl.push(Inlined {
            func,
            callable,
            caller_code,
            caller_stack,
            ret_pc: pc.saturating_add(1),
            locals,
            snap,
            call_args: if loop_at.is_some() { args } else { Vec::new() },
            call_extra: extra,
            loop_at,
            init: None,
        });
        if self.inl.len() == 1 {
            self.outer_calls = self.outer_calls.wrapping_add(1);
            self.inl_snap_owned = self.owned.clone();
        }
        self.deepest = self.deepest.max(self.inl.len() as u32);
        Ok(0)
    }

    /// `RETURN_VALUE` in an inlined call: back to the caller's state with the result
    /// pushed; returns the caller's next index.
    pub(crate) fn return_inlined(&mut self, pc: u32) -> Result<u32, Abort> {
        let mut r = self.pop(pc)?;
        let Some(i) = self.inl.pop() else {
            return Err(self.abort(AbortReason::Desync, pc, "return without an inlined call"));
        };
        if let Some(obj) = i.init {
            // `type.__call__` checks `__init__`'s result (the interpreter raises TypeError)
            if r != PyVal::None {
                return Err(self.abort(AbortReason::UnsupportedCall, pc, "__init__ returning a value"));
            }
            r = PyVal::Obj(obj);
        }
        self.code = i.caller_code;
        self.stack = i.caller_stack;
        self.push(r);
        if self.inl.is_empty() {
            // no exit can redo the call now: its attribute stores happen (`attr.rs`)
            self.flush_pending(i.ret_pc);
            // (exits resume in the trace's own frame again)
            self.mframe = false;
        }
        Ok(i.ret_pc)
    }

    /// Local `n` of the innermost inlined call.
    pub(crate) fn callee_local(&self, n: u32, pc: u32) -> Result<PyVal, Abort> {
        match self.inl.last().and_then(|i| i.locals.get(n as usize)) {
            Some(Some(v)) => Ok(*v),
            Some(None) => Err(self.abort(AbortReason::UnboundLocal, pc, format!("callee local {n} is unbound"))),
            None => Err(self.abort(AbortReason::Desync, pc, format!("no callee local {n}"))),
        }
    }

    /// Assigns local `n` of the innermost inlined call.
    pub(crate) fn set_callee_local(&mut self, n: u32, v: PyVal, pc: u32) -> Result<(), Abort> {
        match self.inl.last_mut().and_then(|i| i.locals.get_mut(n as usize)) {
            Some(l) => {
                *l = Some(v);
                Ok(())
            }
            None => Err(self.abort(AbortReason::Desync, pc, format!("no callee local {n}"))),
        }
    }

    /// The result of builtin `b` applied to `args` (the call's operands still on the
    /// recorded stack, for the snapshots of its guards).
    fn builtin(&mut self, pc: u32, b: Builtin, args: &[PyVal], obs: &dyn Observe) -> Result<PyVal, Abort> {
        let unsupported = |r: &Recorder| {
            let types: Vec<&str> = args.iter().map(|a| a.tag().name()).collect();
            let d = format!("{b:?}({})", types.join(", "));
            Err(r.abort(AbortReason::UnsupportedCall, pc, d))
        };
        match (b, args) {
            (Builtin::Range, _) => self.range_call(pc, args, obs),
            (Builtin::Enumerate, _) => self.enumerate_call(pc, args, obs),
            (Builtin::Zip, _) => self.zip_call(pc, args, obs),
            (Builtin::MathSqrt, &[a]) => {
                let x = match a {
                    PyVal::Int(x) => self.b.unary(Op::IntToFloat, x),
                    PyVal::Float(x) => x,
                    _ => return unsupported(self),
                };
                let negative = match obs.stack(0) {
                    Observed::Int(k) => k < 0,
                    Observed::Float(v) => v < 0.0,
                    o => return Err(self.abort(AbortReason::Desync, pc, format!("sqrt of {o:?}"))),
                };
                if negative {
                    return Err(self.abort(AbortReason::RaisesNow, pc, "math.sqrt of a negative number"));
                }
                let z = self.b.const_f64(0.0);
                let c = self.b.binary(Op::FloatLt, x, z);
                let s = self.snap(pc);
                self.guard(false, c, s);
                Ok(PyVal::Float(self.b.unary(Op::FloatSqrt, x)))
            }
            (Builtin::Math(m), &[a]) => self.math_call(pc, m, a, obs),
            (Builtin::Math2(m), &[a, b]) => self.math2_call(pc, m, a, b),
            (Builtin::Abs, &[PyVal::Float(x)]) => Ok(PyVal::Float(self.b.unary(Op::FloatAbs, x))),
            (Builtin::Abs, &[PyVal::Int(x)]) => {
                if obs.stack(0) == Observed::Int(i64::MIN) {
                    return Err(self.abort(AbortReason::BigIntResult, pc, "abs(-2**63)"));
                }
                let m = self.b.const_i64(i64::MIN);
                let c = self.b.binary(Op::IntNe, x, m);
                let s = self.snap(pc);
                self.guard(true, c, s);
                let neg = self.b.unary(Op::IntNeg, x);
                Ok(PyVal::Int(self.b.binary(Op::IntMax, x, neg)))
            }
            (Builtin::Min | Builtin::Max, &[PyVal::Int(x), PyVal::Int(y)]) => {
                let op = if b == Builtin::Min { Op::IntMin } else { Op::IntMax };
                Ok(PyVal::Int(self.b.binary(op, x, y)))
            }
            (Builtin::Len, &[PyVal::Obj(x)]) => self.builtin_len(pc, x, obs),
            // a list, tuple, str or dict held by a pinned global (`len(PUNCTUATION)`): its
            // word, alive through the pinned binding (`attr.rs`, `known_ptr`)
            (Builtin::Len, &[PyVal::Known(o)]) if o.info == ObjInfo::Other => {
                let x = self.known_ptr(o.key, pc, obs)?;
                self.builtin_len(pc, x, obs)
            }
            (Builtin::Int, &[PyVal::Int(x)]) => Ok(PyVal::Int(x)),
            (Builtin::Str, &[PyVal::Int(x)]) => self.int_str(pc, x),
            (Builtin::Int, &[PyVal::Bool(x)]) => Ok(PyVal::Int(self.b.unary(Op::BoolToInt, x))),
            (Builtin::Int, &[PyVal::Float(x)]) => {
                // a float outside i64 (a big int), NaN or an infinity (errors): the
                // interpreter redoes the call
                let Observed::Float(v) = obs.stack(0) else {
                    return Err(self.abort(AbortReason::Desync, pc, "int() of a float not observed"));
                };
                const TWO_63: f64 = 9_223_372_036_854_775_808.0;
                if !(-TWO_63..TWO_63).contains(&v) {
                    return unsupported(self);
                }
                let s = self.snap(pc);
                let hi = self.b.const_f64(TWO_63);
                let lo = self.b.const_f64(-TWO_63);
                let below = self.b.binary(Op::FloatLt, x, hi);
                self.guard(true, below, s);
                let above = self.b.binary(Op::FloatGe, x, lo);
                self.guard(true, above, s);
                Ok(PyVal::Int(self.b.call(
                    FLOAT_TRUNC_HELPER,
                    CallEffect::Pure,
                    &[x],
                    Type::I64,
                )))
            }
            (Builtin::Min | Builtin::Max, &[PyVal::Float(x), PyVal::Float(y)]) => {
                let op = if b == Builtin::Min { Op::FloatMin } else { Op::FloatMax };
                Ok(PyVal::Float(self.b.binary(op, x, y)))
            }
            _ => unsupported(self),
        }
    }
}
