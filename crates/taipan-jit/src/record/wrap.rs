//! `FOR_ITER` over an `enumerate` or `zip` of the entry stack (`for j, x in enumerate(xs)`,
//! `for a, b in zip(xs, ys)`), and the `UNPACK_SEQUENCE` of the tuple it yields.
//!
//! # What is recorded
//! The interpreter reports such an entry ([`Observe::stack_wrap_iter`]) when it is an
//! `enumerate` whose count is a 64-bit int over one *part*, or a `zip` of 1 to
//! [`MAX_ZIP`] distinct parts, each part a list or tuple iterator or a range iterator of
//! step 1 or -1. All parts advance by one element per iteration, so the trace keeps one
//! counter for the whole entry, the *lead*: the enumerate's count, or the `zip`'s first
//! part's counter (its index, or its range `next`). The lead is the entry's pseudo-local
//! at slot `nlocals + i`, exactly like a range iterator's `next` (loaded before the loop,
//! loop-carried by a `phi`, listed by every snapshot from the `FOR_ITER` on; the
//! deoptimizer writes it back). Each part's own counter is `off + lead` or `off - lead`,
//! with `off` an invariant the VM computes when it fills the entry buffer (below): the
//! part's counter minus `s·ℓ·lead`, where `s` is the part's direction (1 for a sequence,
//! its step for a range) and `ℓ` the lead's (1 for an enumerate, the first part's for a
//! zip). The invariant holds for as long as the parts advance together, so a trace
//! entered after a link (which stores only the lead) computes the right positions. A part
//! moving with the lead and observed at offset 0 is specialized: `off == 0` is an entry
//! guard and its counter is the lead itself (`Recorder::wrap_state`).
//!
//! # Entry buffer
//! Per entry `ENTRY_SLOTS` slots from `e` (`record::buffer_slot`): `e` the lead (tag
//! int), `e + 1` tag obj (payload 0), `e + 2` tag int with the kind code
//! ([`wrap_code`]: 1 for an enumerate, `1 + n` for a zip of `n`), `e + 3` the entry's
//! object word; then three slots per part `k` from [`part_slot`]: its `off` (tag int),
//! then a range's `stop` and `step` (tag int) or a sequence's object word (tag obj) and
//! kind (tag None: list, tag bool: tuple), as for a plain iterator. A range iterator's
//! entry has tag int at `e + 1`, a list/tuple iterator's tag None/bool at `e + 2`, any
//! other entry tag obj at both: the guards below tell them all apart.
//!
//! # Per iteration
//! For each part in order: its counter, `guard_true` not exhausted (`counter < len`, or
//! `next < stop` / `next > stop`; a sequence's counter also `>= 0`), its element loaded and
//! guarded to the observed type as for `a[i]` (`list.rs`). Then the lead advances
//! (`int_add_ov`/`int_sub_ov` by one). Every guard exits at the `FOR_ITER` with nothing
//! advanced: the interpreter redoes the whole step, so an exhausted `zip` consumes the
//! elements of the parts before the exhausted one exactly as CPython's `zip_next` does
//! (it calls each part's `__next__` in order and stops at the first that is exhausted),
//! an enumerate count that would pass 2^63 - 1 becomes a big int, a changed element type
//! is handled generically. The tuple is not allocated: the recorder pushes a
//! [`PyVal::VTuple`] and keeps the items; the next instruction must be `UNPACK_SEQUENCE n`
//! of the same length, which pushes them (anything else aborts, `UnsupportedOperand`).
//! Recording aborts when the entry is exhausted now (`LoopExhausted`), and a side
//! recording's `break` out of such a loop aborts (popping the entry would lose the parts'
//! positions; a part the program also holds would show it).
//!
//! # `enumerate` and `zip` made in the trace
//! `enumerate(xs[, start])` / `zip(xs, ys, ...)` with every `xs` observed as an exact list
//! or tuple and an int start ([`Recorder::enumerate_call`], [`Recorder::zip_call`]) is a
//! [`PyVal::VEnum`] / [`PyVal::VZip`]: no object, guarded at the call (`@list_len(xs) >=
//! 0`, `start != i64::MIN`). `GET_ITER` keeps it; a link into an inner loop's trace one
//! entry deeper writes the layout above (`link.rs`: lead `start` and offset `-start`, or
//! lead and offsets 0; object word 0). A side recording at that loop's "exhausted" exit
//! ends the loop when every part is a sequence: object word `== 0` (a link-made entry,
//! which nothing else holds) and the first exhausted part exhausted are guarded, then the
//! entry is popped (`virtual.rs`); any other exhausted entry in a side recording aborts
//! (`UnsupportedOperand`). (CPython `Objects/enumobject.c` `enum_new`, `enum_next`,
//! `Python/bltinmodule.c` `zip_next`.)

use crate::ir::{InsnId, Op, SnapId, Tag, Type};
use crate::record::{
    Abort, AbortReason, BASE, MAX_ZIP, Observe, PartObs, PyVal, Recorder, WrapObs, ZipParts, buffer_slot,
};

/// Entry-buffer slots per entry-stack entry: the counter, two bound slots and the object
/// word, then three slots for each of up to [`MAX_ZIP`] parts of an `enumerate`/`zip`.
pub const ENTRY_SLOTS: u32 = 4 + 3 * MAX_ZIP as u32;

/// The kind code of an `enumerate` entry (entry-buffer slot `e + 2`).
pub const WRAP_ENUMERATE: i64 = 1;

/// The kind code of an `enumerate` (`enumerate` true, one part) or of a `zip` of `parts`.
pub fn wrap_code(enumerate: bool, parts: usize) -> i64 {
    if enumerate {
        WRAP_ENUMERATE
    } else {
        1i64.saturating_add(i64::try_from(parts).unwrap_or(i64::MAX - 1))
    }
}

/// The entry-buffer slot of part `k`'s offset, for the entry whose counter is at buffer
/// slot `e` (its two bound slots follow).
pub fn part_slot(e: u32, k: u32) -> u32 {
    e.saturating_add(4).saturating_add(k.saturating_mul(3))
}

/// An `enumerate`/`zip` entry as the trace holds it (loaded before the loop).
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct WrapState {
    /// An enumerate (else a zip).
    enumerate: bool,
    /// The lead's direction: +1 or -1.
    lead_up: bool,
    /// The parts, in order.
    parts: Vec<PartState>,
}

/// One part of a [`WrapState`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct PartState {
    /// Its offset (`None`: the part's counter is the lead itself).
    off: Option<InsnId>,
    /// The counter is `off + lead` (else `off - lead`).
    same: bool,
    /// What it iterates.
    kind: PartKind,
}

/// What a part iterates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PartKind {
    /// A range up to `stop`, counting up (`up`) or down by one.
    Range { stop: InsnId, up: bool },
    /// A list (`list`) or tuple, its object word `p`.
    Seq { p: InsnId, list: bool },
}

/// A part's direction: 1 or -1 (a range's step; 1 for a sequence).
fn part_dir(p: &PartObs) -> i64 {
    match p {
        PartObs::Range { step, .. } => *step,
        PartObs::Seq { .. } => 1,
    }
}

/// A part's counter as observed: a range's `next`, a sequence iterator's index (`None`
/// when that does not fit an `i64`).
fn part_counter(p: &PartObs) -> Option<i64> {
    match *p {
        PartObs::Range { next, .. } => Some(next),
        PartObs::Seq { index, .. } => i64::try_from(index).ok(),
    }
}

/// Whether the part is exhausted now.
fn part_exhausted(p: &PartObs) -> bool {
    match *p {
        PartObs::Range { next, stop, step } => {
            if step > 0 {
                next >= stop
            } else {
                next <= stop
            }
        }
        PartObs::Seq { index, seq } => index >= seq.len,
    }
}

impl Recorder {
    /// `FOR_ITER` on entry-stack entry `i` (the top one), an `enumerate` or `zip` observed
    /// as `w`; returns the next instruction index.
    pub(crate) fn for_iter_wrap(&mut self, pc: u32, arg: u32, i: u32, w: WrapObs) -> Result<u32, Abort> {
        let enumerate = w.count.is_some();
        let n = w.parts.len();
        if n == 0 || n > MAX_ZIP || (enumerate && n != 1) || w.parts.iter().any(|p| part_dir(p).abs() != 1) {
            let d = format!("FOR_ITER over an enumerate/zip of {n} parts");
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        if w.parts.iter().any(part_exhausted) {
            if self.is_side() {
                return self.for_iter_end_wrap(pc, arg, i, &w);
            }
            return Err(self.abort(AbortReason::LoopExhausted, pc, "FOR_ITER: the iterator is exhausted"));
        }
        let (lead, lead_dir) = match (w.count, w.parts.first()) {
            (Some(c), _) => (c, 1),
            (None, Some(PartObs::Range { next, step, .. })) => (*next, *step),
            (None, Some(PartObs::Seq { index, .. })) => (
                i64::try_from(*index).map_err(|_| self.abort(AbortReason::Desync, pc, "index"))?,
                1,
            ),
            (None, None) => return Err(self.abort(AbortReason::Desync, pc, "no parts")),
        };
        if lead.checked_add(lead_dir).is_none() {
            let d = format!("enumerate count {lead} + 1 overflows");
            return Err(self.abort(AbortReason::BigIntResult, pc, d));
        }
        let st = self.wrap_state(i, enumerate, lead_dir > 0, lead, &w, pc)?;
        let slot = self.code.nlocals.saturating_add(i);
        let x = self.iter_counter(slot, lead, pc)?;
        // (listed by the exits even before the advance, see `iter.rs`)
        self.written[slot as usize] = true;
        let s = self.snap(pc);
        let mut items = Vec::with_capacity(n + 1);
        if enumerate {
            items.push(PyVal::Int(x));
        }
        for (ps, po) in st.parts.iter().zip(&w.parts) {
            let c = match ps.off {
                None => x,
                Some(o) => self
                    .b
                    .exiting(if ps.same { Op::IntAddOv } else { Op::IntSubOv }, &[o, x], s),
            };
            items.push(self.part_item(*ps, po, c, s, pc)?);
        }
        let one = self.b.const_i64(1);
        let op = if st.lead_up { Op::IntAddOv } else { Op::IntSubOv };
        let advanced = self.b.exiting(op, &[x, one], s);
        self.locals[slot as usize] = Some(PyVal::Int(advanced));
        self.vtuple = items;
        self.push(PyVal::VTuple);
        Ok(pc.saturating_add(1))
    }

    /// One part's element at counter `c`, behind the guards that it is not exhausted and
    /// has the observed type (all exiting through `s`, at the `FOR_ITER`).
    fn part_item(&mut self, ps: PartState, po: &PartObs, c: InsnId, s: SnapId, pc: u32) -> Result<PyVal, Abort> {
        match (ps.kind, po) {
            (PartKind::Range { stop, up }, PartObs::Range { .. }) => {
                let more = self.b.binary(if up { Op::IntLt } else { Op::IntGt }, c, stop);
                self.guard(true, more, s);
                Ok(PyVal::Int(c))
            }
            (PartKind::Seq { p, list }, PartObs::Seq { seq, .. }) => {
                let Some(item) = seq.item else {
                    return Err(self.abort(AbortReason::Desync, pc, "no element observed"));
                };
                let z = self.b.const_i64(0);
                let nonneg = self.b.binary(Op::IntGe, c, z);
                self.guard(true, nonneg, s);
                let name = if list { "iter_list_len" } else { "iter_tuple_len" };
                let len = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
                let more = self.b.binary(Op::IntLt, c, len);
                self.guard(true, more, s);
                let items_helper = if list { "list_items" } else { "tuple_items" };
                let items = self.b.call(items_helper, self.list_read_effect(), &[p], Type::Ptr);
                self.load_item(items, c, item, s, pc)
            }
            _ => Err(self.abort(AbortReason::Desync, pc, "enumerate/zip part changed kind")),
        }
    }

    /// The parts of entry-stack entry `i`, loaded and guarded before the loop on first use
    /// (the kind code, each part's offset and bounds as observed in `w`, whose lead is
    /// `lead`).
    ///
    /// A part that moves in the lead's direction and was observed at offset 0 (the
    /// part's counter equal to the lead: `enumerate(xs)` and `zip(xs, ys)` over fresh
    /// iterators) is specialized to it: its offset is guarded `== 0` with the other entry
    /// guards and its counter is the lead itself, so the loop computes no `off + lead`
    /// (an overflow check), and the `guards` pass sees the lead bounded by the part's
    /// length (its advance needs no overflow check) and, counting up from a
    /// non-negative entry, non-negative (no `>= 0` guard). An entry with another offset
    /// (`enumerate(xs, 1)`, a part advanced alone before the loop) fails the guard like
    /// an entry of another type.
    fn wrap_state(
        &mut self,
        i: u32,
        enumerate: bool,
        lead_up: bool,
        lead: i64,
        w: &WrapObs,
        pc: u32,
    ) -> Result<WrapState, Abort> {
        if let Some(Some(st)) = self.wraps.get(i as usize) {
            if st.enumerate != enumerate || st.parts.len() != w.parts.len() {
                return Err(self.abort(AbortReason::Desync, pc, "enumerate/zip changed shape"));
            }
            return Ok(st.clone());
        }
        let nlocals = self.code.nlocals;
        let e = buffer_slot(nlocals, nlocals.saturating_add(i));
        if e >= u32::MAX - 64 {
            return Err(self.abort(AbortReason::Desync, pc, "entry buffer too large"));
        }
        let from = self.b.next_id();
        let es = self.entry_snapshot();
        let t1 = self.b.load(Op::LoadTag, BASE, e + 1);
        self.b.guard_tag(t1, Tag::Obj, es);
        let code = self.entry_int(e + 2, es);
        let want = self.b.const_i64(wrap_code(enumerate, w.parts.len()));
        let same = self.b.binary(Op::IntEq, code, want);
        self.guard(true, same, es);
        let mut parts = Vec::with_capacity(w.parts.len());
        for (k, po) in w.parts.iter().enumerate() {
            let at = part_slot(e, k as u32);
            let up = part_dir(po) > 0;
            let off = if !enumerate && k == 0 {
                None
            } else {
                let o = self.entry_int(at, es);
                if up == lead_up && part_counter(po) == Some(lead) {
                    // observed at offset 0: specialize (see above)
                    let zero = self.b.const_i64(0);
                    let is_zero = self.b.binary(Op::IntEq, o, zero);
                    self.guard(true, is_zero, es);
                    None
                } else {
                    Some(o)
                }
            };
            let kind = match *po {
                PartObs::Range { step, .. } => {
                    let stop = self.entry_int(at + 1, es);
                    let step_v = self.entry_int(at + 2, es);
                    let c = self.b.const_i64(step);
                    let eq = self.b.binary(Op::IntEq, step_v, c);
                    self.guard(true, eq, es);
                    PartKind::Range { stop, up: step > 0 }
                }
                PartObs::Seq { seq, .. } => {
                    let t = self.b.load(Op::LoadTag, BASE, at + 1);
                    self.b.guard_tag(t, Tag::Obj, es);
                    let p = self.b.load(Op::LoadPtr, BASE, at + 1);
                    let kt = self.b.load(Op::LoadTag, BASE, at + 2);
                    self.b.guard_tag(kt, if seq.list { Tag::None } else { Tag::Bool }, es);
                    PartKind::Seq { p, list: seq.list }
                }
            };
            parts.push(PartState {
                off,
                same: up == lead_up,
                kind,
            });
        }
        self.hoist_from(from);
        let st = WrapState {
            enumerate,
            lead_up,
            parts,
        };
        match self.wraps.get_mut(i as usize) {
            Some(slot) => *slot = Some(st.clone()),
            None => return Err(self.abort(AbortReason::Desync, pc, "no entry-stack iterator")),
        }
        Ok(st)
    }

    /// `enumerate(xs[, start])` (`args` first first) with `xs` observed as an exact list or
    /// tuple and `start` an int: a [`PyVal::VEnum`] (see the module docs). The guards exit
    /// at the call: `@list_len`/`@tuple_len` is -1 for anything but an exact list/tuple (a
    /// subclass may override `__iter__`), and `start == i64::MIN` (whose offset would not
    /// fit) is the interpreter's.
    pub(crate) fn enumerate_call(&mut self, pc: u32, args: &[PyVal], obs: &dyn Observe) -> Result<PyVal, Abort> {
        let (p, start) = match *args {
            [PyVal::Obj(p)] => (p, None),
            [PyVal::Obj(p), PyVal::Int(k)] => (p, Some(k)),
            _ => {
                let types: Vec<&str> = args.iter().map(|a| a.tag().name()).collect();
                let d = format!("enumerate({})", types.join(", "));
                return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
            }
        };
        let depth = u32::try_from(args.len().saturating_sub(1)).unwrap_or(u32::MAX);
        let Some(seq) = obs.stack_seq(depth, 0) else {
            let d = "enumerate of something other than an exact list or tuple";
            return Err(self.abort(AbortReason::UnsupportedCall, pc, d));
        };
        let s = self.snap(pc);
        let name = if seq.list { "list_len" } else { "tuple_len" };
        let n = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
        let z = self.b.const_i64(0);
        let ok = self.b.binary(Op::IntGe, n, z);
        self.guard(true, ok, s);
        let start = match start {
            None => self.b.const_i64(0),
            Some(k) => {
                if obs.stack(0) == crate::record::Observed::Int(i64::MIN) {
                    return Err(self.abort(AbortReason::BigIntResult, pc, "enumerate start -2**63"));
                }
                let min = self.b.const_i64(i64::MIN);
                let fits = self.b.binary(Op::IntNe, k, min);
                self.guard(true, fits, s);
                k
            }
        };
        Ok(PyVal::VEnum(p, seq.list, start))
    }

    /// `zip(xs, ys, ...)` (`args` first first) with 1 to [`MAX_ZIP`] arguments, each
    /// observed as an exact list or tuple: a [`PyVal::VZip`], each argument guarded
    /// `@list_len`/`@tuple_len >= 0` (exit at the call, as for `enumerate`).
    pub(crate) fn zip_call(&mut self, pc: u32, args: &[PyVal], obs: &dyn Observe) -> Result<PyVal, Abort> {
        let unsupported = |r: &Recorder| {
            let types: Vec<&str> = args.iter().map(|a| a.tag().name()).collect();
            let d = format!("zip({})", types.join(", "));
            r.abort(AbortReason::UnsupportedCall, pc, d)
        };
        if args.is_empty() || args.len() > MAX_ZIP {
            return Err(unsupported(self));
        }
        let mut seen = Vec::with_capacity(args.len());
        for (k, a) in args.iter().enumerate() {
            let depth = u32::try_from(args.len() - 1 - k).unwrap_or(u32::MAX);
            match (a, obs.stack_seq(depth, 0)) {
                (PyVal::Obj(p), Some(seq)) => seen.push((*p, seq.list)),
                _ => return Err(unsupported(self)),
            }
        }
        let s = self.snap(pc);
        let mut z = ZipParts {
            n: args.len() as u8,
            parts: [(BASE, true); MAX_ZIP],
        };
        for (slot, &(p, list)) in z.parts.iter_mut().zip(&seen) {
            let name = if list { "list_len" } else { "tuple_len" };
            let n = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
            let zero = self.b.const_i64(0);
            let ok = self.b.binary(Op::IntGe, n, zero);
            self.guard(true, ok, s);
            *slot = (p, list);
        }
        Ok(PyVal::VZip(z))
    }

    /// `FOR_ITER` (jump target `arg`) observed exhausted on the `enumerate` entry `i` (the
    /// top one) in a side recording: ends the loop when the entry is one a link made
    /// (object word 0: nothing else holds it or its part, so nothing is written back):
    /// `guard` the word is 0 and the part exhausted (both exit at the `FOR_ITER` with the
    /// lead listed), then pop the entry (`virtual.rs`).
    fn for_iter_end_wrap(&mut self, pc: u32, arg: u32, i: u32, w: &WrapObs) -> Result<u32, Abort> {
        // (sequences only; for a zip, the first exhausted part is guarded exhausted: the
        // elements taken from the parts before it are not observable, nothing holds them)
        let first = w.parts.iter().position(part_exhausted);
        let all_seq = w.parts.iter().all(|p| matches!(p, PartObs::Seq { .. }));
        let (Some(k), true) = (first, all_seq) else {
            let d = "a side trace ending an enumerate/zip loop over a range";
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        let enumerate = w.count.is_some();
        let lead = match (w.count, w.parts.first()) {
            (Some(c), _) => c,
            (None, Some(PartObs::Seq { index, .. })) => i64::try_from(*index).unwrap_or(i64::MAX),
            _ => return Err(self.abort(AbortReason::Desync, pc, "no parts")),
        };
        let st = self.wrap_state(i, enumerate, true, lead, w, pc)?;
        let Some(ps) = st.parts.get(k).copied() else {
            return Err(self.abort(AbortReason::Desync, pc, "no part"));
        };
        let PartKind::Seq { p, list } = ps.kind else {
            return Err(self.abort(AbortReason::Desync, pc, "enumerate/zip part changed kind"));
        };
        let slot = self.code.nlocals.saturating_add(i);
        let x = self.iter_counter(slot, lead, pc)?;
        self.written[slot as usize] = true;
        let s = self.snap(pc);
        let e = buffer_slot(self.code.nlocals, slot);
        let word = self.b.load(Op::LoadPtr, BASE, e + 3);
        let null = self.b.const_ptr(0);
        let made = self.b.binary(Op::PtrEq, word, null);
        self.guard(true, made, s);
        let c = match ps.off {
            None => x,
            Some(off) => self.b.exiting(Op::IntAddOv, &[off, x], s),
        };
        let name = if list { "iter_list_len" } else { "iter_tuple_len" };
        let len = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
        let more = self.b.binary(Op::IntLt, c, len);
        self.guard(false, more, s);
        self.pop_entry(pc, arg)
    }

    /// `UNPACK_SEQUENCE n` of the [`PyVal::VTuple`] on top of the stack: its items, the
    /// first on top.
    pub(crate) fn unpack_vtuple(&mut self, pc: u32, n: u32) -> Result<(), Abort> {
        if self.peek(0, pc)? != PyVal::VTuple {
            return Err(self.abort(AbortReason::Desync, pc, "no virtual tuple on top"));
        }
        if n as usize != self.vtuple.len() {
            let d = format!("unpacking {} values into {n}", self.vtuple.len());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        }
        self.pop(pc)?;
        let items = std::mem::take(&mut self.vtuple);
        for v in items.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }

    /// Whether stack entry `depth` is an `enumerate`/`zip` the recorder would iterate
    /// (a side recording must not pop one: see the module docs).
    pub(crate) fn is_wrap_entry(obs: &dyn Observe, depth: u32) -> bool {
        obs.stack_wrap_iter(depth).is_some()
    }
}
