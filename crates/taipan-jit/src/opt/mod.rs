//! The trace optimizer: one pass per file, listed in order by [`pipeline`].
//!
//! Every pass is a function `fn(&Func) -> Func` that builds a new function (through
//! [`rewrite::rewrite`] for the forward passes), so passes compose and each can be tested
//! alone from text IR (`tests/ir/opt/*.ir`). [`run_passes`] runs a list of them by name and
//! verifies the IR after each one when asked (always in the filetests; in debug builds in
//! [`pipeline`]), naming the pass that broke an invariant.
//!
//! Passes (see each file): [`peel`] (loop peeling by copy-substitution, so invariant work
//! runs once before the loop), [`forward`] (slot load/store forwarding), [`guards`] (type
//! propagation and guard elimination), [`fold`] (constant folding and algebraic
//! simplification), [`cse`] (common-subexpression elimination, including redundant guards),
//! [`dce`] (dead-code elimination, unused snapshots included).
//!
//! Not yet: unboxing of boxed objects, allocation sinking, dead-store elimination.

pub mod cse;
pub mod dce;
pub mod fold;
pub mod forward;
pub mod guards;
pub mod peel;
pub mod rewrite;

use std::fmt;

use crate::ir::verify::{VerifyError, verify};
use crate::ir::{CallEffect, Func, Imm, InsnId, Op};

/// A pass: reads a function, returns the optimized copy.
pub type Pass = fn(&Func) -> Func;

/// Every pass by name, for [`run_passes`] and the filetests' `; passes:` directive.
pub const PASSES: &[(&str, Pass)] = &[
    ("peel", peel::peel),
    ("forward", forward::forward),
    ("guards", guards::guards),
    ("fold", fold::fold),
    ("cse", cse::cse),
    ("dce", dce::dce),
];

/// The pipeline, in order (run by [`pipeline`]; the name `pipeline` in a filetest).
pub const PIPELINE: &[&str] = &[
    "forward", "guards", "fold", "cse", "peel", "forward", "guards", "fold", "cse", "fold", "cse", "dce",
];

/// Why a pass list could not run.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PassError {
    /// No pass has this name.
    Unknown(String),
    /// The pass produced IR the verifier rejects (a bug in the pass).
    Invalid {
        /// The pass.
        pass: String,
        /// What the verifier found.
        err: VerifyError,
    },
}

impl fmt::Display for PassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PassError::Unknown(p) => write!(f, "unknown pass '{p}'"),
            PassError::Invalid { pass, err } => write!(f, "after pass {pass}: {err}"),
        }
    }
}

impl std::error::Error for PassError {}

/// Looks up a pass by name.
pub fn pass_by_name(name: &str) -> Option<Pass> {
    PASSES.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

/// Runs the named passes in order (`pipeline` expands to [`PIPELINE`]), verifying after each
/// one if `check`.
pub fn run_passes(f: &Func, names: &[&str], check: bool) -> Result<Func, PassError> {
    let mut cur = f.clone();
    for &name in names {
        if name == "pipeline" {
            cur = run_passes(&cur, PIPELINE, check)?;
            continue;
        }
        let pass = pass_by_name(name).ok_or_else(|| PassError::Unknown(name.to_string()))?;
        cur = pass(&cur);
        if check {
            verify(&cur).map_err(|err| PassError::Invalid {
                pass: name.to_string(),
                err,
            })?;
        }
    }
    Ok(cur)
}

/// Optimizes a recorded trace: the passes of [`PIPELINE`], verified after each in debug
/// builds.
pub fn pipeline(f: &Func) -> Result<Func, PassError> {
    run_passes(f, PIPELINE, cfg!(debug_assertions))
}

/// What the body of a trace's loop (from the `loop` marker to the end) may write: memory
/// facts known before the loop survive the marker only for slots the body cannot change.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum LoopWrites {
    /// No store and no writing call.
    Nothing,
    /// Stores only, all through one base value (an id of the function analyzed), to these
    /// slots; no writing call.
    Slots {
        /// The one base the body stores through.
        base: InsnId,
        /// The slots it stores to.
        slots: Vec<u32>,
    },
    /// Stores through several bases, or a call declared `writes`.
    Anything,
}

impl LoopWrites {
    /// The same with the base renamed (from the analyzed function's ids to a rewrite's).
    pub fn renamed(&self, map: impl Fn(InsnId) -> InsnId) -> LoopWrites {
        match self {
            LoopWrites::Slots { base, slots } => LoopWrites::Slots {
                base: map(*base),
                slots: slots.clone(),
            },
            w => w.clone(),
        }
    }

    /// Whether slot `slot` of base `base` (an id of the analyzed function) keeps its
    /// content across the loop body.
    pub fn preserves(&self, base: InsnId, slot: u32) -> bool {
        match self {
            LoopWrites::Nothing => true,
            LoopWrites::Slots { base: b, slots } => *b == base && !slots.contains(&slot),
            LoopWrites::Anything => false,
        }
    }
}

/// Scans the loop body of `f` (nothing if `f` has no loop).
pub fn loop_writes(f: &Func) -> LoopWrites {
    let Some(lp) = f.loop_pos() else {
        return LoopWrites::Nothing;
    };
    let mut out = LoopWrites::Nothing;
    for insn in f.insns.iter().skip(lp) {
        let writes_all = insn.op == Op::Call && matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes);
        if writes_all {
            return LoopWrites::Anything;
        }
        if let (Some(_), Imm::Slot(slot), Some(&b)) = (insn.op.slot_tag(), &insn.imm, insn.args.first())
            && insn.op.info().effect == crate::ir::Effect::Writes
        {
            out = match out {
                LoopWrites::Nothing => LoopWrites::Slots {
                    base: b,
                    slots: vec![*slot],
                },
                LoopWrites::Slots { base, mut slots } if base == b => {
                    slots.push(*slot);
                    LoopWrites::Slots { base, slots }
                }
                _ => return LoopWrites::Anything,
            };
        }
    }
    out
}
