//! The specialization statistics (`--interp-stats`, `TAIPAN_INTERP_STATS=1`): the table
//! of instruction families, per-family and per-form counts of specializations, hits,
//! misses and deoptimizations, and the report printed at exit. A submodule of
//! `specialize.rs` (which counts into [`SpecState`]).

use std::sync::atomic::{AtomicBool, Ordering};

use taipan_bytecode::Opcode;

use super::super::quick::FormStats;
use super::{DEFAULT_HOT_THRESHOLD, DEFAULT_WARMUP};

static STATS_FLAG: AtomicBool = AtomicBool::new(false);

/// Turns on the statistics printed at exit (the CLI's `--interp-stats`).
pub fn enable_stats() {
    STATS_FLAG.store(true, Ordering::Relaxed);
}

/// Declares the instruction families once: `(Variant, "NAME", "doc")`. The enum, the name
/// table and the size of the statistics array are derived from it.
macro_rules! families {
    ($(($variant:ident, $name:literal, $doc:literal)),* $(,)?) => {
        /// A specializable instruction family (one row of the `families!` table).
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        pub enum Family {
            $(#[doc = $doc] $variant,)*
        }

        /// Display names, indexed by `Family as usize`.
        const FAMILY_NAMES: &[&str] = &[$($name,)*];

        /// Number of families.
        pub const FAMILY_COUNT: usize = FAMILY_NAMES.len();
    };
}

families! {
    (LoadGlobal, "LOAD_GLOBAL", "`LOAD_GLOBAL`: module or builtin entry keyed on dict positions and versions."),
    (LoadAttr, "LOAD_ATTR", "`LOAD_ATTR`: instance dict/slot, method, class or module attribute per type."),
    (StoreAttr, "STORE_ATTR", "`STORE_ATTR`: instance dict or slot per type."),
    (LoadMethod, "LOAD_METHOD", "`LOAD_METHOD`: function on the class, class or module attribute."),
    (CallClass, "CALL_CLASS", "`CALL` of a class with a Python `__init__` (instance built inline)."),
    (BinaryOp, "BINARY_OP", "`BINARY_OP` on int/int, float/float or mixed operands, in place (hit) or generic."),
    (CompareOp, "COMPARE_OP", "`COMPARE_OP` on two ints or two floats, fused with a following jump (hit) or generic."),
    (ForIter, "FOR_ITER", "`FOR_ITER` over a range, list or tuple iterator stepped in place (hit) or generic."),
    (CallPy, "CALL_FAST", "`CALL` of a Python function with exactly its positional parameters or of a plain built-in function (hit), or generic (miss; class calls count under CALL_CLASS)."),
    (CallNative, "CALL_NATIVE", "`CALL`/`CALL_METHOD` of a built-in done by a fast path of `interp_calls.rs` in the dispatch loop (hit: a bound built-in method, zero-argument `super()`, ...). No misses: the other calls count under CALL_FAST."),
    (BinarySubscr, "BINARY_SUBSCR", "`BINARY_SUBSCR` of an exact list or tuple by int or of an exact dict (hit) or generic."),
    (StoreSubscr, "STORE_SUBSCR", "`STORE_SUBSCR` into an exact list by int or into an exact dict (hit) or generic."),
    (UnpackSequence, "UNPACK_SEQUENCE", "`UNPACK_SEQUENCE` of an exact tuple or list of the right length (hit) or generic."),
}

/// Share of executions that took a fast path, in percent (0 when never executed).
fn hit_rate(hits: u64, misses: u64) -> f64 {
    let total = hits + misses;
    if total > 0 {
        100.0 * hits as f64 / total as f64
    } else {
        0.0
    }
}

/// Counters of one family.
#[derive(Copy, Clone, Debug, Default)]
pub struct FamilyStats {
    /// Successful specializations.
    pub specialized: u64,
    /// Attempts that found no specialized form.
    pub failed: u64,
    /// Executions that took a fast path.
    pub hits: u64,
    /// Executions of a specialized entry whose guard failed.
    pub misses: u64,
    /// Entries dropped after too many misses.
    pub deopts: u64,
}

/// Interpreter-wide specialization settings and statistics.
pub struct SpecState {
    /// Warm-up count (see the module docs).
    pub warmup: u16,
    /// Whether statistics are printed at exit.
    pub print_stats: bool,
    /// Per-family counters, indexed by `Family as usize`.
    pub stats: [FamilyStats; FAMILY_COUNT],
    /// Hotness threshold of a code object (function entries plus loop back-edges).
    pub hot_threshold: u32,
    /// Code objects that crossed the threshold (each is reported to the tier-up hook once).
    pub hot_codes: u64,
    /// Per-form counters, indexed by `Opcode as usize` (specialized forms only are used).
    pub forms: Vec<FormStats>,
}

impl SpecState {
    /// Settings from the environment (`TAIPAN_SPECIALIZE_WARMUP`, `TAIPAN_INTERP_STATS`)
    /// and the CLI flag.
    pub fn from_env() -> SpecState {
        let warmup = std::env::var("TAIPAN_SPECIALIZE_WARMUP")
            .ok()
            .and_then(|s| s.trim().parse::<u16>().ok())
            .unwrap_or(DEFAULT_WARMUP);
        let env_stats = std::env::var("TAIPAN_INTERP_STATS").is_ok_and(|s| !s.is_empty() && s != "0");
        let hot_threshold = std::env::var("TAIPAN_HOT_THRESHOLD")
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .unwrap_or(DEFAULT_HOT_THRESHOLD);
        SpecState {
            warmup,
            print_stats: env_stats || STATS_FLAG.load(Ordering::Relaxed),
            stats: Default::default(),
            hot_threshold,
            hot_codes: 0,
            forms: vec![FormStats::default(); Opcode::COUNT],
        }
    }

    /// The counters of `f`.
    #[inline]
    pub fn of(&mut self, f: Family) -> &mut FamilyStats {
        &mut self.stats[f as usize]
    }

    /// The counters of specialized form `op`.
    #[inline]
    pub fn form(&mut self, op: Opcode) -> &mut FormStats {
        let i = op as usize;
        if self.forms.len() <= i {
            self.forms.resize(Opcode::COUNT.max(i + 1), FormStats::default());
        }
        &mut self.forms[i]
    }

    /// The statistics report: one line per family (hits = a specialized form's guard held
    /// or, for the arithmetic families, an inline fast path of the generic form ran; misses
    /// = the generic path ran), then one line per specialized form that was used.
    pub fn report(&self) -> String {
        let mut s = String::from("taipan interpreter specialization statistics (per family):\n");
        for (name, st) in FAMILY_NAMES.iter().zip(self.stats.iter()) {
            let rate = hit_rate(st.hits, st.misses);
            s.push_str(&format!(
                "  {name:<15} specialized={} failed={} hits={} misses={} deopts={} hit_rate={rate:.1}%\n",
                st.specialized, st.failed, st.hits, st.misses, st.deopts
            ));
        }
        s.push_str("per specialized form:\n");
        for (op, st) in Opcode::ALL.iter().zip(self.forms.iter()) {
            if st.specialized + st.hits + st.misses + st.deopts == 0 {
                continue;
            }
            let rate = hit_rate(st.hits, st.misses);
            s.push_str(&format!(
                "  {:<26} specialized={} hits={} misses={} deopts={} hit_rate={rate:.1}%\n",
                op.name(),
                st.specialized,
                st.hits,
                st.misses,
                st.deopts
            ));
        }
        s.push_str(&format!(
            "  hot code objects (threshold {}): {}\n",
            self.hot_threshold, self.hot_codes
        ));
        s
    }
}
