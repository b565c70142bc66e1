//! Opaque calls inside inlined calls, and the multi-frame snapshots that make them exact.
//!
//! An exit inside an inlined call normally resumes at the outermost inlined call's
//! instruction in the trace's own frame: the interpreter redoes the whole call (`call.rs`).
//! That is exact only while the inlined code has no effects. An opaque call (`pycall.rs`)
//! made inside an inlined call is an effect that must never be redone, so from the first
//! such call until the outermost inlined call returns every snapshot is a *multi-frame*
//! snapshot ([`crate::ir::Snapshot::frames`]), as in LuaJIT and PyPy:
//! - the trace's own frame lists its assigned locals as usual and, as its operand stack,
//!   the outermost call's caller stack with the callable's slot on top (the interpreter
//!   keeps that slot during a call; the return overwrites it), and resumes at the
//!   instruction after the `CALL` (its `pc`);
//! - one frame per open inlined call, outermost first: the function called (a known
//!   object), every bound local, its operand stack (the next call's caller stack and
//!   callable, or for the innermost frame the recorded stack), and where it resumes (after
//!   the next call, or the exit's instruction for the innermost one).
//!
//! The deoptimizer builds a frame for each of them, chained to the trace's frame, and the
//! interpreter resumes in the innermost one; returns then flow back through the rebuilt
//! frames as after any call. The call snapshot of an opaque call made inside an inlined
//! call resumes at that `CALL` in the innermost frame, with the callable and the arguments
//! popped: the VM knows it by its innermost frame's function, index and stack height
//! ([`Recorder::inlined_call_sites`]) and pushes the kept result there, or raises the
//! kept exception at that `CALL`. Attribute stores still pending when the first such call
//! is made are written just before it, and later ones in the call are written at once
//! (`attr.rs`): exits after them resume after them.
//!
//! # Pinned words
//! The interpreter's frames keep every object an inlined callee holds alive; the trace has
//! no such frames, and the opaque call may run any Python code (drop the last reference
//! to a packet the callee loaded from an attribute). Before such a call every object word
//! held in any frame that would not otherwise survive it (`pycall.rs`: a local's value at
//! the loop entry, or owned) is *pinned*: [`RUN_PIN_HELPER`] keeps a counted reference to
//! it among the run's deferred drops (the VM's `jit_helpers` `DEFERRED`, dropped when the
//! run ends, after an exit has boxed its values), so it stays alive for the rest of the
//! run. The helper answers 0 when the deferred drops are full: the trace then exits at the
//! `CALL` (not made yet) through a multi-frame snapshot and the run ends.

use crate::ir::{CallEffect, InsnId, Op, SnapEntry, SnapFrame, SnapId, Type, frame_slot};
use crate::record::{PyVal, Recorder};

/// `run_pin(obj: ptr) -> i64 writes`: keeps a counted reference to `obj` until the run ends
/// (see "Pinned words" in the module docs); 1, or 0 when the run's deferred drops are full.
pub const RUN_PIN_HELPER: &str = "run_pin";

/// An opaque call made inside inlined calls: how its call snapshot's innermost frame looks
/// (see the module docs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FrameCall {
    /// The number of inlined calls open at the call (the snapshot's extra frames).
    pub frames: u32,
    /// The innermost frame's function (known object number).
    pub func: u32,
    /// The `CALL`'s index in that function's code.
    pub pc: u32,
    /// The innermost frame's operand stack height at the call snapshot (the callable and
    /// the arguments popped).
    pub height: u32,
}

impl Recorder {
    /// Lets opaque calls be made inside inlined calls (see the module docs); without it (the
    /// default) such calls abort with [`crate::record::AbortReason::UnsupportedCall`]. Needs
    /// [`Recorder::set_call_area`].
    pub fn set_inlined_py_calls(&mut self, on: bool) {
        self.inlined_py_calls = on;
    }

    /// Before an opaque call at `pc`: inside an inlined call (the answer: true), exits resume
    /// mid-callee from now on until the outermost inlined call returns, and the pending
    /// attribute stores of the call are written now (their room guard resumes at the `CALL`,
    /// the callable and the arguments still on the stack: the call is not made yet).
    pub(crate) fn enter_mframe(&mut self, pc: u32) -> bool {
        if self.inl.is_empty() {
            return false;
        }
        if !self.mframe {
            self.mframe = true;
            self.flush_pending(pc);
        }
        true
    }

    /// Before an opaque call at `pc` inside an inlined call (its callable and arguments still
    /// on the stack): pins every object word a frame holds that would not survive the call
    /// (see "Pinned words" in the module docs), each once.
    pub(crate) fn pin_frame_words(&mut self, pc: u32) {
        let frames = self.inl.iter().flat_map(|i| {
            i.caller_stack
                .iter()
                .chain(i.locals.iter().flatten())
                .chain(std::iter::once(&i.callable))
        });
        let mut words: Vec<InsnId> = Vec::new();
        for v in self.stack.iter().chain(self.locals.iter().flatten()).chain(frames) {
            if let PyVal::Obj(id) = *v
                && !self.survives(v)
                && !words.contains(&id)
            {
                words.push(id);
            }
        }
        if words.is_empty() {
            return;
        }
        let s = self.snap(pc);
        let zero = self.b.const_i64(0);
        for id in words {
            let room = self.b.call(RUN_PIN_HELPER, CallEffect::Writes, &[id], Type::I64);
            let ok = self.b.binary(Op::IntNe, room, zero);
            self.guard(true, ok, s);
            self.pinned.push(id);
        }
    }

    /// Notes the call snapshot of the opaque call at `pc` made inside an inlined call (the
    /// callable and the arguments already popped).
    pub(crate) fn note_frame_call(&mut self, pc: u32) {
        let Some(i) = self.inl.last() else { return };
        let c = FrameCall {
            frames: self.inl.len() as u32,
            func: i.func,
            pc,
            height: self.stack.len() as u32,
        };
        if !self.frame_calls.contains(&c) {
            self.frame_calls.push(c);
        }
    }

    /// The opaque calls made inside inlined calls, by the shape of their call snapshots'
    /// innermost frames: an exit through such a snapshot pushes the call's kept result (or
    /// raises its exception) in the innermost rebuilt frame.
    pub fn inlined_call_sites(&self) -> Vec<FrameCall> {
        self.frame_calls.clone()
    }

    /// A multi-frame snapshot resuming at `pc` of the innermost inlined call (see the module
    /// docs).
    pub(crate) fn snap_frames(&mut self, pc: u32) -> SnapId {
        let mut entries = Vec::new();
        let Some(first) = self.inl.first() else {
            return self.b.snapshot(pc, entries);
        };
        let root_nlocals = first.caller_code.nlocals;
        let root_pc = first.ret_pc;
        // the trace's own frame: its assigned locals (iterators popped by the recorded path:
        // `none` at their counter slots), then its stack during the call
        let gone = root_nlocals.saturating_add(self.live_depth());
        for (n, (v, w)) in self.locals.iter().zip(&self.written).enumerate() {
            if (n as u32) >= gone {
                entries.push(SnapEntry {
                    slot: n as u32,
                    val: crate::ir::SnapVal::None,
                });
            } else if let (Some(v), true) = (v, w) {
                entries.push(SnapEntry {
                    slot: n as u32,
                    val: v.snap_val(),
                });
            }
        }
        let mut all: Vec<PyVal> = Vec::new();
        let bottom = root_nlocals.saturating_add(self.depth);
        for (i, v) in first
            .caller_stack
            .iter()
            .chain(std::iter::once(&first.callable))
            .enumerate()
        {
            entries.push(SnapEntry {
                slot: bottom.saturating_add(i as u32),
                val: v.snap_val(),
            });
            all.push(*v);
        }
        let mut frames = Vec::with_capacity(self.inl.len());
        for (k, i) in self.inl.iter().enumerate() {
            let next = self.inl.get(k + 1);
            for (n, v) in i.locals.iter().enumerate() {
                if let Some(v) = v {
                    entries.push(SnapEntry {
                        slot: frame_slot(k, n as u32),
                        val: v.snap_val(),
                    });
                    all.push(*v);
                }
            }
            let (nlocals, stack): (u32, Vec<PyVal>) = match next {
                Some(x) => {
                    let mut s = x.caller_stack.clone();
                    s.push(x.callable);
                    (x.caller_code.nlocals, s)
                }
                None => (self.code.nlocals, self.stack.clone()),
            };
            for (j, v) in stack.iter().enumerate() {
                entries.push(SnapEntry {
                    slot: frame_slot(k, nlocals.saturating_add(j as u32)),
                    val: v.snap_val(),
                });
                all.push(*v);
            }
            frames.push(SnapFrame {
                func: i.func,
                pc: next.map_or(pc, |x| x.ret_pc),
            });
        }
        if all.iter().any(|v| v.is_virtual()) {
            self.virt_snap = true;
        }
        // owned values the entries do not transfer are dropped at the exit
        let release: Vec<crate::ir::InsnId> = self
            .owned
            .iter()
            .copied()
            .filter(|&id| !entries.iter().any(|e| e.val == crate::ir::SnapVal::Value(id)))
            .collect();
        self.b.snapshot_frames(root_pc, entries, release, frames)
    }
}
