//! The trace optimizer: one pass per file, listed in order by [`pipeline`].
//!
//! Every pass is a function `fn(&Func) -> Func` that takes verified IR (on anything else it
//! does not panic, but its output is unspecified and the verifier will say so) and builds a
//! new function (through [`rewrite::rewrite`] for the forward passes), so passes compose and
//! each can be tested alone from text IR (`tests/ir/opt/*.ir`). [`run_passes`] runs a list
//! of them by name and verifies the IR after each one when asked (always in the filetests;
//! in debug builds in [`pipeline`]), naming the pass that broke an invariant;
//! [`run_passes_observed`] also reports each pass's time and size ([`PassStat`]) and output,
//! for statistics and per-pass dumps.
//!
//! The order in [`PIPELINE`]: forwarding and type propagation first (they turn loads and
//! tag checks into constants and known values), folding and CSE to clean up, then peeling
//! (so the loop copy meets a simplified preamble), the same passes again to remove the loop
//! copy's invariant work, and DCE last.
//!
//! Passes (see each file): [`peel`] (loop peeling by copy-substitution, so invariant work
//! runs once before the loop), [`forward`] (slot load/store forwarding), [`guards`] (type
//! propagation and guard elimination), [`fold`] (constant folding and algebraic
//! simplification), [`cse`] (common-subexpression elimination, including redundant guards),
//! [`bce`] (bounds-check elimination for counted loops: a list index checked against
//! the loop's own bound once before the loop), [`sink`] (allocation sinking of instances
//! only their own stores and release use), [`share`] (snapshot sharing: an exit with
//! nothing written since the previous exit resumes at that exit's snapshot, so a trace has
//! fewer exit blocks; just before DCE, which drops the snapshots and values no exit uses
//! any more), [`dce`] (dead-code elimination, unused
//! snapshots included). [`memory`] is the loop-write
//! analysis `forward` and `guards` share; [`rewrite`] the copy-substitution driver.
//!
//! Not yet: unboxing of boxed objects, allocation sinking of objects an exit must
//! materialize, dead-store elimination,
//! snapshot compression (dropping entries that restore what memory already holds).

pub mod bce;
pub mod cse;
pub mod dce;
pub mod fold;
pub mod forward;
#[cfg(test)]
mod fuzz_tests;
pub mod guards;
pub mod memory;
pub mod peel;
pub mod rewrite;
pub mod share;
pub mod sink;

use std::fmt;
use std::time::Instant;

use crate::ir::Func;
use crate::ir::verify::{VerifyError, verify};
pub use memory::{LoopWrites, loop_writes};

/// A pass: reads a function, returns the optimized copy.
pub type Pass = fn(&Func) -> Func;

/// Every pass by name, for [`run_passes`] and the filetests' `; passes:` directive.
pub const PASSES: &[(&str, Pass)] = &[
    ("peel", peel::peel),
    ("forward", forward::forward),
    ("guards", guards::guards),
    ("fold", fold::fold),
    ("cse", cse::cse),
    ("bce", bce::bce),
    ("sink", sink::sink),
    ("share", share::share),
    ("dce", dce::dce),
];

/// The pipeline, in order (run by [`pipeline`]; the name `pipeline` in a filetest).
pub const PIPELINE: &[&str] = &[
    "forward", "guards", "fold", "cse", "peel", "forward", "guards", "fold", "cse", "bce", "sink", "share", "dce",
];

/// [`PIPELINE`] without the passes that move exits on purpose (`share`: its exits resume
/// at earlier snapshots, where the interpreter re-executes what the reference evaluator
/// cannot): the list the differential tests compare with the input exactly.
pub fn exact_pipeline() -> Vec<&'static str> {
    PIPELINE.iter().copied().filter(|&p| p != "share").collect()
}

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

/// What one pass did (for `--jit-stats`, per-pass timers and per-pass IR dumps).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PassStat {
    /// The pass.
    pub name: &'static str,
    /// Wall time of the pass itself (not the verifier), in nanoseconds.
    pub nanos: u64,
    /// Instructions before the pass.
    pub insns_before: usize,
    /// Instructions after the pass.
    pub insns_after: usize,
}

/// Looks up a pass by name.
pub fn pass_by_name(name: &str) -> Option<(&'static str, Pass)> {
    PASSES.iter().find(|(n, _)| *n == name).copied()
}

/// Runs the named passes in order (`pipeline` expands to [`PIPELINE`]), verifying after each
/// one if `check`.
pub fn run_passes(f: &Func, names: &[&str], check: bool) -> Result<Func, PassError> {
    run_passes_observed(f, names, check, &mut |_, _| {})
}

/// [`run_passes`], calling `observe` after each pass with its [`PassStat`] and its output.
pub fn run_passes_observed(
    f: &Func,
    names: &[&str],
    check: bool,
    observe: &mut dyn FnMut(&PassStat, &Func),
) -> Result<Func, PassError> {
    // (the input is not copied: the first pass reads it, later ones their predecessor's
    // output)
    let mut cur: Option<Func> = None;
    for &name in names {
        let input = cur.as_ref().unwrap_or(f);
        if name == "pipeline" {
            cur = Some(run_passes_observed(input, PIPELINE, check, observe)?);
            continue;
        }
        let (name, pass) = pass_by_name(name).ok_or_else(|| PassError::Unknown(name.to_string()))?;
        let start = Instant::now();
        let next = pass(input);
        let stat = PassStat {
            name,
            nanos: u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX),
            insns_before: input.insns.len(),
            insns_after: next.insns.len(),
        };
        if check {
            verify(&next).map_err(|err| PassError::Invalid {
                pass: name.to_string(),
                err,
            })?;
        }
        observe(&stat, &next);
        cur = Some(next);
    }
    Ok(cur.unwrap_or_else(|| f.clone()))
}

/// Optimizes a recorded trace: the passes of [`PIPELINE`], verified after each in debug
/// builds.
pub fn pipeline(f: &Func) -> Result<Func, PassError> {
    run_passes(f, PIPELINE, cfg!(debug_assertions))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::parse::parse_func;

    #[test]
    fn observed_pipeline_reports_every_pass() {
        let f = parse_func(
            "func @f(%0: i64) -> i64 {\n    %1 = const_i64 2\n    %2 = const_i64 3\n    \
             %3 = int_mul %1, %2\n    %4 = int_add %0, %3\n    ret %4\n}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut seen = Vec::new();
        let g =
            run_passes_observed(&f, &["pipeline"], true, &mut |s, _| seen.push(*s)).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<&str> = seen.iter().map(|s| s.name).collect();
        assert_eq!(names, PIPELINE);
        assert_eq!(seen.first().map(|s| s.insns_before), Some(f.insns.len()));
        assert_eq!(seen.last().map(|s| s.insns_after), Some(g.insns.len()));
        assert_eq!(g.insns.len(), 4);
        assert!(matches!(
            run_passes(&f, &["nope"], true),
            Err(PassError::Unknown(n)) if n == "nope"
        ));
    }
}
