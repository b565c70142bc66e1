//! Why a recording was given up: one table of named abort reasons, with counters derived
//! from it (issue 5: "every abort has a name and a counter").
//!
//! Each row of `define_aborts!` gives the variant and its documentation; [`AbortReason`],
//! [`AbortReason::name`], [`AbortReason::doc`], [`AbortReason::ALL`] and the index used by
//! [`AbortCounts`] are generated from it, so a new reason is one new row.

use std::fmt;

macro_rules! define_aborts {
    ($( $(#[doc = $doc:literal])+ $name:ident; )*) => {
        /// A named reason to abort a recording (see each variant).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum AbortReason {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl AbortReason {
            /// Every reason, in table order ([`AbortReason::index`] is the position here).
            pub const ALL: &'static [AbortReason] = &[ $( AbortReason::$name, )* ];

            /// The reason's name (the variant's name).
            pub fn name(self) -> &'static str {
                match self { $( AbortReason::$name => stringify!($name), )* }
            }

            /// The documentation line from the table.
            pub fn doc(self) -> &'static str {
                match self { $( AbortReason::$name => concat!($($doc),+).trim_ascii(), )* }
            }
        }
    };
}

define_aborts! {
    /// An opcode the recorder does not translate.
    UnsupportedOpcode;
    /// A constant of a type the trace cannot hold (str, tuple, big int, ...).
    UnsupportedConstant;
    /// An operand type the recorder does not handle for this instruction (objects, big
    /// ints, bool arithmetic, None comparisons).
    UnsupportedOperand;
    /// An operator without a translation for these operand types (`**`, `@`, float `//`).
    UnsupportedOperator;
    /// `LOAD_FAST` of an unbound local (the interpreter raises `UnboundLocalError`).
    UnboundLocal;
    /// The instruction raises while being recorded (division by zero, negative shift).
    RaisesNow;
    /// An int result that does not fit in 64 bits (the interpreter makes a big int).
    BigIntResult;
    /// A local's type at the back edge differs from its type at the loop entry, or a local
    /// assigned in the loop held no int, float, bool or None at the entry.
    TypeUnstableLoop;
    /// The recorded path leaves the loop (a return, or too far past the loop).
    LeftLoop;
    /// The loop's `FOR_ITER` is observed exhausted: the loop ends now, before one iteration
    /// could be recorded. Not the loop's fault: the interpreter may record again at the
    /// loop's next start instead of counting this against it (a loop of `k` iterations
    /// whose back-edge counter reaches the threshold on its `k`-th back edge lands here).
    LoopExhausted;
    /// A backward jump to a place other than the trace start (an inner loop).
    InnerLoop;
    /// The trace exceeds the bytecode limit ([`crate::record::MAX_RECORDED`]).
    TooLong;
    /// The recording would pop, copy or swap an operand stack entry that was on the stack
    /// at the trace start (a `for` loop's iterator: a `break` path, an iterator made
    /// outside the trace), or iterate with `FOR_ITER` anything but the top entry-stack
    /// iterator (see `docs/jit.md`, "Entry stack").
    StackAtStart;
    /// A global or module attribute the interpreter cannot pin as a constant of the trace
    /// (absent: `NameError`/`AttributeError` now, or not found by a plain dict lookup), or
    /// an attribute load on anything but a module.
    UnsupportedGlobal;
    /// An attribute load, method load or attribute store on an object that the inline
    /// caches' probing does not place (a property or other descriptor, `__getattr__` /
    /// `__getattribute__` / `__setattr__` classes, an absent attribute, an unshaped instance
    /// dict), an object value stored or overwritten, a new attribute (`record/attr.rs`).
    UnsupportedAttr;
    /// A call of anything but a builtin with a translation (`math.sqrt`, `abs`, `min`,
    /// `max` on numbers) or an inlinable Python function, or with unsupported arguments.
    UnsupportedCall;
    /// A function trace would hold an object word across an opaque call that the callee
    /// could free (only the locals' values at the entry are kept alive by the caller).
    ObjectAcrossCall;
    /// An owned value (an opaque call's object result, `record/pycall.rs`) would be live at
    /// the back edge or a link (it would need an owned phi or an owned link slot: not built
    /// yet), or would be released while a word it may keep alive is still held.
    OwnedValue;
    /// The observations disagree with what the recorder tracked (an interpreter wiring bug).
    Desync;
    /// The recorded IR failed verification (a recorder bug).
    Invalid;
    /// The recording reached the header of a compiled trace it would link into, but a
    /// local it hands over has another type than that trace's entry guard wants, or holds
    /// a known object (a global function or module: no word to store).
    LinkType;
}

impl AbortReason {
    /// The position of this reason in [`AbortReason::ALL`].
    pub fn index(self) -> usize {
        AbortReason::ALL.iter().position(|&r| r == self).unwrap_or(0)
    }
}

impl fmt::Display for AbortReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An abort: its reason, the bytecode index it happened at and a human-readable detail.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Abort {
    /// The named reason (what the counters count).
    pub reason: AbortReason,
    /// The bytecode index of the instruction being recorded.
    pub pc: u32,
    /// Details for logs and dumps (the opcode, the local, the types).
    pub detail: String,
}

impl fmt::Display for Abort {
    /// `abort UnsupportedOpcode at pc 12: BUILD_LIST`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "abort {} at pc {}: {}", self.reason, self.pc, self.detail)
    }
}

/// One counter per [`AbortReason`] (for `--jit-stats`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AbortCounts {
    counts: Vec<u64>,
}

impl Default for AbortCounts {
    fn default() -> Self {
        AbortCounts {
            counts: vec![0; AbortReason::ALL.len()],
        }
    }
}

impl AbortCounts {
    /// Counts one abort for `reason` (saturating).
    pub fn bump(&mut self, reason: AbortReason) {
        if let Some(c) = self.counts.get_mut(reason.index()) {
            *c = c.saturating_add(1);
        }
    }

    /// How many aborts `reason` has counted.
    pub fn get(&self, reason: AbortReason) -> u64 {
        self.counts.get(reason.index()).copied().unwrap_or(0)
    }

    /// Every reason with its count, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (AbortReason, u64)> + '_ {
        AbortReason::ALL.iter().map(|&r| (r, self.get(r)))
    }

    /// The total over all reasons.
    pub fn total(&self) -> u64 {
        self.counts.iter().fold(0u64, |a, &c| a.saturating_add(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent_and_counts() {
        for (i, r) in AbortReason::ALL.iter().enumerate() {
            assert_eq!(r.index(), i);
            assert!(!r.doc().is_empty());
        }
        let mut c = AbortCounts::default();
        c.bump(AbortReason::TooLong);
        c.bump(AbortReason::TooLong);
        c.bump(AbortReason::Desync);
        assert_eq!(c.get(AbortReason::TooLong), 2);
        assert_eq!(c.total(), 3);
        assert_eq!(c.iter().count(), AbortReason::ALL.len());
    }
}
