//! Instance attributes in traces, the VM's side (`docs/jit.md`, "Instance attributes"; the
//! recorder's side is `taipan_jit::record`'s `attr.rs`).
//!
//! While recording, before `LOAD_ATTR` / `LOAD_METHOD` / `STORE_ATTR` on an instance of a
//! plain class, [`Vm::jit_attr_probe`] asks the inline caches' own probing
//! (`Vm::attr_case`, `specialize.rs`) where the attribute is: in the instance dict at a
//! shape and position, in a `__slots__` slot, a Python function or a plain value on the
//! class not shadowed by the instance dict. The answer pins the class's version tag
//! (`jit_globals.rs`, `Pin::Type`): any change to the class or a base (a method replaced, a
//! property, `__getattribute__` or `__setattr__` added) bumps it (`attr::type_changed`), and
//! the pin is checked at every entry of the trace and at each link, as global bindings are;
//! a trace runs no Python code, so no class changes while it runs.
//!
//! The trace checks the object's own class by its class word and finds the value's address
//! with [`attr_addr`]; [`attr_absent`] checks that a class attribute is not shadowed. Both
//! only read: the address of an instance dict's value (a 16-byte `Value`) or of a slot (an
//! `Option<Value>`, the same format with tag word 5 for an unbound slot) stays valid while
//! the trace runs, since it adds no key and resizes no dict (stores overwrite values in
//! place; CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE` / `LOAD_ATTR_SLOT` read the same way).

use std::rc::Rc;

use taipan_bytecode::{Instruction, Opcode};
use taipan_jit::backend::DictLayout;
use taipan_jit::record::{AttrObs, EqObs, InstObs, KnownObj, ObjInfo, Observed};

use super::helpers::{obj_word_rc, with_obj};
use crate::code::Code;
use crate::interp::Frame;
use crate::interp::specialize::How;
use crate::object::ObjKind;
use crate::shape::ShapeId;
use crate::value::{Obj, Value};
use crate::vm::Vm;

/// An `Option<Value>` (a slot) has the 16-byte layout of a `Value` (None: tag word 5).
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

/// What [`Vm::jit_attr_probe`] found: the recorder's answer (a method's `func` still to be
/// numbered in the recording's object table), the class and version to pin, and the
/// method's function.
pub(crate) struct AttrProbe {
    /// The answer ([`AttrObs::Method`]'s `func` is a placeholder).
    pub(crate) obs: AttrObs,
    /// The instance's class.
    pub(crate) ty: Obj,
    /// Its version tag.
    pub(crate) version: u32,
    /// For [`AttrObs::Method`]: the function.
    pub(crate) func: Option<Obj>,
}

/// A value as the recorder sees it (no iterator state: an attribute is just a value).
fn observed(v: Option<&Value>) -> Observed {
    match v {
        None => Observed::Unbound,
        Some(Value::None) => Observed::None,
        Some(Value::Bool(b)) => Observed::Bool(*b),
        Some(Value::Int(i)) => Observed::Int(*i),
        Some(Value::Float(x)) => Observed::Float(*x),
        Some(Value::Obj(_)) => Observed::Obj,
    }
}

/// The shape to check for "the instance dict of `o` has no key `name`": 0 without a dict,
/// `None` when the name is there or the dict is unshaped.
pub(crate) fn absent_shape(o: &Obj, name: &Value) -> Option<u32> {
    let Some(d) = o.dict.as_ref() else { return Some(0) };
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    let shape = t.shape();
    if !shape.is_shaped() || shape == ShapeId::NEVER {
        return None;
    }
    let text = name.as_str()?;
    let has = (0..t.end()).any(|i| t.entry(i).is_some_and(|(k, _)| k.as_str() == Some(text)));
    (!has).then_some(shape.0)
}

impl Vm {
    /// Before instruction `instr` of frame `f` (running `code`): for `LOAD_ATTR`,
    /// `LOAD_METHOD` or `STORE_ATTR` on an instance of a class, where the attribute is (see
    /// the module docs); `None` for anything the recorder does not handle.
    pub(crate) fn jit_attr_probe(&mut self, f: &Frame, code: &Code, instr: Instruction) -> Option<AttrProbe> {
        let (method, store) = match instr.op {
            Opcode::LoadAttr => (false, false),
            Opcode::LoadMethod => (true, false),
            Opcode::StoreAttr => (false, true),
            _ => return None,
        };
        let obj = f.stack.last()?.clone();
        let Value::Obj(o) = &obj else { return None };
        if matches!(o.kind, ObjKind::Type(_)) && !store {
            return self.jit_type_attr_probe(o, code.names.get(instr.arg as usize)?, method);
        }
        if !matches!(o.kind, ObjKind::Instance(_)) {
            return None;
        }
        let name = code.names.get(instr.arg as usize)?.clone();
        let case = self.attr_case(&obj, &name, method)?;
        let ty = case.ty.upgrade()?;
        if !o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &ty)) {
            return None;
        }
        let ObjKind::Type(td) = &ty.kind else { return None };
        if !td.heap_type {
            return None;
        }
        if store {
            // only `object.__setattr__` stores into the dict or slot directly
            let sa = self.lookup_in_type(&ty, "__setattr__")?;
            if !matches!(sa.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
                return None;
            }
        }
        let cls = obj_word_rc(&ty);
        let mut func = None;
        let obs = match case.how {
            // a name the dict does not have: the store appends it (`jit_alloc.rs`)
            How::InstanceDict { index, shape } if store && index == usize::MAX => {
                if !shape.is_shaped() || shape == ShapeId::NEVER {
                    return None;
                }
                let d = o.dict.as_ref()?;
                let ObjKind::Dict(c) = &d.kind else { return None };
                if c.try_borrow().ok()?.shape() != shape || absent_shape(o, &name)? != shape.0 {
                    return None;
                }
                let after = crate::shape::child(shape, &name);
                if !after.is_shaped() {
                    return None;
                }
                AttrObs::DictAdd {
                    cls,
                    before: shape.0,
                    after: after.0,
                    name: super::helpers::obj_word(&name)?,
                }
            }
            How::InstanceDict { index, shape } if !method => {
                if !shape.is_shaped() || shape == ShapeId::NEVER || index == usize::MAX {
                    return None;
                }
                let d = o.dict.as_ref()?;
                let ObjKind::Dict(c) = &d.kind else { return None };
                let t = c.try_borrow().ok()?;
                if t.shape() != shape {
                    return None;
                }
                let (k, v) = t.entry(index)?;
                if k.as_str() != name.as_str() {
                    return None;
                }
                AttrObs::Dict {
                    cls,
                    shape: shape.0,
                    pos: u32::try_from(index).ok()?,
                    value: observed(Some(v)),
                }
            }
            How::InstanceSlot(i) if !method => {
                let ObjKind::Instance(Some(slots)) = &o.kind else {
                    return None;
                };
                let s = slots.try_borrow().ok()?;
                AttrObs::Slot {
                    cls,
                    pos: u32::try_from(i).ok()?,
                    nslots: u32::try_from(s.len()).ok()?,
                    value: observed(s.get(i)?.as_ref()),
                }
            }
            How::Method(m, _) if method && !store => {
                let m = m.upgrade()?;
                if !matches!(m.kind, ObjKind::Function(_)) {
                    return None;
                }
                let absent = absent_shape(o, &name)?;
                func = Some(m);
                AttrObs::Method {
                    cls,
                    absent,
                    func: KnownObj {
                        key: 0,
                        info: ObjInfo::Other,
                    },
                }
            }
            How::ClassValue(v, _) if !method && !store => {
                let value = observed(Some(&v));
                if value == Observed::Obj {
                    return None;
                }
                AttrObs::ClassValue {
                    cls,
                    absent: absent_shape(o, &name)?,
                    value,
                }
            }
            _ => return None,
        };
        Some(AttrProbe {
            obs,
            version: td.version.get(),
            ty: ty.clone(),
            func,
        })
    }
}

impl Vm {
    /// Before instruction `instr` of frame `f`: for `[isinstance, x, C] CALL 2` with `C` a
    /// class whose metaclass is `type` itself (so `isinstance` runs no `__instancecheck__`:
    /// `builtins::functions::isinstance_check`), the answer and `x`'s class word (0 for
    /// None/bool/int/float), with the class to pin when it is a heap class (its bases, and
    /// with them the answer, could change); `None` otherwise, and for an object without a
    /// class word (`Observe::isinstance`, the recorder's `call.rs`).
    pub(crate) fn jit_isinstance_probe(&self, f: &Frame, instr: Instruction) -> Option<(InstObs, Option<(Obj, u32)>)> {
        if instr.op != Opcode::Call || instr.arg != 2 {
            return None;
        }
        let [callee, x, c] = f.stack.get(f.stack.len().checked_sub(3)?..)? else {
            return None;
        };
        let (Value::Obj(callee), Value::Obj(c)) = (callee, c) else {
            return None;
        };
        if !Rc::ptr_eq(callee, &self.known.isinstance) || !matches!(c.kind, ObjKind::Type(_)) {
            return None;
        }
        if !c.class.as_ref().is_none_or(|m| Rc::ptr_eq(m, &self.types.type_)) {
            return None;
        }
        let result = self.isinstance(x, c);
        let Value::Obj(o) = x else {
            return Some((InstObs { cls: 0, result }, None));
        };
        let ty = o.class.as_ref()?;
        let ObjKind::Type(td) = &ty.kind else { return None };
        let pin = td.heap_type.then(|| (ty.clone(), td.version.get()));
        Some((
            InstObs {
                cls: obj_word_rc(ty),
                result,
            },
            pin,
        ))
    }
}

impl Vm {
    /// `LOAD_ATTR` / `LOAD_METHOD` `name` on class `t` (a heap class whose metaclass is
    /// `type` itself, so no metaclass attribute or descriptor applies; not a dunder name,
    /// which `type`'s own descriptors may answer, but `__init__`): a None/bool/int/float
    /// found along its MRO ([`AttrObs::TypeValue`], `LOAD_ATTR`), or a Python function, a
    /// `staticmethod` or a `classmethod` of one ([`AttrObs::TypeFunc`], `LOAD_METHOD`); the
    /// class's version tag is pinned (any change of it or a base bumps it).
    fn jit_type_attr_probe(&self, t: &Obj, name: &Value, method: bool) -> Option<AttrProbe> {
        let ObjKind::Type(td) = &t.kind else { return None };
        if !td.heap_type || !t.class.as_ref().is_none_or(|m| Rc::ptr_eq(m, &self.types.type_)) {
            return None;
        }
        let text = name.as_str()?;
        // (`__init__`: `type` has no data descriptor of that name, so the class's own
        // function is what `Base.__init__(self, ...)` finds)
        if text.starts_with("__") && !(method && text == "__init__") {
            return None;
        }
        let v = self.lookup_in_type(t, text)?;
        let (obs, func) = match (&v, method) {
            // a plain function: `[class] -> [function, NULL]`, as the interpreter's
            // `LOAD_METHOD_CLASS` pushes it
            (Value::Obj(f), true) if matches!(f.kind, ObjKind::Function(_)) => (
                AttrObs::TypeFunc {
                    func: KnownObj {
                        key: 0,
                        info: ObjInfo::Other,
                    },
                    bound: false,
                },
                Some(f.clone()),
            ),
            (Value::Obj(s), true) => match &s.kind {
                ObjKind::StaticMethod(Value::Obj(f)) | ObjKind::ClassMethod(Value::Obj(f))
                    if matches!(f.kind, ObjKind::Function(_)) =>
                {
                    (
                        AttrObs::TypeFunc {
                            func: KnownObj {
                                key: 0,
                                info: ObjInfo::Other,
                            },
                            bound: matches!(s.kind, ObjKind::ClassMethod(_)),
                        },
                        Some(f.clone()),
                    )
                }
                _ => return None,
            },
            (Value::Obj(_), false) | (_, true) => return None,
            (v, false) => (
                AttrObs::TypeValue {
                    value: observed(Some(v)),
                },
                None,
            ),
        };
        Some(AttrProbe {
            obs,
            ty: t.clone(),
            version: td.version.get(),
            func,
        })
    }
}

impl Vm {
    /// Before instruction `instr` of frame `f`: for `COMPARE_OP ==`/`!=` of two objects or
    /// an object and None that compare by identity (`Observe::identity_eq`: instances of
    /// heap classes whose metaclass is `type`, with `object`'s `__eq__` and `__ne__`), their
    /// class words (0 for None) and the classes to pin.
    pub(crate) fn jit_identity_eq_probe(&self, f: &Frame, instr: Instruction) -> Option<(EqObs, Vec<(Obj, u32)>)> {
        if instr.op != Opcode::CompareOp || !matches!(instr.arg, 2 | 3) {
            return None;
        }
        let [a, b] = f.stack.get(f.stack.len().checked_sub(2)?..)? else {
            return None;
        };
        let mut pins = Vec::new();
        let mut word = |v: &Value| -> Option<u64> {
            let Value::Obj(o) = v else {
                return matches!(v, Value::None).then_some(0);
            };
            if !matches!(o.kind, ObjKind::Instance(_)) {
                return None;
            }
            let ty = o.class.as_ref()?;
            let ObjKind::Type(td) = &ty.kind else { return None };
            if !td.heap_type || !ty.class.as_ref().is_none_or(|m| Rc::ptr_eq(m, &self.types.type_)) {
                return None;
            }
            for name in ["__eq__", "__ne__"] {
                let m = self.lookup_in_type(ty, name)?;
                if !matches!(m.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
                    return None;
                }
            }
            pins.push((ty.clone(), td.version.get()));
            Some(obj_word_rc(ty))
        };
        let (wa, wb) = (word(a)?, word(b)?);
        if wa == 0 && wb == 0 {
            return None;
        }
        Some((EqObs { a: wa, b: wb }, pins))
    }
}

/// `@obj_class(obj) -> ptr`: the class word of `obj` (0 for an object without one).
pub(super) extern "C" fn obj_class(w: u64) -> u64 {
    // SAFETY: as in `attr_addr`.
    unsafe { with_obj(w, |o| o.class.as_ref().map_or(0, obj_word_rc)) }.unwrap_or(0)
}

/// The address of attribute (`cls`, `shape`, `pos`) of `o` (see [`attr_addr`]).
fn addr_of(o: &Obj, cls: u64, shape: i64, pos: i64) -> Option<u64> {
    if obj_word_rc(o.class.as_ref()?) != cls {
        return None;
    }
    let pos = usize::try_from(pos).ok()?;
    if shape == 0 {
        let ObjKind::Instance(Some(slots)) = &o.kind else {
            return None;
        };
        let s = slots.try_borrow().ok()?;
        return Some(s.get(pos)? as *const Option<Value> as u64);
    }
    let d = o.dict.as_ref()?;
    let ObjKind::Dict(c) = &d.kind else { return None };
    let t = c.try_borrow().ok()?;
    if i64::from(t.shape().0) != shape {
        return None;
    }
    let (_, v) = t.entry(pos)?;
    Some(v as *const Value as u64)
}

/// `@attr_addr(obj, cls, shape, pos) -> ptr`: the address of the value of entry `pos` of
/// `obj`'s instance dict when `obj`'s class word is `cls` and the dict has shape `shape`, or
/// of `__slots__` slot `pos` when `shape` is 0; 0 otherwise.
pub(super) extern "C" fn attr_addr(w: u64, cls: u64, shape: i64, pos: i64) -> u64 {
    // SAFETY: traces pass object words of live objects (`jit_helpers.rs`).
    unsafe { with_obj(w, |o| addr_of(o, cls, shape, pos)) }
        .flatten()
        .unwrap_or(0)
}

/// `@attr_base(obj, cls, shape) -> ptr`: the address of the first entry of `obj`'s
/// instance dict when `obj`'s class word is `cls` and the dict has shape `shape` (never 0),
/// else 0. The shape fixes which entries are live: the value of entry `pos` is at
/// `pos * stride + value_offset` from it ([`dict_value_layout`]; `record/attr.rs`), until a
/// key is added (a `writes` call in between makes the recorder ask again).
pub(super) extern "C" fn attr_base(w: u64, cls: u64, shape: i64) -> u64 {
    let base = |o: &Obj| {
        if obj_word_rc(o.class.as_ref()?) != cls {
            return None;
        }
        let d = o.dict.as_ref()?;
        let ObjKind::Dict(c) = &d.kind else { return None };
        let t = c.try_borrow().ok()?;
        (i64::from(t.shape().0) == shape && shape != 0).then(|| t.table().entries_base() as u64)
    };
    // SAFETY: as in `attr_addr`.
    unsafe { with_obj(w, base) }.flatten().unwrap_or(0)
}

/// Measures the [`DictLayout`] of the traces' inline `@attr_base` and `@attr_absent` on
/// an instance of `cls` with a dict made for the purpose (`dict_type`: the VM's `dict`;
/// `other`: an object of another kind, whose payload tag must differ from a dict's).
/// `None` when a measurement is ambiguous: the traces then call the helpers.
pub(crate) fn measure_dict_layout(dict_type: &Obj, cls: &Obj, other: &Obj) -> Option<DictLayout> {
    let mut table = crate::dict::Dict::new_shaped_presized(2);
    table.insert_new(5, Value::Int(5), Value::None);
    let d = crate::gc::alloc(crate::object::Object::new(
        dict_type.clone(),
        ObjKind::Dict(std::cell::RefCell::new(table)),
    ));
    let inst = crate::gc::alloc(crate::object::Object::with(
        Some(cls.clone()),
        Some(d.clone()),
        ObjKind::Instance(None),
    ));
    let off = |o: &Obj, addr: usize| i32::try_from(addr.wrapping_sub(obj_word_rc(o) as usize) as isize).ok();
    let class_off = off(&inst, &inst.class as *const Option<Obj> as usize)?;
    let dict_off = off(&inst, &inst.dict as *const Option<Obj> as usize)?;
    // `ObjKind` is `repr(u8)`: its tag is its first byte
    let kind_addr = |o: &Obj| &o.kind as *const ObjKind as usize;
    let kind_off = off(&d, kind_addr(&d))?;
    if off(other, kind_addr(other))? != kind_off {
        return None;
    }
    // SAFETY: both addresses are the first byte of a live object's `ObjKind`, its tag.
    let (dict_tag, other_tag) = unsafe {
        (
            (kind_addr(&d) as *const u8).read(),
            (kind_addr(other) as *const u8).read(),
        )
    };
    if dict_tag == other_tag {
        return None;
    }
    let ObjKind::Dict(cell) = &d.kind else { return None };
    let cell_addr = cell as *const std::cell::RefCell<crate::dict::Dict> as usize;
    let value_addr = cell.as_ptr() as usize;
    let value_end = value_addr + std::mem::size_of::<crate::dict::Dict>();
    let cell_end = cell_addr + std::mem::size_of::<std::cell::RefCell<crate::dict::Dict>>();
    // the borrow flag: the one word of the cell outside its value that reads 0, then 1
    // under a shared borrow, then -1 under a mutable one
    let flag_words = || {
        (cell_addr..cell_end)
            .step_by(8)
            .filter(|a| *a + 8 <= value_addr || *a >= value_end)
    };
    // SAFETY: every `a` is an aligned word of the live `RefCell` outside its value: its
    // borrow flag (a `Cell`) or padding, read as plain bits.
    let read = |a: usize| unsafe { (a as *const u64).read() };
    let idle: Vec<u64> = flag_words().map(read).collect();
    let shared: Vec<u64> = {
        let _b = cell.try_borrow().ok()?;
        flag_words().map(read).collect()
    };
    let written: Vec<u64> = {
        let _b = cell.try_borrow_mut().ok()?;
        flag_words().map(read).collect()
    };
    let mut flags = flag_words()
        .zip(idle.iter().zip(shared.iter().zip(written.iter())))
        .filter(|(_, (i, (s, w)))| **i == 0 && **s == 1 && **w == u64::MAX)
        .map(|(a, _)| a);
    let borrow_addr = match (flags.next(), flags.next()) {
        (Some(a), None) => a,
        _ => return None,
    };
    let borrow_off = off(&d, borrow_addr)?;
    let shape_off = off(&d, value_addr + crate::dict::SHAPE_OFFSET)?;
    // the entries pointer: the one word of the dict equal to its entries' address
    let t = cell.try_borrow().ok()?;
    let base = t.table().entries_base() as u64;
    // SAFETY: as above: aligned words of the live dict, read while `t` borrows it.
    let mut at = (value_addr..value_end)
        .step_by(8)
        .filter(|a| unsafe { (*a as *const u64).read() } == base);
    let entries_addr = match (at.next(), at.next()) {
        (Some(a), None) => a,
        _ => return None,
    };
    let entries_off = off(&d, entries_addr)?;
    drop(t);
    let fields = [kind_off, borrow_off, shape_off, entries_off];
    if dict_tag == 0
        || fields
            .iter()
            .any(|&o| o < 0 || o as usize + 8 > std::mem::size_of_val(&NO_DICT))
    {
        return None;
    }
    Some(DictLayout {
        class_off,
        dict_off,
        kind_off,
        dict_tag,
        borrow_off,
        shape_off,
        entries_off,
        no_dict: NO_DICT.as_ptr() as u64,
    })
}

/// The stand-in dict of [`DictLayout::no_dict`]: zeros, so tag 0 (no dict's), read by the
/// inline `@attr_base` / `@attr_absent` for objects without an instance dict.
static NO_DICT: [u64; 32] = [0; 32];

/// `(stride, value_offset)` in bytes of an instance dict's entries (see [`attr_base`]),
/// given to the recorder (`Recorder::set_dict_layout`).
pub(crate) fn dict_value_layout() -> (u32, u32) {
    let (stride, off) = crate::support::dicttable::DictTable::<crate::value::Value, crate::value::Value>::value_layout(
        (0, crate::value::Value::None, crate::value::Value::None),
    );
    (u32::try_from(stride).unwrap_or(0), u32::try_from(off).unwrap_or(0))
}

/// `@attr_slots(obj, cls, n) -> ptr`: the address of the first of `obj`'s `__slots__` slots
/// when its class word is `cls` and it has exactly `n` slots, else 0 (slot `i` is the 16-byte
/// `Option<Value>` at `+ 16 * i`).
pub(super) extern "C" fn attr_slots(w: u64, cls: u64, n: i64) -> u64 {
    let base = |o: &Obj| {
        if obj_word_rc(o.class.as_ref()?) != cls {
            return None;
        }
        let ObjKind::Instance(Some(slots)) = &o.kind else {
            return None;
        };
        let s = slots.try_borrow().ok()?;
        (i64::try_from(s.len()).ok()? == n && n > 0).then(|| s.as_ptr() as u64)
    };
    // SAFETY: as in `attr_addr`.
    unsafe { with_obj(w, base) }.flatten().unwrap_or(0)
}

/// `@cell_addr(cell) -> ptr`: the address of the content (an `Option<Value>`, empty = tag
/// word 5) of the cell object whose word is `w`, or 0 when it is no cell or its content is
/// borrowed for writing (`taipan_jit::record::CELL_ADDR`, `record/cell.rs`).
pub(super) extern "C" fn cell_addr(w: u64) -> u64 {
    let addr = |o: &Obj| {
        let ObjKind::Cell(c) = &o.kind else { return None };
        // (no borrow is held while a trace runs; the check only keeps the helper exact)
        c.try_borrow().ok()?;
        Some(c.as_ptr() as u64)
    };
    // SAFETY: as in `attr_addr`.
    unsafe { with_obj(w, addr) }.flatten().unwrap_or(0)
}

/// `@attr_absent(obj, cls, absent) -> i64`: 1 when `obj`'s class word is `cls` and its
/// instance dict has shape `absent` (0: it has no dict), else 0.
pub(super) extern "C" fn attr_absent(w: u64, cls: u64, absent: i64) -> i64 {
    let ok = |o: &Obj| {
        if o.class.as_ref().is_none_or(|c| obj_word_rc(c) != cls) {
            return false;
        }
        match o.dict.as_ref().map(|d| &d.kind) {
            None => absent == 0,
            Some(ObjKind::Dict(c)) => c
                .try_borrow()
                .is_ok_and(|t| i64::from(t.shape().0) == absent && absent != 0),
            Some(_) => false,
        }
    };
    // SAFETY: as in `attr_addr`.
    i64::from(unsafe { with_obj(w, ok) }.unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use taipan_jit::backend::{Backend, LowerOptions, TraceFn};
    use taipan_jit::ir::parse::parse_func;

    use super::super::helpers::{ObjLayout, helper_table};
    use super::*;
    use crate::dict::Dict;
    use crate::object::Object;
    use taipan_jit::record::{ATTR_ABSENT, ATTR_BASE};

    /// The inline expansions of `@attr_base` and `@attr_absent` (compiled with the measured
    /// layout) answer what the helpers answer: instances with dicts of several shapes, an
    /// unshaped dict, no dict, a non-dict in the dict's place, of another class, and shapes
    /// that differ or are 0, given as arguments and as constants.
    #[test]
    fn inline_dict_helpers_agree_with_the_helpers() {
        let vm = Vm::new(Vec::new());
        let layout = ObjLayout::measure(&vm.types).expect("layout");
        assert!(
            helper_table(Some(&layout))
                .inline(taipan_jit::record::ATTR_BASE)
                .is_some()
        );
        assert!(
            helper_table(Some(&layout))
                .inline(taipan_jit::record::ATTR_ABSENT)
                .is_some()
        );
        // the helpers' addresses are a stand-in that answers what neither answers: only the
        // expansion can pass
        extern "C" fn stand_in(_: u64, _: u64, _: i64) -> u64 {
            0xdead
        }
        let probe = vm.new_list(Vec::new());
        let Value::Obj(probe) = &probe else { panic!("a list") };
        let dl = measure_dict_layout(&vm.types.dict, &vm.types.object, probe).expect("dict layout");
        let mut table = taipan_jit::backend::HelperTable::new();
        for name in [taipan_jit::record::ATTR_BASE, taipan_jit::record::ATTR_ABSENT] {
            table.add(name, stand_in as extern "C" fn(u64, u64, i64) -> u64 as usize);
        }
        table.add_inline(ATTR_BASE, taipan_jit::backend::InlineHelper::DictEntries(dl));
        table.add_inline(ATTR_ABSENT, taipan_jit::backend::InlineHelper::DictAbsent(dl));
        let backend = RefCell::new(Backend::new(8 << 20).expect("backend"));
        let compile = |helper: &str, ty: &str, consts: Option<(u64, u64)>| {
            let text = match consts {
                None => format!(
                    "func @t(%0: ptr, %1: ptr, %2: i64) -> {ty} {{\n    %3 = call @{helper}(%0, %1, %2) -> {ty} reads\n    ret %3\n}}\n"
                ),
                Some((c, k)) => format!(
                    "func @t(%0: ptr, %1: ptr, %2: i64) -> {ty} {{\n    %3 = const_i64 {}\n    %4 = const_i64 {}\n    %5 = call @{helper}(%0, %3, %4) -> {ty} reads\n    ret %5\n}}\n",
                    c as i64, k as i64
                ),
            };
            let f = parse_func(&text).expect("parse");
            backend
                .borrow_mut()
                .compile_trace_with(&f, &table, &LowerOptions::default())
                .expect("compile")
        };
        let base = compile(ATTR_BASE, "ptr", None);
        let absent = compile(ATTR_ABSENT, "i64", None);
        let compile_const = |helper: &str, ty: &str, args: [u64; 3]| compile(helper, ty, Some((args[1], args[2])));
        let run = |t: &taipan_jit::backend::CompiledTrace, args: [u64; 3]| {
            let mut out = [0u64; 4];
            // SAFETY: the trace takes three parameters and writes `out[0]` only; the backend
            // keeps its code alive; every object word in `args` is live.
            let status = unsafe { t.code.as_fn::<TraceFn>()(args.as_ptr(), out.as_mut_ptr()) };
            assert_eq!(status, 0);
            out[0]
        };
        let (cls, other_cls) = (vm.types.object.clone(), vm.types.int.clone());
        let shaped = |keys: &[&str]| {
            let mut d = Dict::new_shaped();
            for (k, key) in keys.iter().enumerate() {
                d.insert_new(k as i64, vm.new_str(*key), Value::Int(k as i64));
            }
            d
        };
        let mut objs = Vec::new();
        for keys in [&[][..], &["x"][..], &["x", "y"][..], &["y"][..]] {
            let d = crate::gc::alloc(Object::new(
                vm.types.dict.clone(),
                ObjKind::Dict(RefCell::new(shaped(keys))),
            ));
            objs.push(crate::gc::alloc(Object::with(
                Some(cls.clone()),
                Some(d),
                ObjKind::Instance(None),
            )));
        }
        objs.push(crate::gc::alloc(Object::with(
            Some(cls.clone()),
            None,
            ObjKind::Instance(None),
        )));
        let unshaped = crate::gc::alloc(Object::new(
            vm.types.dict.clone(),
            ObjKind::Dict(RefCell::new(Dict::new())),
        ));
        objs.push(crate::gc::alloc(Object::with(
            Some(cls.clone()),
            Some(unshaped),
            ObjKind::Instance(None),
        )));
        let not_a_dict = vm.new_list(Vec::new());
        let Value::Obj(nd) = &not_a_dict else { panic!("a list") };
        objs.push(crate::gc::alloc(Object::with(
            Some(cls.clone()),
            Some(nd.clone()),
            ObjKind::Instance(None),
        )));
        let shapes: Vec<i64> = objs
            .iter()
            .filter_map(|o| match o.dict.as_ref().map(|d| &d.kind) {
                Some(ObjKind::Dict(c)) => Some(i64::from(c.borrow().shape().0)),
                _ => None,
            })
            .chain([0, 12345])
            .collect();
        let mut checked = 0;
        for o in &objs {
            for c in [&cls, &other_cls] {
                for &shape in &shapes {
                    let args = [obj_word_rc(o), obj_word_rc(c), shape as u64];
                    let check = |what: &str| {
                        assert_eq!(run(&base, args), attr_base(args[0], args[1], shape), "attr_base {what}");
                        assert_eq!(
                            run(&absent, args) as i64,
                            attr_absent(args[0], args[1], shape),
                            "attr_absent {what}"
                        );
                    };
                    check("with arguments");
                    // and with the class and shape as constants (compared as immediates)
                    let (cb, ca) = (
                        compile_const(ATTR_BASE, "ptr", args),
                        compile_const(ATTR_ABSENT, "i64", args),
                    );
                    assert_eq!(
                        run(&cb, args),
                        attr_base(args[0], args[1], shape),
                        "attr_base, constants"
                    );
                    assert_eq!(
                        run(&ca, args) as i64,
                        attr_absent(args[0], args[1], shape),
                        "attr_absent, constants"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 50);
        // some cases answer non-zero
        let first = [obj_word_rc(&objs[1]), obj_word_rc(&cls), shapes[1] as u64];
        assert_ne!(run(&base, first), 0);
        let no_dict = [obj_word_rc(&objs[4]), obj_word_rc(&cls), 0];
        assert_eq!(run(&absent, no_dict), 1);
    }
}
