//! The trace recorder's translation half (issue 5): bytecode instructions, as the
//! interpreter executes them, in; one loop trace of IR out.
//!
//! # Protocol
//! While recording, the interpreter calls [`Recorder::record`] once per executed generic
//! instruction, *before* executing it, with the instruction's index, the instruction and an
//! [`Observe`] view of its frame. The recorder answers [`Step::Continue`] (execute it and go
//! on), [`Step::Closed`] (the instruction returns to the start: here is the trace; execute
//! it and stop recording) or [`Step::Abort`] (give up; a named [`AbortReason`], counted by
//! [`AbortCounts`]). The recorder never touches the frame, so it is tested without the
//! interpreter (the filetests of `tests/ir/record/` drive it with a small bytecode
//! interpreter).
//!
//! # Frame model and trace shape
//! The trace is `func @NAME(%0: ptr) -> void`; `%0` points at the frame's fast locals, an
//! array of 16-byte slots (tag word, payload word; see [`crate::ir::Tag`], tag word 5 being
//! an unbound local), so local `n` is slot `n`. The operand stack is not memory: its
//! entries are SSA values. The trace never writes the frame (LuaJIT style): every local the
//! loop reads or assigns is loaded once before the `loop` marker, behind a `guard_tag` on
//! the type seen while recording (so these guards resume at the start with nothing to
//! restore); a local the loop assigns is loop-carried by a `phi`; and every exit writes the
//! locals that differ from memory through its snapshot.
//!
//! # Snapshot convention
//! A snapshot's `pc` is the instruction to resume at, with the frame as before that
//! instruction: slot `n < nlocals` ([`CodeInfo::nlocals`], the locals array's length) is
//! local `n`, slot `nlocals + i` is operand stack entry `i` counted from the bottom (the
//! deoptimizer pushes them in slot order). Every stack
//! entry is listed; locals are listed when they differ from memory. A guard exits at the
//! instruction it belongs to with that instruction's operands still on the stack, so the
//! interpreter re-executes it in full: an overflowing `+` makes its big int, a zero divisor
//! raises, a branch goes the other way.
//!
//! # The entry stack (`for` loops)
//! At a `for` loop's header the operand stack holds `d` entries (the loop's iterator and
//! those of enclosing loops), which stay on the interpreter's stack while the trace runs:
//! a root trace never pops them (a recording that would aborts with
//! [`AbortReason::StackAtStart`]; side traces may end a loop, `virtual.rs`). `%0` then
//! points at the VM's *entry buffer*: the locals, the pop mark, then per entry `i < d`
//! [`ENTRY_SLOTS`] slots: a range iterator's `next`, `stop` and `step` (tag int; tag obj for
//! anything else), the entry's object word, and the parts of an `enumerate`/`zip`
//! (`wrap.rs`) ([`buffer_slot`]; `docs/jit.md`, "Entry stack"). The recorder treats iterator `i`'s `next` as a pseudo-local at slot
//! `nlocals + i`: loaded and guarded once before the loop, loop-carried by a `phi`, listed
//! in a snapshot once `FOR_ITER` advanced it (the deoptimizer stores it back into the
//! iterator). Stack entries pushed by the trace are slots `nlocals + d + j`.
//!
//! # What is recorded (see `translate.rs` and `arith.rs`)
//! `NOP`, `LOAD_FAST`, `STORE_FAST`, `LOAD_CONST` (None, bool, 64-bit int, float),
//! `POP_TOP`, `COPY`, `SWAP`, `IS_OP` with None, `BINARY_OP` and `COMPARE_OP` on ints and
//! floats, the unary
//! operators, `JUMP`, the conditional jumps, `FOR_ITER` over an entry-stack range, list or
//! tuple iterator, `BINARY_SUBSCR`/`STORE_SUBSCR` on exact lists and tuples with an int
//! index (`list.rs`), `IS_OP` on two objects, `LOAD_GLOBAL` and `LOAD_ATTR`/`LOAD_METHOD`
//! on a module as constants the interpreter pins (`global.rs`), `LOAD_ATTR`/`LOAD_METHOD`/
//! `STORE_ATTR` on instances of plain classes (`attr.rs`), `CALL`/`CALL_METHOD` of
//! `math.sqrt`, `abs`, `min`, `max` as IR ops and of plain Python functions, inlined
//! (`call.rs`). Anything else aborts.
//!
//! # Objects
//! A local or stack entry holding an object is a `ptr` value, its object word (the payload
//! word of the VM's `Value::Obj`; `docs/jit.md`, "Objects and lists"): loaded before the
//! loop behind `guard_tag obj`, passed to helpers, restored by the deoptimizer as a new
//! reference. The trace frees no object while it runs (an object store, `attr.rs`, keeps
//! the value it replaces alive until the run ends), so every word it holds stays valid. A global or module attribute holding
//! an object is a *known* object instead ([`PyVal::Known`]: no value, restored from the
//! recording's object table). The trace closes when
//! an instruction continues at the start index; the result is verified, and
//! [`crate::opt::pipeline`] optimizes it.
//!
//! Layout: [`abort`] (the table of abort reasons), [`observe`] (the interpreter's side),
//! this file (state, locals, snapshots), `translate.rs` (per-opcode dispatch), `arith.rs`
//! (int/float operators), `iter.rs` (`FOR_ITER` over range iterators), `wrap.rs` (`FOR_ITER`
//! over `enumerate`/`zip`, the virtual tuple it yields), `list.rs` (lists and
//! tuples), `dict.rs` (dict `in`, subscripts and stores), `global.rs` (globals and module attributes), `attr.rs` (instance attributes,
//! methods), `call.rs` (builtin calls, inlined
//! Python calls), `close.rs` (assembling the loop), `link.rs` (side traces starting at an exit,
//! recordings ending in a `link` into another trace).

pub mod abort;
mod alloc;
mod arith;
mod attr;
mod call;
mod cell;
mod close;
mod dict;
mod func;
mod global;
mod iter;
mod link;
mod list;
mod math;
mod mframe;
pub mod observe;
mod pycall;
mod sink;
mod slice;
mod supercall;
mod translate;
mod unpack;
#[path = "virtual.rs"]
mod virt;
mod wrap;

pub use abort::{Abort, AbortCounts, AbortReason};
pub use alloc::{ATTR_ADD_HELPER, NEW_INSTANCE_HELPER, NEW_LIST_HELPER, NEW_TUPLE_HELPER};
pub use attr::{ATTR_ABSENT, ATTR_ADDR, ATTR_BASE, ATTR_SLOTS, STORE_VAL_HELPER};
pub use call::{
    FLOAT_TRUNC_HELPER, INT_STR_HELPER, OBJ_CLASS_HELPER, STR_CALL_HELPER, STR_CONCAT_HELPER, STR_EQ_HELPER,
    STR_EXACT_HELPER,
};
pub use cell::CELL_ADDR;
pub use dict::{
    DICT_CONTAINS_HELPER, DICT_EXACT_HELPER, DICT_ITEM_HELPER, DICT_STORE_FLOAT_HELPER, DICT_STORE_HELPER, DictObs,
};
pub use func::{CALL_HELPER, MAX_CALL_ARGS, args_slot, buffer_slots, ctl_slot, result_slot, vm_slot};
pub use link::{RUN_KEEP_HELPER, RUN_KEPT_HELPER, SideEntry, SideVal};
pub use mframe::{FrameCall, RUN_PIN_HELPER};
pub use observe::{
    AttrObs, Builtin, CodeInfo, ConstVal, EqObs, InitTarget, InstObs, Known, KnownObj, LinkTarget, MAX_ZIP, ObjInfo,
    Observe, Observed, PartObs, SeqObs, SuperObs, WrapObs,
};
pub use pycall::{
    AREA_ARGS, AREA_LOOP, AREA_RESULT, AREA_SINK, AREA_SLOTS, LOOP_CALL_HELPER, LOOP_MAX_LOCALS, PY_CALL_HELPER,
    PY_MAX_ARGS, PY_TAKE_HELPER,
};
pub use sink::SINK_PUT_HELPER;
pub use slice::{
    SEQ_SLICE_HELPER, SLICE_FROM_SHIFT, SLICE_HAS_START, SLICE_HAS_STEP, SLICE_HAS_STOP, STORE_SLICE_FROM_HELPER,
    STORE_SLICE_FROM_OK_HELPER, STORE_SLICE_HELPER, STORE_SLICE_OK_HELPER,
};
pub use wrap::{ENTRY_SLOTS, WRAP_ENUMERATE, part_slot, wrap_code};

use taipan_bytecode::Instruction;

use crate::ir::{Builder, Func, InsnId, Op, SnapEntry, SnapId, SnapVal, Tag, Type};

/// The most instructions one recording may translate before it aborts with
/// [`AbortReason::TooLong`]. Chosen by measurement: pyperformance's bm_unpack_sequence
/// loop body is about 4,800 instructions (400 unpackings), and a trace that long records in
/// about 6 ms and optimizes in about 15 ms (PyPy's default trace limit is 6,000 ops too).
/// Until session 8 it was 1,000.
pub const MAX_RECORDED: u32 = 6000;

/// The default of [`Recorder::set_max_inline`].
pub const DEFAULT_MAX_INLINE: u32 = 3;

/// What the recorder says after an instruction.
#[derive(Clone, PartialEq, Debug)]
pub enum Step {
    /// Execute the instruction and call [`Recorder::record`] with the next one.
    Continue,
    /// The instruction returns to the start: the recorded trace (verified, not optimized).
    Closed(Func),
    /// Recording is given up.
    Abort(Abort),
}

/// A Python value held by the recorder (a local's current value or a stack entry): its
/// type and the SSA value of its payload.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum PyVal {
    /// `None` (no payload).
    None,
    /// A bool (`bool` value).
    Bool(InsnId),
    /// An int that fits in 64 bits (`i64` value).
    Int(InsnId),
    /// A float (`f64` value).
    Float(InsnId),
    /// Any object (`ptr` value: its object word, see `docs/jit.md`, "Objects").
    Obj(InsnId),
    /// An object known while recording (a global function, module or builtin; no
    /// payload: snapshots restore it from the recording's object table).
    Known(KnownObj),
    /// A `range(...)` object the trace made (`virtual.rs`): not allocated, its `start`,
    /// `stop` and `step` as SSA ints. Only `GET_ITER` consumes it.
    VRange(VirtRange),
    /// The iterator `GET_ITER` made of a [`PyVal::VRange`] (`next`, `stop`, `step`): not
    /// allocated; handed to an inner loop's trace through a link (`virtual.rs`).
    VIter(VirtRange),
    /// The iterator `GET_ITER` made of an exact list or tuple (`.0`, its object word; `.1`:
    /// a list): not allocated, its index is 0; handed to an inner loop's trace like
    /// [`PyVal::VIter`].
    VSeqIter(InsnId, bool),
    /// The tuple a `FOR_ITER` over an `enumerate` or `zip` yields (`wrap.rs`): not
    /// allocated, its items held by the recorder until the `UNPACK_SEQUENCE` right after.
    VTuple,
    /// `enumerate(xs[, start])` made in the trace over an exact list (`.1`) or tuple: `.0`
    /// the sequence's object word, `.2` the start (never `i64::MIN`, guarded): not
    /// allocated; `GET_ITER` keeps it, a link hands it to an inner loop's trace (`wrap.rs`).
    VEnum(InsnId, bool, InsnId),
    /// `zip(xs, ys, ...)` made in the trace over exact lists or tuples (`wrap.rs`): not
    /// allocated, handed to an inner loop's trace like [`PyVal::VEnum`].
    VZip(ZipParts),
    /// The slice `BUILD_SLICE` made of None/int parts (`slice.rs`): not allocated; only the
    /// `BINARY_SUBSCR` or `STORE_SUBSCR` right after consumes it.
    VSlice(VirtSlice),
    /// `xs[a:b:c]` not made yet (`slice.rs`, "pending slices"): the recorder's
    /// `pending_slice` holds the list and the bounds. A slice store consumes it without
    /// making it; any other use makes it first.
    VSliceOf,
    /// `super()` with no arguments, called in an inlined method (`record/supercall.rs`):
    /// `.0` the method's first local (the instance `super` binds), `.1` the snapshot of the
    /// `CALL` (resuming there: `super` not called yet). Not allocated; only the
    /// `LOAD_METHOD` right after it consumes it.
    VSuper(InsnId, SnapId),
}

/// The parts of a [`PyVal::VSlice`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct VirtSlice {
    /// The `BUILD_SLICE`'s index: the subscript's exits resume there, the parts on the stack.
    pub(crate) pc: u32,
    /// How many parts `BUILD_SLICE` popped (2 or 3).
    pub(crate) n: u8,
    /// `start`, `stop`, `step`: `None` for Python's None (or an absent step), else the int.
    pub(crate) parts: [Option<InsnId>; 3],
}

/// The parts of a [`PyVal::VZip`]: `n` (1 to [`MAX_ZIP`]) sequences, each its object word
/// and whether it is a list.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct ZipParts {
    /// How many of `parts` are used.
    pub(crate) n: u8,
    /// The sequences, in order.
    pub(crate) parts: [(InsnId, bool); MAX_ZIP],
}

/// A virtual iterator a link hands to the target's new top entry (`virtual.rs`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum VirtIter {
    /// A range iterator.
    Range(VirtRange),
    /// A list (`true`) or tuple iterator at index 0 over the object word.
    Seq(InsnId, bool),
    /// An `enumerate` starting at `.2` over a list (`.1`) or tuple iterator at index 0.
    Enum(InsnId, bool, InsnId),
    /// A `zip` of list or tuple iterators at index 0.
    Zip(ZipParts),
}

/// The three ints of a virtual range or range iterator (`start`/`next`, `stop`, `step`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct VirtRange {
    /// `start` of a range, `next` of an iterator.
    pub(crate) next: InsnId,
    /// The exclusive bound.
    pub(crate) stop: InsnId,
    /// The step (never 0: guarded when not a constant).
    pub(crate) step: InsnId,
}

impl PyVal {
    /// The SSA value, if the type has a payload.
    pub(crate) fn id(self) -> Option<InsnId> {
        match self {
            PyVal::None
            | PyVal::Known(_)
            | PyVal::VRange(_)
            | PyVal::VIter(_)
            | PyVal::VSeqIter(..)
            | PyVal::VTuple
            | PyVal::VEnum(..)
            | PyVal::VZip(_)
            | PyVal::VSlice(_)
            | PyVal::VSliceOf
            | PyVal::VSuper(..) => None,
            PyVal::Bool(v) | PyVal::Int(v) | PyVal::Float(v) | PyVal::Obj(v) => Some(v),
        }
    }

    /// The type's tag.
    pub(crate) fn tag(self) -> Tag {
        match self {
            PyVal::None => Tag::None,
            PyVal::Bool(_) => Tag::Bool,
            PyVal::Int(_) => Tag::Int,
            PyVal::Float(_) => Tag::Float,
            PyVal::Obj(_)
            | PyVal::Known(_)
            | PyVal::VRange(_)
            | PyVal::VIter(_)
            | PyVal::VSeqIter(..)
            | PyVal::VTuple
            | PyVal::VEnum(..)
            | PyVal::VZip(_)
            | PyVal::VSlice(_)
            | PyVal::VSliceOf
            | PyVal::VSuper(..) => Tag::Obj,
        }
    }

    /// Whether this is a virtual object ([`PyVal::VRange`], [`PyVal::VIter`]): it has no
    /// snapshot value (a snapshot holding one makes the recording abort).
    pub(crate) fn is_virtual(self) -> bool {
        matches!(
            self,
            PyVal::VRange(_)
                | PyVal::VIter(_)
                | PyVal::VSeqIter(..)
                | PyVal::VTuple
                | PyVal::VEnum(..)
                | PyVal::VZip(_)
                | PyVal::VSlice(_)
                | PyVal::VSliceOf
                | PyVal::VSuper(..)
        )
    }

    /// What a snapshot writes for this value (`none` for a virtual object: such a
    /// snapshot is refused, see [`Recorder::snap`]).
    pub(crate) fn snap_val(self) -> SnapVal {
        if let PyVal::Known(o) = self {
            return SnapVal::Obj(o.key);
        }
        self.id().map_or(SnapVal::None, SnapVal::Value)
    }
}

/// Records one loop trace (see the module docs).
#[derive(Debug)]
pub struct Recorder {
    code: CodeInfo,
    start_pc: u32,
    /// The raw trace: one iteration in execution order, entry loads inline.
    b: Builder,
    /// Per local: its current value, once the trace has read or assigned it.
    locals: Vec<Option<PyVal>>,
    /// Per local: its value at the loop entry (raw ids), once loaded.
    entry: Vec<Option<PyVal>>,
    /// Per local: assigned by the trace.
    written: Vec<bool>,
    /// Per local: *dead at the entry* — the trace's own frame assigned it an int, float or
    /// bool before any read (a root loop recording): no entry load and no entry guard, so
    /// the trace also runs when the local holds anything else (or nothing) at the entry,
    /// as at the loop's first arrival (`LOOP_ENTRY`). Its `phi` starts from an `undef_*`
    /// (`close.rs`).
    dead: Vec<bool>,
    /// Per dead-at-entry local: the tag of the value the trace assigned first
    /// ([`Recorder::dead_tags`]).
    dead_tags: Vec<Option<Tag>>,
    /// Per raw instruction: an entry load or guard, hoisted before the loop on closing.
    hoisted: Vec<bool>,
    /// The raw snapshot the entry guards use.
    entry_snap: Option<SnapId>,
    /// The operand stack above the entry stack, bottom first.
    stack: Vec<PyVal>,
    /// The depth of the operand stack at the trace start (`d`; see the module docs).
    depth: u32,
    /// Per entry-stack entry: its `stop` and `step`, once a `FOR_ITER` loaded them.
    iters: Vec<Option<RangeState>>,
    /// Per entry-stack entry: an `enumerate`/`zip`'s parts, once a `FOR_ITER` loaded them
    /// (`wrap.rs`).
    wraps: Vec<Option<wrap::WrapState>>,
    /// The items of the [`PyVal::VTuple`] on the stack (the next instruction must unpack it).
    vtuple: Vec<PyVal>,
    /// The slice a [`PyVal::VSliceOf`] on the stack stands for (`slice.rs`).
    pending_slice: Option<slice::PendingSlice>,
    /// The index the next `record` call must come with.
    next_pc: Option<u32>,
    /// The function word of a loop call this recording is inlining (`pycall.rs`): an
    /// abort before the call is made makes the VM stop recording loop calls of that
    /// function.
    loop_call_fn: Option<u64>,
    /// The loop calls' `CALL` indices and call-snapshot stack heights
    /// ([`Recorder::loop_call_heights`]).
    loop_heights: Vec<(u32, u32)>,
    /// Instructions translated so far.
    recorded: u32,
    /// Closed or aborted: later calls abort.
    finished: bool,
    /// The Python calls being inlined, outermost first (`call.rs`); empty in the trace's
    /// own frame.
    inl: Vec<call::Inlined>,
    /// The deepest inlining allowed ([`Recorder::set_max_inline`]).
    max_inline: u32,
    /// The deepest inlining recorded.
    deepest: u32,
    /// For a side trace: its parent exit and start snapshot (`link.rs`); `None` for a root
    /// trace.
    side: Option<link::Side>,
    /// After an [`AbortReason::InnerLoop`] abort in the trace's own frame: the header the
    /// backward jump went to.
    inner: Option<u32>,
    /// A root loop recording took the fall-through of a conditional backward jump to its
    /// own header in its own frame (a `while` loop's bottom test failed): the recorded
    /// iteration was the loop's last. A later [`AbortReason::InnerLoop`] abort is then
    /// reported as [`AbortReason::LeftLoop`] (see [`Recorder::inner_abort`]).
    left: bool,
    /// A recording that left its loop (`left`) aborts with [`AbortReason::LeftLoop`] instead
    /// of linking into another trace ([`Recorder::set_left_retry`]).
    left_retry: bool,
    /// Entries of the entry stack popped by the recorded path (a side trace that ends an
    /// inner `for` loop, `virtual.rs`): the stack is `depth - popped` deep now.
    popped: u32,
    /// A snapshot was taken while a virtual object was on the stack (no way to restore
    /// it): the recording aborts after the instruction.
    virt_snap: bool,
    /// The closing link stores a word only its container keeps alive (`link.rs`).
    link_foreign: bool,
    /// The trace uses the call area (`pycall.rs`' `area_ptr`).
    area_used: bool,
    /// A `YIELD_VALUE` was recorded as a store into the consumer's sink (`sink.rs`).
    sink_used: bool,
    /// A function trace (`func.rs`): ends at the function's return, calls are opaque.
    func: Option<Box<func::FuncRec>>,
    /// Sequences unpacked so far (`unpack.rs`): the sequence's SSA value, the count, whether
    /// it is a list, [`Builder::mutations`] then, and the element values pushed.
    unpacked: Vec<unpack::Unpacked>,
    /// Attribute stores made inside the current inlined call, written when the outermost
    /// call returns (`attr.rs`).
    pending: Vec<attr::Pending>,
    /// The VM's call area for opaque calls in loop traces (`pycall.rs`; 0: none).
    area: u64,
    /// Instance dict entries' `(stride, value_offset)` in bytes (`set_dict_layout`).
    dict_layout: Option<(u32, u32)>,
    /// The `CALL` indices of the opaque calls recorded in a loop trace (`pycall.rs`).
    py_calls: Vec<u32>,
    /// An opaque call made, its result not yet observed (`pycall.rs`).
    py_pending: Option<pycall::PyPending>,
    /// The owned values the recorded state holds (call results, `pycall.rs`).
    owned: Vec<InsnId>,
    /// Object words read from an item of a tuple, with the tuple's word: `(item, tuple)`.
    /// A tuple never changes its items, so such a word stays alive as long as its tuple
    /// does ([`Recorder::survives`]: `check_tree(node[0])` in a function trace).
    tuple_items: Vec<(InsnId, InsnId)>,
    /// Parameters of a function trace's side recording that hold an object word the
    /// function buffer keeps for the whole run (`link.rs`, [`Recorder::note_frame_words`]).
    frame_words: Vec<InsnId>,
    /// Known objects used as object words (instances held by globals, `attr.rs`): the
    /// object table key and its `const_ptr`.
    known_ptrs: Vec<(u32, InsnId)>,
    /// An opaque call was made inside the current outermost inlined call (`mframe.rs`):
    /// exits until it returns resume mid-callee through multi-frame snapshots.
    mframe: bool,
    /// The opaque calls made inside inlined calls (`mframe.rs`,
    /// [`Recorder::inlined_call_sites`]).
    frame_calls: Vec<mframe::FrameCall>,
    /// Object words kept alive until the run ends (`mframe.rs`, "Pinned words").
    pinned: Vec<InsnId>,
    /// Opaque calls may be made inside inlined calls ([`Recorder::set_inlined_py_calls`]).
    inlined_py_calls: bool,
    /// Instances the trace made (`alloc.rs`): stores into them need no guard on the old
    /// value and may add attributes.
    fresh: Vec<alloc::Fresh>,
    /// Counts the outermost inlined calls entered (`alloc.rs`: an instance made inside one
    /// is private to it).
    outer_calls: u32,
    /// The owned values the outermost inlined call's exit snapshot accounts for (its
    /// entries and `release` list; `alloc.rs`, [`Recorder::snap`]).
    inl_snap_owned: Vec<InsnId>,
    /// Locals (bit `n`: local `n`, below 64) whose value at the loop entry the trace owns
    /// (`alloc.rs`, "Owned phis"; [`Recorder::set_owned_locals`]).
    owned_locals: u64,
    /// The entry values owned that way: `(local, value)`.
    owned_entries: Vec<(u32, InsnId)>,
    /// [`Recorder::owned_locals_hint`].
    owned_hint: u64,
    /// Owned values whose release frees nothing but themselves: ones a container took a
    /// counted reference to (`alloc.rs`, [`Recorder::note_stored`]) and strs the trace made
    /// (`arith.rs`: a str holds no object).
    stored: Vec<InsnId>,
}

/// A range iterator of the entry stack, as the trace holds it (its `next` is the
/// pseudo-local at slot `nlocals + i`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct RangeState {
    /// The exclusive bound (loaded before the loop).
    pub(crate) stop: InsnId,
    /// The step: loaded before the loop, or a constant when it was guarded to be 1 or -1.
    pub(crate) step: InsnId,
    /// The step's sign as recorded (guarded before the loop).
    pub(crate) up: bool,
    /// The step when it is guarded to be exactly 1 or -1.
    pub(crate) unit: Option<i64>,
}

/// The frame base parameter of every trace.
const BASE: InsnId = InsnId(0);

/// The entry-buffer slot of snapshot slot `slot` in a frame of `nlocals` locals: a local is
/// its own slot; slot `nlocals` is the *pop mark* (an int: the shallowest entry-stack depth
/// a path that popped entries linked from, see `virtual.rs`); entry-stack iterator `i`'s
/// counter (snapshot slot `nlocals + i`) is buffer slot `nlocals + 1 + ENTRY_SLOTS * i`,
/// and that iterator's `stop`, `step` and object word (0 for one a link made) the three
/// slots after it, then the parts of an `enumerate`/`zip` ([`part_slot`]; `docs/jit.md`,
/// "Entry stack": each entry's slots are together, so the layout does not depend on the
/// depth and a link into a deeper loop's trace just writes one more entry).
pub fn buffer_slot(nlocals: u32, slot: u32) -> u32 {
    match slot.checked_sub(nlocals) {
        Some(i) => nlocals.saturating_add(1).saturating_add(i.saturating_mul(ENTRY_SLOTS)),
        None => slot,
    }
}

impl Recorder {
    /// A recorder for the loop of `code` whose header (the first instruction of an
    /// iteration, a backward jump's target) is `start_pc`.
    pub fn new(code: CodeInfo, start_pc: u32) -> Recorder {
        let n = code.nlocals as usize;
        Recorder {
            code,
            start_pc,
            b: Builder::new("trace", &[Type::Ptr], Type::Void),
            locals: vec![None; n],
            entry: vec![None; n],
            written: vec![false; n],
            dead: vec![false; n],
            dead_tags: vec![None; n],
            hoisted: vec![false],
            entry_snap: None,
            stack: Vec::new(),
            depth: 0,
            iters: Vec::new(),
            wraps: Vec::new(),
            vtuple: Vec::new(),
            pending_slice: None,
            next_pc: None,
            loop_call_fn: None,
            loop_heights: Vec::new(),
            recorded: 0,
            finished: false,
            inl: Vec::new(),
            max_inline: DEFAULT_MAX_INLINE,
            deepest: 0,
            side: None,
            inner: None,
            left: false,
            left_retry: false,
            popped: 0,
            virt_snap: false,
            link_foreign: false,
            area_used: false,
            sink_used: false,
            func: None,
            unpacked: Vec::new(),
            pending: Vec::new(),
            area: 0,
            dict_layout: None,
            py_calls: Vec::new(),
            py_pending: None,
            owned: Vec::new(),
            tuple_items: Vec::new(),
            frame_words: Vec::new(),
            known_ptrs: Vec::new(),
            mframe: false,
            frame_calls: Vec::new(),
            pinned: Vec::new(),
            inlined_py_calls: false,
            fresh: Vec::new(),
            outer_calls: 0,
            inl_snap_owned: Vec::new(),
            owned_locals: 0,
            owned_entries: Vec::new(),
            owned_hint: 0,
            stored: Vec::new(),
        }
    }

    /// Sets the deepest nesting of inlined Python calls (0: calls of Python functions
    /// abort); a deeper call (recursion) aborts with [`AbortReason::UnsupportedCall`].
    pub fn set_max_inline(&mut self, depth: u32) {
        self.max_inline = depth;
    }

    /// The current nesting of inlined calls (0: the instruction being recorded is in the
    /// trace's own frame; `k`: in the frame of the `k`-th nested inlined call).
    pub fn inline_depth(&self) -> u32 {
        self.inl.len() as u32
    }

    /// The deepest nesting of inlined calls recorded so far (the trace runs that many
    /// Python calls without frames: the interpreter refuses to enter it closer than that to
    /// the recursion limit).
    pub fn deepest_inline(&self) -> u32 {
        self.deepest
    }

    /// The number of bytecode instructions recorded (one pass over the trace's body runs
    /// that many; `--jit-stats`' share of bytecodes run in machine code).
    pub fn recorded_len(&self) -> u32 {
        self.recorded
    }

    /// The tag each frame slot was guarded to hold at the trace's entry (locals and the
    /// entry-stack iterators' counters), for traces linking into this one
    /// ([`LinkTarget::entry`]).
    pub fn entry_tags(&self) -> Vec<(u32, Tag)> {
        self.entry
            .iter()
            .enumerate()
            .filter_map(|(n, v)| Some((n as u32, v.as_ref()?.tag())))
            .collect()
    }

    /// The locals *dead at the entry* (assigned before any read; no entry load or guard)
    /// with the tag of the value the trace assigned first. Not needed for correctness; the
    /// VM checks them when it enters the trace from the interpreter (a local holding
    /// another type, not unbound, counts as an entry-guard failure), so that a loop whose
    /// locals change type between calls still drops a trace recorded with the old types
    /// (`MAX_ENTRY_FAILS`) instead of running it into the same exit every iteration, while
    /// the body's temporaries, unbound at a first arrival, do not stop it; links into the
    /// trace skip the check.
    pub fn dead_tags(&self) -> Vec<(u32, Tag)> {
        self.dead_tags
            .iter()
            .enumerate()
            .filter_map(|(n, t)| Some((n as u32, (*t)?)))
            .collect()
    }

    /// After an abort with [`AbortReason::InnerLoop`] in the trace's own frame: the header
    /// of the inner loop (once it has a trace, a recording reaching it links instead).
    pub fn inner_loop(&self) -> Option<u32> {
        self.inner
    }

    /// Makes a root loop recording whose recorded iteration leaves the loop through a
    /// failed bottom test (a conditional backward jump to the header not taken) abort with
    /// [`AbortReason::LeftLoop`] when it reaches another trace's header, instead of ending
    /// in a `link` there: such a root is entered at every back-edge of its loop and runs one
    /// iteration before a side exit, where a loop trace runs them all. The interpreter sets
    /// it while the loop has `LeftLoop` retries left (`MAX_LEFT` in the VM's `jit.rs`); a
    /// loop whose iterations are nearly always its last then still gets the link.
    pub fn set_left_retry(&mut self, on: bool) {
        self.left_retry = on;
    }

    /// The start index.
    pub fn start_pc(&self) -> u32 {
        self.start_pc
    }

    /// The depth `d` of the operand stack at the trace start (0 before the first
    /// [`Recorder::record`]): a closed trace reads an entry buffer of `nlocals + 1 + ENTRY_SLOTS * d`
    /// slots (`docs/jit.md`, "Entry stack").
    pub fn entry_depth(&self) -> u32 {
        self.depth
    }

    /// Records instruction `instr` at index `pc`, about to be executed on the frame `obs`
    /// describes. After [`Step::Closed`] or [`Step::Abort`] every call aborts with
    /// [`AbortReason::Desync`].
    pub fn record(&mut self, pc: u32, instr: Instruction, obs: &dyn Observe) -> Step {
        if self.finished {
            return Step::Abort(self.abort(AbortReason::Desync, pc, "recording already finished"));
        }
        let r = self.step(pc, instr, obs);
        if !matches!(r, Ok(None)) {
            self.finished = true;
        }
        match r {
            Ok(None) => Step::Continue,
            Ok(Some(f)) => Step::Closed(f),
            Err(a) => Step::Abort(a),
        }
    }

    fn step(&mut self, pc: u32, instr: Instruction, obs: &dyn Observe) -> Result<Option<Func>, Abort> {
        if self.recorded == 0 && pc != self.start_pc {
            return Err(self.abort(
                AbortReason::Desync,
                pc,
                format!("recording starts at {}", self.start_pc),
            ));
        }
        if self.recorded == 0 && self.side.is_none() {
            // The entry stack: its iterators' `next` values become pseudo-locals.
            self.depth = obs.stack_len();
            let n = (self.code.nlocals as usize).saturating_add(self.depth as usize);
            self.locals.resize(n, None);
            self.entry.resize(n, None);
            self.written.resize(n, false);
            self.dead.resize(n, false);
            self.dead_tags.resize(n, None);
            self.iters = vec![None; self.depth as usize];
            self.wraps = vec![None; self.depth as usize];
        }
        if self.func.is_some() && self.inl.is_empty() {
            self.func_resume(pc, obs)?;
        }
        self.py_resume(pc, obs)?;
        if let Some(want) = self.next_pc
            && want != pc
        {
            return Err(self.abort(AbortReason::Desync, pc, format!("expected pc {want}")));
        }
        // in an inlined call the observed frame is the callee's, with its own stack
        let bottom = if self.inl.is_empty() {
            self.live_depth() as usize
        } else {
            0
        };
        if obs.stack_len() as usize != bottom.saturating_add(self.stack.len()) {
            let d = format!(
                "stack depth {} observed, {} + {} recorded",
                obs.stack_len(),
                self.depth,
                self.stack.len()
            );
            return Err(self.abort(AbortReason::Desync, pc, d));
        }
        self.recorded += 1;
        if self.recorded > MAX_RECORDED {
            return Err(self.abort(AbortReason::TooLong, pc, format!("{MAX_RECORDED} instructions")));
        }
        let frames = self.inl.len();
        if self.func.is_some() && frames == 0 && instr.op == taipan_bytecode::Opcode::ReturnValue {
            return self.func_close(pc).map(Some);
        }
        // a loop call's callee reached its loop: the trace calls the loop's trace
        if frames == 1
            && let Some((header, word)) = self.inl.last().and_then(|i| i.loop_at)
            && header == pc
        {
            let next = self.loop_call(pc, word)?;
            self.next_pc = Some(next);
            return Ok(None);
        }
        let next = self.translate(pc, instr, obs)?;
        if frames == 0
            && self.inl.is_empty()
            && self.side.is_none()
            && self.func.is_none()
            && instr.op.is_jump()
            && instr.arg == self.start_pc
            && next != self.start_pc
        {
            self.left = true;
        }
        self.release_dropped(pc)?;
        self.hoisted.resize(self.b.func().insns.len(), false);
        if self.virt_snap {
            let d = "an exit while a virtual range is on the stack";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        if next == self.start_pc && self.inl.is_empty() && self.side.is_none() && self.func.is_none() {
            if !self.stack.is_empty() {
                let d = format!("{} entries above the entry stack at the back edge", self.stack.len());
                return Err(self.abort(AbortReason::Desync, pc, d));
            }
            self.check_owned_back_edge(pc)?;
            return self.close(pc).map(Some);
        }
        // the header of a compiled trace (another loop's, or a side trace's root): link
        // (or, with a virtual range iterator on the stack, the header of an inner `for`
        // loop's trace one entry deeper: it gets the iterator through the buffer)
        if frames == 0
            && self.inl.is_empty()
            && (self.owned.is_empty() || self.area != 0)
            && let Some(t) = obs.link_target(next)
        {
            if self.left && self.left_retry {
                let d = format!("left the loop, then a link into the trace at {next}");
                return Err(self.abort(AbortReason::LeftLoop, pc, d));
            }
            let live = self.live_depth();
            match self.stack.as_slice() {
                [] if t.depth == live => return self.close_link(pc, &t, None).map(Some),
                &[PyVal::VIter(r)] if t.depth == live.saturating_add(1) => {
                    return self.close_link(pc, &t, Some(VirtIter::Range(r))).map(Some);
                }
                &[PyVal::VZip(z)] if t.depth == live.saturating_add(1) => {
                    return self.close_link(pc, &t, Some(VirtIter::Zip(z))).map(Some);
                }
                &[PyVal::VEnum(p, list, start)] if t.depth == live.saturating_add(1) => {
                    return self.close_link(pc, &t, Some(VirtIter::Enum(p, list, start))).map(Some);
                }
                &[PyVal::VSeqIter(p, list)] if t.depth == live.saturating_add(1) => {
                    return self.close_link(pc, &t, Some(VirtIter::Seq(p, list))).map(Some);
                }
                _ => {}
            }
        }
        // (an inlined call or its return moves to another code object: no loop)
        if next <= pc && frames == self.inl.len() {
            if frames == 0 {
                return Err(self.inner_abort(pc, next, format!("backward jump to {next}")));
            }
            return Err(self.abort(AbortReason::InnerLoop, pc, format!("backward jump to {next}")));
        }
        self.next_pc = Some(next);
        Ok(None)
    }

    /// The abort at `pc` for a loop at `header` (a backward jump to it, or its `FOR_ITER`
    /// over a virtual iterator) that has no trace, in the trace's own frame:
    /// [`AbortReason::InnerLoop`] naming `header` ([`Recorder::inner_loop`]), so that loop
    /// records first — unless the recording already left its own loop (`left`): then the
    /// loop at `header` encloses or follows the recorded one, and recording it first would
    /// inline one iteration of the recorded loop into its trace (bench/programs/fannkuch.py,
    /// see `docs/jit.md`, "Wiring into the interpreter", Aborts). That is [`AbortReason::LeftLoop`]:
    /// not the recorded loop's fault, retried at its next back-edge.
    fn inner_abort(&mut self, pc: u32, header: u32, detail: String) -> Abort {
        if self.left {
            return self.abort(AbortReason::LeftLoop, pc, format!("left the loop, then {detail}"));
        }
        self.inner = Some(header);
        self.abort(AbortReason::InnerLoop, pc, detail)
    }

    /// An abort with `reason` at `pc`.
    fn abort(&self, reason: AbortReason, pc: u32, detail: impl Into<String>) -> Abort {
        Abort {
            reason,
            pc,
            detail: detail.into(),
        }
    }

    /// The depth of the entry stack now: `d` minus the entries the recorded path popped.
    pub(crate) fn live_depth(&self) -> u32 {
        self.depth.saturating_sub(self.popped)
    }

    /// Pushes a value on the recorded stack.
    fn push(&mut self, v: PyVal) {
        self.stack.push(v);
    }

    /// The abort for an access `k` entries below the recorded stack's bottom (`k = 0`: the
    /// top entry of the entry stack): [`AbortReason::StackAtStart`] when the entry stack
    /// has it, else a [`AbortReason::Desync`].
    fn below(&self, k: usize, pc: u32) -> Abort {
        let live = self.live_depth() as usize;
        if k < live {
            let d = format!("reaches entry {} of the stack at the trace start", live - 1 - k);
            self.abort(AbortReason::StackAtStart, pc, d)
        } else {
            self.abort(AbortReason::Desync, pc, "stack underflow")
        }
    }

    /// Pops the recorded stack (an abort if it holds only the entry stack, see
    /// [`Recorder::below`]).
    fn pop(&mut self, pc: u32) -> Result<PyVal, Abort> {
        match self.stack.pop() {
            Some(v) => Ok(v),
            None => Err(self.below(0, pc)),
        }
    }

    /// The entry `depth` from the top of the recorded stack.
    fn peek(&self, depth: usize, pc: u32) -> Result<PyVal, Abort> {
        match self.stack.len().checked_sub(depth.saturating_add(1)) {
            Some(i) => self.stack.get(i).copied().ok_or_else(|| self.below(0, pc)),
            None => Err(self.below(depth - self.stack.len(), pc)),
        }
    }

    /// Checks that the observed value has the type the recorder tracked.
    fn check(&self, v: PyVal, o: Observed, pc: u32) -> Result<(), Abort> {
        if o.tag() == Some(v.tag()) {
            Ok(())
        } else {
            let d = format!("observed {o:?}, recorded {}", v.tag().name());
            Err(self.abort(AbortReason::Desync, pc, d))
        }
    }

    /// A snapshot resuming at `pc` with the current locals and stack. In an inlined call:
    /// the snapshot of the outermost inlined call's instruction (see `call.rs`).
    fn snap(&mut self, pc: u32) -> SnapId {
        if let Some(i) = self.inl.first() {
            if self.mframe {
                return self.snap_frames(pc);
            }
            if self.owned != self.inl_snap_owned {
                // an owned value made or released inside the call (`alloc.rs`)
                return self.resnap_outer();
            }
            return i.snap;
        }
        if let Some(p) = &self.pending_slice {
            // (the pure instructions since the slice are redone: `slice.rs`)
            return p.snap;
        }
        let mut entries = Vec::new();
        // iterators popped by the recorded path: `none` at their counter slots
        let gone = self.code.nlocals.saturating_add(self.live_depth());
        for (n, (v, w)) in self.locals.iter().zip(&self.written).enumerate() {
            if (n as u32) >= gone {
                entries.push(SnapEntry {
                    slot: n as u32,
                    val: SnapVal::None,
                });
            } else if let (Some(v), true) = (v, w) {
                entries.push(SnapEntry {
                    slot: n as u32,
                    val: v.snap_val(),
                });
            }
        }
        if self.stack.iter().any(|v| v.is_virtual()) {
            self.virt_snap = true;
        }
        let bottom = self.code.nlocals.saturating_add(self.depth);
        for (i, v) in self.stack.iter().enumerate() {
            entries.push(SnapEntry {
                slot: bottom.saturating_add(i as u32),
                val: v.snap_val(),
            });
        }
        // owned values the entries do not transfer are dropped at the exit
        let release: Vec<InsnId> = self
            .owned
            .iter()
            .copied()
            .filter(|&id| !entries.iter().any(|e| e.val == SnapVal::Value(id)))
            .collect();
        self.b.snapshot_release(pc, entries, release)
    }

    /// Marks the instructions emitted since `from` as entry code (hoisted before the loop).
    fn hoist_from(&mut self, from: InsnId) {
        let n = self.b.func().insns.len();
        self.hoisted.resize(n, false);
        for h in self.hoisted.iter_mut().skip(from.index()) {
            *h = true;
        }
    }

    /// The snapshot of the entry guards: resume at the start with nothing to restore.
    fn entry_snapshot(&mut self) -> SnapId {
        if let Some(side) = &self.side {
            return side.start_snap;
        }
        match self.entry_snap {
            Some(s) => s,
            None => {
                let s = self.b.snapshot(self.start_pc, Vec::new());
                self.entry_snap = Some(s);
                s
            }
        }
    }

    /// Loads local `n`'s value at the loop entry, guarded to have `tag`.
    fn entry_load(&mut self, n: u32, o: Observed, pc: u32) -> Result<PyVal, Abort> {
        let tag = match o.tag() {
            Some(t) => t,
            None => return Err(self.abort(AbortReason::UnboundLocal, pc, format!("local {n} is unbound"))),
        };
        let from = self.b.next_id();
        // a function trace loads its locals where first used, possibly after an effect (an
        // append, an opaque call): its guard resumes right here, not at the start
        let s = if self.func.is_some() {
            self.snap(pc)
        } else {
            self.entry_snapshot()
        };
        let at = buffer_slot(self.code.nlocals, n);
        let t = self.b.load(Op::LoadTag, BASE, at);
        self.b.guard_tag(t, tag, s);
        let v = match tag {
            Tag::Bool => PyVal::Bool(self.b.load(Op::LoadBool, BASE, at)),
            Tag::Int => PyVal::Int(self.b.load(Op::LoadInt, BASE, at)),
            Tag::Float => PyVal::Float(self.b.load(Op::LoadFloat, BASE, at)),
            Tag::Obj => PyVal::Obj(self.b.load(Op::LoadPtr, BASE, at)),
            Tag::None => PyVal::None,
        };
        self.hoist_from(from);
        if let Some(e) = self.entry.get_mut(n as usize) {
            *e = Some(v);
        }
        if let PyVal::Obj(id) = v
            && self.owns_entry(n)
        {
            // (counted by an `obj_incref` at the end of the entry code: `close.rs`)
            self.owned.push(id);
            self.owned_entries.push((n, id));
        }
        Ok(v)
    }

    /// The current value of local `n` (loading it at the entry on first use).
    fn read_local(&mut self, n: u32, obs: &dyn Observe, pc: u32) -> Result<PyVal, Abort> {
        if !self.inl.is_empty() {
            return self.callee_local(n, pc);
        }
        if n >= self.code.nlocals {
            return Err(self.abort(AbortReason::Desync, pc, format!("no local {n}")));
        }
        match self.locals.get(n as usize) {
            None => Err(self.abort(AbortReason::Desync, pc, format!("no local {n}"))),
            Some(Some(v)) => Ok(*v),
            Some(None) => {
                let v = self.entry_load(n, obs.local(n), pc)?;
                self.entry_str(n, v, obs);
                self.locals[n as usize] = Some(v);
                Ok(v)
            }
        }
    }

    /// Assigns local `n` (loading its entry value first, for the loop-carried phi, unless
    /// the value is an int, float or bool: then `n` is dead at the entry, see `dead`).
    fn write_local(&mut self, n: u32, v: PyVal, obs: &dyn Observe, pc: u32) -> Result<(), Abort> {
        if !self.inl.is_empty() {
            return self.set_callee_local(n, v, pc);
        }
        if n >= self.code.nlocals {
            return Err(self.abort(AbortReason::Desync, pc, format!("no local {n}")));
        }
        match self.locals.get(n as usize) {
            None => return Err(self.abort(AbortReason::Desync, pc, format!("no local {n}"))),
            Some(Some(_)) => {}
            // a side or function trace has no loop-carried phi: the old value is not needed
            Some(None) if self.side.is_some() || self.func.is_some() => {}
            // assigned before it is read: dead at the entry (no entry value)
            Some(None) if matches!(v, PyVal::Int(_) | PyVal::Float(_) | PyVal::Bool(_)) => {
                self.dead[n as usize] = true;
                if let Some(e) = self.dead_tags.get_mut(n as usize) {
                    *e = Some(v.tag());
                }
            }
            Some(None) => {
                let o = obs.local(n);
                if !matches!(
                    o,
                    Observed::None | Observed::Bool(_) | Observed::Int(_) | Observed::Float(_) | Observed::Obj
                ) {
                    let d = format!("local {n} is assigned in the loop and holds {o:?} at the entry");
                    return Err(self.abort(AbortReason::TypeUnstableLoop, pc, d));
                }
                let e = self.entry_load(n, o, pc)?;
                self.entry_str(n, e, obs);
            }
        }
        self.locals[n as usize] = Some(v);
        self.written[n as usize] = true;
        Ok(())
    }

    /// After local `n`'s entry value `v` was loaded: when the trace owns it (an owned phi)
    /// and it is observed an exact str, guards that at the entry (`@str_exact`) and counts
    /// it among the values whose release frees nothing else (a str holds no object), as the
    /// strs the trace makes are (`arith.rs`): `word = raw.strip().lower()` in a loop.
    fn entry_str(&mut self, n: u32, v: PyVal, obs: &dyn Observe) {
        let PyVal::Obj(id) = v else { return };
        if !self.owned_entries.contains(&(n, id)) || !obs.local_str(n) {
            return;
        }
        let from = self.b.next_id();
        let s = self.entry_snapshot();
        let e = self
            .b
            .call(STR_EXACT_HELPER, crate::ir::CallEffect::Pure, &[id], Type::I64);
        let zero = self.b.const_i64(0);
        let c = self.b.binary(crate::ir::Op::IntNe, e, zero);
        self.guard(true, c, s);
        self.hoist_from(from);
        self.stored.push(id);
    }
}

#[cfg(test)]
mod attr_tests;
#[cfg(test)]
mod dict_tests;
#[cfg(test)]
mod link_tests;
#[cfg(test)]
mod list_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod virtual_tests;
#[cfg(test)]
mod wrap_tests;
