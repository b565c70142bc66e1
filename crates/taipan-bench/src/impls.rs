//! Turns the entries of `bench/implementations.json` into runnable implementations, or into
//! notes saying why one is skipped.
//!
//! Steps for each entry: find the command (a bare name on `PATH`, a path relative to the
//! repository root); for a Python entry, ask it for `sys.executable` and run that binary
//! directly, so a wrapper such as a pyenv shim (a shell script that costs ~100 ms per start)
//! does not pollute the timings, and read the implementation name and version for the label;
//! finally run the optional probe command. Any failure skips the implementation with a note;
//! nothing here is fatal.

use crate::config::ImplSpec;
use crate::measure::{self, RunSpec};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Python snippet that prints the real executable, the implementation and its version.
const PYTHON_PROBE: &str = "import sys\n\
print(sys.executable)\n\
print(sys.implementation.name)\n\
print('.'.join(str(x) for x in sys.version_info[:3]))\n\
v = getattr(sys, 'pypy_version_info', None)\n\
print('' if v is None else '.'.join(str(x) for x in v[:3]))\n";

/// An implementation ready to run.
#[derive(Debug, Clone)]
pub struct Impl {
    /// Short name from the configuration.
    pub name: String,
    /// Label for tables, e.g. "CPython 3.11.7".
    pub label: String,
    /// Full command prefix: resolved executable plus the configured arguments.
    pub argv: Vec<String>,
    /// Extra environment variables.
    pub env: BTreeMap<String, String>,
    /// Arguments that turn on JIT statistics (empty: none).
    pub jit_stats_args: Vec<String>,
    /// Version string reported by a Python probe.
    pub version: Option<String>,
}

/// Outcome of resolving one configured implementation.
#[derive(Debug, Clone)]
pub enum Resolved {
    /// Ready to run.
    Ready(Impl),
    /// Skipped; the note says why.
    Skipped {
        /// Configured name.
        name: String,
        /// Why it is skipped.
        note: String,
    },
}

/// Looks a bare command up on `PATH`.
fn which(command: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(command))
        .find(|candidate| candidate.is_file())
}

/// Finds the configured command: bare names on `PATH`, paths relative to `root`.
fn locate(root: &Path, command: &str) -> Option<PathBuf> {
    if command.contains('/') {
        let path = root.join(command);
        path.is_file().then_some(path)
    } else {
        which(command)
    }
}

/// Runs a short command and returns its stdout, or an error describing the failure.
fn quick_run(argv: Vec<String>, env: &BTreeMap<String, String>, root: &Path) -> Result<String, String> {
    let spec = RunSpec {
        argv,
        env: env.clone(),
        env_remove: vec!["PYTHONPATH".to_string()],
        cwd: root.to_path_buf(),
        repeat: 1,
        timeout: Duration::from_secs(30),
    };
    let record = measure::run(&spec);
    if record.exit.success() {
        Ok(String::from_utf8_lossy(&record.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&record.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
        let detail = if last.is_empty() {
            String::new()
        } else {
            format!(": {}", last.trim())
        };
        Err(format!("{}{detail}", record.exit.describe()))
    }
}

/// Resolves one configured implementation.
pub fn resolve(spec: &ImplSpec, root: &Path) -> Resolved {
    let skip = |note: String| Resolved::Skipped {
        name: spec.name.clone(),
        note,
    };
    let Some(found) = locate(root, &spec.command) else {
        return skip(format!("{} not found", spec.command));
    };
    let mut exe = found.to_string_lossy().into_owned();
    let mut label = spec.label.clone().unwrap_or_else(|| spec.name.clone());
    let mut version = None;
    if spec.python_probe {
        let out = match quick_run(
            vec![exe.clone(), "-c".to_string(), PYTHON_PROBE.to_string()],
            &spec.env,
            root,
        ) {
            Ok(out) => out,
            Err(e) => return skip(format!("{} does not run ({e})", spec.command)),
        };
        let mut lines = out.lines();
        let (Some(real), Some(kind), Some(py_version)) = (lines.next(), lines.next(), lines.next()) else {
            return skip(format!("{} printed an unexpected probe answer", spec.command));
        };
        let pypy_version = lines.next().unwrap_or("").trim();
        if !real.trim().is_empty() && Path::new(real.trim()).is_file() {
            exe = real.trim().to_string();
        }
        let auto = match kind.trim() {
            "cpython" => format!("CPython {}", py_version.trim()),
            "pypy" if !pypy_version.is_empty() => {
                format!("PyPy {pypy_version} (Python {})", py_version.trim())
            }
            other => format!("{other} {}", py_version.trim()),
        };
        if spec.label.is_none() {
            label = auto.clone();
        }
        version = Some(auto);
        if let Some(want) = &spec.expect_version {
            let have = py_version.trim();
            if have != want && !have.starts_with(&format!("{want}.")) {
                label = format!("{label} (expected {want})");
            }
        }
    }
    let mut argv = vec![exe];
    argv.extend(spec.args.iter().cloned());
    if !spec.probe.is_empty() {
        let mut probe = argv.clone();
        probe.extend(spec.probe.iter().cloned());
        match quick_run(probe, &spec.env, root) {
            Ok(out) => {
                if let Some(want) = &spec.probe_stdout
                    && &out != want
                {
                    return skip(format!("probe printed {out:?}, expected {want:?}"));
                }
            }
            Err(e) => return skip(format!("probe `{}` failed ({e})", spec.probe.join(" "))),
        }
    }
    Resolved::Ready(Impl {
        name: spec.name.clone(),
        label,
        argv,
        env: spec.env.clone(),
        jit_stats_args: spec.jit_stats_args.clone(),
        version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_commands_are_skipped_not_fatal() {
        let spec: ImplSpec =
            serde_json::from_str(r#"{"name": "ghost", "command": "no-such-python-xyz"}"#).expect("valid spec");
        match resolve(&spec, Path::new("/")) {
            Resolved::Skipped { name, note } => {
                assert_eq!(name, "ghost");
                assert!(note.contains("not found"));
            }
            Resolved::Ready(_) => panic!("a missing command must be skipped"),
        }
    }

    #[test]
    fn relative_paths_are_under_the_root() {
        let spec: ImplSpec =
            serde_json::from_str(r#"{"name": "t", "command": "target/nowhere/taipan"}"#).expect("valid spec");
        assert!(matches!(resolve(&spec, Path::new("/")), Resolved::Skipped { .. }));
    }
}
