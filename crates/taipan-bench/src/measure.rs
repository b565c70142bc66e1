//! Runs one benchmark command and measures its wall time and peak resident set size.
//!
//! Peak RSS comes from `getrusage(RUSAGE_CHILDREN)`, which reports the largest `ru_maxrss` among
//! the children a process has waited for. In the harness itself that figure would only ever
//! grow, so each measured run goes through a small wrapper: the harness re-executes its own
//! binary as `taipan-bench __measure ...`, the wrapper spawns the benchmark (its only child),
//! times it from spawn to exit, waits for it, reads `RUSAGE_CHILDREN` and writes a one-line
//! report to a file. The benchmark inherits the wrapper's stdout and stderr, which the harness
//! captures, so its output reaches the harness untouched. The wrapper's own start-up is
//! outside the timed span.
//!
//! The benchmark runs in its own process group, and a watchdog thread in the wrapper kills
//! that group with SIGKILL after the timeout, so a hung implementation costs at most the
//! timeout. When `getrusage` is unavailable the RSS is
//! simply unknown.

use nix::sys::resource::{UsageWho, getrusage};
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// Name of the hidden sub-command that runs the wrapper.
pub const WRAPPER_ARG: &str = "__measure";

/// What one command line is, with where and how it runs.
#[derive(Debug, Clone)]
pub struct RunSpec {
    /// Program and arguments.
    pub argv: Vec<String>,
    /// Extra environment variables.
    pub env: BTreeMap<String, String>,
    /// Environment variables to remove.
    pub env_remove: Vec<String>,
    /// Working directory.
    pub cwd: PathBuf,
    /// How many times the command runs back to back (start-up programs); at least 1.
    pub repeat: u32,
    /// Kill a run that takes longer than this.
    pub timeout: Duration,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Normal exit with this code.
    Code(i32),
    /// Killed by this signal.
    Signal(i32),
    /// Killed by the watchdog after the timeout.
    Timeout,
    /// Could not be started or measured; the text says why.
    Error(String),
}

impl Exit {
    /// True for exit code 0.
    pub fn success(&self) -> bool {
        *self == Exit::Code(0)
    }

    /// Short description for tables ("exit 1", "signal 11", "timeout").
    pub fn describe(&self) -> String {
        match self {
            Exit::Code(c) => format!("exit {c}"),
            Exit::Signal(s) => format!("signal {s}"),
            Exit::Timeout => "timeout".to_string(),
            Exit::Error(e) => e.clone(),
        }
    }
}

/// The result of one measured run.
#[derive(Debug, Clone)]
pub struct RunRecord {
    /// Wall time of all repeats together, in seconds.
    pub wall_s: f64,
    /// How the (last failing, or last) repeat ended.
    pub exit: Exit,
    /// Peak RSS over all repeats in KiB, when known.
    pub maxrss_kib: Option<u64>,
    /// Captured standard output (all repeats).
    pub stdout: Vec<u8>,
    /// Captured standard error (all repeats).
    pub stderr: Vec<u8>,
}

static REPORT_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Runs `spec` through the wrapper and returns what it measured. Never panics; problems end up
/// in `RunRecord::exit`.
pub fn run(spec: &RunSpec) -> RunRecord {
    let failed = |why: String| RunRecord {
        wall_s: 0.0,
        exit: Exit::Error(why),
        maxrss_kib: None,
        stdout: Vec::new(),
        stderr: Vec::new(),
    };
    let Some((program, args)) = spec.argv.split_first() else {
        return failed("empty command".to_string());
    };
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => return failed(format!("cannot find own executable: {e}")),
    };
    let n = REPORT_COUNTER.fetch_add(1, Ordering::Relaxed);
    let report = std::env::temp_dir().join(format!("taipan-bench-{}-{n}.report", std::process::id()));
    let mut cmd = Command::new(exe);
    cmd.arg(WRAPPER_ARG)
        .arg(&report)
        .arg(spec.timeout.as_millis().to_string())
        .arg(spec.repeat.max(1).to_string())
        .arg("--")
        .arg(program)
        .args(args)
        .current_dir(&spec.cwd)
        .stdin(Stdio::null());
    for key in &spec.env_remove {
        cmd.env_remove(key);
    }
    cmd.envs(&spec.env);
    let output = match cmd.output() {
        Ok(o) => o,
        Err(e) => return failed(format!("cannot start the measuring wrapper: {e}")),
    };
    let text = std::fs::read_to_string(&report).unwrap_or_default();
    let _ = std::fs::remove_file(&report);
    let mut record = parse_report(&text).unwrap_or_else(|| {
        failed(format!(
            "wrapper gave no report ({})",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("no message")
        ))
    });
    record.stdout = output.stdout;
    record.stderr = output.stderr;
    record
}

/// Parses the wrapper's `key=value` report line.
fn parse_report(text: &str) -> Option<RunRecord> {
    let mut wall_ns: Option<u64> = None;
    let mut rss: Option<u64> = None;
    let mut exit: Option<Exit> = None;
    for field in text.split_whitespace() {
        let (key, value) = field.split_once('=')?;
        match key {
            "wall_ns" => wall_ns = value.parse().ok(),
            "maxrss_kib" => rss = value.parse().ok(),
            "code" => exit = value.parse().ok().map(Exit::Code),
            "signal" => exit = value.parse().ok().map(Exit::Signal),
            "timeout" => exit = Some(Exit::Timeout),
            "error" => exit = Some(Exit::Error(value.replace('_', " "))),
            _ => {}
        }
    }
    Some(RunRecord {
        wall_s: wall_ns? as f64 / 1e9,
        exit: exit?,
        maxrss_kib: rss,
        stdout: Vec::new(),
        stderr: Vec::new(),
    })
}

/// Entry point of the wrapper: `__measure <report-file> <timeout-ms> <repeat> -- <argv...>`.
/// Returns the process exit code (0 when the report was written).
pub fn wrapper_main(args: &[String]) -> i32 {
    let (Some(report), Some(timeout_ms), Some(repeat), Some(sep)) =
        (args.first(), args.get(1), args.get(2), args.get(3))
    else {
        note!("usage: taipan-bench {WRAPPER_ARG} <report> <timeout-ms> <repeat> -- <command...>");
        return 2;
    };
    let argv = args.get(4..).unwrap_or(&[]);
    let (Ok(timeout_ms), Ok(repeat), true, Some((program, rest))) = (
        timeout_ms.parse::<u64>(),
        repeat.parse::<u32>(),
        sep == "--",
        argv.split_first(),
    ) else {
        note!("taipan-bench {WRAPPER_ARG}: bad arguments");
        return 2;
    };
    let line = measure_here(program, rest, Duration::from_millis(timeout_ms), repeat.max(1));
    match std::fs::write(Path::new(report), line) {
        Ok(()) => 0,
        Err(e) => {
            note!("taipan-bench {WRAPPER_ARG}: cannot write {report}: {e}");
            2
        }
    }
}

/// Runs the command `repeat` times in this process's child slot and formats the report line.
fn measure_here(program: &str, args: &[String], timeout: Duration, repeat: u32) -> String {
    let mut total = Duration::ZERO;
    let mut exit_field = "code=0".to_string();
    for _ in 0..repeat {
        let start = Instant::now();
        // Its own process group, so that the watchdog also reaches grandchildren (a shell
        // script's commands) that would otherwise keep the output pipes open.
        let mut child = match Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .process_group(0)
            .spawn()
        {
            Ok(c) => c,
            Err(e) => {
                let why = format!("cannot start {program}: {e}").replace(char::is_whitespace, "_");
                return format!("wall_ns=0 error={why}\n");
            }
        };
        let timed_out = Arc::new(AtomicBool::new(false));
        let (done_tx, done_rx) = mpsc::channel::<()>();
        let pid = i32::try_from(child.id()).ok().map(Pid::from_raw);
        let flag = Arc::clone(&timed_out);
        let watchdog = std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = done_rx.recv_timeout(timeout) {
                flag.store(true, Ordering::SeqCst);
                if let Some(pid) = pid {
                    let _ = killpg(pid, Signal::SIGKILL);
                }
            }
        });
        let status = child.wait();
        total += start.elapsed();
        let _ = done_tx.send(());
        let _ = watchdog.join();
        exit_field = if timed_out.load(Ordering::SeqCst) {
            "timeout=1".to_string()
        } else {
            match status {
                Ok(s) => match (s.code(), std::os::unix::process::ExitStatusExt::signal(&s)) {
                    (Some(c), _) => format!("code={c}"),
                    (None, Some(sig)) => format!("signal={sig}"),
                    (None, None) => "error=unknown_exit_status".to_string(),
                },
                Err(e) => format!("error=wait_failed:_{e}").replace(' ', "_"),
            }
        };
        if exit_field != "code=0" {
            break;
        }
    }
    let rss = match getrusage(UsageWho::RUSAGE_CHILDREN) {
        // Linux reports ru_maxrss in KiB.
        Ok(usage) if usage.max_rss() > 0 => format!(" maxrss_kib={}", usage.max_rss()),
        _ => String::new(),
    };
    format!("wall_ns={}{rss} {exit_field}\n", total.as_nanos())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reports() {
        let r = parse_report("wall_ns=1500000000 maxrss_kib=2048 code=0\n").expect("valid");
        assert_eq!(r.wall_s, 1.5);
        assert_eq!(r.maxrss_kib, Some(2048));
        assert!(r.exit.success());
        let r = parse_report("wall_ns=10 timeout=1").expect("valid");
        assert_eq!(r.exit, Exit::Timeout);
        assert_eq!(r.maxrss_kib, None);
        let r = parse_report("wall_ns=0 error=cannot_start").expect("valid");
        assert_eq!(r.exit, Exit::Error("cannot start".to_string()));
        assert!(parse_report("").is_none());
        assert!(parse_report("garbage").is_none());
    }

    #[test]
    fn wrapper_measures_a_shell_command() {
        let line = measure_here(
            "sh",
            &["-c".to_string(), "exit 3".to_string()],
            Duration::from_secs(10),
            1,
        );
        let r = parse_report(&line).expect("valid report");
        assert_eq!(r.exit, Exit::Code(3));
    }

    #[test]
    fn wrapper_kills_grandchildren_on_timeout() {
        let start = Instant::now();
        let line = measure_here(
            "sh",
            &["-c".to_string(), "sleep 5; echo done".to_string()],
            Duration::from_millis(100),
            1,
        );
        let r = parse_report(&line).expect("valid report");
        assert_eq!(r.exit, Exit::Timeout);
        assert!(start.elapsed() < Duration::from_secs(4));
    }

    #[test]
    fn wrapper_kills_on_timeout() {
        let line = measure_here("sleep", &["5".to_string()], Duration::from_millis(100), 1);
        let r = parse_report(&line).expect("valid report");
        assert_eq!(r.exit, Exit::Timeout);
        assert!(r.wall_s < 4.0);
    }
}
