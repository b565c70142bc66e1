//! Runs the selected programs under the ready implementations, interleaved, and fills a report.
//!
//! Algorithm, per program:
//! 1. In the full mode, one untimed warm-up round: every implementation runs once, in table
//!    order. Its output is checked like any other run's.
//! 2. `runs` timed rounds, each running every implementation once in the same order
//!    (A B C A B C …), so slow drift of the machine (thermal, other users) hits all alike.
//! 3. The reference output is the baseline's (CPython's) stdout from its first successful run.
//!    Every run of every implementation is compared with it byte for byte; one difference makes
//!    the cell a mismatch. A run that exits non-zero, is killed, times out, or (for pyperf
//!    timing) prints no `PYPERF_RESULT` line makes the cell failed, and that implementation
//!    is not run again on this program. Neither is one whose run took longer than `slow_s`
//!    (its cell keeps the runs it has, and says so).
//! 4. For an implementation with `jit_stats_args`, one extra untimed run with those arguments;
//!    numbers on its stderr are collected (see `parse_jit_stats`), with that run's wall
//!    time as `run_wall_s`.
//!
//! Each program's lines of the terminal table are printed as soon as it finishes.

use crate::config::{Program, Timing};
use crate::impls::Impl;
use crate::machine;
use crate::measure::{self, RunRecord, RunSpec};
use crate::report::{Cell, ProgramReport, Status};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Settings of one harness run that the runner needs.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// Repository root (working directory of every run).
    pub root: PathBuf,
    /// Quick mode (small sizes).
    pub quick: bool,
    /// Timed runs per program and implementation.
    pub runs: u32,
    /// Whether a warm-up round precedes the timed ones.
    pub warmup: bool,
    /// Per-run timeout.
    pub timeout: Duration,
    /// After a run longer than this (seconds of wall time), an implementation gets no more
    /// runs of the program: a very slow implementation cannot blow the time budget.
    pub slow_s: f64,
    /// Name of the baseline implementation.
    pub baseline: String,
}

/// Per-implementation state while one program runs.
struct Track {
    cell: Cell,
    alive: bool,
    rss: Option<u64>,
}

/// Builds the command of one run.
pub fn command_for(imp: &Impl, program: &Program, quick: bool, extra: &[String]) -> Vec<String> {
    let mut argv = imp.argv.clone();
    argv.extend(extra.iter().cloned());
    argv.extend(program.pre_args.iter().cloned());
    if let Some(script) = &program.script {
        argv.push(script.clone());
    }
    argv.extend(program.mode_args(quick).iter().cloned());
    argv
}

fn spec_for(imp: &Impl, program: &Program, pythonpath: &[String], s: &RunSettings, extra: &[String]) -> RunSpec {
    let mut env = imp.env.clone();
    let mut env_remove = vec!["PYTHONSTARTUP".to_string()];
    if pythonpath.is_empty() {
        env_remove.push("PYTHONPATH".to_string());
    } else {
        let joined: Vec<String> = pythonpath
            .iter()
            .map(|p| s.root.join(p).to_string_lossy().into_owned())
            .collect();
        env.insert("PYTHONPATH".to_string(), joined.join(":"));
    }
    RunSpec {
        argv: command_for(imp, program, s.quick, extra),
        env,
        env_remove,
        cwd: s.root.clone(),
        repeat: program.repeat_count(s.quick),
        timeout: s.timeout,
    }
}

/// Sum of the `total=` fields of `PYPERF_RESULT` lines; `None` when there are none.
pub fn pyperf_total(stderr: &str) -> Option<f64> {
    let mut total = None;
    for line in stderr.lines().filter(|l| l.starts_with("PYPERF_RESULT ")) {
        let value = line
            .split_whitespace()
            .find_map(|field| field.strip_prefix("total="))
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v >= 0.0)?;
        total = Some(total.unwrap_or(0.0) + value);
    }
    total
}

/// Numbers from a `--jit-stats` stderr: every `key=value` token and every `key: value` line
/// whose value is a number (a trailing `%` is dropped). Keys are kept as written.
pub fn parse_jit_stats(stderr: &str) -> BTreeMap<String, f64> {
    let number = |v: &str| {
        v.trim()
            .trim_end_matches('%')
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
    };
    let is_key = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '/'))
    };
    let mut out = BTreeMap::new();
    for line in stderr.lines() {
        let mut found = false;
        for token in line.split_whitespace() {
            if let Some((k, v)) = token.split_once('=')
                && let Some(x) = number(v).filter(|_| is_key(k))
            {
                out.insert(k.to_string(), x);
                found = true;
            }
        }
        if !found
            && let Some((k, v)) = line.split_once(':')
            && let Some(x) = number(v).filter(|_| is_key(k.trim()))
        {
            out.insert(k.trim().to_string(), x);
        }
    }
    out
}

/// Last non-empty stderr line, shortened, for failure messages.
fn stderr_tail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("PYPERF_RESULT"))
        .map(|l| crate::table::clip(l, 160))
        .unwrap_or_default()
}

/// Describes the first difference between two outputs.
pub fn first_difference(expected: &[u8], got: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let mut exp_lines = exp.lines();
    let mut got_lines = got.lines();
    let mut n = 1;
    loop {
        match (exp_lines.next(), got_lines.next()) {
            (Some(e), Some(g)) if e == g => n += 1,
            (Some(e), Some(g)) => {
                return format!(
                    "line {n}: expected {:?}, got {:?}",
                    crate::table::clip(e, 60),
                    crate::table::clip(g, 60)
                );
            }
            (Some(e), None) => {
                return format!("line {n}: expected {:?}, got end of output", crate::table::clip(e, 60));
            }
            (None, Some(g)) => {
                return format!("line {n}: unexpected {:?}", crate::table::clip(g, 60));
            }
            (None, None) => return "outputs differ in line endings or trailing bytes".to_string(),
        }
    }
}

/// Applies one run's outcome to an implementation's track.
fn record(track: &mut Track, run: &RunRecord, timing: Timing, repeat: u32, timed: bool, slow_s: f64) {
    track.rss = match (track.rss, run.maxrss_kib) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if !run.exit.success() {
        let tail = stderr_tail(&run.stderr);
        let detail = if tail.is_empty() {
            run.exit.describe()
        } else {
            format!("{}: {tail}", run.exit.describe())
        };
        track.cell.status = Status::Failed;
        track.cell.detail = Some(detail);
        track.alive = false;
        return;
    }
    let time = match timing {
        Timing::Wall => Some(run.wall_s / f64::from(repeat.max(1))),
        Timing::Pyperf => pyperf_total(&String::from_utf8_lossy(&run.stderr)),
    };
    let Some(time) = time else {
        track.cell.status = Status::Failed;
        track.cell.detail = Some("no PYPERF_RESULT line on stderr".to_string());
        track.alive = false;
        return;
    };
    // A slow warm-up run is kept as the only timed run.
    let slow = run.wall_s > slow_s;
    if timed || slow {
        track.cell.times_s.push(time);
        track.cell.wall_s.push(run.wall_s);
    }
    if slow {
        track.alive = false;
        track.cell.detail = Some(format!(
            "stopped after {} run(s) of over {slow_s:.0} s",
            track.cell.times_s.len()
        ));
    }
}

/// Runs one program under all implementations and returns its report entry.
pub fn run_program(program: &Program, pythonpath: &[String], impls: &[Impl], s: &RunSettings) -> ProgramReport {
    let repeat = program.repeat_count(s.quick);
    let mut tracks: Vec<Track> = impls
        .iter()
        .map(|imp| Track {
            cell: Cell {
                implementation: imp.name.clone(),
                status: Status::Ok,
                times_s: Vec::new(),
                wall_s: Vec::new(),
                median_s: None,
                min_s: None,
                max_s: None,
                spread: None,
                peak_rss_kib: None,
                speedup: None,
                detail: None,
                jit_stats: BTreeMap::new(),
            },
            alive: true,
            rss: None,
        })
        .collect();
    // Outputs of every run per implementation, compared after all rounds.
    let mut outputs: Vec<Vec<Vec<u8>>> = vec![Vec::new(); impls.len()];
    let rounds = s.runs.saturating_add(u32::from(s.warmup));
    for round in 0..rounds {
        let timed = !(s.warmup && round == 0);
        for (i, imp) in impls.iter().enumerate() {
            let Some(track) = tracks.get_mut(i) else {
                continue;
            };
            if !track.alive {
                continue;
            }
            let run = measure::run(&spec_for(imp, program, pythonpath, s, &[]));
            record(track, &run, program.timing, repeat, timed, s.slow_s);
            if run.exit.success()
                && let Some(list) = outputs.get_mut(i)
            {
                list.push(run.stdout);
            }
        }
    }
    let base_index = impls.iter().position(|imp| imp.name == s.baseline);
    let reference: Option<Vec<u8>> = base_index
        .filter(|&b| tracks.get(b).is_some_and(|t| t.cell.status == Status::Ok))
        .and_then(|b| outputs.get(b))
        .and_then(|list| list.first().cloned());
    for (i, track) in tracks.iter_mut().enumerate() {
        if track.cell.status == Status::Failed {
            continue;
        }
        let list = outputs.get(i).map(Vec::as_slice).unwrap_or(&[]);
        match &reference {
            Some(expected) => {
                if let Some(bad) = list.iter().find(|out| *out != expected) {
                    track.cell.status = Status::Mismatch;
                    track.cell.detail = Some(first_difference(expected, bad));
                }
            }
            None => track.cell.status = Status::Unchecked,
        }
    }
    for (imp, track) in impls.iter().zip(tracks.iter_mut()) {
        if !imp.jit_stats_args.is_empty() && track.cell.status != Status::Failed {
            let run = measure::run(&spec_for(imp, program, pythonpath, s, &imp.jit_stats_args));
            if run.exit.success() {
                track.cell.jit_stats = parse_jit_stats(&String::from_utf8_lossy(&run.stderr));
                // the whole process's wall time, for the compile-time share
                track.cell.jit_stats.insert("run_wall_s".to_string(), run.wall_s);
            }
        }
        track.cell.peak_rss_kib = track.rss;
        track.cell.summarize();
    }
    let args = impls
        .first()
        .map(|imp| {
            let argv = command_for(imp, program, s.quick, &[]);
            argv.get(imp.argv.len()..).unwrap_or(&[]).to_vec()
        })
        .unwrap_or_default();
    ProgramReport {
        set: program.set.clone(),
        name: program.name.clone(),
        description: program.description.clone(),
        args,
        timing: match program.timing {
            Timing::Wall => "wall".to_string(),
            Timing::Pyperf => "pyperf".to_string(),
        },
        repeat,
        cells: tracks.into_iter().map(|t| t.cell).collect(),
    }
}

/// Makes sure a set's required file exists, running its prepare command once if needed.
/// Returns a note when the set has to be skipped.
pub fn prepare_set(root: &Path, requires: Option<&str>, prepare: Option<&str>) -> Option<String> {
    let requires = requires?;
    if root.join(requires).exists() {
        return None;
    }
    let Some(prepare) = prepare else {
        return Some(format!("{requires} is missing"));
    };
    note!("taipan-bench: {requires} is missing; running {prepare}");
    let status = std::process::Command::new(root.join(prepare))
        .current_dir(root)
        .status();
    match status {
        Ok(st) if st.success() && root.join(requires).exists() => None,
        Ok(st) => Some(format!("{prepare} failed ({st}); {requires} is missing")),
        Err(e) => Some(format!("cannot run {prepare}: {e}")),
    }
}

/// Current 1-minute load average, for the noise figures.
pub fn load_now() -> Option<f64> {
    machine::load_average().map(|l| l[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_pyperf_totals() {
        let err = "nbody: 0.1 s\nPYPERF_RESULT name=nbody total=0.25 loops=1\nPYPERF_RESULT name=x total=0.5\n";
        assert_eq!(pyperf_total(err), Some(0.75));
        assert_eq!(pyperf_total("nothing here"), None);
        assert_eq!(pyperf_total("PYPERF_RESULT name=x total=oops"), None);
    }

    #[test]
    fn reads_jit_stats_in_two_shapes() {
        let err = "jit: traces=12 aborts=3 code_bytes=4096\nshare in machine code: 97.5%\nTraceback: nothing\n";
        let stats = parse_jit_stats(err);
        assert_eq!(stats.get("traces"), Some(&12.0));
        assert_eq!(stats.get("aborts"), Some(&3.0));
        assert_eq!(stats.get("share in machine code"), Some(&97.5));
        assert_eq!(stats.len(), 4);
    }

    #[test]
    fn describes_differences() {
        assert_eq!(
            first_difference(b"a\nb\n", b"a\nc\n"),
            "line 2: expected \"b\", got \"c\""
        );
        assert_eq!(
            first_difference(b"a\n", b""),
            "line 1: expected \"a\", got end of output"
        );
        assert_eq!(first_difference(b"a\n", b"a\nz\n"), "line 2: unexpected \"z\"");
    }
}
