//! Instances made in traces, the VM's side (the recorder's side is `taipan_jit::record`'s
//! `alloc.rs`; `docs/jit.md`, "Instances made in traces").
//!
//! [`Vm::jit_init_probe`] answers, before a `CALL`, whether the callable is a plain class
//! whose instances a trace may make itself: the same conditions under which the
//! interpreter's class-call cache (`specialize_class.rs`, `Entry::InitClass`) builds the
//! instance and pushes an `init_call` frame for `__init__` — a heap class whose metaclass
//! is `type`, of the plain object layout, whose `__new__` is `object.__new__` — plus
//! `object.__setattr__` (so `__init__`'s stores go straight into the dict or slots) and an
//! `__init__` that is a plain Python function without a loop taking the instance and
//! exactly the call's arguments. The class's version tag is pinned
//! ([`PinCtx::init`]): replacing `__init__`, `__new__` or `__setattr__` bumps it.
//!
//! The helpers: [`new_instance`] makes the bare instance (as `object.__new__`:
//! `builtins::object::new_instance`), [`attr_add`] appends an attribute to a fresh
//! instance's dict.

use taipan_bytecode::{Instruction, Opcode};
use taipan_jit::record::{InitTarget, Known, ObjInfo};

use super::globals::PinCtx;
use super::helpers::{exact, exact_str, give_obj, obj_word_rc, restore_obj, with_obj};
use crate::interp::Frame;
use crate::object::{Layout, ObjKind};
use crate::shape::ShapeId;
use crate::value::{Obj, Value};
use crate::vm::Vm;

/// What [`Vm::jit_init_probe`] found: the class and its version tag, its `__init__`, and
/// how to make instances.
pub(crate) struct InitProbe {
    cls: Obj,
    version: u32,
    init: Obj,
    has_dict: bool,
    nslots: u32,
    presize: i64,
}

impl Vm {
    /// Before instruction `instr` of frame `f`: for `[cls, a1..an] CALL n` of a plain class
    /// (see the module docs), what a trace needs to make the instance and inline
    /// `__init__`; `None` otherwise.
    pub(crate) fn jit_init_probe(&self, f: &Frame, instr: Instruction) -> Option<InitProbe> {
        if instr.op != Opcode::Call {
            return None;
        }
        let n = instr.arg as usize;
        let at = f.stack.len().checked_sub(n + 1)?;
        let Some(Value::Obj(cls)) = f.stack.get(at) else {
            return None;
        };
        let ObjKind::Type(td) = &cls.kind else { return None };
        if !td.heap_type || td.layout != Layout::Object {
            return None;
        }
        if !std::rc::Rc::ptr_eq(self.class_of(&Value::Obj(cls.clone())), &self.types.type_) {
            return None;
        }
        let native_of_object = |name: &str| {
            matches!(self.lookup_in_type(cls, name).as_ref().and_then(Value::kind),
                Some(ObjKind::Native(nat)) if nat.owner == "object")
        };
        if !native_of_object("__new__") || !native_of_object("__setattr__") {
            return None;
        }
        let Some(Value::Obj(init)) = self.lookup_in_type(cls, "__init__") else {
            return None;
        };
        let ObjKind::Function(func) = &init.kind else {
            return None;
        };
        if func.code.loops.no_init_inline.get() {
            return None;
        }
        // (the stores `__init__` makes, as the presized capacity: at most the smallest
        // table's 5, as the interpreter's class-call cache presizes)
        let stores = func
            .code
            .raw
            .instructions
            .iter()
            .filter(|i| i.op == Opcode::StoreAttr)
            .count()
            .min(5);
        Some(InitProbe {
            cls: cls.clone(),
            version: td.version.get(),
            has_dict: crate::builtins::object::needs_dict(cls),
            nslots: u32::try_from(crate::builtins::object::slot_count(cls)).ok()?,
            init: init.clone(),
            presize: stores as i64,
        })
    }
}

impl PinCtx<'_> {
    /// `Observe::init_target` for a probed class call with `nargs` arguments: the class's
    /// version tag pinned and `__init__` numbered as a known object, when it is a plain
    /// function (`PinCtx::inline_target`'s conditions, with the instance as one more
    /// argument).
    pub(crate) fn init(&self, p: InitProbe) -> Option<InitTarget> {
        let Known::Obj(init) = self.known(&Value::Obj(p.init.clone()))? else {
            return None;
        };
        if init.info != ObjInfo::Function {
            return None;
        }
        // (`nargs` is checked again by the recorder through `init_target`)
        let ObjKind::Function(func) = &p.init.kind else {
            return None;
        };
        let nargs = u32::try_from(func.code.fast_argcount?.checked_sub(1)?).ok()?;
        let code = self.inline_target(init.key, nargs + 1)?;
        if !self.pin_type(&p.cls, p.version) {
            return None;
        }
        Some(InitTarget {
            cls: obj_word_rc(&p.cls),
            has_dict: p.has_dict,
            nslots: p.nslots,
            presize: p.presize,
            init,
            code,
            nargs,
        })
    }
}

/// `@new_instance(area, cls, layout) -> own ptr`: a new reference to a bare instance of
/// the class whose word is `cls`, as `object.__new__` makes it (`builtins::object::
/// new_instance`, with the layout the probe found: an empty instance dict with room for
/// `layout & 0xff` entries when bit 8 is set, `layout >> 16` unbound slots).
pub(super) extern "C" fn new_instance(area: u64, cls: u64, layout: i64) -> u64 {
    // SAFETY: word 0 of the call area is the Vm's address (`func::py_call`).
    let vm = unsafe { &*((area as *const u64).read() as *const Vm) };
    // SAFETY: the class is pinned by the trace (alive while the trace runs).
    let Some(Value::Obj(cls)) = (unsafe { restore_obj(cls) }) else {
        return 0;
    };
    let dict = (layout & 0x100 != 0)
        .then(|| crate::builtins::object::new_instance_dict_presized(vm, (layout & 0xff) as usize));
    let nslots = usize::try_from(layout >> 16).unwrap_or(0);
    let slots = (nslots > 0).then(|| std::cell::RefCell::new(vec![None; nslots]));
    let o = crate::gc::alloc(crate::object::Object::with(Some(cls), dict, ObjKind::Instance(slots)));
    give_obj(o)
}

/// `@attr_add(obj, name, before, after) -> ptr`: appends key `name` (an exact str's word)
/// with the value None to the instance dict of `obj` when the dict has shape `before`
/// (which, by the recorder's observation, `name` takes to `after`), and returns the address
/// of the new value; 0 (nothing done) otherwise.
pub(super) extern "C" fn attr_add(w: u64, name: u64, before: i64, after: i64) -> u64 {
    // SAFETY: the trace passes the word of a live str (its code's names keep it).
    let Some(key) = (unsafe { restore_obj(name) }) else {
        return 0;
    };
    let add = |o: &Obj| {
        let d = o.dict.as_ref()?;
        let ObjKind::Dict(c) = &d.kind else { return None };
        let mut t = c.try_borrow_mut().ok()?;
        if i64::from(t.shape().0) != before {
            return None;
        }
        let after = ShapeId(u32::try_from(after).ok()?);
        t.insert_new_shaped(crate::ops::str_value_hash(&key), key.clone(), Value::None, after);
        let (_, v) = t.entry(t.end().checked_sub(1)?)?;
        Some(v as *const Value as u64)
    };
    // SAFETY: traces pass object words of live objects (`jit_helpers.rs`).
    unsafe { with_obj(w, add) }.flatten().unwrap_or(0)
}

/// The `n` values of the call area's argument slots (new references to object items).
///
/// # Safety
/// `area` is the running call area; its first `n` argument slots hold values the trace
/// stored (object words of live objects).
unsafe fn area_items(area: u64, n: i64) -> Option<Vec<Value>> {
    let a = area as *const u64;
    let n = usize::try_from(n).ok()?;
    (0..n)
        .map(|k| {
            let s = 2 * (taipan_jit::record::AREA_ARGS as usize + k);
            // SAFETY: the caller's contract (slot `k < n` was written by the trace).
            unsafe { super::run::slot_value(a.add(s).read(), a.add(s + 1).read()) }
        })
        .collect()
}

/// `@new_tuple(area, n) -> own ptr`: a new tuple of the `n` values in the call area's
/// argument slots (`record/alloc.rs`, `BUILD_TUPLE`); 0 if a slot holds no value.
pub(super) extern "C" fn new_tuple(area: u64, n: i64) -> u64 {
    // SAFETY: word 0 of the call area is the Vm's address (`func::py_call`); the trace
    // wrote the argument slots just before the call.
    let (vm, items) = unsafe { (&*((area as *const u64).read() as *const Vm), area_items(area, n)) };
    match items.map(|v| vm.new_tuple(v)) {
        Some(Value::Obj(o)) => give_obj(o),
        _ => 0,
    }
}

/// `@str_concat(area, a, b) -> own ptr`: a new str, `a` then `b`, when both are exact strs
/// (as the interpreter's `+` of strs, `builtins::seqops::sequence_binary`), else 0
/// (`record/arith.rs`).
pub(super) extern "C" fn str_concat(area: u64, a: u64, b: u64) -> u64 {
    // SAFETY: as in `new_tuple`; `a` and `b` are object words the trace holds (live).
    let vm = unsafe { &*((area as *const u64).read() as *const Vm) };
    // SAFETY: as above.
    let s = unsafe {
        with_obj(a, |x| {
            with_obj(b, |y| match (&x.kind, &y.kind) {
                (ObjKind::Str(p), ObjKind::Str(q)) if exact(x) && exact(y) => {
                    Some(crate::builtins::seqops::concat_strs(vm, p.as_str(), q.as_str()))
                }
                _ => None,
            })
        })
    };
    match s.flatten().flatten() {
        Some(Value::Obj(o)) => give_obj(o),
        _ => 0,
    }
}

/// `@str_call(area, method, n) -> own ptr`: `method`, a `str` method native
/// (`Builtin::StrMethod`, whose word the trace holds as a known object), applied to the `n`
/// values of the call area's argument slots as the interpreter's `CALL_METHOD` applies it
/// (the receiver first); 0 when a value is no exact str, the method raised (the exit
/// redoes the call, which raises there) or returned no object (`record/call.rs`).
pub(super) extern "C" fn str_call(area: u64, method: u64, n: i64) -> u64 {
    // SAFETY: word 0 of the call area is the running Vm's address (`func::py_call`), which
    // no one else uses while the trace runs this helper; the trace wrote the argument
    // slots just before the call; `method` is a known object's word (alive by its pin).
    let (vm, items, f) = unsafe {
        let f = with_obj(method, |o| match &o.kind {
            ObjKind::Native(n) if n.owner == "str" && n.is_method && n.receiver.is_none() => Some(n.func),
            _ => None,
        });
        (
            &mut *((area as *const u64).read() as *mut Vm),
            area_items(area, n),
            f.flatten(),
        )
    };
    let (Some(items), Some(f)) = (items, f) else { return 0 };
    if !items.iter().all(exact_str) {
        return 0;
    }
    match f(vm, &items, &[]) {
        Ok(Value::Obj(o)) => give_obj(o),
        _ => 0,
    }
}

/// `@int_str(area, x) -> own ptr`: a new str of `x`'s decimal digits (`str(x)` of an int,
/// `record/arith.rs`).
pub(super) extern "C" fn int_str(area: u64, x: i64) -> u64 {
    // SAFETY: as in `new_tuple`.
    let vm = unsafe { &*((area as *const u64).read() as *const Vm) };
    match vm.new_str(x.to_string()) {
        Value::Obj(o) => give_obj(o),
        _ => 0,
    }
}

/// `@new_list(area, n) -> own ptr`: a new list of the `n` values in the call area's argument
/// slots (`record/alloc.rs`, `BUILD_LIST`); 0 if a slot holds no value.
pub(super) extern "C" fn new_list(area: u64, n: i64) -> u64 {
    // SAFETY: as in `new_tuple`.
    let (vm, items) = unsafe { (&*((area as *const u64).read() as *const Vm), area_items(area, n)) };
    match items.map(|v| vm.new_list(v)) {
        Some(Value::Obj(o)) => give_obj(o),
        _ => 0,
    }
}

/// Registers the helpers of this module (allocations in traces) in `h`.
pub(crate) fn add_helpers(h: &mut taipan_jit::backend::HelperTable) {
    use taipan_jit::record as r;
    let owned3: [(&'static str, extern "C" fn(u64, u64, i64) -> u64); 2] =
        [(r::NEW_INSTANCE_HELPER, new_instance), (r::STR_CALL_HELPER, str_call)];
    let owned2: [(&'static str, extern "C" fn(u64, i64) -> u64); 3] = [
        (r::NEW_TUPLE_HELPER, new_tuple),
        (r::NEW_LIST_HELPER, new_list),
        (r::INT_STR_HELPER, int_str),
    ];
    for (name, f) in owned3 {
        h.add(name, f as usize);
    }
    for (name, f) in owned2 {
        h.add(name, f as usize);
    }
    h.add(
        r::ATTR_ADD_HELPER,
        attr_add as extern "C" fn(u64, u64, i64, i64) -> u64 as usize,
    );
    h.add(
        r::STR_CONCAT_HELPER,
        str_concat as extern "C" fn(u64, u64, u64) -> u64 as usize,
    );
}
