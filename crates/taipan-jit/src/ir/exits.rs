//! Why a trace left through an exit: one table of named exit reasons, derived from the op
//! of the instruction that exits (issue 5: `--jit-stats` reports "side exits (by reason)").
//!
//! Each row of `define_exit_reasons!` gives the variant and its documentation;
//! [`ExitReason`], [`ExitReason::name`], [`ExitReason::doc`] and [`ExitReason::ALL`] are
//! generated from it, and [`ExitReason::of`] maps every op that can exit (the `can_exit`
//! column of the op table, `ops.rs`) to one row. [`exit_reason_counts`] turns a trace's
//! per-exit counters (the backend's exit data) into per-reason totals without any cost
//! while the trace runs. Deopt-stress exits (a test mode) are counted under the reason of
//! the instruction that was forced to exit.

use super::{Func, Op};

macro_rules! define_exit_reasons {
    ($( $(#[doc = $doc:literal])+ $name:ident = $text:literal; )*) => {
        /// A named reason for a trace exit (see each variant).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum ExitReason {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl ExitReason {
            /// Every reason, in table order (the index of a reason in per-reason arrays).
            pub const ALL: &'static [ExitReason] = &[ $( ExitReason::$name, )* ];

            /// The reason's name as `--jit-stats` prints it.
            pub fn name(self) -> &'static str {
                match self { $( ExitReason::$name => $text, )* }
            }

            /// The documentation line from the table.
            pub fn doc(self) -> &'static str {
                match self { $( ExitReason::$name => concat!($($doc),+).trim_ascii(), )* }
            }
        }
    };
}

define_exit_reasons! {
    /// `guard_tag`: a value (a local, an element, a helper's result) did not have the
    /// recorded type.
    Type = "type";
    /// `guard_true`/`guard_false`: a condition went the other way — a branch, a loop's
    /// range or sequence exhausted, an index out of bounds, a length or helper check.
    Condition = "condition";
    /// `int_add_ov`/`int_sub_ov`/`int_mul_ov`: the `i64` result overflowed (the interpreter
    /// redoes the operation and makes the big int).
    Overflow = "overflow";
    /// `int_floordiv`/`int_mod`: a zero divisor (or `i64::MIN // -1`); the interpreter raises
    /// or makes the big int.
    Division = "division";
    /// `exit`: the end of a trace that neither loops nor links.
    End = "end";
    /// `float_sin`, `float_exp`, ... (`ir/mathfn.rs`): a `math` function's domain or range
    /// error (the interpreter redoes the call and raises).
    Math = "math";
}

impl ExitReason {
    /// The reason of an exit through an instruction with op `op` (`None` if `op` cannot
    /// exit).
    pub fn of(op: Op) -> Option<ExitReason> {
        Some(match op {
            Op::GuardTag => ExitReason::Type,
            Op::GuardTrue | Op::GuardFalse => ExitReason::Condition,
            Op::IntAddOv | Op::IntSubOv | Op::IntMulOv => ExitReason::Overflow,
            Op::IntFloorDiv | Op::IntMod => ExitReason::Division,
            Op::Exit => ExitReason::End,
            op if super::mathfn::MathFn::of_op(op).is_some_and(|m| m.can_raise()) => ExitReason::Math,
            _ => return None,
        })
    }
}

/// Per-reason totals (indexed like [`ExitReason::ALL`]) of `counts`, the per-exit counters
/// of `func` (exit `n` is the `n`-th instruction that can exit, [`Func::exits`]). Counters
/// without a matching exit are ignored.
pub fn exit_reason_counts(func: &Func, counts: &[u64]) -> Vec<u64> {
    let mut by = vec![0u64; ExitReason::ALL.len()];
    for (insn, &n) in func.exits().iter().zip(counts) {
        let reason = func.insn(*insn).and_then(|i| ExitReason::of(i.op));
        if let Some(k) = reason.and_then(|r| ExitReason::ALL.iter().position(|&x| x == r))
            && let Some(slot) = by.get_mut(k)
        {
            *slot = slot.saturating_add(n);
        }
    }
    by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::ops::Op;

    #[test]
    fn every_exiting_op_has_a_reason_and_no_other_op_has_one() {
        for &op in Op::ALL {
            assert_eq!(ExitReason::of(op).is_some(), op.info().can_exit, "{}", op.info().name);
        }
    }

    #[test]
    fn counts_are_summed_per_reason() {
        let f = crate::ir::parse::parse_func(
            "func @t(%0: i64) -> i64 {
    %1 = const_i64 0
    %2 = int_lt %0, %1
    s0 = snap pc=1 []
    guard_false %2, s0
    %4 = int_add_ov %0, %0, s0
    guard_true %2, s0
    ret %4
}
",
        )
        .expect("parse");
        let by = exit_reason_counts(&f, &[3, 4, 5]);
        assert_eq!(by, vec![0, 8, 4, 0, 0, 0]);
        assert!(ExitReason::ALL.iter().all(|r| !r.doc().is_empty()));
    }
}
