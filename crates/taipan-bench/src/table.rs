//! Renders a report as a terminal table (with ANSI red for wrong or failed results) and as a
//! Markdown page.
//!
//! The terminal table has one line per program and implementation, so it stays readable with
//! many implementations; it is printed program by program while the harness runs, then closed
//! with the geometric means and the noise figures. The Markdown page has one table per set
//! with a column per implementation, the summary of geometric means, the machine, the date and
//! the commit, and embeds the SVG chart.

use crate::report::{Cell, ProgramReport, Report, Status};
use std::fmt::Write as _;

const RED: &str = "\x1b[31m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Formats seconds with a unit that keeps three or four significant digits.
pub fn fmt_time(seconds: f64) -> String {
    let (value, unit) = time_unit(seconds, seconds);
    format!("{} {unit}", fmt_sig(value))
}

/// Chooses a unit for `reference` and scales `seconds` to it.
fn time_unit(seconds: f64, reference: f64) -> (f64, &'static str) {
    if reference >= 1.0 {
        (seconds, "s")
    } else if reference >= 1e-3 {
        (seconds * 1e3, "ms")
    } else {
        (seconds * 1e6, "µs")
    }
}

/// Three significant digits for values ≥ 1, without scientific notation.
fn fmt_sig(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else if value >= 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    }
}

/// Formats a min–max range in the unit of `median`.
pub fn fmt_range(min: f64, max: f64, median: f64) -> String {
    let (lo, unit) = time_unit(min, median);
    let (hi, _) = time_unit(max, median);
    format!("{}–{} {unit}", fmt_sig(lo), fmt_sig(hi))
}

/// Formats KiB as MB (10^6 bytes), the unit `ps` and `top` users expect.
pub fn fmt_rss(kib: Option<u64>) -> String {
    match kib {
        Some(k) => format!("{:.1} MB", k as f64 * 1024.0 / 1e6),
        None => "?".to_string(),
    }
}

/// Formats a speedup as `6.39×`.
pub fn fmt_speedup(s: f64) -> String {
    if s >= 100.0 {
        format!("{s:.0}×")
    } else if s >= 10.0 {
        format!("{s:.1}×")
    } else {
        format!("{s:.2}×")
    }
}

/// Formats a fraction as a percentage.
pub fn fmt_pct(f: f64) -> String {
    format!("{:.1}%", f * 100.0)
}

fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    if len >= width {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(width - len))
    }
}

fn pad_left(text: &str, width: usize) -> String {
    let len = text.chars().count();
    if len >= width {
        text.to_string()
    } else {
        format!("{}{text}", " ".repeat(width - len))
    }
}

/// Shortens `text` to at most `max` characters, marking the cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Column widths of the terminal table.
#[derive(Debug, Clone, Copy)]
pub struct Widths {
    program: usize,
    label: usize,
}

impl Widths {
    /// Widths fitting the given program names and implementation labels.
    pub fn new<'a>(programs: impl Iterator<Item = &'a str>, labels: impl Iterator<Item = &'a str>) -> Widths {
        let program = programs.map(|p| p.chars().count()).max().unwrap_or(7).max(7);
        let label = labels.map(|l| l.chars().count()).max().unwrap_or(14).max(14);
        Widths { program, label }
    }
}

/// The header line of the terminal table.
pub fn terminal_header(w: Widths, color: bool) -> String {
    let line = format!(
        "{} {} {} {} {} {} {}",
        pad("program", w.program),
        pad("implementation", w.label),
        pad_left("median", 9),
        pad_left("min–max", 17),
        pad_left("spread", 7),
        pad_left("peak RSS", 9),
        pad_left("speedup", 9),
    );
    if color { format!("{BOLD}{line}{RESET}") } else { line }
}

/// The terminal lines of one program.
pub fn terminal_rows(report: &Report, program: &ProgramReport, w: Widths, color: bool) -> String {
    let mut out = String::new();
    let full_name = format!("{}/{}", program.set, program.name);
    for (i, cell) in program.cells.iter().enumerate() {
        let name = if i == 0 { full_name.as_str() } else { "" };
        let label = report.label(&cell.implementation);
        let line = terminal_cell(name, label, cell, w, color);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn terminal_cell(name: &str, label: &str, cell: &Cell, w: Widths, color: bool) -> String {
    let head = format!("{} {}", pad(name, w.program), pad(label, w.label));
    let several = cell.times_s.len() > 1;
    let timing = match (cell.median_s, cell.min_s, cell.max_s) {
        (Some(med), Some(lo), Some(hi)) => format!(
            "{} {} {} {}",
            pad_left(&fmt_time(med), 9),
            pad_left(
                &if several {
                    fmt_range(lo, hi, med)
                } else {
                    "–".to_string()
                },
                17
            ),
            pad_left(&cell.spread.filter(|_| several).map_or("–".to_string(), fmt_pct), 7),
            pad_left(&fmt_rss(cell.peak_rss_kib), 9),
        ),
        _ => String::new(),
    };
    match cell.status {
        Status::Ok | Status::Unchecked => {
            let ratio = match cell.speedup {
                Some(s) => fmt_speedup(s),
                None if cell.status == Status::Unchecked => "unchecked".to_string(),
                None => "–".to_string(),
            };
            let note = cell.detail.as_deref().map_or(String::new(), |d| format!(" ({d})"));
            format!("{head} {timing} {}{note}", pad_left(&ratio, 9))
        }
        Status::Mismatch => {
            let detail = format!("WRONG OUTPUT: {}", cell.detail.as_deref().unwrap_or(""));
            let text = format!("{head} {timing} {}", clip(&detail, 90));
            if color { format!("{RED}{text}{RESET}") } else { text }
        }
        Status::Failed => {
            let detail = format!("FAILED: {}", cell.detail.as_deref().unwrap_or(""));
            let text = format!("{head} {}", clip(&detail, 100));
            if color { format!("{RED}{text}{RESET}") } else { text }
        }
    }
}

/// Closing section of the terminal output: geometric means, noise, notes.
pub fn terminal_summary(report: &Report, color: bool) -> String {
    let mut out = String::new();
    let impls = report.active_impls();
    let mut groups: Vec<String> = report.sets.clone();
    if groups.len() > 1 {
        groups.push("all".to_string());
    }
    let title = format!(
        "geometric mean of speedups over {} (programs with correct output only)",
        report.label(&report.baseline)
    );
    let _ = writeln!(out, "\n{}", if color { format!("{BOLD}{title}{RESET}") } else { title });
    let label_w = impls
        .iter()
        .map(|i| i.label.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    let mut header = pad("", label_w);
    for g in &groups {
        header.push_str(&pad_left(g, 18));
    }
    let _ = writeln!(out, "{header}");
    for imp in &impls {
        let mut line = pad(&imp.label, label_w);
        for g in &groups {
            let text = match report.geomean(g, &imp.name) {
                Some(gm) => match gm.speedup {
                    Some(s) if gm.excluded > 0 => {
                        format!("{} ({} left out)", fmt_speedup(s), gm.excluded)
                    }
                    Some(s) => fmt_speedup(s),
                    None => "–".to_string(),
                },
                None => "–".to_string(),
            };
            line.push_str(&pad_left(&text, 18));
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n{}", noise_line(report));
    for imp in report.implementations.iter().filter(|i| i.skipped.is_some()) {
        let note = format!("skipped {}: {}", imp.name, imp.skipped.as_deref().unwrap_or(""));
        let _ = writeln!(out, "{}", if color { format!("{DIM}{note}{RESET}") } else { note });
    }
    for note in &report.notes {
        let _ = writeln!(
            out,
            "{}",
            if color {
                format!("{DIM}note: {note}{RESET}")
            } else {
                format!("note: {note}")
            }
        );
    }
    out
}

/// One sentence on how noisy the machine was.
pub fn noise_line(report: &Report) -> String {
    let n = &report.noise;
    let load = |l: Option<[f64; 3]>| l.map_or("?".to_string(), |l| format!("{:.2} {:.2} {:.2}", l[0], l[1], l[2]));
    let mut text = format!(
        "noise: load average {} at start, {} at end",
        load(n.load_before),
        load(n.load_after)
    );
    if let Some(max) = n.load_max_1min {
        let _ = write!(text, " (1-min peak {max:.2})");
    }
    let _ = write!(text, " on {} cores", report.machine.cores);
    if let Some(m) = n.median_spread {
        let _ = write!(text, "; spread (max−min)/median: median {}", fmt_pct(m));
        if let Some(x) = n.max_spread {
            let _ = write!(text, ", worst {}", fmt_pct(x));
        }
    }
    text
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn md_cell(cell: Option<&Cell>, is_baseline: bool) -> String {
    let Some(cell) = cell else {
        return "–".to_string();
    };
    let timing = match (cell.median_s, cell.min_s, cell.max_s) {
        (Some(med), Some(lo), Some(hi)) if cell.times_s.len() > 1 => {
            format!("{} ({})", fmt_time(med), fmt_range(lo, hi, med))
        }
        (Some(med), _, _) => fmt_time(med),
        _ => String::new(),
    };
    match cell.status {
        Status::Ok | Status::Unchecked => {
            let mut text = timing;
            if let Some(s) = cell.speedup.filter(|_| !is_baseline) {
                let _ = write!(text, " · **{}**", fmt_speedup(s));
            }
            let _ = write!(text, " · {}", fmt_rss(cell.peak_rss_kib));
            if cell.status == Status::Unchecked {
                text.push_str(" · unchecked");
            }
            if let Some(d) = &cell.detail {
                let _ = write!(text, " · {}", md_escape(d));
            }
            text
        }
        Status::Mismatch => format!(
            "❌ wrong output ({}) · {timing}",
            md_escape(&clip(cell.detail.as_deref().unwrap_or(""), 60))
        ),
        Status::Failed => format!(
            "❌ failed: {}",
            md_escape(&clip(cell.detail.as_deref().unwrap_or(""), 60))
        ),
    }
}

/// The Markdown page; `svg_name` is the chart's file name relative to the page, `json_name`
/// where the raw data went.
pub fn markdown(report: &Report, svg_name: Option<&str>, json_name: &str) -> String {
    let mut out = String::new();
    let impls = report.active_impls();
    let m = &report.machine;
    let _ = writeln!(out, "# Performance\n");
    let _ = writeln!(
        out,
        "Generated by `taipan-bench` (`{}`) on {} at commit `{}`.\n",
        md_escape(&report.command),
        report.date,
        report.commit
    );
    let mem = m.memory_gib.map_or("?".to_string(), |g| format!("{g:.0} GiB"));
    let _ = writeln!(
        out,
        "- Machine: {} ({} cores, {mem} RAM), Linux {}",
        m.cpu, m.cores, m.kernel
    );
    let warm = if report.warmup {
        " after 1 untimed warm-up run"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "- Mode: {}: {} timed run(s) per program and implementation{warm}, interleaved (A B C A B C …)",
        report.mode, report.runs
    );
    let _ = writeln!(out, "- {}", noise_line(report).replacen("noise: ", "Noise: ", 1));
    let _ = writeln!(out, "- Implementations:");
    for imp in &report.implementations {
        match &imp.skipped {
            None => {
                let env: Vec<String> = imp.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let env = if env.is_empty() {
                    String::new()
                } else {
                    format!("{} ", env.join(" "))
                };
                let _ = writeln!(
                    out,
                    "  - **{}**: `{env}{}`",
                    imp.label,
                    md_escape(&imp.command.join(" "))
                );
            }
            Some(why) => {
                let _ = writeln!(out, "  - {}: skipped ({})", imp.name, md_escape(why));
            }
        }
    }
    let _ = writeln!(
        out,
        "\nEach cell: median time (min–max) · speedup over {} (its median divided by this one; above 1 is faster) · \
         peak RSS. Own programs and start-up are timed by wall clock (start-up per invocation); pyperformance \
         benchmarks report only their measured loops. Output is compared with {}'s: a wrong answer (❌) is \
         left out of the geometric means.\n",
        report.label(&report.baseline),
        report.label(&report.baseline)
    );
    if let Some(svg) = svg_name {
        let _ = writeln!(out, "![Speedup over {}]({svg})\n", report.label(&report.baseline));
    }
    let mut groups: Vec<String> = report.sets.clone();
    if groups.len() > 1 {
        groups.push("all".to_string());
    }
    let _ = writeln!(out, "## Geometric mean of speedups\n");
    let _ = writeln!(out, "| implementation | {} |", groups.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(groups.len()));
    for imp in &impls {
        let mut row = format!("| {} |", imp.label);
        for g in &groups {
            let text = match report.geomean(g, &imp.name) {
                Some(gm) => match gm.speedup {
                    Some(s) => format!("{} ({}/{})", fmt_speedup(s), gm.counted, gm.counted + gm.excluded),
                    None => "–".to_string(),
                },
                None => "–".to_string(),
            };
            let _ = write!(row, " {text} |");
        }
        let _ = writeln!(out, "{row}");
    }
    for set in &report.sets {
        let _ = writeln!(out, "\n## {set}\n");
        let _ = writeln!(
            out,
            "| program | {} |",
            impls.iter().map(|i| i.label.as_str()).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(out, "|---|{}", "---|".repeat(impls.len()));
        for program in report.programs.iter().filter(|p| &p.set == set) {
            let mut row = format!("| {} |", md_escape(&program.name));
            for imp in &impls {
                let cell = program.cells.iter().find(|c| c.implementation == imp.name);
                let _ = write!(row, " {} |", md_cell(cell, imp.name == report.baseline));
            }
            let _ = writeln!(out, "{row}");
        }
    }
    let with_stats: Vec<(&ProgramReport, &Cell)> = report
        .programs
        .iter()
        .flat_map(|p| p.cells.iter().map(move |c| (p, c)))
        .filter(|(_, c)| !c.jit_stats.is_empty())
        .collect();
    let compiling: Vec<&(&ProgramReport, &Cell)> = with_stats.iter().filter(|(_, c)| traces_compiled(c) > 0).collect();
    if !compiling.is_empty() {
        let _ = writeln!(out, "\n## JIT compile time\n");
        let _ = writeln!(
            out,
            "From the `--jit-stats` run of each program (one more untimed run): traces compiled, the \
             time the VM's thread spent from the start of all recordings (aborted ones included) to \
             the installation of every trace, the median and largest such time of one compiled \
             trace, the total as a share of that run's wall time, and Cranelift's time (`backend_us`, \
             plus installing), which runs on a compilation thread with `--jit-async=on` (off by \
             default).\n"
        );
        let _ = writeln!(
            out,
            "| program | implementation | traces | total | median per trace | max per trace | share of run | Cranelift |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|");
        for (p, c) in compiling {
            let get = |k: &str| c.jit_stats.get(k).copied();
            let ms = |us: Option<f64>| us.map_or("?".to_string(), |u| fmt_time(u / 1e6));
            let share = match (get("total_us"), get("run_wall_s")) {
                (Some(us), Some(w)) if w > 0.0 => fmt_pct(us / 1e6 / w),
                _ => "?".to_string(),
            };
            let _ = writeln!(
                out,
                "| {}/{} | {} | {} | {} | {} | {} | {share} | {} |",
                p.set,
                md_escape(&p.name),
                report.label(&c.implementation),
                traces_compiled(c),
                ms(get("total_us")),
                ms(get("trace_median_us")),
                ms(get("trace_max_us")),
                ms(get("backend_us")),
            );
        }
    }
    if !with_stats.is_empty() {
        let _ = writeln!(out, "\n## JIT statistics\n");
        let _ = writeln!(out, "| program | implementation | figures |");
        let _ = writeln!(out, "|---|---|---|");
        for (p, c) in with_stats {
            let figures: Vec<String> = c.jit_stats.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = writeln!(
                out,
                "| {}/{} | {} | {} |",
                p.set,
                md_escape(&p.name),
                report.label(&c.implementation),
                md_escape(&figures.join(", "))
            );
        }
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "\n## Notes\n");
        for note in &report.notes {
            let _ = writeln!(out, "- {}", md_escape(note));
        }
    }
    let _ = writeln!(
        out,
        "\nThe harness took {:.0} s. Raw data: `{json_name}`.",
        report.duration_s
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_units() {
        assert_eq!(fmt_time(1.23456), "1.23 s");
        assert_eq!(fmt_time(0.0123), "12.3 ms");
        assert_eq!(fmt_time(0.000_123_4), "123 µs");
        assert_eq!(fmt_range(0.011, 0.0135, 0.012), "11.0–13.5 ms");
    }

    #[test]
    fn speedups_and_memory() {
        assert_eq!(fmt_speedup(6.389), "6.39×");
        assert_eq!(fmt_speedup(12.34), "12.3×");
        assert_eq!(fmt_speedup(0.25), "0.25×");
        assert_eq!(fmt_rss(Some(8884)), "9.1 MB");
        assert_eq!(fmt_rss(None), "?");
    }

    #[test]
    fn clipping_counts_characters() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("µµ", 4), "µµ");
    }
}

/// Traces a `--jit-stats` run compiled: loop traces (`compiled`) and function traces
/// (`func_compiled`).
fn traces_compiled(c: &Cell) -> u64 {
    let get = |k: &str| c.jit_stats.get(k).copied().unwrap_or(0.0);
    (get("compiled") + get("func_compiled")) as u64
}
