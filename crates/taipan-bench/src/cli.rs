//! Command-line options of `taipan-bench`, parsed by hand (the grammar is small and flat).
//!
//! Every option taking a value accepts both `--opt value` and `--opt=value`. Errors are
//! returned as messages; `main` prints them with the usage text and exits with status 2.

use std::path::PathBuf;

/// Usage text printed by `--help` and after a command-line error.
pub const USAGE: &str = "\
usage: taipan-bench [options]

Runs the benchmark programs under every available implementation, interleaved, checks each
output against CPython's, and prints a table; writes JSON, Markdown and an SVG chart.

options:
  --quick              small sizes, 1 run, no warm-up (under a minute)
  --set LIST           comma-separated sets: own, pyperformance, startup (default: all)
  --program LIST       only these programs (names, or set/name)
  --impl LIST          only these implementations (see bench/implementations.json);
                       the baseline (cpython) is always added for the output check
  --runs N             timed runs per program and implementation (default 5; quick 1)
  --no-warmup          skip the untimed warm-up round of the full mode
  --timeout SECONDS    kill a run after this long (default 300; quick 60)
  --slow SECONDS       no more runs of a program for an implementation after one of its
                       runs took longer than this (default 40; quick 20)
  --out FILE.md        Markdown report; the chart goes next to it as FILE.svg
                       (default bench/results/latest.md)
  --json FILE          JSON results (default bench/results/latest.json)
  --color WHEN         auto, always or never (default auto; NO_COLOR is honoured)
  --root DIR           repository root (default: found from the current directory)
  --list               list sets, programs and implementations, then exit
  -h, --help           this text
";

/// When to use ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// When stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Parsed options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Quick mode.
    pub quick: bool,
    /// Selected sets (empty: all).
    pub sets: Vec<String>,
    /// Selected programs (empty: all).
    pub programs: Vec<String>,
    /// Selected implementations (empty: all).
    pub impls: Vec<String>,
    /// Timed runs (None: mode default).
    pub runs: Option<u32>,
    /// Skip the warm-up round.
    pub no_warmup: bool,
    /// Per-run timeout in seconds (None: mode default).
    pub timeout_s: Option<f64>,
    /// Slow-run limit in seconds (None: mode default).
    pub slow_s: Option<f64>,
    /// Markdown output path.
    pub out: Option<PathBuf>,
    /// JSON output path.
    pub json: Option<PathBuf>,
    /// Colour choice.
    pub color: Color,
    /// Repository root.
    pub root: Option<PathBuf>,
    /// Only list what would run.
    pub list: bool,
    /// Print the usage text.
    pub help: bool,
    /// The command line as given, for the report.
    pub command_line: String,
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        quick: false,
        sets: Vec::new(),
        programs: Vec::new(),
        impls: Vec::new(),
        runs: None,
        no_warmup: false,
        timeout_s: None,
        slow_s: None,
        out: None,
        json: None,
        color: Color::Auto,
        root: None,
        list: false,
        help: false,
        command_line: std::iter::once("taipan-bench".to_string())
            .chain(args.iter().cloned())
            .collect::<Vec<_>>()
            .join(" "),
    };
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            let v = args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))?;
            i += 1;
            Ok(v)
        };
        match name {
            "--quick" => o.quick = true,
            "--set" | "--sets" => o.sets.extend(split_list(&value()?)),
            "--program" | "--programs" => o.programs.extend(split_list(&value()?)),
            "--impl" | "--impls" => o.impls.extend(split_list(&value()?)),
            "--runs" => {
                let v = value()?;
                let n: u32 = v.parse().map_err(|_| format!("--runs: not a number: {v}"))?;
                if n == 0 {
                    return Err("--runs must be at least 1".to_string());
                }
                o.runs = Some(n);
            }
            "--no-warmup" => o.no_warmup = true,
            "--timeout" => {
                let v = value()?;
                let t: f64 = v.parse().map_err(|_| format!("--timeout: not a number: {v}"))?;
                if !(t.is_finite() && t > 0.0 && t < 1e6) {
                    return Err("--timeout must be between 0 and 1e6 seconds".to_string());
                }
                o.timeout_s = Some(t);
            }
            "--slow" => {
                let v = value()?;
                let t: f64 = v.parse().map_err(|_| format!("--slow: not a number: {v}"))?;
                if !(t.is_finite() && t > 0.0 && t < 1e6) {
                    return Err("--slow must be between 0 and 1e6 seconds".to_string());
                }
                o.slow_s = Some(t);
            }
            "--out" => o.out = Some(PathBuf::from(value()?)),
            "--json" => o.json = Some(PathBuf::from(value()?)),
            "--color" | "--colour" => {
                o.color = match value()?.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    other => {
                        return Err(format!("--color: expected auto, always or never, got {other}"));
                    }
                }
            }
            "--root" => o.root = Some(PathBuf::from(value()?)),
            "--list" => o.list = true,
            "-h" | "--help" => o.help = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_lists_and_values() {
        let o = parse(&strings(&[
            "--quick",
            "--set",
            "own,startup",
            "--runs=3",
            "--impl",
            "cpython",
        ]))
        .expect("valid");
        assert!(o.quick);
        assert_eq!(o.sets, ["own", "startup"]);
        assert_eq!(o.runs, Some(3));
        assert_eq!(o.impls, ["cpython"]);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&strings(&["--runs", "0"])).is_err());
        assert!(parse(&strings(&["--runs"])).is_err());
        assert!(parse(&strings(&["--timeout", "nan"])).is_err());
        assert!(parse(&strings(&["--frobnicate"])).is_err());
        assert!(parse(&strings(&["--color", "pink"])).is_err());
    }
}
