//! The trace IR: a linear list of SSA micro-ops with snapshots (issue 5).
//!
//! # Shape of a trace
//! A [`Func`] is one straight-line list of instructions in execution order, LuaJIT style:
//! there are no basic blocks. Every instruction defines at most one value, named by its
//! position ([`InsnId`]); an instruction may only use values defined before it (SSA in a
//! single block, so definition order is dominance order). The one join point is the loop
//! header: a trace that loops has exactly one `loop` marker, the `phi`s directly after it
//! and a `jump` as its last instruction. A `phi a, b` is `a` when the loop is entered from
//! above and `b` (defined anywhere in the loop body, the one allowed forward reference) when
//! it is entered by the `jump`. A trace that does not loop ends with `ret %v` (used by
//! tests and by function-shaped traces) or `exit sN` (leave to the interpreter).
//!
//! # Values and memory
//! Value types are [`Type::I64`], [`Type::F64`], [`Type::Bool`] and [`Type::Ptr`] (a machine
//! word); instructions without a result have [`Type::Void`]. The trace reads and writes the
//! interpreter frame through a `ptr` to its slots: a slot is a 16-byte taipan `Value`
//! (`repr(C, u64)`: a tag word — see [`Tag`] — then a payload word), so slot `n` of base `b`
//! lives at `b + 16 * n`. Stores write a whole slot (tag and payload together) and never drop
//! what was there: the recorder emits them only for slots known to hold no object (ownership
//! of objects goes through helper calls). The IR knows nothing else of the object model.
//!
//! # Snapshots and exits
//! Every instruction that can leave the trace (its op's `can_exit` in the table in [`ops`])
//! names a [`Snapshot`]: the bytecode index to resume at and the frame slots whose content
//! must be rewritten from SSA values (or `None`) before resuming (LuaJIT's snapshots: slots
//! not listed already hold the right value in memory). A snapshot sits at a position in the
//! instruction list (`pos`: the number of instructions before it) and may only mention
//! values defined before that position; guards using it come after it. Snapshots are stored
//! in their own arena ([`SnapId`]) in position order. [`ExitId`] numbers the exit points
//! (instructions that can exit) of a trace in order, for per-exit counters.
//!
//! # Side traces and links
//! A side trace (bridge) is a function whose header names the exit it continues:
//! `func @b(...) -> void side @parent x1 { ... }` ([`Func::parent`]). When exit `x1` of
//! `@parent` has a bridge attached (the exit became hot), taking it does not return to the
//! interpreter: `@b` runs instead, with the parent's parameters followed by the values of
//! the exit's snapshot entries that are not `none`, in entry order, as its parameters (the
//! parent's snapshot is not written into the frame: the bridge holds those values). A
//! bridge ends like any trace (`ret`, `exit`), or with `link @t(args)`, which continues at the
//! entry of trace `@t` with `args` as its parameters — how a bridge goes back into its
//! parent's loop (through the parent's entry, so the preamble re-establishes what the loop
//! assumes, as LuaJIT links side traces to the root trace's start). The evaluator models
//! attached bridges and links with [`eval::eval_linked`]; the backend with
//! `backend::link::TraceSet`.
//!
//! # Text form
//! See [`mod@print`] for the grammar; [`mod@parse`] reads it back and `print(parse(t)) == t` for
//! canonical text (values numbered `%0, %1, ...` in order, snapshots `s0, s1, ...`).
//! [`verify`] checks every rule above; [`eval`] is a reference interpreter.

pub mod builder;
pub mod eval;
pub mod exits;
pub mod mathfn;
pub mod ops;
pub mod parse;
pub mod print;
pub mod verify;

pub use builder::Builder;
pub use ops::{Effect, ImmKind, Kind, Op, OpInfo, Res};

use std::fmt;

macro_rules! id_type {
    ($(#[doc = $doc:literal])* $name:ident, $prefix:literal) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct $name(pub u32);

        impl $name {
            /// The index into the arena this id names.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// An instruction, and the value it defines: its position in [`Func::insns`]. Text `%N`.
    InsnId,
    "%"
);
id_type!(
    /// A snapshot: an index into [`Func::snaps`]. Text `sN`.
    SnapId,
    "s"
);
id_type!(
    /// An exit point: the N-th instruction (in trace order) whose op can exit. Text `xN`.
    ExitId,
    "x"
);

/// The type of an SSA value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    /// A 64-bit two's-complement integer.
    I64,
    /// An IEEE-754 double.
    F64,
    /// A boolean (a condition).
    Bool,
    /// A machine word used as an address (a frame base, an object pointer).
    Ptr,
    /// No value (stores, guards, control).
    Void,
}

impl Type {
    /// The text name (`i64`, `f64`, `bool`, `ptr`, `void`).
    pub fn name(self) -> &'static str {
        match self {
            Type::I64 => "i64",
            Type::F64 => "f64",
            Type::Bool => "bool",
            Type::Ptr => "ptr",
            Type::Void => "void",
        }
    }

    /// The type named `s`, if any.
    pub fn from_name(s: &str) -> Option<Type> {
        Some(match s {
            "i64" => Type::I64,
            "f64" => Type::F64,
            "bool" => Type::Bool,
            "ptr" => Type::Ptr,
            "void" => Type::Void,
            _ => return None,
        })
    }
}

/// The tag word of an unbound local in a frame or entry buffer (the VM's `TAG_UNBOUND`):
/// no IR value has it; a dead-at-entry local's entry check accepts it
/// (`record/mod.rs`, `Recorder::write_local`).
pub const TAG_UNBOUND_WORD: i64 = 5;

/// The tag word of a taipan `Value` (must match `taipan-vm`'s `repr(C, u64)` discriminants).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Tag {
    /// `Value::None` (0).
    None = 0,
    /// `Value::Bool` (1); the payload's low byte is 0 or 1.
    Bool = 1,
    /// `Value::Int` (2); the payload is an `i64`.
    Int = 2,
    /// `Value::Float` (3); the payload is an `f64`'s bits.
    Float = 3,
    /// `Value::Obj` (4); the payload is an object pointer.
    Obj = 4,
}

impl Tag {
    /// All tags, in tag-word order.
    pub const ALL: [Tag; 5] = [Tag::None, Tag::Bool, Tag::Int, Tag::Float, Tag::Obj];

    /// The tag word.
    pub fn word(self) -> i64 {
        self as i64
    }

    /// The tag with tag word `w`, if any.
    pub fn from_word(w: i64) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.word() == w)
    }

    /// The text name (`none`, `bool`, `int`, `float`, `obj`).
    pub fn name(self) -> &'static str {
        match self {
            Tag::None => "none",
            Tag::Bool => "bool",
            Tag::Int => "int",
            Tag::Float => "float",
            Tag::Obj => "obj",
        }
    }

    /// The tag named `s`, if any.
    pub fn from_name(s: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.name() == s)
    }
}

/// What a `call` may do to memory (declared at each call site; the IR cannot see inside).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CallEffect {
    /// Reads and writes nothing the trace can see: may be folded, CSE'd and removed.
    Pure,
    /// May read memory (frame slots, objects) but writes nothing.
    Reads,
    /// May read and write anything.
    Writes,
}

impl CallEffect {
    /// The text name (`pure`, `reads`, `writes`).
    pub fn name(self) -> &'static str {
        match self {
            CallEffect::Pure => "pure",
            CallEffect::Reads => "reads",
            CallEffect::Writes => "writes",
        }
    }

    /// The effect named `s`, if any.
    pub fn from_name(s: &str) -> Option<CallEffect> {
        Some(match s {
            "pure" => CallEffect::Pure,
            "reads" => CallEffect::Reads,
            "writes" => CallEffect::Writes,
            _ => return None,
        })
    }
}

/// A runtime helper named by a `call`: the symbol and its declared effect.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Callee {
    /// The helper's name (text `@name`); the backend resolves it to an address.
    pub name: String,
    /// What the helper may do to memory.
    pub effect: CallEffect,
    /// Whether the helper returns a new reference (text `-> own ptr`): the result is an
    /// owned value (see [`Func::owns`]). Only `ptr` results of `writes` calls may be owned.
    pub owns: bool,
}

/// The immediate operand of an instruction (at most one; its kind is fixed by the op table).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Imm {
    /// No immediate.
    None,
    /// An integer constant.
    Int(i64),
    /// A float constant, as its IEEE-754 bits (so `Imm` is `Eq` and hashable).
    Float(u64),
    /// A boolean constant.
    Bool(bool),
    /// A machine-word constant (`const_ptr`).
    Word(u64),
    /// A frame slot index (slot `n` is at byte offset `16 * n` from the base).
    Slot(u32),
    /// A value tag.
    Tag(Tag),
    /// The index of a function parameter.
    Param(u32),
    /// The helper called by a `call`.
    Call(Box<Callee>),
    /// The trace a `link` continues at (its name, text `@name`).
    Trace(Box<str>),
}

impl Imm {
    /// The kind of this immediate.
    pub fn kind(&self) -> ImmKind {
        match self {
            Imm::None => ImmKind::None,
            Imm::Int(_) => ImmKind::Int,
            Imm::Float(_) => ImmKind::Float,
            Imm::Bool(_) => ImmKind::Bool,
            Imm::Word(_) => ImmKind::Word,
            Imm::Slot(_) => ImmKind::Slot,
            Imm::Tag(_) => ImmKind::Tag,
            Imm::Param(_) => ImmKind::Param,
            Imm::Call(_) => ImmKind::Callee,
            Imm::Trace(_) => ImmKind::Trace,
        }
    }
}

/// The operand list of an [`Insn`]: a vector with room for 3 operands inline.
pub type Args = smallvec::SmallVec<[InsnId; 3]>;

/// One instruction.
#[derive(PartialEq, Eq, Hash, Debug)]
pub struct Insn {
    /// The operation.
    pub op: Op,
    /// The result type ([`Type::Void`] if the instruction defines no value).
    pub ty: Type,
    /// Value operands, in table order (a `call`'s arguments); up to 3 are kept inline (no
    /// heap allocation per instruction: long traces are copied by every pass).
    pub args: Args,
    /// The immediate operand.
    pub imm: Imm,
    /// The snapshot to resume from if this instruction exits (exactly when the op can exit).
    pub snap: Option<SnapId>,
}

// (by hand: the derived clone copies the operands one by one through `SmallVec`'s
// `Extend`, which was the largest single cost of the passes on long traces)
impl Clone for Insn {
    fn clone(&self) -> Insn {
        Insn {
            op: self.op,
            ty: self.ty,
            args: Args::from_slice(&self.args),
            imm: self.imm.clone(),
            snap: self.snap,
        }
    }
}

/// What a snapshot writes into one frame slot before the interpreter resumes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum SnapVal {
    /// `None`.
    None,
    /// The value of an instruction, boxed by its type: `i64` → int, `f64` → float,
    /// `bool` → bool, `ptr` → object (a new reference is the deoptimizer's business).
    Value(InsnId),
    /// Known object number `k` of the trace (text `objK`): an object the recorder saw and
    /// the trace treats as a constant (a function, a module, a builtin read from a global
    /// under an entry check), held by whoever runs the trace in a table indexed by `k`.
    /// The machine code writes no word for it (like `None`); the deoptimizer restores a
    /// new reference to the object.
    Obj(u32),
}

/// One snapshot entry: slot `slot` gets `val`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SnapEntry {
    /// The frame slot (relative to the frame the trace was entered with).
    pub slot: u32,
    /// What goes there.
    pub val: SnapVal,
}

/// The interpreter state to rebuild at an exit.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Snapshot {
    /// Position in the instruction list: the number of instructions before it.
    pub pos: u32,
    /// The bytecode index the interpreter resumes at.
    pub pc: u32,
    /// Slots to rewrite, strictly increasing by slot.
    pub entries: Vec<SnapEntry>,
    /// Owned values live at this exit that no entry lists (text `release [%12]`): the
    /// deoptimizer drops them after it has written the frame. A 0 word (an owning call
    /// that raised) is skipped. Compiled traces return them in `out` after the entries.
    pub release: Vec<InsnId>,
    /// A *multi-frame* snapshot (an exit inside inlined calls that resumes mid-callee, text
    /// `frame objK pc=P [...]` after the entries): one frame per open inlined call,
    /// outermost first. The trace's own frame then resumes at `pc` when the first of them
    /// returns (its stack lists the callable's slot, which the return overwrites); frame
    /// `k`'s slot `n` is entry slot [`frame_slot`]`(k, n)`, numbered like the trace's own
    /// frame (locals, then the operand stack) but with every bound local listed (the
    /// frame is built from nothing; an unlisted local is unbound). Empty: a one-frame
    /// snapshot.
    pub frames: Vec<SnapFrame>,
    /// A *branch* snapshot (text `branch` after `pc=N`): the resume point of a guard on the
    /// program's own control flow (an `if`/`while` condition, a `for` loop's end), whose
    /// exits are expected — they become side traces, or leave the loop for good. Such a
    /// guard keeps this snapshot: snapshot sharing ([`crate::opt::share`]) never replaces
    /// it by an earlier one, since resuming earlier would re-execute bytecodes on every
    /// such exit and start its side trace before the branch.
    pub branch: bool,
}

/// One inlined call's frame in a multi-frame snapshot ([`Snapshot::frames`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SnapFrame {
    /// The function called: known object number `func` of the trace (text `objK`).
    pub func: u32,
    /// The bytecode index this frame resumes at (the innermost frame runs it; an outer one
    /// resumes there when the frame above it returns).
    pub pc: u32,
}

/// The distance between the slot numbers of two frames of a multi-frame snapshot: frame
/// `k`'s slots start at `FRAME_STRIDE * (k + 1)`, so entries stay sorted by slot and the
/// passes need not know about frames.
pub const FRAME_STRIDE: u32 = 1 << 20;

/// The entry slot of slot `n` of extra frame `k` of a multi-frame snapshot (`k = 0`: the
/// outermost inlined call).
pub fn frame_slot(k: usize, n: u32) -> u32 {
    FRAME_STRIDE.saturating_mul(k as u32 + 1).saturating_add(n)
}

/// Which frame entry slot `slot` belongs to (0: the trace's own frame, `k + 1`: extra
/// frame `k`) and its slot number in that frame.
pub fn slot_frame(slot: u32) -> (usize, u32) {
    ((slot / FRAME_STRIDE) as usize, slot % FRAME_STRIDE)
}

impl Snapshot {
    /// Words of `out` a compiled trace writes on an exit through this snapshot: one per
    /// entry, then one per released value.
    pub fn words(&self) -> usize {
        self.entries.len() + self.release.len()
    }
}

/// One trace (or a test function): signature, instructions, snapshots.
#[derive(Clone, PartialEq, Debug)]
pub struct Func {
    /// The name (text `@name`).
    pub name: String,
    /// Parameter types; parameter `i` is instruction `i` (a `param` instruction).
    pub params: Vec<Type>,
    /// The type `ret` returns ([`Type::Void`] for traces that only loop or exit).
    pub ret: Type,
    /// Instructions in execution order; [`InsnId`] indexes this.
    pub insns: Vec<Insn>,
    /// Snapshots in position order; [`SnapId`] indexes this.
    pub snaps: Vec<Snapshot>,
    /// Source line of each instruction (only after parsing; empty otherwise).
    pub lines: Vec<u32>,
    /// For a side trace (bridge): the parent trace's name and the exit it continues (text
    /// `side @parent xN` after the return type). `None` for root traces.
    pub parent: Option<(String, ExitId)>,
}

impl Func {
    /// The instruction `id` (`None` if out of range).
    pub fn insn(&self, id: InsnId) -> Option<&Insn> {
        self.insns.get(id.index())
    }

    /// The type of value `id` ([`Type::Void`] if out of range).
    pub fn ty(&self, id: InsnId) -> Type {
        self.insn(id).map_or(Type::Void, |i| i.ty)
    }

    /// The source line of instruction `id`, if it came from text.
    pub fn line(&self, id: InsnId) -> Option<u32> {
        self.lines.get(id.index()).copied()
    }

    /// The exit points: every instruction whose op can exit, in order; `ExitId(n)` is the
    /// n-th of them.
    pub fn exits(&self) -> Vec<InsnId> {
        (0..self.insns.len())
            .filter(|&i| self.insns[i].op.info().can_exit)
            .map(|i| InsnId(i as u32))
            .collect()
    }

    /// Whether value `id` is *owned* (the trace holds a strong count on it; see
    /// `docs/decisions/owned-references-in-traces.md`): the result of an op whose table row
    /// says `owns_result`, of a `call ... -> own ptr`, or a `phi` whose entry operand is
    /// owned (a phi may not mix owned and borrowed operands: the verifier checks it).
    pub fn owns(&self, id: InsnId) -> bool {
        let Some(i) = self.insn(id) else { return false };
        if i.ty != Type::Ptr {
            return false;
        }
        match (&i.op, &i.imm) {
            (Op::Call, Imm::Call(c)) => c.owns,
            (Op::Phi, _) => i.args.first().is_some_and(|&a| a != id && a.0 < id.0 && self.owns(a)),
            (op, _) => op.info().owns_result,
        }
    }

    /// The position of the `loop` marker, if the trace loops.
    pub fn loop_pos(&self) -> Option<usize> {
        self.insns.iter().position(|i| i.op == Op::Loop)
    }

    /// If `id` is a constant instruction, its immediate.
    pub fn const_imm(&self, id: InsnId) -> Option<&Imm> {
        let i = self.insn(id)?;
        match i.op {
            Op::ConstI64 | Op::ConstF64 | Op::ConstBool | Op::ConstPtr => Some(&i.imm),
            _ => None,
        }
    }

    /// If `id` is `const_i64 k`, `k`.
    pub fn const_int(&self, id: InsnId) -> Option<i64> {
        match self.const_imm(id)? {
            Imm::Int(k) => Some(*k),
            _ => None,
        }
    }

    /// If `id` is `const_f64 x`, `x`.
    pub fn const_float(&self, id: InsnId) -> Option<f64> {
        match self.const_imm(id)? {
            Imm::Float(b) => Some(f64::from_bits(*b)),
            _ => None,
        }
    }

    /// If `id` is `const_bool b`, `b`.
    pub fn const_bool(&self, id: InsnId) -> Option<bool> {
        match self.const_imm(id)? {
            Imm::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// A text-IR file: functions in order.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Module {
    /// The functions, in text order.
    pub funcs: Vec<Func>,
}

impl Module {
    /// The function named `name` (without the `@`).
    pub fn func(&self, name: &str) -> Option<&Func> {
        self.funcs.iter().find(|f| f.name == name)
    }
}
