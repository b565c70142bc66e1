//! Generators: a suspended [`Frame`] plus its state, with `send`, `throw`, `close`
//! and `yield from` delegation (PEP 255, PEP 342, PEP 380; PEP 479 turns a StopIteration
//! escaping the body into RuntimeError). CPython: `Objects/genobject.c`.

use std::cell::RefCell;
use std::rc::Rc;

use taipan_bytecode::Opcode;

use crate::interp::{ExitKind, Frame, FrameExit};
use crate::object::{Function, ObjKind};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A generator's state.
pub struct GenState {
    /// The suspended frame (`None` while running or when finished).
    pub frame: Option<Box<Frame>>,
    /// True once the first `next()` ran.
    pub started: bool,
    /// True after return or an escaping exception.
    pub finished: bool,
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// The generator's code (`gi_code`; also while it runs, when `frame` is `None`).
    pub code: Rc<crate::code::Code>,
    /// A plain generator (not a coroutine): `FOR_ITER` may resume it in its own dispatch
    /// loop ([`take_loop_frame`]).
    pub loop_resumable: bool,
}

/// What a resumed generator (or `yield from` delegate) did.
pub enum SendResult {
    /// It yielded a value.
    Yielded(Value),
    /// It returned (StopIteration with this value).
    Returned(Value),
}

/// Creates a generator object around a frame that has not started (the bound frame's
/// box, usually from the frame pool, is kept as it is: no copy, no allocation).
pub fn new_generator(vm: &mut Vm, frame: Box<Frame>, func: &Function) -> Value {
    let name = func.name.borrow().clone();
    let qualname = func.qualname.borrow().clone();
    new_generator_named(vm, frame, name, qualname)
}

/// [`new_generator`] with the generator's `__name__` and `__qualname__` given (those of
/// the function a call of which makes it; `MAKE_GENEXPR` has no function object).
pub fn new_generator_named(vm: &mut Vm, frame: Box<Frame>, name: Rc<str>, qualname: Rc<str>) -> Value {
    use taipan_bytecode::flags;
    let st = GenState {
        loop_resumable: frame.code.raw.flags & (flags::GENERATOR | flags::COROUTINE) == flags::GENERATOR,
        code: frame.code.clone(),
        frame: Some(frame),
        started: false,
        finished: false,
        name,
        qualname,
    };
    Value::new_obj(&vm.types.generator, ObjKind::Generator(RefCell::new(st)))
}

fn gen_cell(g: &Value) -> Option<&RefCell<GenState>> {
    match g.kind() {
        Some(ObjKind::Generator(c)) => Some(c),
        _ => None,
    }
}

/// Resumes generator `g` with `sent` (or by raising `throw` inside it).
pub fn resume(vm: &mut Vm, g: &Value, sent: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    let Some(cell) = gen_cell(g) else {
        return Err(vm.type_error("not a generator"));
    };
    let (mut frame, started) = {
        let mut st = cell.borrow_mut();
        if st.finished {
            drop(st);
            return match throw {
                Some(e) => Err(e),
                None => Ok(SendResult::Returned(Value::None)),
            };
        }
        let Some(frame) = st.frame.take() else {
            drop(st);
            return Err(vm.value_error("generator already executing"));
        };
        let started = st.started;
        if !started && throw.is_some() {
            // CPython: an exception thrown into a just-created generator is raised before
            // its body runs, and the generator is finished.
            st.finished = true;
            drop(frame);
            drop(st);
            return Err(throw.unwrap_or_else(|| PyErr(Value::None)));
        }
        if !started && !sent.is_none() && throw.is_none() {
            st.frame = Some(frame);
            drop(st);
            return Err(vm.type_error("can't send non-None value to a just-started generator"));
        }
        st.started = true;
        (frame, started)
    };
    // yield from delegation of throw()
    let mut throw = throw;
    if let Some(e) = throw.take() {
        match delegate_throw(vm, &mut frame, e)? {
            Delegated::Yielded(y) => {
                cell.borrow_mut().frame = Some(frame);
                return Ok(SendResult::Yielded(y));
            }
            Delegated::Resume => {}
            Delegated::Raise(e) => throw = Some(e),
        }
    } else if started {
        frame.stack.push(sent);
    }
    run(vm, cell, frame, throw)
}

/// Runs a generator's frame (taken out of `cell`) until it yields, returns or raises,
/// then stores it back (on a yield) or marks the generator finished.
#[inline]
fn run(vm: &mut Vm, cell: &RefCell<GenState>, mut frame: Box<Frame>, throw: Option<PyErr>) -> PyResult<SendResult> {
    // The exception being handled: while the generator runs, the one it was handling when
    // it last yielded (CPython's `gi_exc_state`, kept in the suspended frame's
    // `saved_exc`), or else the caller's; the caller's is back when it yields, returns or
    // raises.
    let outer = crate::value::clone_opt(&vm.handled_exc);
    if frame.saved_exc.is_some() {
        vm.handled_exc = frame.saved_exc.take();
    }
    vm.depth += 1;
    let r = match vm.check_stack() {
        Ok(()) => vm.run_frame(&mut frame, throw),
        Err(e) => Err(e),
    };
    vm.depth -= 1;
    match r {
        Ok(FrameExit {
            value: v,
            kind: ExitKind::Yield,
        }) => {
            let own = std::mem::replace(&mut vm.handled_exc, outer);
            keep_handled(&mut frame, own, &vm.handled_exc);
            cell.borrow_mut().frame = Some(frame);
            Ok(SendResult::Yielded(v))
        }
        Ok(FrameExit {
            value: v,
            kind: ExitKind::Return,
        }) => {
            vm.handled_exc = outer;
            cell.borrow_mut().finished = true;
            // the finished frame's buffers go back to the pool for the next call or
            // generator (a generator expression per item of an outer loop is common)
            vm.release_frame(frame);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            vm.handled_exc = outer;
            cell.borrow_mut().finished = true;
            vm.release_frame(frame);
            Err(escaped(vm, e))
        }
    }
}

/// At a `yield`: keeps in the suspended frame the exception the generator is handling
/// (`own`, CPython's `gi_exc_state`), unless it is just the one its resumer handles
/// (`outer`): then the generator handles nothing of its own.
fn keep_handled(frame: &mut Frame, own: Option<Value>, outer: &Option<Value>) {
    let inherited = match (&own, outer) {
        (Some(a), Some(b)) => a.is(b),
        (Some(_), None) => false,
        (None, _) => true,
    };
    if !inherited {
        frame.saved_exc = own;
    }
}

/// The exception a generator's resumer sees when `e` escapes the generator's body: PEP
/// 479 turns a StopIteration into `RuntimeError("generator raised StopIteration")` with
/// the StopIteration as its cause.
fn escaped(vm: &mut Vm, e: PyErr) -> PyErr {
    if vm.exc_matches(&e.0, &vm.exc.stop_iteration.clone()) {
        let re = vm.runtime_error("generator raised StopIteration");
        if let Some(d) = Vm::exc_data(&re.0) {
            let mut d = d.borrow_mut();
            d.cause = Some(e.0.clone());
            d.context = Some(e.0);
            d.suppress_context = true;
        }
        return re;
    }
    e
}

/// In-loop resumption (`for x in gen` runs the generator's frame in the resumer's
/// dispatch loop, as CPython 3.12's `FOR_ITER_GEN`: no native frame and no nested
/// `run_frame` per item): takes the suspended frame of generator `g` for `FOR_ITER`,
/// ready to continue (None pushed as the value sent into a started generator), with the
/// depth counted and the exception state switched as [`run`] does (the resumer's handled
/// exception saved in the frame's `saved_exc`, the generator's own made current).
///
/// `None` when `g` is not a generator that can be resumed here (finished, running, a
/// coroutine, or at the recursion limit): the caller then takes the general path
/// (`Vm::next`), which raises what it must.
pub(crate) fn take_loop_frame(vm: &mut Vm, g: &Value) -> Option<Box<Frame>> {
    let cell = gen_cell(g)?;
    let mut st = cell.try_borrow_mut().ok()?;
    if !st.loop_resumable || st.finished || vm.depth >= vm.recursion_limit {
        return None;
    }
    let mut frame = st.frame.take()?;
    if st.started {
        frame.stack.push(Value::None);
    } else {
        st.started = true;
    }
    drop(st);
    vm.depth += 1;
    // (commonly neither the resumer nor the generator handles an exception: nothing moves)
    if frame.saved_exc.is_some() || vm.handled_exc.is_some() {
        let own = frame.saved_exc.take();
        frame.saved_exc = crate::value::clone_opt(&vm.handled_exc);
        if own.is_some() {
            vm.handled_exc = own;
        }
    }
    Some(frame)
}

/// `YIELD_VALUE` of a frame resumed by [`take_loop_frame`] (already unlinked from the
/// loop's chain; `g` is the generator, the resumer's `FOR_ITER` iterator): restores the
/// resumer's exception state and the depth, and gives the generator its frame back.
#[inline(always)]
pub(crate) fn suspend_from_loop(vm: &mut Vm, g: Option<&Value>, mut frame: Box<Frame>) {
    vm.depth -= 1;
    if frame.saved_exc.is_some() || vm.handled_exc.is_some() {
        let outer = frame.saved_exc.take();
        let own = std::mem::replace(&mut vm.handled_exc, outer);
        keep_handled(&mut frame, own, &vm.handled_exc);
    }
    match g.and_then(gen_cell) {
        Some(cell) => cell.borrow_mut().frame = Some(frame),
        None => vm.release_frame(frame),
    }
}

/// The end of a frame resumed by [`take_loop_frame`] (already unlinked): its
/// `RETURN_VALUE` (`raised` None) or an exception escaping it. Restores the resumer's
/// exception state and the depth, marks generator `g` finished and returns the exception
/// the resumer's `FOR_ITER` raises (see [`escaped`]), as [`run`] does.
pub(crate) fn finish_from_loop(
    vm: &mut Vm,
    g: Option<&Value>,
    mut frame: Box<Frame>,
    raised: Option<PyErr>,
) -> Option<PyErr> {
    vm.depth -= 1;
    vm.handled_exc = frame.saved_exc.take();
    vm.release_frame(frame);
    if let Some(cell) = g.and_then(gen_cell) {
        cell.borrow_mut().finished = true;
    }
    raised.map(|e| escaped(vm, e))
}

enum Delegated {
    Yielded(Value),
    Resume,
    Raise(PyErr),
}

/// If the frame is suspended inside `yield from`, forwards a thrown exception to the
/// sub-iterator (PEP 380 semantics).
fn delegate_throw(vm: &mut Vm, frame: &mut Frame, e: PyErr) -> PyResult<Delegated> {
    let ip = frame.ip;
    let instrs = &frame.code.raw.instructions;
    let in_yield_from = ip >= 2
        && instrs.get(ip - 1).is_some_and(|i| i.op == Opcode::YieldValue)
        && instrs.get(ip - 2).is_some_and(|i| i.op == Opcode::Send);
    if !in_yield_from {
        return Ok(Delegated::Raise(e));
    }
    let send_target = instrs[ip - 2].arg as usize;
    let Some(recv) = frame.stack.last().cloned() else {
        return Ok(Delegated::Raise(e));
    };
    let is_exit = vm.exc_matches(&e.0, &vm.exc.generator_exit.clone());
    let outcome = if gen_cell(&recv).is_some() {
        if is_exit {
            close(vm, &recv)?;
            return Ok(Delegated::Raise(e));
        }
        resume(vm, &recv, Value::None, Some(e))
    } else {
        if is_exit {
            if let Some(m) = vm.get_attr_opt_str(&recv, "close")? {
                vm.call(&m, &[])?;
            }
            return Ok(Delegated::Raise(e));
        }
        match vm.get_attr_opt_str(&recv, "throw")? {
            None => return Ok(Delegated::Raise(e)),
            Some(m) => match vm.call(&m, &[e.0.clone()]) {
                Ok(y) => Ok(SendResult::Yielded(y)),
                Err(err) if vm.exc_matches(&err.0, &vm.exc.stop_iteration.clone()) => {
                    Ok(SendResult::Returned(stop_iteration_value(&err.0)))
                }
                Err(err) => Err(err),
            },
        }
    };
    match outcome {
        Ok(SendResult::Yielded(y)) => Ok(Delegated::Yielded(y)),
        Ok(SendResult::Returned(r)) => {
            frame.stack.pop();
            frame.stack.push(r);
            frame.ip = send_target;
            Ok(Delegated::Resume)
        }
        Err(err) => {
            // the error surfaces at the SEND instruction of the outer frame
            frame.stack.pop();
            frame.stack.push(Value::None);
            frame.ip = ip - 1;
            Ok(Delegated::Raise(err))
        }
    }
}

/// The value carried by a StopIteration instance (`args[0]` or None).
pub fn stop_iteration_value(e: &Value) -> Value {
    Vm::exc_data(e)
        .and_then(|d| match d.borrow().args.kind() {
            Some(ObjKind::Tuple(t)) => t.first().cloned(),
            _ => None,
        })
        .unwrap_or(Value::None)
}

/// `next(gen)`: `Ok(None)` when the generator finishes.
pub fn gen_next(vm: &mut Vm, g: &Value) -> PyResult<Option<Value>> {
    // the common step, a started and suspended generator, goes straight to its frame;
    // the first step, a finished or running generator take the general path
    let frame = match gen_cell(g).map(|c| (c, c.try_borrow_mut())) {
        Some((cell, Ok(mut st))) if st.started && !st.finished => st.frame.take().map(|f| (cell, f)),
        _ => None,
    };
    let step = match frame {
        Some((cell, mut frame)) => {
            frame.stack.push(Value::None);
            run(vm, cell, frame, None)?
        }
        None => resume(vm, g, Value::None, None)?,
    };
    match step {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(_) => Ok(None),
    }
}

/// Which yielded values a [`GenSink`] buffer takes without leaving the dispatch loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SinkAccept {
    /// Every value: the consumer only stores the values in order (`list(g)`, `tuple(g)`).
    All,
    /// Values whose hash runs no Python code and cannot fail (see [`is_plain_hashable`]):
    /// the consumer adds them, after the step and in order, to a set that the generator
    /// cannot see (a set being built).
    PlainHashable,
}

/// Where a [`GenSink`] puts the values it takes.
pub enum SinkDest {
    /// Appended to a buffer, when [`SinkAccept`] allows.
    Items(Vec<Value>, SinkAccept),
    /// Added at once to this set object (`set(g)`, `s.update(g)`): only values whose
    /// hash and comparisons with the set's items run no Python code (plain values, and
    /// only while every probe meets plain items; else the value is yielded normally), so
    /// nothing can observe that the generator is still running.
    Set(Value),
    /// `sum(g)`: the running total, while it and the values are ints whose sum fits in 64
    /// bits or both floats (CPython `builtin_sum_impl`'s int and float fast paths).
    Sum(Value),
    /// `any(g)` (`stop` true) / `all(g)` (`stop` false): None, bool, int and float values
    /// whose truth is not `stop` are consumed; the first one that is, or any other value,
    /// is yielded (the consumer decides with it, leaving the generator suspended there).
    Truth {
        /// The truth value that ends the consumer's loop.
        stop: bool,
    },
}

/// A consumer's destination for the values of one generator run by [`gen_next_into`]:
/// while it is installed in `Vm::gen_sink`, `YIELD_VALUE` of the generator's frame (and of
/// no other frame) stores a value it takes and continues with None as the sent value, as
/// if the consumer had stored the value and called `next()` again (CPython's consumers
/// call `tp_iternext` once per item; here the dispatch loop is not left and re-entered per
/// item). A value it does not take is yielded normally.
pub struct GenSink {
    /// The generator's frame (compared by address, never dereferenced).
    pub frame: *const Frame,
    /// Where the values go.
    pub dest: SinkDest,
}

/// None, bool, int (64-bit) and float: hashing them runs no Python code and cannot fail,
/// and they compare with each other natively.
#[inline]
pub fn is_plain_hashable(v: &Value) -> bool {
    matches!(v, Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_))
}

/// `YIELD_VALUE` of the frame of the installed [`GenSink`] (the dispatch loop checked the
/// frame): stores `v` and returns `Ok(())` (the generator continues), or gives `v` back
/// to be yielded normally.
#[inline(never)]
pub fn sink_yield(vm: &mut Vm, v: Value) -> Result<(), Value> {
    let Some(sink) = vm.gen_sink.as_mut() else {
        return Err(v);
    };
    match &mut sink.dest {
        SinkDest::Items(items, accept) => {
            let ok = match accept {
                SinkAccept::All => true,
                SinkAccept::PlainHashable => is_plain_hashable(&v),
            };
            // (grown fallibly: on failure the value is yielded and the consumer reports it)
            if ok && (items.len() < items.capacity() || items.try_reserve(items.len().max(4)).is_ok()) {
                items.push(v);
                return Ok(());
            }
            Err(v)
        }
        SinkDest::Set(set) => {
            let (Some(ObjKind::Set(cell)), true) = (set.kind(), is_plain_hashable(&v)) else {
                return Err(v);
            };
            let h = match &v {
                Value::None => 0x0f00_001f,
                Value::Bool(b) => *b as i64,
                Value::Int(i) => crate::support::hash::hash_i64(*i),
                Value::Float(f) => crate::support::hash::hash_f64(*f, v.id() as usize),
                Value::Obj(_) => return Err(v),
            };
            // (one borrow: the sink only takes plain hashables, whose comparisons are native)
            match crate::support::settable::set_add_native(cell, v.clone(), h, crate::dict::native_eq) {
                Some(_) => Ok(()),
                None => Err(v),
            }
        }
        SinkDest::Sum(acc) => {
            let total = match (&*acc, &v) {
                (Value::Int(a), Value::Int(b)) => a.checked_add(*b).map(Value::Int),
                (Value::Float(a), Value::Float(b)) => Some(Value::Float(a + b)),
                _ => None,
            };
            match total {
                Some(t) => {
                    *acc = t;
                    Ok(())
                }
                None => Err(v),
            }
        }
        SinkDest::Truth { stop } => {
            let truth = match &v {
                Value::None => false,
                Value::Bool(b) => *b,
                Value::Int(i) => *i != 0,
                Value::Float(f) => *f != 0.0,
                Value::Obj(_) => return Err(v),
            };
            if truth == *stop { Err(v) } else { Ok(()) }
        }
    }
}

/// Runs generator `g` for a consumer that stores its values in `dest` (see [`GenSink`]):
/// until it finishes (`Ok(None)`) or yields a value the sink does not take (`Ok(Some(v))`;
/// the values before it are stored). Errors are the generator's (as from [`gen_next`]).
/// Returns `dest` (with the stored values) in every case.
pub fn gen_next_into(vm: &mut Vm, g: &Value, dest: SinkDest) -> (SinkDest, PyResult<Option<Value>>) {
    let Some(cell) = gen_cell(g) else {
        return (dest, gen_next(vm, g));
    };
    // a suspended (or not yet started) generator: its frame runs with the sink installed;
    // a finished or running one takes the general path
    let taken = match cell.try_borrow_mut() {
        Ok(mut st) if !st.finished => match st.frame.take() {
            Some(mut frame) => {
                if st.started {
                    frame.stack.push(Value::None);
                }
                st.started = true;
                Some(frame)
            }
            None => None,
        },
        _ => None,
    };
    let Some(frame) = taken else {
        return (dest, gen_next(vm, g));
    };
    let sink = GenSink { frame: &*frame, dest };
    // (a consumer running inside this generator installs its own sink and puts this
    // one back before the generator continues)
    let outer = vm.gen_sink.replace(sink);
    let r = run(vm, cell, frame, None);
    let Some(sink) = std::mem::replace(&mut vm.gen_sink, outer) else {
        // (unreachable: every installer puts back what it found)
        return (
            SinkDest::Items(Vec::new(), SinkAccept::All),
            Err(vm.runtime_error("generator sink lost")),
        );
    };
    let r = match r {
        Ok(SendResult::Yielded(v)) => Ok(Some(v)),
        Ok(SendResult::Returned(_)) => Ok(None),
        Err(e) => Err(e),
    };
    (sink.dest, r)
}

/// One step of `yield from` / SEND: send `v` into `recv`.
pub fn send_to(vm: &mut Vm, recv: &Value, v: Value) -> PyResult<SendResult> {
    if gen_cell(recv).is_some() {
        return resume(vm, recv, v, None);
    }
    let r = if v.is_none() {
        match vm.call_special(recv, "__next__", &[]) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => match vm.next(recv)? {
                Some(x) => Ok(x),
                None => return Ok(SendResult::Returned(Value::None)),
            },
            Err(e) => Err(e),
        }
    } else {
        vm.call_method(recv, "send", &[v])
    };
    match r {
        Ok(x) => Ok(SendResult::Yielded(x)),
        Err(e) if vm.exc_matches(&e.0, &vm.exc.stop_iteration.clone()) => {
            Ok(SendResult::Returned(stop_iteration_value(&e.0)))
        }
        Err(e) => Err(e),
    }
}

/// `gen.close()`.
pub fn close(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let Some(cell) = gen_cell(g) else { return Ok(()) };
    {
        let st = cell.borrow();
        if st.finished || !st.started {
            drop(st);
            let mut st = cell.borrow_mut();
            st.finished = true;
            st.frame = None;
            return Ok(());
        }
    }
    let ge = vm.exc.generator_exit.clone();
    let exc = PyErr(vm.new_exception(&ge, vec![]));
    match resume(vm, g, Value::None, Some(exc)) {
        Ok(SendResult::Yielded(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(SendResult::Returned(_)) => Ok(()),
        Err(e) => {
            if vm.exc_matches(&e.0, &ge) || vm.exc_matches(&e.0, &vm.exc.stop_iteration.clone()) {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [g, v] = args else {
        return Err(vm.type_error("send() takes exactly one argument"));
    };
    match resume(vm, g, v.clone(), None)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(vm.stop_iteration(if r.is_none() { None } else { Some(r) })),
    }
}

fn gen_next_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(g) = args.first() else {
        return Err(vm.type_error("__next__ needs self"));
    };
    match resume(vm, g, Value::None, None)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(vm.stop_iteration(if r.is_none() { None } else { Some(r) })),
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "throw expected at least 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let g = &args[0];
    let exc = if args.len() >= 3 && !args[2].is_none() && matches!(args[1].kind(), Some(ObjKind::Type(_))) {
        let v = args[2].clone();
        if Vm::exc_data(&v).is_some() {
            v
        } else {
            vm.call(&args[1], &[v])?
        }
    } else {
        vm.make_exception(&args[1])?
    };
    match resume(vm, g, Value::None, Some(PyErr(exc)))? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(vm.stop_iteration(if r.is_none() { None } else { Some(r) })),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(g) = args.first() {
        close(vm, g)?;
    }
    Ok(Value::None)
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// Registers the generator type's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.generator.clone();
    vm.add_method(&t, "send", gen_send);
    vm.add_method(&t, "throw", gen_throw);
    vm.add_method(&t, "close", gen_close);
    vm.add_method(&t, "__next__", gen_next_method);
    vm.add_method(&t, "__iter__", gen_iter);
}
