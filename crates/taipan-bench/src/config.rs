//! The harness's two data files: which programs to run (`bench/programs.json`) and under which
//! implementations (`bench/implementations.json`).
//!
//! Both are plain JSON read with serde, so adding a benchmark or a taipan mode is an edit to a
//! data file, not to this crate. Paths inside them are relative to the repository root. The
//! command line of one run is
//!
//! ```text
//! <implementation command> <implementation args> [<program script>] <program args> <mode args>
//! ```
//!
//! where the mode args are the program's `full` or `quick` list. Unknown JSON fields are
//! rejected so that a typo in a field name is an error rather than a silent default.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How a program's time is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Timing {
    /// Wall time of the whole process (start-up included), divided by the repeat count.
    #[default]
    Wall,
    /// The `PYPERF_RESULT ... total=<s>` lines the pyperf stand-in prints on stderr: the time
    /// of the measured loops only.
    Pyperf,
}

/// Per-mode counts (how often a start-up command is repeated within one run).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerMode {
    /// Value in the full mode.
    pub full: u32,
    /// Value in the quick mode.
    pub quick: u32,
}

/// One benchmark program.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Set this program belongs to (`own`, `pyperformance`, `startup`).
    pub set: String,
    /// Short unique name shown in tables.
    pub name: String,
    /// Script path relative to the repository root; absent for `-c` commands.
    #[serde(default)]
    pub script: Option<String>,
    /// Arguments placed before the script (e.g. `["-c", "pass"]` when there is no script).
    #[serde(default)]
    pub pre_args: Vec<String>,
    /// Arguments after the script in the full mode (the program's size).
    #[serde(default)]
    pub full: Vec<String>,
    /// Arguments after the script in the quick mode.
    #[serde(default)]
    pub quick: Vec<String>,
    /// How the time is taken.
    #[serde(default)]
    pub timing: Timing,
    /// Times the command runs back to back within one measured run (start-up programs).
    #[serde(default)]
    pub repeat: Option<PerMode>,
    /// One line for the documentation.
    #[serde(default)]
    pub description: String,
}

impl Program {
    /// The arguments of the given mode.
    pub fn mode_args(&self, quick: bool) -> &[String] {
        if quick { &self.quick } else { &self.full }
    }

    /// Repeat count of the given mode (at least 1).
    pub fn repeat_count(&self, quick: bool) -> u32 {
        let n = match self.repeat {
            Some(r) if quick => r.quick,
            Some(r) => r.full,
            None => 1,
        };
        n.max(1)
    }
}

/// Settings shared by all programs of a set.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SetInfo {
    /// One line for the documentation.
    #[serde(default)]
    pub description: String,
    /// Directories (relative to the root) put on `PYTHONPATH` for this set's programs.
    #[serde(default)]
    pub pythonpath: Vec<String>,
    /// A file that must exist before the set can run (relative to the root).
    #[serde(default)]
    pub requires: Option<String>,
    /// A command (relative to the root) run once to create `requires` when it is missing.
    #[serde(default)]
    pub prepare: Option<String>,
}

/// Contents of `bench/programs.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramsFile {
    /// Free text for people reading the file (not used by the harness).
    #[serde(default)]
    #[allow(dead_code)]
    pub comment: Vec<String>,
    /// Per-set settings, keyed by set name.
    #[serde(default)]
    pub sets: BTreeMap<String, SetInfo>,
    /// All programs, in the order they run and are reported.
    pub programs: Vec<Program>,
}

/// One implementation (an interpreter binary plus a mode).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImplSpec {
    /// Short unique name (`cpython`, `pypy3`, `taipan-interp`, ...), used by `--impl`.
    pub name: String,
    /// Display label; for Python probes the version is appended automatically.
    #[serde(default)]
    pub label: Option<String>,
    /// Program to run: a bare name is looked up on `PATH`, a path is relative to the root.
    pub command: String,
    /// Arguments placed before the program's own.
    #[serde(default)]
    pub args: Vec<String>,
    /// Extra environment variables.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Resolve wrappers (a pyenv shim) through `sys.executable` and read the version.
    #[serde(default)]
    pub python_probe: bool,
    /// Major.minor version the probe should report; a different one is noted, not fatal.
    #[serde(default)]
    pub expect_version: Option<String>,
    /// Arguments of a check run; the implementation is skipped when it fails.
    #[serde(default)]
    pub probe: Vec<String>,
    /// Exact stdout the probe must print, when given.
    #[serde(default)]
    pub probe_stdout: Option<String>,
    /// Arguments that make the implementation print JIT statistics on stderr; when given, each
    /// program gets one extra (untimed) run with them.
    #[serde(default)]
    pub jit_stats_args: Vec<String>,
    /// One line for the documentation.
    #[serde(default)]
    pub description: String,
}

/// Contents of `bench/implementations.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImplsFile {
    /// Free text for people reading the file (not used by the harness).
    #[serde(default)]
    #[allow(dead_code)]
    pub comment: Vec<String>,
    /// Name of the implementation every other one is compared with (CPython).
    pub baseline: String,
    /// All implementations, in table order.
    pub implementations: Vec<ImplSpec>,
}

/// Reads and parses one JSON file; the error names the file.
fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads `bench/programs.json` under `root` and checks that names are unique.
pub fn load_programs(root: &Path) -> Result<ProgramsFile, String> {
    let file: ProgramsFile = read_json(&root.join("bench/programs.json"))?;
    let mut seen = std::collections::BTreeSet::new();
    for p in &file.programs {
        if !seen.insert((p.set.as_str(), p.name.as_str())) {
            return Err(format!("bench/programs.json: duplicate program {}/{}", p.set, p.name));
        }
        if p.script.is_none() && p.pre_args.is_empty() {
            return Err(format!(
                "bench/programs.json: {} has neither script nor pre_args",
                p.name
            ));
        }
    }
    Ok(file)
}

/// Loads `bench/implementations.json` under `root` and checks the baseline exists.
pub fn load_impls(root: &Path) -> Result<ImplsFile, String> {
    let file: ImplsFile = read_json(&root.join("bench/implementations.json"))?;
    if !file.implementations.iter().any(|i| i.name == file.baseline) {
        return Err(format!(
            "bench/implementations.json: baseline {} is not among the implementations",
            file.baseline
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for i in &file.implementations {
        if !seen.insert(i.name.as_str()) {
            return Err(format!(
                "bench/implementations.json: duplicate implementation {}",
                i.name
            ));
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_program_with_defaults() {
        let text = r#"{"programs": [{"set": "own", "name": "fib", "script": "bench/programs/fib.py",
                        "full": ["30"], "quick": ["20"]}]}"#;
        let f: ProgramsFile = serde_json::from_str(text).expect("valid");
        let p = &f.programs[0];
        assert_eq!(p.timing, Timing::Wall);
        assert_eq!(p.mode_args(true), ["20".to_string()]);
        assert_eq!(p.repeat_count(false), 1);
    }

    #[test]
    fn rejects_unknown_fields() {
        let text = r#"{"programs": [{"set": "own", "name": "fib", "scrpt": "x.py"}]}"#;
        assert!(serde_json::from_str::<ProgramsFile>(text).is_err());
    }

    #[test]
    fn repeat_is_at_least_one() {
        let text = r#"{"programs": [{"set": "startup", "name": "pass", "pre_args": ["-c", "pass"],
                        "timing": "wall", "repeat": {"full": 0, "quick": 3}}]}"#;
        let f: ProgramsFile = serde_json::from_str(text).expect("valid");
        assert_eq!(f.programs[0].repeat_count(false), 1);
        assert_eq!(f.programs[0].repeat_count(true), 3);
    }
}
