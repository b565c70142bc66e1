//! The result of a harness run as data: what was run, on what, and what came out.
//!
//! This is what `bench/results/latest.json` contains (serialized with serde_json) and what the
//! terminal table, the Markdown page and the SVG chart are drawn from. Times are in seconds,
//! memory in KiB; a speedup is the baseline's median divided by the implementation's median,
//! so above 1 means faster than CPython. The geometric means only count programs whose output
//! matched CPython's: a fast wrong answer never counts.

use crate::machine::MachineInfo;
use crate::stats;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Version of the JSON layout; bump it when fields change meaning.
pub const SCHEMA: u32 = 1;

/// How an implementation did on one program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Ran successfully and printed what CPython printed.
    Ok,
    /// Ran successfully but printed something else.
    Mismatch,
    /// Crashed, exited non-zero, timed out or gave no timing.
    Failed,
    /// Ran, but there was no reference output to compare with (the baseline failed).
    Unchecked,
}

/// One implementation as it was used (or skipped).
#[derive(Debug, Clone, Serialize)]
pub struct ImplReport {
    /// Configured name.
    pub name: String,
    /// Display label.
    pub label: String,
    /// Command prefix used.
    pub command: Vec<String>,
    /// Extra environment.
    pub env: BTreeMap<String, String>,
    /// Version reported by the Python probe.
    pub version: Option<String>,
    /// Why it was skipped, when it was.
    pub skipped: Option<String>,
}

/// One implementation on one program.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Implementation name.
    pub implementation: String,
    /// Outcome.
    pub status: Status,
    /// Measured times of the timed runs, seconds (the figure the table uses).
    pub times_s: Vec<f64>,
    /// Wall times of the same runs in seconds, all repeats together (for wall-timed programs
    /// `times_s` is this divided by the repeat count).
    pub wall_s: Vec<f64>,
    /// Median of `times_s`.
    pub median_s: Option<f64>,
    /// Minimum of `times_s`.
    pub min_s: Option<f64>,
    /// Maximum of `times_s`.
    pub max_s: Option<f64>,
    /// `(max - min) / median`.
    pub spread: Option<f64>,
    /// Largest peak RSS over all runs, KiB.
    pub peak_rss_kib: Option<u64>,
    /// Baseline median / this median, only when both outputs are right.
    pub speedup: Option<f64>,
    /// Failure or mismatch detail.
    pub detail: Option<String>,
    /// Numbers parsed from the `--jit-stats` run's stderr.
    pub jit_stats: BTreeMap<String, f64>,
}

impl Cell {
    /// Fills median, range and spread from `times_s`.
    pub fn summarize(&mut self) {
        if let Some(s) = stats::summarize(&self.times_s) {
            self.median_s = Some(s.median);
            self.min_s = Some(s.min);
            self.max_s = Some(s.max);
            self.spread = Some(s.spread);
        }
    }
}

/// All implementations on one program.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramReport {
    /// Set name.
    pub set: String,
    /// Program name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Arguments after the implementation's command.
    pub args: Vec<String>,
    /// "wall" or "pyperf".
    pub timing: String,
    /// Invocations per measured run.
    pub repeat: u32,
    /// One cell per implementation that ran, in table order.
    pub cells: Vec<Cell>,
}

/// Geometric mean of the speedups of one implementation over one set (or "all").
#[derive(Debug, Clone, Serialize)]
pub struct Geomean {
    /// Set name, or "all".
    pub set: String,
    /// Implementation name.
    pub implementation: String,
    /// The geometric mean, when at least one program counted.
    pub speedup: Option<f64>,
    /// Programs that counted.
    pub counted: usize,
    /// Programs left out (wrong output, failure).
    pub excluded: usize,
}

/// How noisy the machine was during the run.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Noise {
    /// Load averages (1, 5, 15 min) at the start.
    pub load_before: Option<[f64; 3]>,
    /// Load averages at the end.
    pub load_after: Option<[f64; 3]>,
    /// Highest 1-minute load average seen before any program.
    pub load_max_1min: Option<f64>,
    /// Median spread over all cells with at least two runs.
    pub median_spread: Option<f64>,
    /// Largest spread.
    pub max_spread: Option<f64>,
}

/// A complete harness run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Layout version.
    pub schema: u32,
    /// When it ran (UTC).
    pub date: String,
    /// Git commit of the checkout.
    pub commit: String,
    /// The machine.
    pub machine: MachineInfo,
    /// "full" or "quick".
    pub mode: String,
    /// Timed runs per program and implementation.
    pub runs: u32,
    /// Whether one untimed warm-up round preceded them.
    pub warmup: bool,
    /// The command line that produced the report.
    pub command: String,
    /// Sets that ran.
    pub sets: Vec<String>,
    /// Baseline implementation name.
    pub baseline: String,
    /// All configured implementations, including skipped ones.
    pub implementations: Vec<ImplReport>,
    /// Results per program.
    pub programs: Vec<ProgramReport>,
    /// Geometric means per set and over all programs.
    pub geomeans: Vec<Geomean>,
    /// Noise figures.
    pub noise: Noise,
    /// Notes (skipped sets, missing baseline, ...).
    pub notes: Vec<String>,
    /// Total duration of the harness run, seconds.
    pub duration_s: f64,
}

impl Report {
    /// Implementations that ran, in table order.
    pub fn active_impls(&self) -> Vec<&ImplReport> {
        self.implementations.iter().filter(|i| i.skipped.is_none()).collect()
    }

    /// Computes speedups, geometric means and noise figures from the cells.
    pub fn finish(&mut self) {
        let baseline = self.baseline.clone();
        for program in &mut self.programs {
            let base = program
                .cells
                .iter()
                .find(|c| c.implementation == baseline && c.status == Status::Ok)
                .and_then(|c| c.median_s);
            for cell in &mut program.cells {
                cell.speedup = match (base, cell.median_s, cell.status) {
                    (Some(b), Some(m), Status::Ok) if m > 0.0 => Some(b / m),
                    _ => None,
                };
            }
        }
        let mut groups: Vec<String> = self.sets.clone();
        if groups.len() > 1 {
            groups.push("all".to_string());
        }
        let names: Vec<String> = self.active_impls().iter().map(|i| i.name.clone()).collect();
        self.geomeans.clear();
        for group in &groups {
            for name in &names {
                let mut speedups = Vec::new();
                let mut excluded = 0;
                for program in self.programs.iter().filter(|p| group == "all" || &p.set == group) {
                    match program
                        .cells
                        .iter()
                        .find(|c| &c.implementation == name)
                        .and_then(|c| c.speedup)
                    {
                        Some(s) => speedups.push(s),
                        None => excluded += 1,
                    }
                }
                self.geomeans.push(Geomean {
                    set: group.clone(),
                    implementation: name.clone(),
                    speedup: stats::geomean(&speedups),
                    counted: speedups.len(),
                    excluded,
                });
            }
        }
        let spreads: Vec<f64> = self
            .programs
            .iter()
            .flat_map(|p| p.cells.iter())
            .filter(|c| c.times_s.len() >= 2)
            .filter_map(|c| c.spread)
            .collect();
        self.noise.median_spread = stats::median(&spreads);
        self.noise.max_spread = spreads
            .iter()
            .copied()
            .fold(None, |acc: Option<f64>, x| Some(acc.map_or(x, |a| a.max(x))));
    }

    /// The geometric mean for a set ("all" for everything) and implementation.
    pub fn geomean(&self, set: &str, implementation: &str) -> Option<&Geomean> {
        self.geomeans
            .iter()
            .find(|g| g.set == set && g.implementation == implementation)
    }

    /// Label of an implementation name (the name itself when unknown).
    pub fn label<'a>(&'a self, name: &'a str) -> &'a str {
        self.implementations
            .iter()
            .find(|i| i.name == name)
            .map_or(name, |i| i.label.as_str())
    }

    /// Writes the report as pretty JSON, creating the parent directory.
    pub fn write_json(&self, path: &Path) -> Result<(), String> {
        let text = serde_json::to_string_pretty(self).map_err(|e| format!("JSON encoding failed: {e}"))?;
        write_file(path, &(text + "\n"))
    }
}

/// Writes `text` to `path`, creating parent directories; the error names the path.
pub fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
