//! Draws the speedups of a report as an SVG bar chart with plotters' SVG backend.
//!
//! Layout: one horizontal group of bars per program (top to bottom in report order, then the
//! geometric mean per set), one bar per implementation other than the baseline. The x axis is
//! the speedup over the baseline on a logarithmic scale with a vertical line at 1×, so bars to
//! the right of the line are faster than CPython and bars to the left slower, and a 2× win
//! looks as large as a 2× loss. A wrong or failed result gets no bar but a red mark, so it can
//! not pass for a fast one. Program names are drawn in the left margin by hand, because a
//! numeric axis would put its tick labels at round values rather than at the groups.

use crate::report::{Report, Status};
use crate::table::fmt_speedup;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Bar colours, one per non-baseline implementation in table order (cycled).
const PALETTE: [RGBColor; 6] = [
    RGBColor(230, 145, 56),  // orange
    RGBColor(61, 133, 198),  // blue
    RGBColor(106, 168, 79),  // green
    RGBColor(142, 124, 195), // purple
    RGBColor(204, 65, 37),   // brick
    RGBColor(69, 129, 142),  // teal
];

const BAR_PX: u32 = 14;
const GROUP_GAP_PX: u32 = 10;

/// One bar (or mark) to draw.
struct Bar {
    row: usize,
    slot: usize,
    speedup: Option<f64>,
    bad: Option<&'static str>,
}

/// Renders the chart; `Err` carries plotters' message. `None` when nothing can be drawn.
pub fn svg(report: &Report) -> Result<Option<String>, String> {
    let impls: Vec<_> = report
        .active_impls()
        .into_iter()
        .filter(|i| i.name != report.baseline)
        .collect();
    if impls.is_empty() {
        return Ok(None);
    }
    let mut rows: Vec<String> = Vec::new();
    let mut bars: Vec<Bar> = Vec::new();
    for program in &report.programs {
        let row = rows.len();
        rows.push(format!("{}/{}", program.set, program.name));
        for (slot, imp) in impls.iter().enumerate() {
            let cell = program.cells.iter().find(|c| c.implementation == imp.name);
            let bad = match cell.map(|c| c.status) {
                Some(Status::Mismatch) => Some("wrong output"),
                Some(Status::Failed) => Some("failed"),
                _ => None,
            };
            bars.push(Bar {
                row,
                slot,
                speedup: cell.and_then(|c| c.speedup),
                bad,
            });
        }
    }
    let mut groups: Vec<String> = report.sets.clone();
    if groups.len() > 1 {
        groups.push("all".to_string());
    }
    for g in &groups {
        let row = rows.len();
        rows.push(format!("geomean {g}"));
        for (slot, imp) in impls.iter().enumerate() {
            let speedup = report.geomean(g, &imp.name).and_then(|gm| gm.speedup);
            bars.push(Bar {
                row,
                slot,
                speedup,
                bad: None,
            });
        }
    }
    let values: Vec<f64> = bars
        .iter()
        .filter_map(|b| b.speedup)
        .filter(|s| s.is_finite() && *s > 0.0)
        .collect();
    let lo = values.iter().copied().fold(1.0f64, f64::min) / 1.6;
    let hi = values.iter().copied().fold(1.0f64, f64::max) * 1.6;

    let slots = impls.len();
    // Sizes in pixels; the configuration is small, but saturate rather than overflow.
    let slots_u32 = u32::try_from(slots).unwrap_or(u32::MAX);
    let rows_u32 = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let longest = rows.iter().map(|r| r.chars().count()).max().unwrap_or(10).min(200) as u32;
    let group_px = BAR_PX.saturating_mul(slots_u32).saturating_add(GROUP_GAP_PX);
    let label_px = longest * 7 + 16;
    let legend_px = 24u32.saturating_mul(slots_u32.div_ceil(3));
    let width = 960u32;
    let height = group_px
        .saturating_mul(rows_u32)
        .saturating_add(legend_px)
        .saturating_add(128)
        .min(60_000);
    let n_rows = rows.len() as f64;
    let row_units = f64::from(group_px);

    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let title = format!(
            "Speedup over {} (log scale; right of 1× is faster)",
            report.label(&report.baseline)
        );
        let title_style = ("sans-serif", 18)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(title, (width as i32 / 2, 10), title_style))
            .map_err(|e| e.to_string())?;
        let subtitle = format!(
            "{} · commit {} · {} mode, median of {} run(s) · {}",
            report.date, report.commit, report.mode, report.runs, report.machine.cpu
        );
        let sub_style = ("sans-serif", 12)
            .into_font()
            .color(&RGBColor(90, 90, 90))
            .pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(subtitle, (width as i32 / 2, 32), sub_style))
            .map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_top(62 + legend_px)
            .x_label_area_size(36)
            .y_label_area_size(label_px)
            .build_cartesian_2d((lo..hi).log_scale(), 0.0..n_rows * row_units)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_mesh()
            .disable_y_axis()
            .y_labels(0)
            .x_labels(0)
            .x_label_formatter(&|_| String::new())
            .x_desc(format!(
                "speedup over {} (higher is better)",
                report.label(&report.baseline)
            ))
            .draw()
            .map_err(|e| e.to_string())?;
        // Ticks at 1-2-5 steps of each decade, drawn by hand: plotters' log axis labels only
        // the first decade's integers.
        let grid = RGBColor(225, 225, 225);
        for tick in log_ticks(lo, hi) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(tick, 0.0), (tick, n_rows * row_units)],
                    grid,
                )))
                .map_err(|e| e.to_string())?;
            let (px, py) = chart.backend_coord(&(tick, 0.0));
            let style = ("sans-serif", 11)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Top));
            root.draw(&Text::new(fmt_tick(tick), (px, py + 4), style))
                .map_err(|e| e.to_string())?;
        }
        // y grows upwards in plotters; row 0 goes at the top.
        let row_top = |row: usize| (n_rows - row as f64) * row_units;
        let bar_span = |row: usize, slot: usize| {
            let top = row_top(row) - f64::from(GROUP_GAP_PX) / 2.0 - f64::from(BAR_PX) * slot as f64;
            (top - f64::from(BAR_PX) + 1.0, top - 1.0)
        };
        let red = RGBColor(200, 0, 0);
        for bar in &bars {
            let (y0, y1) = bar_span(bar.row, bar.slot);
            let color = PALETTE.get(bar.slot % PALETTE.len()).copied().unwrap_or(BLUE);
            if let Some(s) = bar.speedup.filter(|s| s.is_finite() && *s > 0.0) {
                chart
                    .draw_series(std::iter::once(Rectangle::new([(1.0, y0), (s, y1)], color.filled())))
                    .map_err(|e| e.to_string())?;
                let (px, py) = chart.backend_coord(&(s, (y0 + y1) / 2.0));
                let pos = if s >= 1.0 {
                    Pos::new(HPos::Left, VPos::Center)
                } else {
                    Pos::new(HPos::Right, VPos::Center)
                };
                let dx = if s >= 1.0 { 4 } else { -4 };
                root.draw(&Text::new(
                    fmt_speedup(s),
                    (px + dx, py),
                    ("sans-serif", 11).into_font().color(&BLACK).pos(pos),
                ))
                .map_err(|e| e.to_string())?;
            } else if let Some(why) = bar.bad {
                let (px, py) = chart.backend_coord(&(1.0, (y0 + y1) / 2.0));
                let style = ("sans-serif", 11)
                    .into_font()
                    .color(&red)
                    .pos(Pos::new(HPos::Left, VPos::Center));
                root.draw(&Text::new(format!("✗ {why}"), (px + 4, py), style))
                    .map_err(|e| e.to_string())?;
            }
        }
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(1.0, 0.0), (1.0, n_rows * row_units)],
                BLACK.stroke_width(1),
            )))
            .map_err(|e| e.to_string())?;
        for (row, name) in rows.iter().enumerate() {
            let mid = row_top(row) - row_units / 2.0;
            let (px, py) = chart.backend_coord(&(lo, mid));
            let bold = name.starts_with("geomean");
            let font = ("sans-serif", 12).into_font();
            let font = if bold { font.style(FontStyle::Bold) } else { font };
            let style = font.color(&BLACK).pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(name.clone(), (px - 6, py), style))
                .map_err(|e| e.to_string())?;
        }
        // Legend: coloured squares with implementation labels, three per line, above the plot.
        for (slot, imp) in impls.iter().enumerate() {
            let color = PALETTE.get(slot % PALETTE.len()).copied().unwrap_or(BLUE);
            let x = 20 + 300 * (slot % 3) as i32;
            let y = i32::try_from(slot / 3).map_or(i32::MAX, |line| line.saturating_mul(24).saturating_add(56));
            root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], color.filled()))
                .map_err(|e| e.to_string())?;
            let style = ("sans-serif", 13)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Top));
            root.draw(&Text::new(imp.label.clone(), (x + 20, y), style))
                .map_err(|e| e.to_string())?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(Some(text))
}

/// Tick values at 1, 2 and 5 times each power of ten within `[lo, hi]`.
fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut ticks = Vec::new();
    if !(lo.is_finite() && hi.is_finite() && lo > 0.0 && hi > lo) {
        return ticks;
    }
    let first = lo.log10().floor() as i32;
    let last = hi.log10().ceil() as i32;
    for exp in first.max(-12)..=last.min(12) {
        for m in [1.0, 2.0, 5.0] {
            let t = m * 10f64.powi(exp);
            if t >= lo && t <= hi {
                ticks.push(t);
            }
        }
    }
    ticks
}

/// Tick label: `0.5×`, `1×`, `20×`.
fn fmt_tick(t: f64) -> String {
    if t >= 1.0 {
        format!("{t:.0}×")
    } else {
        format!("{}×", (t * 1000.0).round() / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_1_2_5() {
        assert_eq!(log_ticks(0.15, 12.0), vec![0.2, 0.5, 1.0, 2.0, 5.0, 10.0]);
        assert!(log_ticks(0.0, 1.0).is_empty());
        assert_eq!(fmt_tick(0.2), "0.2×");
        assert_eq!(fmt_tick(20.0), "20×");
    }
}
