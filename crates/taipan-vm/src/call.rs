//! Calls: dispatch on the callable's kind, argument binding for Python functions
//! (CPython's `_PyEval_MakeFrameVector` / `positional_only_passed_as_keyword` /
//! `missing_arguments` error messages), class instantiation and `__build_class__`.

use std::cell::RefCell;
use std::rc::Rc;

use taipan_bytecode::flags;

use crate::interp::Frame;
use crate::object::{Function, ObjKind};
use crate::types::tdata;
use crate::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Bytes of native stack kept free below the limit for native code and error handling.
const STACK_RESERVE: usize = 256 * 1024;

impl Vm {
    /// `callable(*args)`.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(callable, args, &[])
    }

    /// `callable(*positional, **dict(zip(kwnames, keyword values)))` where the keyword
    /// values are the last `kwnames.len()` items of `args`.
    pub fn call_kw(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let Value::Obj(o) = callable else {
            return Err(self.not_callable(callable));
        };
        match &o.kind {
            ObjKind::Function(func) => self.call_function(func, args, kwnames),
            ObjKind::BoundMethod { func, receiver } => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(receiver.clone());
                full.extend_from_slice(args);
                if let Some(ObjKind::Function(f)) = func.kind() {
                    return self.call_function(f, &full, kwnames);
                }
                let func = func.clone();
                self.call_kw(&func, &full, kwnames)
            }
            ObjKind::Native(n) => {
                let r = match &n.receiver {
                    Some(recv) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(recv.clone());
                        full.extend_from_slice(args);
                        (n.func)(self, &full, kwnames)
                    }
                    // an unbound method called without its receiver (CPython: slot wrappers
                    // say "descriptor", method descriptors "unbound method")
                    None if n.is_method && args.len() <= kwnames.len() => {
                        Err(self.type_error(if n.name.starts_with("__") && n.name.ends_with("__") {
                            format!("descriptor '{}' of '{}' object needs an argument", n.name, n.owner)
                        } else {
                            format!("unbound method {}.{}() needs an argument", n.owner, n.name)
                        }))
                    }
                    // natives of `type` read their receiver's type data
                    None if n.is_method
                        && n.owner == "type"
                        && !matches!(args.first().and_then(|a| a.kind()), Some(ObjKind::Type(_))) =>
                    {
                        let tn = args.first().map(|a| self.type_name(a)).unwrap_or_default();
                        Err(self.type_error(format!(
                            "descriptor '{}' for 'type' objects doesn't apply to a '{tn}' object",
                            n.name
                        )))
                    }
                    None => (n.func)(self, args, kwnames),
                };
                self.frame_ctx = None;
                r
            }
            ObjKind::Type(_) => {
                // a metaclass may define __call__ (singletons, registries...)
                let meta = self.class_of(callable).clone();
                if meta.kind.is_heap_type() {
                    if let Some(m) = self.lookup_in_type(&meta, "__call__") {
                        if !matches!(m.kind(), Some(ObjKind::Native(_))) {
                            let mut full = Vec::with_capacity(args.len() + 1);
                            full.push(callable.clone());
                            full.extend_from_slice(args);
                            return self.call_kw(&m, &full, kwnames);
                        }
                    }
                }
                self.call_type(o, args, kwnames)
            }
            _ => {
                if let Some(m) = self.lookup_special(callable, "__call__") {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(callable.clone());
                    full.extend_from_slice(args);
                    return self.call_kw(&m, &full, kwnames);
                }
                // staticmethod objects are callable since Python 3.10 (they call the function)
                if let ObjKind::StaticMethod(f) = &o.kind {
                    let f = f.clone();
                    return self.call_kw(&f, args, kwnames);
                }
                Err(self.not_callable(callable))
            }
        }
    }

    fn not_callable(&mut self, v: &Value) -> PyErr {
        let tn = self.type_name(v);
        self.type_error(format!("'{tn}' object is not callable"))
    }

    /// `f(*args, **kwargs)` with a tuple (or any iterable) and an optional mapping.
    pub fn call_ex(&mut self, func: &Value, args: &Value, kwargs: Option<&Value>) -> PyResult<Value> {
        let mut all = match args.kind() {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            _ => self.collect(args)?,
        };
        let mut names = Vec::new();
        if let Some(kw) = kwargs {
            let items = crate::builtins::dict::mapping_items(self, kw)?;
            for (k, v) in items {
                if k.as_str().is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                names.push(k);
                all.push(v);
            }
        }
        self.call_kw(func, &all, &names)
    }

    /// `obj.name(*args)` where `stack[0]` is obj: avoids making a bound method when the
    /// attribute is a plain function or native method on the class.
    pub fn call_method_on_stack(&mut self, stack: &[Value], name: &Value) -> PyResult<Value> {
        let obj = &stack[0];
        let name_s = name.as_str().unwrap_or("");
        let is_plain_instance = match obj {
            Value::Obj(o) => !matches!(o.kind, ObjKind::Type(_) | ObjKind::Module | ObjKind::Super { .. }),
            _ => true,
        };
        if is_plain_instance {
            let cls = self.class_of(obj).clone();
            if let Some(m) = self.lookup_in_type(&cls, name_s) {
                let shadowed = match obj {
                    Value::Obj(o) => o
                        .dict
                        .as_ref()
                        .is_some_and(|d| crate::ops::dict_get_str(d, crate::ops::hash_str(name_s), name_s).is_some()),
                    _ => false,
                };
                if !shadowed {
                    match m.kind() {
                        Some(ObjKind::Function(f)) => return self.call_function(f, stack, &[]),
                        Some(ObjKind::Native(n)) if n.is_method && n.receiver.is_none() => {
                            return (n.func)(self, stack, &[]);
                        }
                        _ => {}
                    }
                }
            }
        }
        let callable = self.get_attr(obj, name)?;
        self.call(&callable, &stack[1..])
    }

    /// For `LOAD_METHOD`: the plain function or native method `name` found on the class
    /// of `obj` and not shadowed by its instance dict (`None`: use a normal attribute load).
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> Option<Value> {
        if let Value::Obj(o) = obj {
            if matches!(o.kind, ObjKind::Type(_) | ObjKind::Module | ObjKind::Super { .. }) {
                return None;
            }
        }
        name.as_str()?;
        let c = self.class_of(obj);
        if c.kind.is_heap_type() {
            let c = c.clone();
            if self
                .lookup_in_type(&c, "__getattribute__")
                .is_some_and(|g| !matches!(g.kind(), Some(ObjKind::Native(_))))
            {
                return None;
            }
        }
        let cls = self.class_of(obj).clone();
        let m = self.lookup_in_type_name(&cls, name)?;
        let plain = match m.kind() {
            Some(ObjKind::Function(_)) => true,
            Some(ObjKind::Native(n)) => n.is_method && n.receiver.is_none(),
            _ => false,
        };
        if !plain {
            return None;
        }
        if let Value::Obj(o) = obj {
            if let Some(d) = &o.dict {
                if crate::ops::dict_get_name(d, name).is_some() {
                    return None;
                }
            }
        }
        Some(m)
    }

    /// Calls a method by name: `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let mut stack = Vec::with_capacity(args.len() + 1);
        stack.push(obj.clone());
        stack.extend_from_slice(args);
        let n = self.intern(name);
        self.call_method_on_stack(&stack, &n)
    }

    /// Raises RecursionError when the Python depth exceeds the limit or the native stack
    /// is nearly exhausted.
    #[inline]
    pub fn check_stack(&mut self) -> PyResult<()> {
        let here = 0u8;
        let addr = &here as *const u8 as usize;
        if self.depth > self.recursion_limit || (self.stack_limit != 0 && addr < self.stack_limit + STACK_RESERVE) {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn recursion_error(&mut self) -> PyErr {
        let t = self.exc.recursion_error.clone();
        self.new_error(&t, "maximum recursion depth exceeded")
    }

    /// Calls a Python function.
    pub fn call_function(&mut self, func: &Function, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if kwnames.is_empty() && func.code.fast_argcount == Some(args.len()) {
            return self.call_function_fast(func, args);
        }
        if func.code.raw.flags & flags::GENERATOR != 0 {
            let frame = match self.generator_frame(func, args, kwnames) {
                Some(frame) => frame,
                None => self.bind_arguments(func, args, kwnames)?,
            };
            return Ok(crate::generator::new_generator(self, frame, func));
        }
        let frame = self.bind_arguments(func, args, kwnames)?;
        self.execute_frame(frame)
    }

    /// The frame of a generator function called with exactly its positional parameters
    /// and no cells of its own (every generator expression: one argument, the iterator,
    /// and the enclosing scope's cells as free variables): built with plain pushes into a
    /// pooled frame, as [`Vm::fast_frame`]. `None` when the call needs the general binding.
    #[inline]
    pub(crate) fn generator_frame(&mut self, func: &Function, args: &[Value], kwnames: &[Value]) -> Option<Box<Frame>> {
        let code = &func.code;
        let raw = &code.raw;
        let complex = flags::VARARGS | flags::VARKEYWORDS;
        if !kwnames.is_empty()
            || raw.flags & complex != 0
            || raw.kwonly_arg_count != 0
            || !raw.cellvars.is_empty()
            || raw.arg_count as usize != args.len()
        {
            return None;
        }
        let mut frame = self.acquire_frame(code, &func.globals);
        let n = code.nlocalsplus;
        let locals = &mut frame.locals;
        locals.reserve(n);
        locals.extend(args.iter().map(|v| Some(v.clone())));
        fill_simple_frame(&mut frame, func);
        Some(frame)
    }

    /// Calls a Python function whose code has `fast_argcount == Some(args.len())`: the
    /// arguments are copied into the first local slots and the frame is built in place
    /// (no argument checks can fail, no cells to create).
    #[inline]
    pub fn call_function_fast(&mut self, func: &Function, args: &[Value]) -> PyResult<Value> {
        let code = &func.code;
        let mut frame = self.acquire_frame(code, &func.globals);
        // (plain pushes: `Vec::resize` is an out-of-line call)
        let n = code.nlocalsplus;
        let locals = &mut frame.locals;
        locals.reserve(n);
        for v in args {
            locals.push(Some(v.clone()));
        }
        fill_simple_frame(&mut frame, func);
        self.execute_frame(frame)
    }

    /// Runs a bound frame of a Python call to its return: recursion-limit and native-stack
    /// check, a safe point for the collector, the hotness count, then the frame goes back
    /// to the pool.
    #[inline(always)]
    pub(crate) fn execute_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        self.depth += 1;
        let r = match self.check_stack() {
            Ok(()) => {
                crate::gc::maybe_collect();
                self.note_hot::<true>(&frame.code);
                self.run_frame(&mut frame, None)
            }
            Err(e) => Err(e),
        };
        self.depth -= 1;
        self.release_frame(frame);
        Ok(r?.value)
    }

    /// The frame of a call of `func` with exactly its positional parameters
    /// (`Code::fast_argcount == Some(args.len() + recv.is_some() as usize)`), for the
    /// in-loop call path of the dispatch loop: `recv` (a bound method's receiver) becomes
    /// the first argument, the argument values are moved out of `args` by one block copy
    /// (no reference count changes hands, nothing is written back), and the other local
    /// slots are filled by [`fill_simple_frame`]. All inlined: this is the whole cost of
    /// binding.
    ///
    /// # Safety
    ///
    /// The values of `args` are moved out bitwise: the caller must forget them (shrink
    /// the vector that holds them with `Vec::set_len`, never drop or read them) before
    /// anything else can see that vector.
    #[inline(always)]
    pub(crate) unsafe fn fast_frame(&mut self, func: &Function, recv: Option<Value>, args: &mut [Value]) -> Box<Frame> {
        let code = &func.code;
        let mut frame = match self.fast_frames.pop() {
            // (pooled frames have no locals dict, no chain link and empty buffers)
            Some(mut fr) => {
                // (a pooled frame keeps its last code: often this one, for recursion)
                if !Rc::ptr_eq(&fr.code, code) {
                    fr.code = code.clone();
                }
                fr.globals = func.globals.clone();
                fr.ip = 0;
                fr
            }
            None => self.acquire_frame(code, &func.globals),
        };
        let locals = &mut frame.locals;
        debug_assert!(locals.is_empty());
        locals.reserve(code.nlocalsplus);
        // SAFETY: the reservation above leaves room for `nlocalsplus` slots, at least the
        // receiver and the arguments (`fast_argcount` counts them, and no argument is a
        // cell); a `Value` has the 16-byte layout of `Some(value)` (an `Option<Value>`
        // uses the unused tag 5 for `None`, `value.rs`); the caller forgets the moved
        // values of `args` (this function's contract), so each has one owner.
        unsafe {
            let base = locals.as_mut_ptr();
            let mut len = 0;
            if let Some(r) = recv {
                base.write(Some(r));
                len = 1;
            }
            move_slots(args.as_ptr(), base.add(len), args.len());
            locals.set_len(len + args.len());
        }
        // no cells (see `Code::fast_argcount`): the other variables, then the free cells
        fill_simple_frame(&mut frame, func);
        frame
    }

    /// The frame of a call of a simple function (`Code::fast_argcount` is `Some`: no
    /// `*args`/`**kwargs`, keyword-only parameters or cells, not a generator) with fewer
    /// positional arguments than parameters and no keywords, the missing ones taken from
    /// its defaults (CPython 3.11's `CALL_PY_WITH_DEFAULTS`): the arguments, then the
    /// last defaults, pushed into a pooled frame as in [`Vm::fast_frame`]. `None` when the
    /// call needs the general binding, which reports missing or surplus arguments.
    /// (Reached through [`Vm::bind_arguments`], out of the dispatch loop: a test in the
    /// loop's call path made its exact-arguments calls slower.)
    #[inline(always)]
    fn defaults_frame(&mut self, func: &Function, args: &[Value]) -> Option<Box<Frame>> {
        let code = &func.code;
        let argcount = code.fast_argcount?;
        if args.len() >= argcount {
            return None;
        }
        let defaults = func.defaults.try_borrow().ok()?;
        // (the defaults belong to the last parameters: the first missing parameter takes
        // the default at `args.len() + defaults.len() - argcount`)
        let tail = defaults.get((args.len() + defaults.len()).checked_sub(argcount)?..)?;
        let mut frame = self.acquire_frame(code, &func.globals);
        let n = code.nlocalsplus;
        let locals = &mut frame.locals;
        locals.reserve(n);
        for v in args.iter().chain(tail) {
            locals.push(Some(v.clone()));
        }
        drop(defaults);
        fill_simple_frame(&mut frame, func);
        Some(frame)
    }

    /// The frame of an in-loop call of `func` (not a generator) with the positional
    /// arguments `args` that do not match its parameters exactly: for a simple function
    /// given fewer arguments than parameters, the arguments move into a pooled frame by one
    /// block copy, followed by the last defaults (as [`Vm::defaults_frame`], without a
    /// reference count handed over twice per argument); anything else (and every error)
    /// through [`Vm::bind_arguments`], after which the values of `args` are dropped and
    /// their slots left `None`. Out of line: the dispatch loop's call path keeps one call
    /// here.
    ///
    /// # Safety
    ///
    /// As [`Vm::fast_frame`]: on return the values of `args` are moved out or `None`; the
    /// caller must forget them (`Vec::set_len`) without dropping or reading them.
    #[inline(never)]
    pub(crate) unsafe fn bind_positional_moving(
        &mut self,
        func: &Function,
        args: &mut [Value],
    ) -> PyResult<Box<Frame>> {
        let code = &func.code;
        if let Some(argcount) = code.fast_argcount
            && args.len() < argcount
            && let Ok(defaults) = func.defaults.try_borrow()
            && let Some(tail) = (args.len() + defaults.len())
                .checked_sub(argcount)
                .and_then(|d| defaults.get(d..))
        {
            let mut frame = self.acquire_frame(code, &func.globals);
            let locals = &mut frame.locals;
            debug_assert!(locals.is_empty());
            locals.reserve(code.nlocalsplus);
            // SAFETY: room for `nlocalsplus >= argcount > args.len()` slots was reserved;
            // a `Value` has the layout of `Some(value)` (see `fast_frame`); the caller
            // forgets the moved values (this function's contract).
            unsafe {
                move_slots(args.as_ptr(), locals.as_mut_ptr(), args.len());
                locals.set_len(args.len());
            }
            for v in tail {
                locals.push(Some(v.clone()));
            }
            drop(defaults);
            fill_simple_frame(&mut frame, func);
            return Ok(frame);
        }
        let r = self.bind_arguments(func, args, &[]);
        clear_args(args);
        r
    }

    /// The frame of a call of a simple function (as [`Vm::defaults_frame`]) with keyword
    /// arguments: the positional ones, then each keyword in the slot of the parameter of
    /// that name (found by identity among the interned local names, the names being
    /// interned constants), then the defaults of the parameters still unbound. `None`
    /// (the frame goes back to the pool) for anything the general binding must handle or
    /// report: an unknown or positional-only name, a parameter given twice, a missing
    /// argument.
    #[inline(always)]
    fn keywords_frame(&mut self, func: &Function, args: &[Value], kwnames: &[Value]) -> Option<Box<Frame>> {
        let code = &func.code;
        let argcount = code.fast_argcount?;
        let npos = args.len().checked_sub(kwnames.len())?;
        if npos > argcount {
            return None;
        }
        let posonly = code.raw.posonly_arg_count as usize;
        let mut frame = self.acquire_frame(code, &func.globals);
        let n = code.nlocalsplus;
        let locals = &mut frame.locals;
        locals.reserve(n);
        for v in &args[..npos] {
            locals.push(Some(v.clone()));
        }
        while locals.len() < n {
            locals.push(None);
        }
        let params = code.local_names.get(..argcount);
        let mut ok = params.is_some();
        for (name, value) in kwnames.iter().zip(&args[npos..]) {
            let found = params.and_then(|p| p.iter().position(|p| same_str(p, name)));
            match found.and_then(|i| locals.get_mut(i).filter(|_| i >= posonly)) {
                Some(slot @ None) => *slot = Some(value.clone()),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            match func.defaults.try_borrow() {
                Ok(defaults) => {
                    for (i, slot) in locals.iter_mut().enumerate().take(argcount).skip(npos) {
                        if slot.is_none() {
                            match (i + defaults.len()).checked_sub(argcount).and_then(|d| defaults.get(d)) {
                                Some(d) => *slot = Some(d.clone()),
                                None => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                    }
                }
                Err(_) => ok = false,
            }
        }
        if !ok {
            self.release_frame(frame);
            return None;
        }
        let nvars = code.raw.varnames.len();
        if let Some(free) = frame.locals.get_mut(nvars..) {
            for (slot, c) in free.iter_mut().zip(func.closure.iter()) {
                *slot = Some(Value::Obj(c.clone()));
            }
        }
        frame.stack.reserve(code.raw.max_stack as usize);
        Some(frame)
    }

    /// Starts a bound frame that the dispatch loop is about to run in place of a native
    /// call (CPython 3.11's inlined calls): counts its depth, checks the recursion limit
    /// (RecursionError, raised at the caller's call instruction as by
    /// [`Vm::execute_frame`]), a safe point for the collector and the hotness count, and
    /// saves the exception being handled (restored when the frame returns or raises, as
    /// `run_frame` does for its frame). The loop undoes the depth when the frame ends.
    #[inline(always)]
    pub(crate) fn enter_frame<const S: bool>(&mut self, mut frame: Box<Frame>) -> PyResult<Box<Frame>> {
        self.depth += 1;
        // (only the depth: in-loop frames use no native stack, so the stack-address half
        // of `check_stack` gives the answer it gave when this loop was entered)
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            self.release_frame(frame);
            return Err(self.recursion_error());
        }
        if self.depth & DEPTH_PROBE_MASK == 0 && !frame_headroom(self.depth) {
            self.depth -= 1;
            self.release_frame(frame);
            return Err(self.no_memory());
        }
        crate::gc::maybe_collect();
        self.note_hot::<S>(&frame.code);
        // (entered frames come with no saved exception: no drop on the common path)
        match &self.handled_exc {
            Some(h) => frame.saved_exc = Some(h.clone()),
            None => {
                if frame.saved_exc.is_some() {
                    frame.saved_exc = None;
                }
            }
        }
        Ok(frame)
    }

    /// Builds the frame for a call: binds positional and keyword arguments, defaults,
    /// `*args`/`**kwargs`, creates cells and copies the closure.
    pub fn bind_arguments(&mut self, func: &Function, args: &[Value], kwnames: &[Value]) -> PyResult<Box<Frame>> {
        let quick = if kwnames.is_empty() {
            self.defaults_frame(func, args)
        } else {
            self.keywords_frame(func, args, kwnames)
        };
        if let Some(frame) = quick {
            return Ok(frame);
        }
        let code = func.code.clone();
        let raw = &code.raw;
        let mut frame = self.acquire_frame(&code, &func.globals);
        frame.locals.resize(code.nlocalsplus, None);
        let argcount = raw.arg_count as usize;
        let kwonly = raw.kwonly_arg_count as usize;
        let has_varargs = raw.flags & flags::VARARGS != 0;
        let has_varkw = raw.flags & flags::VARKEYWORDS != 0;
        let npos = args.len() - kwnames.len();
        let positional = &args[..npos];

        // Fast path: exact positional call, no keywords, no *args.
        if kwnames.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
            for (slot, v) in frame.locals.iter_mut().zip(positional.iter()) {
                *slot = Some(v.clone());
            }
        } else if let Err(e) = self.bind_slow(func, &mut frame.locals, positional, &args[npos..], kwnames) {
            self.release_frame(frame);
            return Err(e);
        }
        self.finish_frame(func, &mut frame);
        Ok(frame)
    }

    /// Most frames kept for reuse by [`Vm::release_frame`].
    const FRAME_POOL_MAX: usize = 32;

    /// A frame for running `code` with `globals`: from the pool of finished frames when
    /// possible (its buffers are reused in place, never moved), with empty locals and stack.
    #[inline]
    pub(crate) fn acquire_frame(&mut self, code: &Rc<crate::code::Code>, globals: &Obj) -> Box<Frame> {
        match self.fast_frames.pop() {
            Some(mut fr) => {
                if !Rc::ptr_eq(&fr.code, code) {
                    fr.code = code.clone();
                }
                fr.globals = globals.clone();
                fr.ip = 0;
                fr.locals_dict = None;
                fr
            }
            None => Box::new(Frame {
                code: code.clone(),
                ip: 0,
                locals: Vec::new(),
                stack: Vec::new(),
                globals: globals.clone(),
                locals_dict: None,
                back: None,
                saved_exc: None,
                init_call: false,
            }),
        }
    }

    /// Returns a finished frame to the pool: its values are dropped now, and its globals
    /// reset to the null marker so that a pooled frame keeps no namespace alive (its last
    /// code object stays referenced until reuse).
    #[inline(always)]
    pub(crate) fn release_frame(&mut self, mut frame: Box<Frame>) {
        frame.locals.clear();
        frame.stack.clear();
        frame.globals = self.null_marker.clone();
        if frame.locals_dict.is_some() {
            frame.locals_dict = None;
        }
        if frame.saved_exc.is_some() {
            frame.saved_exc = None;
        }
        if frame.back.is_some() {
            frame.back = None;
        }
        if self.fast_frames.len() < Self::FRAME_POOL_MAX
            && frame.locals.capacity() <= 512
            && frame.stack.capacity() <= 512
        {
            self.fast_frames.push(frame);
        }
    }

    /// Returns the frame of an in-loop call that just returned to the pool, as
    /// [`Vm::release_frame`] but without its checks of the links that are known empty
    /// here: the caller took `back` and `saved_exc`, and in-loop frames never have a
    /// locals dict (module and class bodies run in their own `run_frame`).
    #[inline(always)]
    pub(crate) fn recycle_returned_frame(&mut self, mut frame: Box<Frame>) {
        debug_assert!(frame.back.is_none() && frame.saved_exc.is_none() && frame.locals_dict.is_none());
        frame.locals.clear();
        if !frame.stack.is_empty() {
            frame.stack.clear();
        }
        frame.globals = self.null_marker.clone();
        if self.fast_frames.len() < Self::FRAME_POOL_MAX
            && frame.locals.capacity() <= 512
            && frame.stack.capacity() <= 512
        {
            self.fast_frames.push(frame);
        }
    }

    /// Creates the cells of `frame` (initialized from cell arguments) and copies the
    /// function's closure cells into the free-variable slots; reserves the operand stack.
    fn finish_frame(&mut self, func: &Function, frame: &mut Frame) {
        let code = frame.code.clone();
        let raw = &code.raw;
        let nvars = raw.varnames.len();
        let locals = &mut frame.locals;
        for (i, arg) in raw.cell2arg.iter().enumerate() {
            let init = arg.and_then(|a| locals.get_mut(a as usize).and_then(|s| s.take()));
            let cell = Value::new_obj(&self.types.cell, ObjKind::Cell(RefCell::new(init)));
            if let Some(slot) = locals.get_mut(nvars + i) {
                *slot = Some(cell);
            }
        }
        let nfree_start = nvars + raw.cellvars.len();
        for (i, c) in func.closure.iter().enumerate() {
            if let Some(slot) = locals.get_mut(nfree_start + i) {
                *slot = Some(Value::Obj(c.clone()));
            }
        }
        frame.stack.reserve(raw.max_stack as usize);
    }

    fn bind_slow(
        &mut self,
        func: &Function,
        locals: &mut [Option<Value>],
        positional: &[Value],
        kwvalues: &[Value],
        kwnames: &[Value],
    ) -> PyResult<()> {
        let code = func.code.clone();
        let raw = &code.raw;
        // only error messages need the qualified name
        let qual = QualName(func);
        let argcount = raw.arg_count as usize;
        let posonly = raw.posonly_arg_count as usize;
        let kwonly = raw.kwonly_arg_count as usize;
        let has_varargs = raw.flags & flags::VARARGS != 0;
        let has_varkw = raw.flags & flags::VARKEYWORDS != 0;
        let total = argcount + kwonly;
        let varargs_slot = total;
        let varkw_slot = total + has_varargs as usize;

        // positional
        let n = positional.len().min(argcount);
        for i in 0..n {
            locals[i] = Some(positional[i].clone());
        }
        if has_varargs {
            let extra = positional.get(argcount..).map(|s| s.to_vec()).unwrap_or_default();
            locals[varargs_slot] = Some(self.new_tuple(extra));
        } else if positional.len() > argcount {
            let defaults_n = func.defaults.borrow().len();
            let kw_given = kwnames
                .iter()
                .filter(|k| {
                    let s = k.as_str().unwrap_or("");
                    raw.varnames[argcount..total].iter().any(|v| &**v == s)
                })
                .count();
            let takes = if defaults_n > 0 {
                // (negative when `__defaults__` has more items than parameters, as CPython)
                let least = argcount as i64 - defaults_n as i64;
                format!("from {least} to {argcount} positional arguments")
            } else {
                format!(
                    "{} positional argument{}",
                    argcount,
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let given = positional.len();
            let msg = if kw_given > 0 {
                format!(
                    "{qual}() takes {takes} but {given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                    if given == 1 { "" } else { "s" },
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{qual}() takes {takes} but {given} {} given",
                    if given == 1 { "was" } else { "were" }
                )
            };
            return Err(self.type_error(msg));
        }
        // keywords
        let kwdict = if has_varkw {
            let d = self.new_dict_obj();
            locals[varkw_slot] = Some(Value::Obj(d.clone()));
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (name, value) in kwnames.iter().zip(kwvalues.iter()) {
            let s = name.as_str().unwrap_or("");
            let idx = raw.varnames[..total].iter().position(|v| &**v == s);
            match idx {
                Some(i) if i >= posonly => {
                    if locals[i].is_some() {
                        return Err(self.type_error(format!("{qual}() got multiple values for argument '{s}'")));
                    }
                    locals[i] = Some(value.clone());
                }
                other => {
                    if let Some(d) = &kwdict {
                        if d.kind_dict_contains_str(s) {
                            return Err(self.type_error(format!("{qual}() got multiple values for argument '{s}'")));
                        }
                        self.dict_set(d, name.clone(), value.clone())?;
                    } else if other.is_some() {
                        posonly_as_kw.push(s.to_string());
                    } else {
                        return Err(self.type_error(format!("{qual}() got an unexpected keyword argument '{s}'")));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // defaults (read under a short borrow: nothing in this loop runs Python code)
        let mut missing = Vec::new();
        {
            // (the defaults belong to the last parameters; with more defaults than
            // parameters, CPython uses their last `argcount` ones)
            let defaults = func.defaults.borrow();
            for (i, slot) in locals.iter_mut().enumerate().take(argcount) {
                if slot.is_none() {
                    match (i + defaults.len()).checked_sub(argcount).and_then(|d| defaults.get(d)) {
                        Some(d) => *slot = Some(d.clone()),
                        None => missing.push(raw.varnames.get(i).map(|v| v.to_string()).unwrap_or_default()),
                    }
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(missing_message(&qual.to_string(), "positional", &missing)));
        }
        let kwdefaults = func.kwdefaults.borrow().clone();
        let mut missing_kw = Vec::new();
        for i in argcount..total {
            if locals[i].is_none() {
                let name = raw.varnames[i].to_string();
                let dv = match &kwdefaults {
                    Some(d) => crate::ops::dict_get_str(d, crate::ops::hash_str(&name), &name),
                    None => None,
                };
                match dv {
                    Some(v) => locals[i] = Some(v),
                    None => missing_kw.push(name),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(missing_message(&qual.to_string(), "keyword-only", &missing_kw)));
        }
        Ok(())
    }

    /// Runs a code object as a module or class body with the given namespace.
    pub fn run_code_in(&mut self, code: Rc<crate::code::Code>, globals: Obj, locals: Option<Value>) -> PyResult<Value> {
        let nlocals = code.nlocalsplus;
        let mut frame = Frame {
            stack: Vec::with_capacity(code.raw.max_stack as usize),
            code,
            ip: 0,
            locals: vec![None; nlocals],
            globals,
            locals_dict: locals,
            back: None,
            saved_exc: None,
            init_call: false,
        };
        self.depth += 1;
        if let Err(e) = self.check_stack() {
            self.depth -= 1;
            return Err(e);
        }
        let r = self.run_frame(&mut frame, None);
        self.depth -= 1;
        Ok(r?.value)
    }

    /// Runs a class body function with a namespace dict and closure (for `__build_class__`).
    pub fn run_class_body(&mut self, func: &Function, ns: Obj) -> PyResult<Value> {
        let code = func.code.clone();
        let mut frame = Frame {
            code: code.clone(),
            ip: 0,
            locals: vec![None; code.nlocalsplus],
            stack: Vec::new(),
            globals: func.globals.clone(),
            locals_dict: Some(Value::Obj(ns)),
            back: None,
            saved_exc: None,
            init_call: false,
        };
        self.finish_frame(func, &mut frame);
        self.depth += 1;
        if let Err(e) = self.check_stack() {
            self.depth -= 1;
            return Err(e);
        }
        let r = self.run_frame(&mut frame, None);
        self.depth -= 1;
        Ok(r?.value)
    }

    /// Calling a type: `type(x)`, or `cls.__new__` then `__init__`.
    fn call_type(&mut self, t: &Obj, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if Rc::ptr_eq(t, &self.types.type_) && args.len() == 1 && kwnames.is_empty() {
            return Ok(Value::Obj(self.class_of(&args[0]).clone()));
        }
        // `super()` / `super(cls, obj)`: super's native `__new__` directly (its `__init__`
        // is `object.__init__`); the zero-argument form reads the frame context its caller
        // set
        if Rc::ptr_eq(t, &self.types.super_) && kwnames.is_empty() && matches!(args.len(), 0 | 2) {
            let cls = Value::Obj(t.clone());
            let r = match args {
                [a, b] => crate::builtins::object::super_new(self, &[cls, a.clone(), b.clone()], &[]),
                _ => crate::builtins::object::super_new(self, &[cls], &[]),
            };
            self.frame_ctx = None;
            return r;
        }
        // __new__ and __init__ along the MRO, cached on the type per version tag
        let version = tdata(t).version.get();
        let mut ctor = self.ctor_of(t);
        let Some(new) = ctor.new.take() else {
            return Err(self.type_error(format!("cannot create '{}' instances", tdata(t).name.borrow())));
        };
        let obj = self.call_prepended(&new, Value::Obj(t.clone()), args, kwnames)?;
        if tdata(t).version.get() != version {
            // __new__ changed the class (CPython reads the __init__ slot after __new__)
            ctor = self.ctor_of(t);
        }
        let cls = self.class_of(&obj);
        let (init, init_is_object) = if Rc::ptr_eq(cls, t) {
            (ctor.init, ctor.init_is_object)
        } else if crate::types::is_subtype(cls, t) {
            let c = self.ctor_of(&cls.clone());
            (c.init, c.init_is_object)
        } else {
            return Ok(obj);
        };
        let Some(init) = init else {
            return Ok(obj);
        };
        if !init_is_object {
            let r = self.call_prepended(&init, obj.clone(), args, kwnames)?;
            if !r.is_none() {
                return Err(self.type_error(format!("__init__() should return None, not '{}'", self.type_name(&r))));
            }
        } else if (!args.is_empty() || !kwnames.is_empty()) && ctor.new_is_object {
            // object.__init__ with arguments: error unless __new__ was overridden
            return Err(self.type_error(format!("{}() takes no arguments", tdata(t).name.borrow())));
        }
        Ok(obj)
    }
}

/// True if the str values `a` and `b` are the same object or equal (parameter and keyword
/// names: interned, so the identity test nearly always decides).
#[inline]
fn same_str(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) if Rc::ptr_eq(x, y) => true,
        _ => matches!((a.as_str(), b.as_str()), (Some(x), Some(y)) if x == y),
    }
}

fn missing_message(qual: &str, kind: &str, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    format!(
        "{qual}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    )
}

impl crate::object::Object {
    /// True if this dict object has the str key `s`.
    pub fn kind_dict_contains_str(&self, s: &str) -> bool {
        match &self.kind {
            ObjKind::Dict(d) => d.borrow().get_str(crate::ops::hash_str(s), s).is_some(),
            _ => false,
        }
    }
}

/// Displays a function's `__qualname__` (for argument-binding error messages) without
/// copying it on the successful path.
struct QualName<'a>(&'a Function);

impl std::fmt::Display for QualName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.qualname.borrow())
    }
}

/// Moves `n` values bitwise from `src` into the local slots at `dst` (the block copy of a
/// call's arguments). Up to four values are copied inline (a call has few arguments, and a
/// `memcpy` call with a variable length costs more than the copy); more by `memcpy`.
///
/// # Safety
///
/// `src` must be valid for reading `n` values and `dst` for writing `n` slots, without
/// overlap; the values at `src` are moved out (the caller forgets them).
#[inline(always)]
unsafe fn move_slots(src: *const Value, dst: *mut Option<Value>, n: usize) {
    // SAFETY: (all arms) the caller's contract; a `Value` has the 16-byte layout of
    // `Some(value)` (`value.rs`: an `Option<Value>` uses the unused tag 5 for `None`).
    unsafe {
        let src = src.cast::<Option<Value>>();
        match n {
            0 => {}
            1 => dst.write(src.read()),
            2 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
            }
            3 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
                dst.add(2).write(src.add(2).read());
            }
            4 => {
                dst.write(src.read());
                dst.add(1).write(src.add(1).read());
                dst.add(2).write(src.add(2).read());
                dst.add(3).write(src.add(3).read());
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
    }
}

/// Drops the values of `args`, leaving each slot `None` (so that the caller can forget the
/// slots, as after a move by [`Vm::fast_frame`]). Each slot is `None` before its old value
/// is dropped: a finalizer run by the drop sees no freed value.
pub(crate) fn clear_args(args: &mut [Value]) {
    for v in args.iter_mut() {
        drop(std::mem::replace(v, Value::None));
    }
}

/// Completes a frame whose locals hold a call's arguments (and defaults): unbound
/// variables up to the code's variable count, then the function's free cells, then unbound
/// slots up to `nlocalsplus`; and room on the operand stack (plain pushes: `Vec::resize` and
/// `extend` compile to out-of-line calls). Shared by every frame-building call path.
#[inline(always)]
fn fill_simple_frame(frame: &mut Frame, func: &Function) {
    let code = &func.code;
    let n = code.nlocalsplus;
    let nvars = code.raw.varnames.len();
    let locals = &mut frame.locals;
    if func.closure.is_empty() {
        // (the common case: one loop of unbound slots and one length update)
        let len = locals.len();
        if len < n {
            locals.reserve(n - len);
            // SAFETY: the reservation leaves room for slots `len..n`, each written once
            // (`None` owns nothing) before the length covers it.
            unsafe {
                let base = locals.as_mut_ptr();
                for i in len..n {
                    base.add(i).write(None);
                }
                locals.set_len(n);
            }
        }
    } else {
        while locals.len() < nvars {
            locals.push(None);
        }
        for c in func.closure.iter().take(n.saturating_sub(nvars)) {
            locals.push(Some(Value::Obj(c.clone())));
        }
        while locals.len() < n {
            locals.push(None);
        }
    }
    frame.stack.reserve(code.raw.max_stack as usize);
}

/// In-loop frames use heap, not native stack, so under a huge `sys.setrecursionlimit` a
/// runaway recursion grows until an allocation fails, which would abort the process. Every
/// 65,536 levels [`Vm::enter_frame`] checks that the next 65,536 frames and a traceback
/// entry for every level (made while the exception unwinds) could still be allocated
/// ([`frame_headroom`]), and raises `MemoryError` otherwise (CPython 3.11 also fails there,
/// with a `MemoryError` or worse).
const DEPTH_PROBE_MASK: usize = (1 << 16) - 1;

/// Bytes per level reserved by [`frame_headroom`] for the traceback of an unwinding
/// exception (a traceback object's allocation is 120 bytes, rounded up).
const TRACEBACK_BYTES_PER_LEVEL: usize = 192;

/// Bytes reserved by [`frame_headroom`] for the next 65,536 frames (about 300 bytes each:
/// a frame, its locals and stack), rounded up to 32 MiB.
const FRAME_PROBE_BYTES: usize = 32 << 20;

/// Whether the memory for the next frames and the traceback of `depth` levels could be
/// allocated now: a fallible reservation of address space, released at once.
#[cold]
#[inline(never)]
fn frame_headroom(depth: usize) -> bool {
    let bytes = depth
        .saturating_mul(TRACEBACK_BYTES_PER_LEVEL)
        .saturating_add(FRAME_PROBE_BYTES);
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(bytes).is_ok()
}
