//! The inline cache of one instruction ([`Slot`]) and what it records: the specialized
//! [`Entry`], the per-receiver-type [`TypeCase`]s of the attribute families with [`How`]
//! the attribute is reached, and the [`HintKey`] copies of instance-dict cases that the
//! hottest hit paths read (see `specialize.rs` for the protocol).

use std::rc::{Rc, Weak};

use crate::object::Object;
use crate::shape::ShapeId;
use crate::value::{Obj, Value};

use super::{MAX_BACKOFF, MISS_LIMIT};

/// What a specialized instruction assumes.
#[derive(Clone, Default)]
pub enum Entry {
    /// Not specialized (warming up or backing off).
    #[default]
    Generic,
    /// `LOAD_GLOBAL` found in the globals dict at `index`.
    GlobalModule {
        /// The globals dict.
        dict: Weak<Object>,
        /// Entry position.
        index: usize,
    },
    /// `LOAD_GLOBAL` absent from globals (key-set version `gversion`), found in the
    /// builtins dict at `index`.
    GlobalBuiltin {
        /// The globals dict.
        globals: Weak<Object>,
        /// Its key-set version when specialized.
        gversion: u64,
        /// The builtins dict.
        builtins: Weak<Object>,
        /// Entry position in builtins.
        index: usize,
    },
    /// Type-keyed attribute facts, one per receiver type seen (at most [`POLY_MAX`]).
    Types(Vec<TypeCase>),
    /// An attribute read from a class object (whose metaclass is `type`) at a version.
    TypeAttr {
        /// The class object itself.
        ty: Weak<Object>,
        /// Its version tag.
        version: u32,
        /// The result (a plain value, function or static method's function), or for a
        /// class method the function to bind to the class.
        value: Value,
        /// True for a class method (bind `value` to the class on each load).
        bind: bool,
    },
    /// `LOAD_METHOD` on an exact `super` object (`super().name`, `super(C, self).name`)
    /// finding a plain function or native method: `func` with the super object's
    /// instance as the receiver while the super object has the same `this` and `start`
    /// classes and `start` is at `version` (a change to any class of its MRO bumps it).
    SuperMethod {
        /// The class the search starts after (`super`'s first argument).
        this: Weak<Object>,
        /// The class whose MRO is searched (the type of the instance).
        start: Weak<Object>,
        /// `start`'s version tag.
        version: u32,
        /// The function found.
        func: Value,
    },
    /// `CALL` of a plain class (metaclass `type`, `object.__new__`, a Python `__init__`):
    /// the instance is built here and `__init__` called directly.
    InitClass {
        /// The class.
        ty: Weak<Object>,
        /// Its version tag.
        version: u32,
        /// Whether instances get a `__dict__`.
        has_dict: bool,
        /// Entries to reserve in a new instance's dict: the number of attributes the
        /// instance had after `__init__` when the call was specialized (at most 5, the
        /// smallest table's budget; CPython presizes instance dicts from the class's shared
        /// keys in the same way).
        dict_size: u8,
        /// Number of `__slots__` slots of an instance.
        nslots: usize,
        /// The `__init__` function.
        init: Weak<Object>,
    },
    /// `CALL` of a built-in type, or of a class derived from one that keeps its native
    /// `__new__` and `__init__` (`class C(list): pass`), whose `__new__` is native and whose
    /// `__init__` is `object.__init__` (int, float, str, tuple, ...) or a native (list, dict,
    /// set): `__new__` is called directly with the class and the arguments as they lie on
    /// the stack, then the native `__init__` with the instance in the class's slot.
    NewBuiltin {
        /// The type.
        ty: Weak<Object>,
        /// Its version tag.
        version: u32,
        /// Its `__new__`.
        new: crate::object::NativeFn,
        /// Its `__init__` (`None`: `object.__init__`, nothing to call).
        init: Option<crate::object::NativeFn>,
    },
    /// An attribute of a module object (its dict at `index`).
    ModuleAttr {
        /// The module's dict.
        dict: Weak<Object>,
        /// Entry position.
        index: usize,
    },
}

/// Receiver types one attribute instruction remembers (a polymorphic inline cache).
pub const POLY_MAX: usize = 4;

/// What an attribute instruction knows about receivers of one type.
#[derive(Clone)]
pub struct TypeCase {
    /// The class (a weak pointer: its address stays unique while the cache exists).
    pub ty: Weak<Object>,
    /// `ty`'s address (`Weak::as_ptr`), the hit paths' class check: one comparison with
    /// `Rc::as_ptr` of the receiver's class, where `Weak::as_ptr` tests for a dangling
    /// weak pointer first (5 instructions more per hit). Never dereferenced; unique
    /// while `ty` is held (a weak pointer keeps the allocation).
    addr: *const Object,
    /// The class's version tag when this case was recorded.
    pub version: u32,
    /// Where the attribute is.
    pub how: How,
}

impl TypeCase {
    /// The case for class `ty` at `version`.
    pub fn new(ty: Weak<Object>, version: u32, how: How) -> TypeCase {
        let addr = ty.as_ptr();
        TypeCase { ty, addr, version, how }
    }

    /// True if this case is for class `cls` (by address: one pointer comparison).
    #[inline(always)]
    pub fn is_for(&self, cls: &Obj) -> bool {
        std::ptr::eq(self.addr, Rc::as_ptr(cls))
    }
}

/// Where an attribute of instances of one type lives.
///
/// Instance dicts carry a shape ([`crate::shape`]); the cases record the shape they saw
/// (or [`ShapeId::NEVER`]), and a dict with that shape needs no further check: the
/// attribute is at the recorded position (or absent). A dict of another shape takes the
/// slower check that follows (key identity at the position, or a lookup), so a shape
/// mismatch costs speed, never correctness. The type guard (class pointer and version tag)
/// stays in every case: it is what rules out a data descriptor or a `__setattr__` added
/// to the class since.
#[derive(Clone)]
pub enum How {
    /// In the instance dict (the class has no such attribute) at position `index`: always
    /// if the dict has shape `shape`, else if the key there is the name itself.
    InstanceDict {
        /// Entry position (`usize::MAX`: absent when recorded).
        index: usize,
        /// The dict's shape when recorded.
        shape: ShapeId,
    },
    /// `STORE_ATTR` adding a new attribute to an instance dict of shape `before`, which
    /// then has shape `after` (CPython 3.11 has no such form; it is the shape analogue of
    /// its `STORE_ATTR_INSTANCE_VALUE` on a fresh object).
    InstanceDictAdd {
        /// The dict's shape before the store.
        before: ShapeId,
        /// Its shape after appending the name.
        after: ShapeId,
    },
    /// In this `__slots__` slot.
    InstanceSlot(usize),
    /// A function on the class (LOAD_ATTR binds it; LOAD_METHOD pushes it unbound), or a
    /// native method (LOAD_METHOD only); the instance dict must not shadow it (it does not
    /// if it has the recorded shape, which lacks the name).
    Method(Weak<Object>, ShapeId),
    /// A plain (non-descriptor) class attribute not shadowed by the instance dict (as for
    /// `Method`).
    ClassValue(Value, ShapeId),
    /// `LOAD_METHOD` only: a `classmethod` on the class, not shadowed by the instance dict
    /// (as for `Method`; a class method is a non-data descriptor): the callable it wraps,
    /// pushed with the receiver's class as `self`, which is what the bound method that
    /// attribute access makes would call (no bound method is allocated). Weak, as for
    /// `Method`: the cache keeps no function alive.
    ClassMethod(Weak<Object>, ShapeId),
    /// `LOAD_ATTR` of `__class__` when no class on the MRO defines that name: object's
    /// built-in `__class__` (a data descriptor, so an instance dict entry of that name does
    /// not shadow it) gives the receiver's class, which is the cached type on a hit
    /// (`Vm::get_attr_opt`'s rule; CPython's `object_get_class`). bm_deltablue's
    /// `self.__class__.WEAKEST`. CPython 3.11 does not specialize it (a getset
    /// descriptor); its generic path is cheaper than ours (~850 instructions).
    OwnClass,
}

/// An instance-dict case of a `Types` entry (`InstanceDict` at a real position), copied
/// beside the entry so that the `LOAD_ATTR_WITH_HINT` / `_POLY` hit reads the slot's own
/// cache line and nothing behind the entry's case vector (CPython 3.11 keeps the type
/// version and the index in the instruction's inline cache for the same reason). Kept in
/// step with `entry` by [`Slot::refresh_hint`] at every change of the entry.
#[derive(Clone, Copy)]
pub struct HintKey {
    /// The class's address (`TypeCase::addr` of the case); null: no hint. Never
    /// dereferenced: compared with the receiver's class, and unique while the entry's case
    /// holds its weak pointer.
    pub(super) addr: *const Object,
    /// The class's version tag when the case was recorded.
    pub(super) version: u32,
    /// The dict's shape when recorded.
    pub(super) shape: ShapeId,
    /// Entry position of the attribute.
    pub(super) index: u32,
}

impl Default for HintKey {
    fn default() -> HintKey {
        HintKey {
            addr: std::ptr::null(),
            version: 0,
            shape: ShapeId::NEVER,
            index: 0,
        }
    }
}

/// The inline cache of one instruction.
#[derive(Clone, Default)]
pub struct Slot {
    /// The specialized form, if any. Changed only through [`Slot::install`],
    /// [`Slot::fail`] and `merge_case`, which refresh `hint`.
    pub entry: Entry,
    /// `entry`'s first two cases, each when it is an instance-dict attribute (else no
    /// hint): a monomorphic site uses the first, a polymorphic one both.
    pub(super) hints: [HintKey; 2],
    /// Generic executions left before the next specialization attempt.
    pub countdown: u16,
    /// Misses of the current entry.
    pub misses: u8,
    /// Back-off exponent.
    pub backoff: u8,
}

impl Slot {
    /// A fresh slot that specializes after `warmup` generic executions.
    pub fn new(warmup: u16) -> Slot {
        Slot {
            entry: Entry::Generic,
            hints: [HintKey::default(); 2],
            countdown: warmup,
            misses: 0,
            backoff: 0,
        }
    }

    /// Counts one generic execution; true when a specialization should be attempted now.
    #[inline]
    pub fn tick(&mut self) -> bool {
        if self.countdown == 0 {
            true
        } else {
            self.countdown -= 1;
            false
        }
    }

    /// Records a failed specialization attempt: back off.
    pub fn fail(&mut self, warmup: u16) {
        self.entry = Entry::Generic;
        self.hints = [HintKey::default(); 2];
        self.countdown = backoff_count(warmup, self.backoff);
        self.backoff = (self.backoff + 1).min(MAX_BACKOFF);
    }

    /// Installs a specialized entry.
    pub fn install(&mut self, entry: Entry) {
        self.entry = entry;
        self.refresh_hint();
        self.misses = 0;
    }

    /// The copy of the entry's instance-dict case for class `cls` among the first two
    /// (`hints`), if `cls` is still at the recorded version tag (a monomorphic entry has
    /// no second copy, whose null address matches no class).
    #[inline(always)]
    pub(super) fn hint_for(&self, cls: &Obj) -> Option<HintKey> {
        let c = Rc::as_ptr(cls);
        let h = if std::ptr::eq(self.hints[0].addr, c) {
            self.hints[0]
        } else if std::ptr::eq(self.hints[1].addr, c) {
            self.hints[1]
        } else {
            return None;
        };
        matches!(&cls.kind, crate::object::ObjKind::Type(td) if td.version.get() == h.version).then_some(h)
    }

    /// Recomputes `hints` from `entry` (after any change of the entry).
    pub(super) fn refresh_hint(&mut self) {
        let hint = |case: Option<&TypeCase>| match case {
            Some(TypeCase {
                addr,
                version,
                how: How::InstanceDict { index, shape },
                ..
            }) if u32::try_from(*index).is_ok() => HintKey {
                addr: *addr,
                version: *version,
                shape: *shape,
                index: *index as u32,
            },
            _ => HintKey::default(),
        };
        self.hints = match &self.entry {
            Entry::Types(cases) => [hint(cases.first()), hint(cases.get(1))],
            _ => [HintKey::default(); 2],
        };
    }

    /// Records a miss; true when the entry was dropped (deopt).
    pub fn miss(&mut self, warmup: u16) -> bool {
        self.misses = self.misses.saturating_add(1);
        if self.misses >= MISS_LIMIT {
            self.misses = 0;
            self.fail(warmup);
            return true;
        }
        false
    }
}

fn backoff_count(warmup: u16, backoff: u8) -> u16 {
    let base = u32::from(warmup.max(1));
    let c = base << u32::from(backoff.min(MAX_BACKOFF) + 1);
    u16::try_from(c).unwrap_or(u16::MAX)
}
