//! Differential whole-program tests: every `tests/run/<area>/<name>.py` runs under taipan in each
//! execution mode and must reproduce CPython 3.11's stdout, stderr and exit status exactly.
//!
//! Algorithm: walk `tests/run/` (sorted, skipping helper modules whose file name starts with
//! `mod_`), and create one libtest-mimic trial per (mode, program), named `<mode>::<area>/<name>`.
//! A trial spawns the interpreter with the working directory set to the repository root and the
//! program given by its relative path (so tracebacks show `tests/run/<area>/<name>.py`), feeds
//! `<name>.stdin` (or nothing), appends the extra argv from a first-line `# args: a b c` comment,
//! kills the child after [`TIMEOUT`], and compares against `<name>.stdout`, `<name>.stderr`
//! (absent = empty) and `<name>.status` (absent = 0), after removing every occurrence of
//! `<repository root>/` from the output (CPython shows the main script's path absolute in
//! tracebacks; the expected files hold it relative). On mismatch it fails with a short
//! unified-style diff around the first differing line of each stream that differs.
//!
//! The expected files are produced by `tools/regen-expected` under CPython 3.11; the conventions
//! are written down in `tests/README.md`.
//!
//! Environment:
//! - `TAIPAN_BIN=/path/to/exe` runs that executable instead of the built `taipan` (with
//!   `TAIPAN_BIN=$(python3 -c 'import sys;print(sys.executable)')` every trial must pass).
//! - `TAIPAN_TEST_MODES=interp,...` selects modes (names from [`MODES`]); default: all.
//! - `TAIPAN_TEST_TIMEOUT=<seconds>` replaces the 60 s per-program limit.
//!
//! Usual libtest arguments work (`cargo test -p taipan-cli --test run -- strings/`,
//! `--test-threads 1`, `--list`, `--skip`, `--exact`).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

/// Execution modes: (mode name, environment variables set for the child). Each program runs once
/// per selected mode. Later tiers (JIT at first back-edge, deopt stress, ...) are added as rows.
const MODES: &[(&str, &[(&str, &str)])] = &[
    ("interp", &[("TAIPAN_JIT", "off")]),
    // every specializable instruction specializes at its first execution (inline caches on)
    (
        "specialize0",
        &[("TAIPAN_JIT", "off"), ("TAIPAN_SPECIALIZE_WARMUP", "0")],
    ),
    // the trace JIT records every loop at its first back-edge
    // (opaque calls in loop traces on: the default since session 14, set to be sure; and
    // opaque calls inside inlined calls, off by default);
    // compiled on the compilation thread and installed at the next safe point, which waits
    // for it (the background path at a deterministic point: `jit_compile.rs`)
    (
        "jit1",
        &[
            ("TAIPAN_JIT", "on"),
            ("TAIPAN_JIT_THRESHOLD", "1"),
            ("TAIPAN_JIT_PY_CALLS", "on"),
            ("TAIPAN_JIT_MFRAME_CALLS", "on"),
            ("TAIPAN_JIT_ASYNC", "wait"),
        ],
    ),
    // as jit1, and compiled guards exit on purpose once in 3 evaluations (deoptimization);
    // compiled when the recording closes
    (
        "deopt",
        &[
            ("TAIPAN_JIT", "on"),
            ("TAIPAN_JIT_THRESHOLD", "1"),
            ("TAIPAN_JIT_STRESS", "3"),
            ("TAIPAN_JIT_PY_CALLS", "on"),
            ("TAIPAN_JIT_MFRAME_CALLS", "on"),
            ("TAIPAN_JIT_ASYNC", "off"),
        ],
    ),
];

/// One row of [`MODES`]: the mode name and the environment variables it sets.
type Mode = (&'static str, &'static [(&'static str, &'static str)]);

/// Default wall-clock limit for one program run; the child is killed and the trial fails past
/// it. `TAIPAN_TEST_TIMEOUT=<seconds>` overrides it.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Environment variables set for every child so CPython (when used via `TAIPAN_BIN`) behaves
/// like it did under `tools/regen-expected`; taipan ignores them. All other `PYTHON*` variables
/// inherited from the caller are removed.
const COMMON_ENV: &[(&str, &str)] = &[
    ("PYTHONIOENCODING", "utf-8"),
    ("PYTHONUTF8", "1"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
];

/// Maximum number of lines shown per differing stream in a failure message.
const DIFF_MAX_LINES: usize = 40;

/// Lines of unchanged context shown before and after the first differing region.
const DIFF_CONTEXT: usize = 3;

/// What a finished child produced: exit status, stdout, stderr.
type Output = (ExitStatus, Vec<u8>, Vec<u8>);

/// One program of the corpus.
#[derive(Clone, Debug)]
struct Case {
    /// `<area>/<name>`, used in trial names.
    id: String,
    /// Path relative to the repository root, e.g. `tests/run/ints/pow.py`.
    rel_path: String,
    /// Absolute path of the program without the `.py` extension (base of the expected files).
    base: PathBuf,
}

fn main() {
    let args = Arguments::from_args();
    let root = repo_root();
    let bin: PathBuf = match std::env::var_os("TAIPAN_BIN") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_taipan")),
    };
    let modes = match selected_modes() {
        Ok(m) => m,
        Err(msg) => {
            eprintln!("error: {msg}");
            std::process::exit(2);
        }
    };
    let timeout = match std::env::var("TAIPAN_TEST_TIMEOUT") {
        Err(_) => TIMEOUT,
        Ok(s) => match s.trim().parse::<u64>() {
            Ok(secs) if secs > 0 => Duration::from_secs(secs),
            _ => {
                eprintln!("error: TAIPAN_TEST_TIMEOUT must be a positive number of seconds");
                std::process::exit(2);
            }
        },
    };
    let mut cases = Vec::new();
    if let Err(e) = discover(&root, &root.join("tests").join("run"), &mut cases) {
        eprintln!("error: cannot list tests/run: {e}");
        std::process::exit(2);
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));

    let known = known_failures(&root);
    let mut trials = Vec::with_capacity(cases.len() * modes.len());
    for &(mode, env) in &modes {
        for case in &cases {
            let case = case.clone();
            let root = root.clone();
            let bin = bin.clone();
            let is_known = known.iter().any(|k| k == &case.id);
            let trial = Trial::test(format!("{mode}::{}", case.id), move || {
                run_case(&bin, &root, env, &case, timeout)
            });
            trials.push(trial.with_ignored_flag(is_known));
        }
    }
    trials.extend(fuzz::trials(&root, &bin));
    libtest_mimic::run(&args, trials).exit();
}

/// Programs listed in `tests/run/KNOWN_FAILURES` (one `<area>/<name>` per line, `#`
/// comments) are reported as ignored instead of run by default; `cargo test -- --ignored`
/// runs exactly them. Each line names a gap that is not implemented yet, with its reason.
fn known_failures(root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(root.join("tests").join("run").join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The repository root (two levels above this crate's manifest), canonicalized when possible.
fn repo_root() -> PathBuf {
    let raw = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    raw.canonicalize().unwrap_or(raw)
}

/// The modes named by `TAIPAN_TEST_MODES` (comma list), or all of [`MODES`] when unset/empty.
///
/// Errors: an unknown mode name.
fn selected_modes() -> Result<Vec<Mode>, String> {
    let wanted = std::env::var("TAIPAN_TEST_MODES").unwrap_or_default();
    let names: Vec<&str> = wanted.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if names.is_empty() {
        return Ok(MODES.to_vec());
    }
    let mut out = Vec::new();
    for name in names {
        match MODES.iter().find(|(m, _)| *m == name) {
            Some(&row) => out.push(row),
            None => {
                let known: Vec<&str> = MODES.iter().map(|(m, _)| *m).collect();
                return Err(format!(
                    "TAIPAN_TEST_MODES: unknown mode {name:?} (known: {})",
                    known.join(", ")
                ));
            }
        }
    }
    Ok(out)
}

/// Recursively collects `*.py` programs under `dir`, skipping `mod_*` helper modules and helper
/// packages, and directories starting with `_` or `.` (e.g. `__pycache__`).
fn discover(root: &Path, dir: &Path, out: &mut Vec<Case>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.is_dir() {
            if !file_name.starts_with(['_', '.']) && !file_name.starts_with("mod_") {
                discover(root, &path, out)?;
            }
            continue;
        }
        let Some(stem) = file_name.strip_suffix(".py") else {
            continue;
        };
        if stem.starts_with("mod_") {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let rel_path = rel.to_string_lossy().replace('\\', "/");
        let id = rel_path
            .strip_prefix("tests/run/")
            .unwrap_or(&rel_path)
            .trim_end_matches(".py")
            .to_string();
        out.push(Case {
            id,
            rel_path,
            base: path.with_extension(""),
        });
    }
    Ok(())
}

/// Extra argv from a first line of the form `# args: a b c` (whitespace-separated, no quoting).
fn extra_args(source: &str) -> Vec<String> {
    let first = source.lines().next().unwrap_or("");
    match first.strip_prefix("# args:") {
        Some(rest) => rest.split_whitespace().map(str::to_string).collect(),
        None => Vec::new(),
    }
}

/// Reads `<base>.<ext>`, or `None` when the file does not exist.
fn read_expected(base: &Path, ext: &str) -> Result<Option<Vec<u8>>, Failed> {
    let path = base.with_extension(ext);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display()).into()),
    }
}

/// Runs one program in one mode and compares its output with the expected files.
fn run_case(bin: &Path, root: &Path, env: &[(&str, &str)], case: &Case, timeout: Duration) -> Result<(), Failed> {
    let source_path = case.base.with_extension("py");
    let source = std::fs::read(&source_path).map_err(|e| format!("cannot read {}: {e}", source_path.display()))?;
    let args = extra_args(&String::from_utf8_lossy(&source));
    let Some(want_stdout) = read_expected(&case.base, "stdout")? else {
        return Err(format!(
            "missing expected output {}.stdout: run tools/regen-expected {}",
            case.base.display(),
            case.rel_path
        )
        .into());
    };
    let want_stderr = read_expected(&case.base, "stderr")?.unwrap_or_default();
    let want_status: i32 = match read_expected(&case.base, "status")? {
        None => 0,
        Some(bytes) => String::from_utf8_lossy(&bytes)
            .trim()
            .parse()
            .map_err(|e| format!("bad {}.status: {e}", case.base.display()))?,
    };
    let stdin = read_expected(&case.base, "stdin")?;

    let mut cmd = Command::new(bin);
    cmd.current_dir(root).arg(&case.rel_path).args(&args);
    let inherited: Vec<OsString> = std::env::vars_os()
        .map(|(k, _)| k)
        .filter(|k| k.to_string_lossy().starts_with("PYTHON"))
        .collect();
    for key in inherited {
        cmd.env_remove(key);
    }
    for (k, v) in COMMON_ENV.iter().chain(env.iter()) {
        cmd.env(k, v);
    }
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());

    let output = run_with_timeout(cmd, stdin, timeout).map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let Some((status, stdout, stderr)) = output else {
        return Err(format!("timed out after {} s (killed)", timeout.as_secs()).into());
    };
    let prefix = format!("{}/", root.display());
    let stdout = strip_prefix_everywhere(&stdout, prefix.as_bytes());
    let stderr = strip_prefix_everywhere(&stderr, prefix.as_bytes());

    let mut problems = Vec::new();
    let got_status = status.code();
    if got_status != Some(want_status) {
        problems.push(format!(
            "exit status: expected {want_status}, got {}",
            describe_status(status)
        ));
    }
    if stdout != want_stdout {
        problems.push(diff("stdout", &want_stdout, &stdout));
    }
    if stderr != want_stderr {
        problems.push(diff("stderr", &want_stderr, &stderr));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// Removes every occurrence of `needle` (the repository root followed by `/`) from `data`, as
/// `tools/regen-expected` does: CPython prints `__main__`'s path absolute in tracebacks, and the
/// expected files must not depend on where the repository is checked out.
fn strip_prefix_everywhere(data: &[u8], needle: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return data.to_vec();
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data.get(i..i + needle.len()) == Some(needle) {
            i += needle.len();
        } else {
            out.extend_from_slice(data.get(i..i + 1).unwrap_or(&[]));
            i += 1;
        }
    }
    out
}

/// Spawns `cmd`, writes `stdin` to it, collects stdout and stderr, and waits at most `limit`.
/// Returns `Ok(None)` when the child had to be killed for exceeding the limit.
fn run_with_timeout(mut cmd: Command, stdin: Option<Vec<u8>>, limit: Duration) -> std::io::Result<Option<Output>> {
    let mut child: Child = cmd.spawn()?;
    let writer = match (child.stdin.take(), stdin) {
        (Some(mut pipe), Some(data)) => Some(thread::spawn(move || {
            // The child may exit without reading everything; a broken pipe is not an error here.
            let _ = pipe.write_all(&data);
        })),
        _ => None,
    };
    let out_reader = child.stdout.take().map(spawn_reader);
    let err_reader = child.stderr.take().map(spawn_reader);

    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if start.elapsed() >= limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    // A grandchild may still hold the pipes open after the child is gone: never wait for the
    // readers past the limit (or past a short grace period after a kill); abandon them instead.
    let grace = if status.is_some() {
        limit.saturating_sub(start.elapsed()).max(Duration::from_secs(1))
    } else {
        Duration::from_secs(1)
    };
    let collect =
        |rx: Option<mpsc::Receiver<Vec<u8>>>| rx.and_then(|rx| rx.recv_timeout(grace).ok()).unwrap_or_default();
    let stdout = collect(out_reader);
    let stderr = collect(err_reader);
    if status.is_some()
        && let Some(w) = writer
    {
        let _ = w.join();
    }
    Ok(status.map(|s| (s, stdout, stderr)))
}

/// Reads a pipe to its end on a separate thread (so neither pipe can fill up and block the
/// child); the bytes arrive on the returned channel when the pipe is closed.
fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

/// Human-readable exit status: the code, or the terminating signal on Unix.
fn describe_status(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return code.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    format!("{status}")
}

/// A unified-style diff of the first differing region of `want` and `got`: up to
/// [`DIFF_CONTEXT`] common lines before and after, `-` lines expected, `+` lines actual, at most
/// [`DIFF_MAX_LINES`] lines in all.
fn diff(stream: &str, want: &[u8], got: &[u8]) -> String {
    let want_text = String::from_utf8_lossy(want);
    let got_text = String::from_utf8_lossy(got);
    let a: Vec<&str> = want_text.split_inclusive('\n').collect();
    let b: Vec<&str> = got_text.split_inclusive('\n').collect();
    let prefix = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let a_mid = a.get(prefix..a.len() - suffix).unwrap_or(&[]);
    let b_mid = b.get(prefix..b.len() - suffix).unwrap_or(&[]);

    let mut out = format!("--- expected {stream}\n+++ actual {stream}\n");
    out.push_str(&format!(
        "@@ first difference at line {} ({} expected vs {} actual lines) @@\n",
        prefix + 1,
        a.len(),
        b.len()
    ));
    let mut budget = DIFF_MAX_LINES;
    let ctx_start = prefix.saturating_sub(DIFF_CONTEXT);
    for line in a.get(ctx_start..prefix).unwrap_or(&[]) {
        push_line(&mut out, ' ', line, &mut budget);
    }
    if a_mid.len() == b_mid.len() {
        // Same number of lines: pair them, so unchanged lines in between show as context.
        for (x, y) in a_mid.iter().zip(b_mid.iter()) {
            if x == y {
                push_line(&mut out, ' ', x, &mut budget);
            } else {
                push_line(&mut out, '-', x, &mut budget);
                push_line(&mut out, '+', y, &mut budget);
            }
        }
        if budget == 0 {
            out.push_str("  ... (diff truncated)\n");
        }
        return out;
    }
    let half = (budget / 2).max(1);
    let shown_a = a_mid.len().min(half);
    for line in a_mid.iter().take(shown_a) {
        push_line(&mut out, '-', line, &mut budget);
    }
    if a_mid.len() > shown_a {
        out.push_str(&format!("  ... {} more expected lines\n", a_mid.len() - shown_a));
    }
    let shown_b = b_mid.len().min(budget.saturating_sub(DIFF_CONTEXT).max(1));
    for line in b_mid.iter().take(shown_b) {
        push_line(&mut out, '+', line, &mut budget);
    }
    if b_mid.len() > shown_b {
        out.push_str(&format!("  ... {} more actual lines\n", b_mid.len() - shown_b));
    }
    let after = a.len() - suffix;
    for line in a.get(after..).unwrap_or(&[]).iter().take(DIFF_CONTEXT) {
        push_line(&mut out, ' ', line, &mut budget);
    }
    out
}

/// Appends one diff line with its marker, flagging a missing final newline; counts `budget` down.
fn push_line(out: &mut String, marker: char, line: &str, budget: &mut usize) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    out.push(marker);
    match line.strip_suffix('\n') {
        Some(body) => {
            out.push_str(body);
            out.push('\n');
        }
        None => {
            out.push_str(line);
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

/// The differential fuzzer as a test: `fuzz::seed1` runs `tools/difffuzz.py` (random programs,
/// CPython vs taipan in the fuzzer's default modes: plain, specializer warm-up 0, JIT threshold 1,
/// JIT deopt stress) on a fixed seed and count, so a run is reproducible and bounded (about
/// 10-20 s with a debug build). The trial fails with the fuzzer's report (where the first
/// difference is, the directory holding the program and both outputs); it passes with a note
/// on stderr when `python3` is missing or is not CPython 3.11 (the oracle).
mod fuzz {
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::Duration;

    use libtest_mimic::{Failed, Trial};

    /// (trial name, seed, number of programs).
    const RUNS: &[(&str, &str, u32)] = &[("fuzz::seed1", "1", 40)];

    /// Wall-clock limit for one fuzzer run; the fuzzer itself bounds each program.
    const LIMIT: Duration = Duration::from_secs(600);

    /// One trial per row of [`RUNS`].
    pub fn trials(root: &Path, bin: &Path) -> Vec<Trial> {
        RUNS.iter()
            .map(|&(name, seed, count)| {
                let (root, bin) = (root.to_path_buf(), bin.to_path_buf());
                Trial::test(name, move || run(&root, &bin, seed, count))
            })
            .collect()
    }

    /// Whether `python3` runs and is CPython 3.11.
    fn python_is_oracle() -> bool {
        Command::new("python3")
            .args([
                "-c",
                "import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Runs the fuzzer once; `Err` carries its output when it found a difference or failed.
    fn run(root: &Path, bin: &Path, seed: &str, count: u32) -> Result<(), Failed> {
        if !python_is_oracle() {
            eprintln!("note: fuzz trial skipped: python3 (CPython 3.11) not available");
            return Ok(());
        }
        let script: PathBuf = root.join("tools").join("difffuzz.py");
        let mut cmd = Command::new("python3");
        cmd.current_dir(root)
            .arg(&script)
            .arg("--taipan")
            .arg(bin)
            .args(["--seed", seed, "--count", &count.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let output = super::run_with_timeout(cmd, None, LIMIT).map_err(|e| format!("cannot run python3: {e}"))?;
        let Some((status, stdout, stderr)) = output else {
            return Err(format!("difffuzz did not finish within {} s (killed)", LIMIT.as_secs()).into());
        };
        if status.success() {
            return Ok(());
        }
        Err(format!(
            "tools/difffuzz.py --seed {seed} --count {count} exited with {}:\n{}{}",
            super::describe_status(status),
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr)
        )
        .into())
    }
}
