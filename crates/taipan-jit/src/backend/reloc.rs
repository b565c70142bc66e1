//! Relocation of Cranelift's output in the code arena.
//!
//! Algorithm: Cranelift returns the function's bytes plus a list of relocations
//! (`offset`, `kind`, `target`, `addend`). We resolve each target to an absolute address,
//! `S`, and patch the bytes already copied to their final address (so `P`, the address of
//! the patched field, is known), following the ELF definitions of the same relocations
//! (System V x86-64 psABI):
//! - `Abs8`: the 8 bytes at `P` become `S + A` (calls to runtime helpers: Cranelift loads the
//!   address with `movabs` for a non-colocated callee when `is_pic=false`);
//! - `Abs4`: the 4 bytes become `S + A`, which must fit in 32 bits unsigned;
//! - `X86PCRel4`, `X86CallPCRel4`, `X86CallPLTRel4`: the 4 bytes become `S + A - P`, which
//!   must fit in `i32` (colocated targets; the arena keeps them within reach).
//!
//! Targets: a user external name in [`HELPER_NAMESPACE`] is the helper with that index in the
//! caller's [`HelperTable`]; a few libcalls Cranelift may use for float rounding on CPUs
//! without SSE4.1 (`floor`, `ceil`, `trunc`, `nearest` for f64/f32) resolve to Rust
//! functions here; an offset in the function itself resolves to that code address.
//! Anything else is an [`RelocError`] naming the kind or target: never a silent miss.

use core::fmt;

use cranelift_codegen::FinalizedMachReloc;
use cranelift_codegen::FinalizedRelocTarget;
use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::ir::{ExternalName, Function, LibCall};

/// The `UserExternalName::namespace` of runtime helpers (index = position in [`HelperTable`]).
pub const HELPER_NAMESPACE: u32 = 1;

/// Runtime helpers a compiled function may call, by index: (name for diagnostics, address).
///
/// The addresses are `extern "C"` Rust functions (System V ABI on x86-64 Linux), the index is
/// the `UserExternalName::index` used by [`super::import_helper`].
#[derive(Debug, Clone, Default)]
pub struct HelperTable {
    entries: Vec<(&'static str, usize)>,
    inline: Vec<(&'static str, InlineHelper)>,
    self_call: Option<SelfCall>,
}

/// Direct calls of a function trace's own function (recursion, `docs/jit.md`, "Function
/// traces"): a `call @<helper>(vm, const_ptr <func>, buf, const base, const n)` whose
/// function word is `func` is expanded into a call of the compiled trace whose entry
/// address is the word at `cell` (0: none), on a callee buffer in the caller's native
/// frame, with `helper` as the slow path (no entry, no depth budget left) and
/// `exit_helper(vm, func, callee_buf, status, buf, base) -> i64` for a callee that left
/// through an exit. The buffer layout is `record::func`'s; `nlocals` is the function's
/// and `out_words` bounds the words any exit of the callee's tree writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelfCall {
    /// The opaque-call helper's name (`record::func::CALL_HELPER`).
    pub helper: &'static str,
    /// The exit helper's name (registered with [`HelperTable::add`]).
    pub exit_helper: &'static str,
    /// The object word of the function whose calls are direct.
    pub func: u64,
    /// Address of the word holding the entry address of its compiled trace (or 0).
    pub cell: usize,
    /// The function's locals (its buffer's layout).
    pub nlocals: u32,
    /// The most words of `out` an exit of the callee's tree writes.
    pub out_words: u32,
}

/// A helper the lowering expands inline instead of calling it: a few loads from the object
/// whose word is the call's one argument, at byte offsets the runtime measured (its layout
/// is not fixed at compile time). No call in the trace means no registers clobbered: values
/// computed before it stay in registers instead of being spilled and reloaded in every
/// iteration of the loop. The call's helper stays registered: it is the reference the
/// expansion must agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InlineHelper {
    /// `i64`: the word at `w + len_off` when the word at `w + class_off` is `class`, else
    /// -1 (the length of an object of exactly that class).
    ExactLen {
        /// Byte offset of the class word.
        class_off: i32,
        /// The class word to compare with.
        class: u64,
        /// Byte offset of the length word.
        len_off: i32,
    },
    /// `i64`: 1 when the word at `w + class_off` is `class`, else 0.
    IsExact {
        /// Byte offset of the class word.
        class_off: i32,
        /// The class word to compare with.
        class: u64,
    },
    /// The word at `w + off` (a `ptr` or `i64` result).
    LoadWord {
        /// Byte offset of the word.
        off: i32,
    },
    /// `@attr_base(w, cls, shape) -> ptr`: the entries address of `w`'s instance dict when
    /// `w`'s class word is `cls`, the dict is not borrowed for writing and its shape is
    /// `shape` (non-zero), else 0 (the VM's `jit_attrs::attr_base`).
    DictEntries(DictLayout),
    /// `@attr_absent(w, cls, absent) -> i64`: 1 when `w`'s class word is `cls` and its
    /// instance dict is missing (`absent` = 0) or has shape `absent` (non-zero) and is not
    /// borrowed for writing, else 0 (the VM's `jit_attrs::attr_absent`).
    DictAbsent(DictLayout),
}

impl InlineHelper {
    /// How many arguments a call expanded this way takes (a call with another number is
    /// made as a call).
    pub fn arity(&self) -> usize {
        match self {
            InlineHelper::ExactLen { .. } | InlineHelper::IsExact { .. } | InlineHelper::LoadWord { .. } => 1,
            InlineHelper::DictEntries(_) | InlineHelper::DictAbsent(_) => 3,
        }
    }
}

/// Where an object's class and instance-dict words are, and inside a dict object its
/// payload's tag byte, its `RefCell` borrow flag (an `isize`, negative while borrowed for
/// writing), its shape id (a `u32`) and its entries pointer: byte offsets from an object
/// word, measured by the VM (Rust fixes none of them), for [`InlineHelper::DictEntries`]
/// and [`InlineHelper::DictAbsent`]. Every offset lies inside the object's allocation, so
/// the expansion may load them all before it knows the object is a dict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictLayout {
    /// Byte offset of an object's class word.
    pub class_off: i32,
    /// Byte offset of an object's instance-dict word (0: no dict).
    pub dict_off: i32,
    /// Byte offset of an object's payload tag byte.
    pub kind_off: i32,
    /// The payload tag byte of a dict object.
    pub dict_tag: u8,
    /// Byte offset of a dict object's borrow flag word.
    pub borrow_off: i32,
    /// Byte offset of a dict object's shape id (`u32`).
    pub shape_off: i32,
    /// Byte offset of a dict object's entries pointer word.
    pub entries_off: i32,
    /// Address of a block of zeros that every offset above reads inside (its tag byte 0 is
    /// not `dict_tag`): where the expansion reads a dict's fields for an object with no
    /// dict, so it needs no branch. Static in the VM: it outlives every trace.
    pub no_dict: u64,
}

impl HelperTable {
    /// Makes the lowering expand calls of helper `name` inline as `how` (see
    /// [`InlineHelper`]); the name should also be registered with [`HelperTable::add`].
    pub fn add_inline(&mut self, name: &'static str, how: InlineHelper) {
        self.inline.push((name, how));
    }

    /// How a call of `name` is expanded inline, if it is.
    pub fn inline(&self, name: &str) -> Option<InlineHelper> {
        self.inline.iter().find(|(n, _)| *n == name).map(|&(_, h)| h)
    }

    /// Makes the lowering expand calls of `call.helper` on `call.func` into direct calls
    /// (see [`SelfCall`]).
    pub fn set_self_call(&mut self, call: SelfCall) {
        self.self_call = Some(call);
    }

    /// The direct-call expansion, if any (see [`SelfCall`]).
    pub fn self_call(&self) -> Option<SelfCall> {
        self.self_call
    }

    /// An empty table.
    pub fn new() -> HelperTable {
        HelperTable::default()
    }

    /// Adds a helper and returns its index (for [`super::import_helper`]).
    pub fn add(&mut self, name: &'static str, addr: usize) -> u32 {
        let index = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push((name, addr));
        index
    }

    /// The (name, address) of helper `index`, if any.
    pub fn get(&self, index: u32) -> Option<(&'static str, usize)> {
        self.entries.get(usize::try_from(index).ok()?).copied()
    }

    /// The index of the helper named `name` (the first one, if added twice).
    pub fn index_of(&self, name: &str) -> Option<u32> {
        let i = self.entries.iter().position(|(n, _)| *n == name)?;
        u32::try_from(i).ok()
    }

    /// Number of helpers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A relocation that could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelocError {
    /// A relocation kind this backend does not implement, at byte `offset` of the function.
    UnsupportedKind {
        /// Cranelift's name of the kind.
        kind: String,
        /// Offset of the patched field in bytes.
        offset: u32,
    },
    /// A target that resolves to nothing: unknown namespace, helper index or libcall.
    UnknownTarget(String),
    /// The resolved value does not fit the field (e.g. a rel32 beyond ±2 GiB).
    OutOfRange {
        /// Cranelift's name of the kind.
        kind: String,
        /// Offset of the patched field in bytes.
        offset: u32,
    },
}

impl fmt::Display for RelocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RelocError::UnsupportedKind { kind, offset } => {
                write!(f, "unsupported relocation {kind} at +{offset:#x}")
            }
            RelocError::UnknownTarget(t) => write!(f, "unknown relocation target {t}"),
            RelocError::OutOfRange { kind, offset } => {
                write!(f, "relocation {kind} at +{offset:#x} out of range")
            }
        }
    }
}

impl std::error::Error for RelocError {}

extern "C" fn floor_f64(x: f64) -> f64 {
    x.floor()
}
extern "C" fn ceil_f64(x: f64) -> f64 {
    x.ceil()
}
extern "C" fn trunc_f64(x: f64) -> f64 {
    x.trunc()
}
extern "C" fn nearest_f64(x: f64) -> f64 {
    x.round_ties_even()
}
extern "C" fn floor_f32(x: f32) -> f32 {
    x.floor()
}
extern "C" fn ceil_f32(x: f32) -> f32 {
    x.ceil()
}
extern "C" fn trunc_f32(x: f32) -> f32 {
    x.trunc()
}
extern "C" fn nearest_f32(x: f32) -> f32 {
    x.round_ties_even()
}

fn libcall_addr(lc: LibCall) -> Option<usize> {
    let addr = match lc {
        LibCall::FloorF64 => floor_f64 as extern "C" fn(f64) -> f64 as usize,
        LibCall::CeilF64 => ceil_f64 as extern "C" fn(f64) -> f64 as usize,
        LibCall::TruncF64 => trunc_f64 as extern "C" fn(f64) -> f64 as usize,
        LibCall::NearestF64 => nearest_f64 as extern "C" fn(f64) -> f64 as usize,
        LibCall::FloorF32 => floor_f32 as extern "C" fn(f32) -> f32 as usize,
        LibCall::CeilF32 => ceil_f32 as extern "C" fn(f32) -> f32 as usize,
        LibCall::TruncF32 => trunc_f32 as extern "C" fn(f32) -> f32 as usize,
        LibCall::NearestF32 => nearest_f32 as extern "C" fn(f32) -> f32 as usize,
        _ => return None,
    };
    Some(addr)
}

/// Resolves a relocation target to an absolute address (`S`).
fn resolve(
    target: &FinalizedRelocTarget,
    func: &Function,
    helpers: &HelperTable,
    base: usize,
) -> Result<usize, RelocError> {
    match target {
        FinalizedRelocTarget::Func(off) => base
            .checked_add(*off as usize)
            .ok_or_else(|| RelocError::UnknownTarget(format!("+{off}"))),
        FinalizedRelocTarget::ExternalName(ExternalName::User(r)) => {
            let name = func
                .params
                .user_named_funcs()
                .get(*r)
                .ok_or_else(|| RelocError::UnknownTarget(format!("{r:?}")))?;
            if name.namespace != HELPER_NAMESPACE {
                return Err(RelocError::UnknownTarget(format!("{name}")));
            }
            helpers
                .get(name.index)
                .map(|(_, addr)| addr)
                .ok_or_else(|| RelocError::UnknownTarget(format!("helper index {}", name.index)))
        }
        FinalizedRelocTarget::ExternalName(ExternalName::LibCall(lc)) => {
            libcall_addr(*lc).ok_or_else(|| RelocError::UnknownTarget(format!("libcall {lc}")))
        }
        FinalizedRelocTarget::ExternalName(other) => Err(RelocError::UnknownTarget(format!(
            "{}",
            other.display(Some(&func.params))
        ))),
    }
}

fn patch<const N: usize>(code: &mut [u8], offset: u32, bytes: [u8; N], kind: Reloc) -> Result<(), RelocError> {
    let start = offset as usize;
    let field = start
        .checked_add(N)
        .and_then(|end| code.get_mut(start..end))
        .ok_or(RelocError::OutOfRange {
            kind: kind.to_string(),
            offset,
        })?;
    field.copy_from_slice(&bytes);
    Ok(())
}

/// Applies `relocs` to `code`, which will execute at address `base`.
///
/// `func` is the compiled function (for its external-name table), `helpers` the runtime
/// helpers its `HELPER_NAMESPACE` names index.
///
/// # Errors
/// [`RelocError`] for an unsupported kind, an unresolvable target or a value out of range.
pub fn apply(
    code: &mut [u8],
    base: usize,
    relocs: &[FinalizedMachReloc],
    func: &Function,
    helpers: &HelperTable,
) -> Result<(), RelocError> {
    for r in relocs {
        let s = resolve(&r.target, func, helpers, base)? as i64;
        let value = s.wrapping_add(r.addend);
        let range = || RelocError::OutOfRange {
            kind: r.kind.to_string(),
            offset: r.offset,
        };
        match r.kind {
            Reloc::Abs8 => patch(code, r.offset, value.to_le_bytes(), r.kind)?,
            Reloc::Abs4 => {
                let v = u32::try_from(value).map_err(|_| range())?;
                patch(code, r.offset, v.to_le_bytes(), r.kind)?
            }
            Reloc::X86PCRel4 | Reloc::X86CallPCRel4 | Reloc::X86CallPLTRel4 => {
                let p = (base as i64).wrapping_add(i64::from(r.offset));
                let v = i32::try_from(value.wrapping_sub(p)).map_err(|_| range())?;
                patch(code, r.offset, v.to_le_bytes(), r.kind)?
            }
            other => {
                return Err(RelocError::UnsupportedKind {
                    kind: other.to_string(),
                    offset: r.offset,
                });
            }
        }
    }
    Ok(())
}
