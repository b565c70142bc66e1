//! Side traces and links: recordings that start at a hot exit of a compiled trace, and
//! recordings that end by continuing in another compiled trace (LuaJIT's side traces and
//! trace linking; `docs/jit.md`, "Exits, side traces, linking").
//!
//! # Side traces
//! [`Recorder::new_side`] starts a recording at the `pc` of an exit's snapshot, with the
//! frame as the deoptimizer just restored it. The side trace is `func @b(%0: ptr, ...) ->
//! void side @parent xN`: its parameters are the parent's frame base followed by the
//! snapshot's non-`none` values (in entry order, the ABI of `backend::link`; a side trace of a
//! side trace gets all its parent's parameters first, unused), so each local,
//! iterator counter or stack entry the snapshot lists starts as that parameter, typed by the
//! snapshot value's IR type; everything else is memory (the entry buffer the root trace was
//! entered with, see "Links" below), loaded behind `guard_tag` on first use like a root
//! trace's entry loads. Those loads are hoisted to the start of the side trace (memory does
//! not change while traces run) and their guards exit through the *start snapshot*: resume
//! at the exit's `pc` with the parent snapshot's values, i.e. exactly what the interpreter
//! would have got without the side trace. Every other snapshot lists the parameters'
//! slots (they differ from memory) besides what the side trace assigned.
//!
//! # Links
//! A recording (root or side) whose next instruction is the loop header of a compiled root
//! trace with the same entry stack depth ([`Observe::link_target`]), in its own frame and
//! with nothing above the entry stack, ends there: every slot it holds in SSA values that
//! may differ from memory (assigned locals, advanced iterator counters, a side trace's
//! parameters) is stored into the entry buffer (`store_int`, `store_float`, `store_bool`,
//! `store_none`, `store_ptr`), then `link @target(%0)` continues at the target's entry,
//! whose entry guards and loads read the buffer. The buffer is then newer than the frame:
//! the interpreter writes it back into the frame before it applies any later exit's
//! snapshot (`crates/taipan-vm/src/jit_run.rs`). A slot whose type differs from the
//! target's entry guard (which would fail at once), or that holds a known object (no word
//! to store), aborts with [`AbortReason::LinkType`]. A root recording that links is not a
//! loop: it is the straight-line path from its header to the target's (an outer loop's
//! body up to an inner loop that has a trace).

use crate::ir::verify::verify;
use crate::ir::{Builder, CallEffect, ExitId, Func, Imm, InsnId, Op, SnapEntry, SnapId, SnapVal, Type};
use crate::record::{
    Abort, AbortReason, BASE, KnownObj, LinkTarget, PyVal, Recorder, VirtIter, buffer_slot, observe::CodeInfo,
};

/// The most borrowed object words a link into a trace that may drop objects keeps
/// (`@run_keep` each) instead of marking the run (`close_link`).
pub const KEEP_FOREIGN_MAX: usize = 4;

/// `run_keep(area: ptr, slot: i64, obj: ptr)`: keeps a counted reference to `obj`, stored
/// into entry-buffer slot `slot` by a link, for the rest of the run (the VM's
/// `JitState::kept`).
pub const RUN_KEEP_HELPER: &str = "run_keep";
/// `run_kept(area: ptr)`: after a link's `run_keep` calls, drops what they replaced.
pub const RUN_KEPT_HELPER: &str = "run_kept";

/// A value a side trace starts with (one per entry of the parent exit's snapshot).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SideVal {
    /// `None` (the snapshot entry is `none`: no parameter).
    None,
    /// A parameter of this IR type (`i64` int, `f64` float, `bool`, `ptr` object word).
    Value(Type),
    /// A known object of the recording's object table (no parameter).
    Known(KnownObj),
}

/// One entry of the parent exit's snapshot: its slot (snapshot numbering) and value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SideEntry {
    /// The slot: a local, an entry-stack iterator's counter, or a pushed stack entry.
    pub slot: u32,
    /// What the parent holds there.
    pub val: SideVal,
}

/// What a side recording knows of its parent.
#[derive(Clone, Debug)]
pub(crate) struct Side {
    /// The parent trace's name.
    pub(crate) parent: String,
    /// The parent's exit.
    pub(crate) exit: u32,
    /// The raw snapshot of the start state (resume at the start `pc` with the parameters).
    pub(crate) start_snap: SnapId,
}

impl Recorder {
    /// A recorder for a side trace of exit `exit` of trace `parent` (whose parameters are
    /// `parent_params`, the frame base first), starting at `start_pc` (the exit snapshot's
    /// `pc`) in a frame whose entry stack is `depth` deep, where the snapshot holds `entries`
    /// (in snapshot order; pushed entries contiguous and in order).
    ///
    /// # Errors
    /// A message when the entries do not fit that frame (a slot out of range, a gap in the
    /// pushes, an iterator counter that is not an int) or the parent's first parameter is
    /// not the frame base.
    pub fn new_side(
        code: CodeInfo,
        start_pc: u32,
        depth: u32,
        parent: (&str, &[Type]),
        exit: u32,
        entries: &[SideEntry],
    ) -> Result<Recorder, String> {
        let (parent, parent_params) = parent;
        if parent_params.first() != Some(&Type::Ptr) {
            return Err("the parent's first parameter is not the frame base".into());
        }
        let nlocals = code.nlocals;
        // the backend calls a side trace with its parent's parameters, then the values
        let mut params = parent_params.to_vec();
        params.extend(entries.iter().filter_map(|e| match e.val {
            SideVal::Value(t) => Some(t),
            SideVal::None | SideVal::Known(_) => None,
        }));
        let mut r = Recorder::new(code, start_pc);
        r.b = Builder::new("side", &params, Type::Void);
        let n = (nlocals as usize).saturating_add(depth as usize);
        r.depth = depth;
        r.locals = vec![None; n];
        r.entry = vec![None; n];
        r.written = vec![false; n];
        r.iters = vec![None; depth as usize];
        r.wraps = vec![None; depth as usize];
        let mut next_param = u32::try_from(parent_params.len()).map_err(|_| "too many parameters")?;
        let mut snap = Vec::new();
        // entry-stack iterators the parent popped (`none` counters, `virtual.rs`)
        let live = entries
            .iter()
            .filter(|e| e.val == SideVal::None && e.slot >= nlocals && (e.slot as usize) < n)
            .map(|e| e.slot - nlocals)
            .min()
            .unwrap_or(depth);
        r.popped = depth - live;
        for e in entries {
            let v = match e.val {
                SideVal::None => PyVal::None,
                SideVal::Known(o) => PyVal::Known(o),
                SideVal::Value(t) => {
                    let id = InsnId(next_param);
                    next_param += 1;
                    match t {
                        Type::I64 => PyVal::Int(id),
                        Type::F64 => PyVal::Float(id),
                        Type::Bool => PyVal::Bool(id),
                        Type::Ptr => PyVal::Obj(id),
                        Type::Void => return Err(format!("slot {}: a void value", e.slot)),
                    }
                }
            };
            let slot = e.slot as usize;
            if slot >= nlocals.saturating_add(live) as usize && slot < n {
                if v != PyVal::None {
                    return Err(format!("slot {slot}: a popped iterator's counter that is not none"));
                }
            } else if slot < n {
                if slot >= nlocals as usize && !matches!(v, PyVal::Int(_)) {
                    return Err(format!("slot {slot}: an iterator counter that is not an int"));
                }
                r.locals[slot] = Some(v);
                r.written[slot] = true;
            } else if slot == n + r.stack.len() {
                r.stack.push(v);
            } else {
                return Err(format!("slot {slot}: not the next push"));
            }
            snap.push(SnapEntry {
                slot: e.slot,
                val: v.snap_val(),
            });
        }
        let start_snap = r.b.snapshot(start_pc, snap);
        r.hoisted = vec![false; r.b.func().insns.len()];
        r.side = Some(Side {
            parent: parent.to_string(),
            exit,
            start_snap,
        });
        Ok(r)
    }

    /// For a side recording of a *function* trace started from `entries` (the parent exit's
    /// snapshot, the order [`Recorder::new_side`] was given): notes each parameter whose
    /// parent value is an argument's or local's object word loaded from the function
    /// buffer (`load_ptr %0, k`, `k` a local, no store to slot `k` in the parent). The
    /// buffer keeps those words for the whole run of the tree (a function tree writes its
    /// locals only into the exit area, and its side traces run on the same buffer), so they
    /// may be live across an opaque call ([`Recorder::word_alive`]; `binary_trees.py`'s
    /// `check_tree`, whose side trace starts at `node[0]` with `node` on the stack).
    pub fn note_frame_words(&mut self, parent: &Func, entries: &[SnapEntry]) {
        let nlocals = self.code.nlocals;
        let mut next = u32::try_from(parent.params.len()).unwrap_or(u32::MAX);
        for e in entries {
            if let SnapVal::Value(id) = e.val {
                let param = InsnId(next);
                next = next.saturating_add(1);
                if buffer_word(parent, id, nlocals) {
                    self.frame_words.push(param);
                }
            }
        }
    }

    /// Whether this recorder records a side trace.
    pub fn is_side(&self) -> bool {
        self.side.is_some()
    }

    /// Stores the kind tag of a list or tuple iterator's entry-buffer slot `slot`: None for
    /// a list, bool for a tuple (docs/jit.md, "Entry stack").
    fn store_seq_kind(&mut self, slot: u32, list: bool) {
        if list {
            self.b.store(Op::StoreNone, BASE, slot, None);
        } else {
            let f = self.b.const_bool(false);
            self.b.store(Op::StoreBool, BASE, slot, Some(f));
        }
    }

    /// Whether the closing link must keep what it stores (`@run_keep`): in a trace that
    /// may drop objects (opaque calls and slice stores need the call area).
    fn keeps_links(&self) -> bool {
        self.area != 0
    }

    /// Whether the closing link stores into the entry buffer an object word it does not
    /// keep (anything but an owned value, see `close_link`): the VM then marks the run (word 4 of the call area), and opaque
    /// calls and slice stores of the rest of the run exit to the interpreter instead, since
    /// what they run or drop could free it.
    pub fn link_stores_foreign(&self) -> bool {
        self.link_foreign
    }

    /// Ends the recording with a link into `t` (see the module docs); `pc` is the last
    /// recorded instruction (its successor is `t`'s header).
    pub(crate) fn close_link(&mut self, pc: u32, t: &LinkTarget, iter: Option<VirtIter>) -> Result<Func, Abort> {
        if !self.owned_entries.is_empty() {
            // (the entry values owned for owned phis are counted only by a loop's `close`)
            let d = "a link from a trace owning loop-entry values (`alloc.rs`)";
            return Err(self.abort(AbortReason::OwnedValue, pc, d));
        }
        // 1. Hand every slot that may differ from memory over through the buffer (the
        // counters of popped iterators are gone).
        let live = (self.code.nlocals as usize).saturating_add(self.live_depth() as usize);
        // the object words stored, by buffer slot (kept for the run, see below)
        let mut keeps: Vec<(u32, InsnId)> = Vec::new();
        for n in 0..self.written.len().min(live) {
            if !self.written.get(n).copied().unwrap_or(false) {
                continue;
            }
            let Some(Some(v)) = self.locals.get(n).copied() else {
                continue;
            };
            if let Some(&(_, want)) = t.entry.iter().find(|e| e.0 as usize == n)
                && want != v.tag()
            {
                let d = format!("slot {n} is {} here, @{} wants {}", v.tag().name(), t.name, want.name());
                return Err(self.abort(AbortReason::LinkType, pc, d));
            }
            let slot = buffer_slot(self.code.nlocals, n as u32);
            match v {
                PyVal::None => self.b.store(Op::StoreNone, BASE, slot, None),
                PyVal::Bool(x) => self.b.store(Op::StoreBool, BASE, slot, Some(x)),
                PyVal::Int(x) => self.b.store(Op::StoreInt, BASE, slot, Some(x)),
                PyVal::Float(x) => self.b.store(Op::StoreFloat, BASE, slot, Some(x)),
                PyVal::Obj(x) => {
                    keeps.push((slot, x));
                    self.b.store(Op::StorePtr, BASE, slot, Some(x))
                }
                PyVal::Known(_)
                | PyVal::VRange(_)
                | PyVal::VIter(_)
                | PyVal::VSeqIter(..)
                | PyVal::VTuple
                | PyVal::VEnum(..)
                | PyVal::VZip(_)
                | PyVal::VSlice(_)
                | PyVal::VSliceOf
                | PyVal::VSuper(..) => {
                    let d = format!("slot {n} holds a known or virtual object");
                    return Err(self.abort(AbortReason::LinkType, pc, d));
                }
            };
        }
        // entries popped: lower the pop mark to the live depth (the VM then knows that the
        // frame's entries from there on are stale, `virtual.rs`)
        if self.popped > 0 {
            let mark = self.code.nlocals;
            let m = self.b.load(Op::LoadInt, BASE, mark);
            let live = self.b.const_i64(i64::from(self.live_depth()));
            let low = self.b.binary(Op::IntMin, m, live);
            self.b.store(Op::StoreInt, BASE, mark, Some(low));
        }
        // a virtual iterator: the target's new top entry (`virtual.rs`)
        if let Some(it) = iter {
            let at = buffer_slot(self.code.nlocals, self.code.nlocals.saturating_add(self.live_depth()));
            if at >= u32::MAX - crate::record::ENTRY_SLOTS {
                return Err(self.abort(AbortReason::Desync, pc, "entry buffer too large"));
            }
            // no iterator object: nothing else can hold it (`iter_unshared`)
            let zero = self.b.const_i64(0);
            self.b.store(Op::StoreInt, BASE, at + 3, Some(zero));
            match it {
                VirtIter::Range(r) => {
                    self.b.store(Op::StoreInt, BASE, at, Some(r.next));
                    self.b.store(Op::StoreInt, BASE, at + 1, Some(r.stop));
                    self.b.store(Op::StoreInt, BASE, at + 2, Some(r.step));
                }
                VirtIter::Enum(p, list, start) => {
                    // the `enumerate` layout of `wrap.rs`: lead = start, part 0's offset
                    // `0 - start` (no overflow: `start != i64::MIN` was guarded)
                    self.b.store(Op::StoreInt, BASE, at, Some(start));
                    self.b.store(Op::StorePtr, BASE, at + 1, Some(p));
                    keeps.push((at + 1, p));
                    let code = self.b.const_i64(crate::record::WRAP_ENUMERATE);
                    self.b.store(Op::StoreInt, BASE, at + 2, Some(code));
                    let part = crate::record::part_slot(at, 0);
                    let zero = self.b.const_i64(0);
                    let off = self.b.binary(Op::IntSub, zero, start);
                    self.b.store(Op::StoreInt, BASE, part, Some(off));
                    self.b.store(Op::StorePtr, BASE, part + 1, Some(p));
                    keeps.push((part + 1, p));
                    self.store_seq_kind(part + 2, list);
                }
                VirtIter::Zip(z) => {
                    // the `zip` layout of `wrap.rs`: lead 0 (part 0's index), every offset 0
                    let zero = self.b.const_i64(0);
                    self.b.store(Op::StoreInt, BASE, at, Some(zero));
                    let code = self.b.const_i64(crate::record::wrap_code(false, usize::from(z.n)));
                    self.b.store(Op::StoreInt, BASE, at + 2, Some(code));
                    for (k, &(p, list)) in z.parts.iter().take(usize::from(z.n)).enumerate() {
                        if k == 0 {
                            self.b.store(Op::StorePtr, BASE, at + 1, Some(p));
                            keeps.push((at + 1, p));
                        }
                        let part = crate::record::part_slot(at, k as u32);
                        self.b.store(Op::StoreInt, BASE, part, Some(zero));
                        self.b.store(Op::StorePtr, BASE, part + 1, Some(p));
                        keeps.push((part + 1, p));
                        self.store_seq_kind(part + 2, list);
                    }
                }
                VirtIter::Seq(p, list) => {
                    let zero = self.b.const_i64(0);
                    self.b.store(Op::StoreInt, BASE, at, Some(zero));
                    self.b.store(Op::StorePtr, BASE, at + 1, Some(p));
                    keeps.push((at + 1, p));
                    self.store_seq_kind(at + 2, list);
                }
            }
        }
        // In a trace that may drop objects, every object word the link stores is kept for
        // the rest of the run (`@run_keep`, the VM's `JitState::kept`): what an opaque call
        // or a slice store of a later trace of the run frees cannot be a word of the
        // buffer. Owned values (all held by written locals: the stack is empty here) are
        // then released: the kept reference holds them.
        if self.keeps_links() {
            // Owned values are kept. Any other word (a borrowed item, a side trace's
            // parameter, an entry value moved to another slot, which an earlier link's kept
            // reference may hold) is kept too when the target's code makes opaque calls or
            // slice stores (`LinkTarget::calls`) and there are at most `KEEP_FOREIGN_MAX` of
            // them; else it marks the run (no more opaque calls and slice stores, replaced
            // kept references wait for its end, `link_stores_foreign`). Keeping them always
            // cost nbody's inner-loop links a helper call each; marking always made every
            // opaque call after bm_richards' `t = t.link` links exit.
            let foreign = |r: &Recorder, x: InsnId| !r.owned.contains(&x);
            let n_foreign = keeps.iter().filter(|&&(_, x)| foreign(self, x)).count();
            if n_foreign > 0 && (!t.calls || n_foreign > KEEP_FOREIGN_MAX) {
                self.link_foreign = true;
                keeps.retain(|&(_, x)| !foreign(self, x));
            }
            if !keeps.is_empty() {
                let area = self.area_ptr();
                for &(slot, x) in &keeps {
                    let k = self.b.const_i64(i64::from(slot));
                    self.b
                        .call(RUN_KEEP_HELPER, CallEffect::Writes, &[area, k, x], Type::Void);
                }
                self.b.call(RUN_KEPT_HELPER, CallEffect::Writes, &[area], Type::Void);
            }
            for id in std::mem::take(&mut self.owned) {
                if !keeps.iter().any(|&(_, x)| x == id) {
                    let d = format!("the owned value {id} is not handed over at the link");
                    return Err(self.abort(AbortReason::OwnedValue, pc, d));
                }
                self.b.op(Op::ObjRelease, &[id], Imm::None, None);
            }
        } else if let Some(id) = self.owned.first() {
            let d = format!("the owned value {id} is live at a link");
            return Err(self.abort(AbortReason::OwnedValue, pc, d));
        }
        self.b.op(Op::Link, &[BASE], Imm::Trace(t.name.as_str().into()), None);
        self.hoisted.resize(self.b.func().insns.len(), false);
        // 2. Assemble: parameters, the hoisted entry loads (their guards resume at the
        // start), the body in order.
        let raw = self.b.func();
        let n = raw.insns.len();
        let nparams = raw.params.len();
        let name = match &self.side {
            Some(_) => format!("{}_pc{}_side", self.code.name, self.start_pc),
            None => format!("{}_pc{}_link", self.code.name, self.start_pc),
        };
        let mut out = Builder::new(&name, &raw.params, Type::Void);
        if let Some(s) = &self.side {
            out.set_parent(Some((s.parent.clone(), ExitId(s.exit))));
        }
        let mut map: Vec<Option<InsnId>> = vec![None; n];
        for (k, m) in map.iter_mut().enumerate().take(nparams) {
            *m = Some(InsnId(k as u32));
        }
        let get = |map: &[Option<InsnId>], v: InsnId| map.get(v.index()).copied().flatten().unwrap_or(InsnId(u32::MAX));
        let remap = |map: &[Option<InsnId>], out: &mut Builder, s: SnapId| -> Option<SnapId> {
            let old = raw.snaps.get(s.index())?;
            let entries = old
                .entries
                .iter()
                .map(|e| SnapEntry {
                    slot: e.slot,
                    val: match e.val {
                        SnapVal::Value(v) => SnapVal::Value(get(map, v)),
                        other => other,
                    },
                })
                .collect();
            let release = old.release.iter().map(|&v| get(map, v)).collect();
            Some(out.snapshot_like(old, entries, release))
        };
        let entry_snap = match &self.side {
            Some(s) => remap(&map, &mut out, s.start_snap),
            None => Some(out.snapshot(self.start_pc, Vec::new())),
        }
        .ok_or_else(|| self.abort(AbortReason::Invalid, pc, "no start snapshot"))?;
        let hoisted = |i: usize| self.hoisted.get(i).copied().unwrap_or(false);
        for i in nparams..n {
            if hoisted(i) {
                let mut insn = raw.insns[i].clone();
                insn.args = insn.args.iter().map(|&a| get(&map, a)).collect();
                if insn.snap.is_some() {
                    insn.snap = Some(entry_snap);
                }
                map[i] = Some(out.push(insn));
            }
        }
        let mut snaps: Vec<Option<SnapId>> = vec![None; raw.snaps.len()];
        for i in nparams..n {
            if hoisted(i) {
                continue;
            }
            let mut insn = raw.insns[i].clone();
            insn.args = insn.args.iter().map(|&a| get(&map, a)).collect();
            if let Some(s) = insn.snap {
                let new = match snaps.get(s.index()).copied().flatten() {
                    Some(t) => t,
                    None => {
                        let t = remap(&map, &mut out, s)
                            .ok_or_else(|| self.abort(AbortReason::Invalid, pc, format!("no snapshot {s}")))?;
                        if let Some(e) = snaps.get_mut(s.index()) {
                            *e = Some(t);
                        }
                        t
                    }
                };
                insn.snap = Some(new);
            }
            map[i] = Some(out.push(insn));
        }
        let f = out.finish();
        verify(&f).map_err(|e| self.abort(AbortReason::Invalid, pc, e.to_string()))?;
        Ok(f)
    }
}

/// Whether `id` in `f` is an object word loaded from local `k`'s slot of the frame buffer
/// (`load_ptr %0, k`, `k < nlocals`) that no slot store of `f` overwrites.
fn buffer_word(f: &Func, id: InsnId, nlocals: u32) -> bool {
    let Some(insn) = f.insn(id) else {
        return false;
    };
    let Imm::Slot(k) = insn.imm else {
        return false;
    };
    let slot_store = |op: Op| {
        matches!(
            op,
            Op::StoreInt | Op::StoreFloat | Op::StoreBool | Op::StoreNone | Op::StorePtr
        )
    };
    insn.op == Op::LoadPtr
        && insn.args.first() == Some(&InsnId(0))
        && k < nlocals
        && !f
            .insns
            .iter()
            .any(|i| slot_store(i.op) && i.args.first() == Some(&InsnId(0)) && i.imm == Imm::Slot(k))
}
