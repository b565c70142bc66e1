//! `taipan-bench`: runs the benchmark programs under taipan, CPython and PyPy and reports where
//! taipan stands.
//!
//! Flow: read `bench/programs.json` and `bench/implementations.json`; resolve every
//! implementation (skipping missing ones with a note); prepare the sets (fetch pyperformance
//! into `bench/.cache` if needed); run each program under all implementations, interleaved,
//! checking outputs against CPython's (see `runner`); then print the geometric means and the
//! noise figures and write JSON, Markdown and an SVG chart. Missing implementations, failing
//! programs and unwritable outputs are reported, never fatal: the exit status is 2 only for a
//! bad command line or unreadable configuration.
//!
//! Usage is documented in `bench/README.md` and by `--help`.

#![forbid(unsafe_code)]

/// `println!` that ignores write errors (a closed pipe must not panic the harness).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `print!` without the newline, ignoring write errors.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut out = std::io::stdout();
        let _ = write!(out, $($arg)*);
        let _ = out.flush();
    }};
}

/// `eprintln!` that ignores write errors.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod chart;
mod cli;
mod config;
mod impls;
mod machine;
mod measure;
mod report;
mod runner;
mod stats;
mod table;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use impls::{Impl, Resolved};
use report::{ImplReport, Noise, Report};
use runner::RunSettings;

/// Finds the repository root: the nearest ancestor of the current directory holding
/// `bench/programs.json`, else the one this crate was built from.
fn find_root() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    for dir in cwd.ancestors() {
        if dir.join("bench/programs.json").is_file() {
            return Some(dir.to_path_buf());
        }
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    built
        .join("bench/programs.json")
        .is_file()
        .then(|| built.canonicalize().unwrap_or(built))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(measure::WRAPPER_ARG) {
        std::process::exit(measure::wrapper_main(args.get(1..).unwrap_or(&[])));
    }
    let options = match cli::parse(&args) {
        Ok(o) => o,
        Err(e) => {
            note!("taipan-bench: {e}\n\n{}", cli::USAGE);
            std::process::exit(2);
        }
    };
    if options.help {
        say_raw!("{}", cli::USAGE);
        return;
    }
    if let Err(e) = run(&options) {
        note!("taipan-bench: {e}");
        std::process::exit(2);
    }
}

/// Everything after option parsing; `Err` only for configuration problems.
fn run(o: &cli::Options) -> Result<(), String> {
    let started = Instant::now();
    let root = match &o.root {
        Some(r) => r.clone(),
        None => find_root().ok_or("cannot find the repository root (bench/programs.json); use --root")?,
    };
    let programs_file = config::load_programs(&root)?;
    let impls_file = config::load_impls(&root)?;
    let all_sets: Vec<String> = {
        let mut sets: Vec<String> = Vec::new();
        for p in &programs_file.programs {
            if !sets.contains(&p.set) {
                sets.push(p.set.clone());
            }
        }
        sets
    };
    for s in &o.sets {
        if !all_sets.contains(s) {
            return Err(format!("unknown set {s} (known: {})", all_sets.join(", ")));
        }
    }
    // Keep the configuration's order whatever order --set gave.
    let sets: Vec<String> = all_sets
        .iter()
        .filter(|s| o.sets.is_empty() || o.sets.contains(s))
        .cloned()
        .collect();
    for name in &o.impls {
        if !impls_file.implementations.iter().any(|i| &i.name == name) {
            let known: Vec<&str> = impls_file.implementations.iter().map(|i| i.name.as_str()).collect();
            return Err(format!("unknown implementation {name} (known: {})", known.join(", ")));
        }
    }
    let mut programs: Vec<config::Program> = programs_file
        .programs
        .iter()
        .filter(|p| sets.contains(&p.set))
        .filter(|p| {
            o.programs.is_empty()
                || o.programs
                    .iter()
                    .any(|want| *want == p.name || *want == format!("{}/{}", p.set, p.name))
        })
        .cloned()
        .collect();
    if programs.is_empty() {
        return Err("no program matches the selection".to_string());
    }

    if o.list {
        say!(
            "sets and programs (bench/programs.json), {} mode:",
            if o.quick { "quick" } else { "full" }
        );
        for set in &sets {
            let info = programs_file.sets.get(set).cloned().unwrap_or_default();
            say!("{set}: {}", info.description);
            for p in programs.iter().filter(|p| &p.set == set) {
                let mut words: Vec<String> = p.pre_args.clone();
                words.extend(p.script.iter().cloned());
                words.extend(p.mode_args(o.quick).iter().cloned());
                say!("  {:<18} {}\n  {:<18} {}", p.name, p.description, "", words.join(" "));
            }
        }
        say!("implementations (bench/implementations.json):");
        for spec in &impls_file.implementations {
            say!("  {:<18} {}", spec.name, spec.description);
        }
    }

    // Resolve implementations; the baseline is always included for the output check.
    let mut impl_reports = Vec::new();
    let mut ready: Vec<Impl> = Vec::new();
    for spec in &impls_file.implementations {
        if !o.impls.is_empty() && !o.impls.contains(&spec.name) && spec.name != impls_file.baseline {
            continue;
        }
        match impls::resolve(spec, &root) {
            Resolved::Ready(imp) => {
                note!("taipan-bench: {:<14} {} ({})", imp.name, imp.argv.join(" "), imp.label);
                impl_reports.push(ImplReport {
                    name: imp.name.clone(),
                    label: imp.label.clone(),
                    command: imp.argv.clone(),
                    env: imp.env.clone(),
                    version: imp.version.clone(),
                    skipped: None,
                });
                ready.push(imp);
            }
            Resolved::Skipped { name, note } => {
                note!("taipan-bench: {name:<14} skipped: {note}");
                impl_reports.push(ImplReport {
                    name: name.clone(),
                    label: spec.label.clone().unwrap_or(name),
                    command: vec![spec.command.clone()],
                    env: spec.env.clone(),
                    version: None,
                    skipped: Some(note),
                });
            }
        }
    }
    if o.list {
        return Ok(());
    }
    let mut notes = Vec::new();
    if !ready.iter().any(|i| i.name == impls_file.baseline) {
        notes.push(format!(
            "the baseline {} is not available: outputs are unchecked and there are no speedups",
            impls_file.baseline
        ));
    }

    // Prepare sets (pyperformance download); drop the programs of a set that cannot run.
    let mut active_sets = Vec::new();
    for set in &sets {
        let info = programs_file.sets.get(set).cloned().unwrap_or_default();
        match runner::prepare_set(&root, info.requires.as_deref(), info.prepare.as_deref()) {
            None => active_sets.push(set.clone()),
            Some(note) => {
                note!("taipan-bench: skipping set {set}: {note}");
                notes.push(format!("set {set} skipped: {note}"));
                programs.retain(|p| &p.set != set);
            }
        }
    }

    let settings = RunSettings {
        root: root.clone(),
        quick: o.quick,
        runs: o.runs.unwrap_or(if o.quick { 1 } else { 5 }),
        warmup: !o.quick && !o.no_warmup,
        timeout: Duration::from_secs_f64(o.timeout_s.unwrap_or(if o.quick { 60.0 } else { 300.0 })),
        slow_s: o.slow_s.unwrap_or(if o.quick { 20.0 } else { 40.0 }),
        baseline: impls_file.baseline.clone(),
    };
    let color = match o.color {
        cli::Color::Always => true,
        cli::Color::Never => false,
        cli::Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let baseline_label = ready
        .iter()
        .find(|i| i.name == impls_file.baseline)
        .map_or(impls_file.baseline.clone(), |i| i.label.clone());

    let mut report = Report {
        schema: report::SCHEMA,
        date: machine::utc_now(),
        commit: machine::git_commit(&root),
        machine: machine::machine_info(),
        mode: if o.quick { "quick" } else { "full" }.to_string(),
        runs: settings.runs,
        warmup: settings.warmup,
        command: o.command_line.clone(),
        sets: active_sets,
        baseline: impls_file.baseline.clone(),
        implementations: impl_reports,
        programs: Vec::new(),
        geomeans: Vec::new(),
        noise: Noise {
            load_before: machine::load_average(),
            ..Noise::default()
        },
        notes,
        duration_s: 0.0,
    };

    let names: Vec<String> = programs.iter().map(|p| format!("{}/{}", p.set, p.name)).collect();
    let widths = table::Widths::new(names.iter().map(String::as_str), ready.iter().map(|i| i.label.as_str()));
    say!("{}", table::terminal_header(widths, color));
    note!("taipan-bench: speedups are over {baseline_label}; wrong outputs are shown in red");
    let mut load_max: Option<f64> = None;
    let total = programs.len();
    for (n, program) in programs.iter().enumerate() {
        if let Some(l) = runner::load_now() {
            load_max = Some(load_max.map_or(l, |m: f64| m.max(l)));
        }
        note!("taipan-bench: [{}/{total}] {}/{}", n + 1, program.set, program.name);
        let pythonpath = programs_file
            .sets
            .get(&program.set)
            .map(|s| s.pythonpath.clone())
            .unwrap_or_default();
        let result = runner::run_program(program, &pythonpath, &ready, &settings);
        report.programs.push(result);
        // Speedups need the whole row; recompute so the streamed lines show them.
        report.finish();
        if let Some(last) = report.programs.last() {
            say_raw!("{}", table::terminal_rows(&report, last, widths, color));
        }
    }
    report.noise.load_after = machine::load_average();
    report.noise.load_max_1min = load_max;
    report.duration_s = started.elapsed().as_secs_f64();
    report.finish();
    say_raw!("{}", table::terminal_summary(&report, color));

    write_outputs(&report, o, &root);
    Ok(())
}

/// Writes JSON, Markdown and SVG; failures are printed, not fatal.
fn write_outputs(report: &Report, o: &cli::Options, root: &Path) {
    let json_path = o.json.clone().unwrap_or_else(|| root.join("bench/results/latest.json"));
    let md_path = o.out.clone().unwrap_or_else(|| root.join("bench/results/latest.md"));
    let svg_path = md_path.with_extension("svg");
    match report.write_json(&json_path) {
        Ok(()) => say!("wrote {}", json_path.display()),
        Err(e) => note!("taipan-bench: {e}"),
    }
    let svg_name = match chart::svg(report) {
        Ok(Some(svg)) => match report::write_file(&svg_path, &svg) {
            Ok(()) => {
                say!("wrote {}", svg_path.display());
                svg_path.file_name().map(|n| n.to_string_lossy().into_owned())
            }
            Err(e) => {
                note!("taipan-bench: {e}");
                None
            }
        },
        Ok(None) => None,
        Err(e) => {
            note!("taipan-bench: chart not drawn: {e}");
            None
        }
    };
    let json_name = json_path.strip_prefix(root).unwrap_or(&json_path).display().to_string();
    match report::write_file(&md_path, &table::markdown(report, svg_name.as_deref(), &json_name)) {
        Ok(()) => say!("wrote {}", md_path.display()),
        Err(e) => note!("taipan-bench: {e}"),
    }
}
