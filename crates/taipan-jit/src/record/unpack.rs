//! `UNPACK_SEQUENCE n` on an exact list or tuple of exactly `n` elements.
//!
//! The length is guarded with the same helpers as a subscript (`@list_len` /
//! `@tuple_len`, `-1` for anything but an exact list / tuple, so one `guard_true len == n`
//! also checks the container's type), then each element is loaded and guarded to its
//! observed type exactly as `a[i]` does (`list.rs`). All guards resume at the
//! `UNPACK_SEQUENCE` with the sequence still on the stack, so another length (the
//! interpreter raises `ValueError: too many values to unpack` / `not enough values`),
//! another container or another element type is the interpreter's business. The elements
//! are pushed last first, so that element 0 ends on top (CPython `Python/ceval.c`
//! `UNPACK_SEQUENCE`, `unpack_iterable`). Other iterables (strings, generators, subclass
//! instances) abort the recording (`UnsupportedOperand`).
//!
//! **Reuse** (record-time load forwarding, as LuaJIT forwards loads when it emits them):
//! unpacking the same SSA value again with the same count reuses the element values of the
//! first unpacking and emits nothing — for a tuple always (immutable: its length, items and
//! their types cannot change), for a list only when no instruction that may write memory
//! was emitted in between ([`crate::ir::Builder::mutations`]). pyperformance's
//! bm_unpack_sequence unpacks one sequence 400 times per iteration: its trace went from
//! about 18,000 IR instructions to a few hundred, and its compile time with it.

use crate::ir::{InsnId, Op, Type};
use crate::record::{Abort, AbortReason, Observe, PyVal, Recorder};

/// One unpacking the recorder may reuse (see the module docs).
#[derive(Clone, Debug)]
pub(crate) struct Unpacked {
    /// The sequence's SSA value.
    seq: InsnId,
    /// The element count.
    n: u32,
    /// The sequence is a list (else a tuple).
    list: bool,
    /// [`crate::ir::Builder::mutations`] when it was recorded.
    mutations: usize,
    /// The elements, element 0 first.
    vals: Vec<PyVal>,
}

/// Most unpackings remembered per recording (the oldest is forgotten past it).
const MAX_UNPACKED: usize = 16;

impl Recorder {
    /// `UNPACK_SEQUENCE n` (`n` = `arg`) with the sequence on top of the stack.
    pub(crate) fn unpack_sequence(&mut self, pc: u32, n: u32, obs: &dyn Observe) -> Result<(), Abort> {
        let PyVal::Obj(p) = self.peek(0, pc)? else {
            let d = format!("unpacking a {}", self.peek(0, pc)?.tag().name());
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
        };
        let now = self.b.mutations();
        let seen = self
            .unpacked
            .iter()
            .find(|u| u.seq == p && u.n == n && (!u.list || u.mutations == now))
            .map(|u| u.vals.clone());
        if let Some(vals) = seen {
            self.pop(pc)?;
            for v in vals.into_iter().rev() {
                self.push(v);
            }
            return Ok(());
        }
        let mut items = Vec::with_capacity(n as usize);
        let mut list = None;
        for k in 0..n {
            let Some(seq) = obs.stack_seq(0, i64::from(k)) else {
                let d = "unpacking something other than an exact list or tuple";
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            };
            if seq.len != u64::from(n) {
                let d = format!("unpacking {} values into {n}", seq.len);
                return Err(self.abort(AbortReason::UnsupportedOperand, pc, d));
            }
            let Some(item) = seq.item else {
                return Err(self.abort(AbortReason::Desync, pc, "no element observed"));
            };
            list = Some(seq.list);
            items.push(item);
        }
        let Some(list) = list else {
            return Err(self.abort(AbortReason::UnsupportedOperand, pc, "UNPACK_SEQUENCE 0"));
        };
        let s = self.snap(pc);
        let name = if list { "list_len" } else { "tuple_len" };
        let len = self.b.call(name, self.list_read_effect(), &[p], Type::I64);
        let want = self.b.const_i64(i64::from(n));
        let same = self.b.binary(Op::IntEq, len, want);
        self.guard(true, same, s);
        let items_helper = if list { "list_items" } else { "tuple_items" };
        let base = self.b.call(items_helper, self.list_read_effect(), &[p], Type::Ptr);
        let mut vals = Vec::with_capacity(items.len());
        for (k, item) in items.into_iter().enumerate() {
            let i = self.b.const_i64(k as i64);
            vals.push(self.load_item(base, i, item, s, pc)?);
        }
        if self.unpacked.len() >= MAX_UNPACKED {
            self.unpacked.remove(0);
        }
        self.unpacked.push(Unpacked {
            seq: p,
            n,
            list,
            mutations: self.b.mutations(),
            vals: vals.clone(),
        });
        self.pop(pc)?;
        for v in vals.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }
}
