//! The text-IR filetests: every `tests/ir/**/*.ir` file of the repository is one test.
//!
//! File format:
//! ```text
//! ; passes: fold, cse, dce        (optional; pass names, or `pipeline`; none = round trip)
//! ; run: f(3, 4) == ret 7         (optional, repeatable; see below)
//! func @f(...) -> ... { ... }     (the input IR; any number of functions)
//! ; output:
//! <expected text>
//! ```
//! The expected text is the printed IR after the passes (each function verified before and
//! after every pass), or `parse error: ...` / `verify error: ...` / `pass error: ...` for
//! files that test diagnostics. `TAIPAN_BLESS=1 cargo test -p taipan-jit --test ir` rewrites
//! the expected text of every file from the actual output.
//!
//! Every file also checks that the printed IR parses back to the same functions.
//!
//! `run` directives: `; run: NAME(ARGS) [FRAME] == OUTCOME [FRAME]`. ARGS are integers,
//! floats (with a `.`, an exponent, `inf` or `NaN`), `true`/`false`, hex words, or `frame`
//! (the address of the scratch frame). FRAME is the initial scratch frame `[0: int 5,
//! 1: float 2.5, 2: none, 3: bool true, 4: obj 0x10]`; after `==` it is the frame expected at
//! the end (after an exit, with the snapshot written back). OUTCOME is `ret V`, `exit pc=N`
//! or `error: MESSAGE`. Each directive is run on the input IR and again on the IR after the
//! passes; both must give the expected outcome (or, after ` | optimized: `, the outcome the
//! optimized IR must give instead: an exit that snapshot sharing moved to an earlier resume
//! point), on the reference evaluator and on Cranelift
//! ([`run_call`]). Runs share state in file order (one session per IR version): exit
//! counts, bridges and invalidations carry over. `; hot: N` attaches each side trace
//! (`side @p xN`) once its exit was taken N times; `; exits: NAME == [a, b]` checks the
//! exit counts of NAME so far; `; invalidate: NAME` invalidates a trace (later runs that
//! reach it give `invalidated`).
//!
//! `tests/ir/record/*.rec` files are the recorder's filetests, run by [`record`] in this
//! same binary (format in `tests/support/record.rs`).

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use taipan_jit::backend::check::Session;
use taipan_jit::ir::eval::{FRAME_ADDR, SlotVal, Val};
use taipan_jit::ir::parse::parse_module;
use taipan_jit::ir::print::module_to_string;
use taipan_jit::ir::verify::verify;
use taipan_jit::ir::{Func, Module};
use taipan_jit::opt::run_passes;

#[path = "support/record.rs"]
mod record;

const OUTPUT_MARK: &str = "; output:";

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "ir" || e == "rec") {
            out.push(p);
        }
    }
}

/// One `run` directive.
#[derive(Debug)]
struct RunCall {
    func: String,
    args: Vec<Val>,
    frame: Option<Vec<SlotVal>>,
    expect: String,
    /// The optimized IR's outcome when it differs (` | optimized: ...`).
    expect_opt: Option<String>,
}

fn parse_val(s: &str) -> Result<Val, String> {
    let s = s.trim();
    if s == "frame" {
        return Ok(Val::Ptr(FRAME_ADDR));
    }
    if s == "true" || s == "false" {
        return Ok(Val::Bool(s == "true"));
    }
    if let Some(h) = s.strip_prefix("0x") {
        return u64::from_str_radix(h, 16)
            .map(Val::Ptr)
            .map_err(|_| format!("bad word '{s}'"));
    }
    if let Ok(k) = s.parse::<i64>() {
        return Ok(Val::I64(k));
    }
    s.parse::<f64>()
        .map(Val::F64)
        .map_err(|_| format!("bad argument '{s}'"))
}

fn parse_frame(s: &str) -> Result<Vec<SlotVal>, String> {
    let inner = s
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| format!("bad frame '{s}'"))?;
    let mut frame = Vec::new();
    for (i, part) in inner.split(',').filter(|p| !p.trim().is_empty()).enumerate() {
        let (idx, val) = part.split_once(':').ok_or_else(|| format!("bad frame slot '{part}'"))?;
        if idx.trim().parse::<usize>() != Ok(i) {
            return Err(format!("frame slots must be numbered 0, 1, ... ('{part}')"));
        }
        frame.push(SlotVal::parse(val.trim())?);
    }
    Ok(frame)
}

fn parse_run(line: &str) -> Result<RunCall, String> {
    let (call, expect) = line.split_once(" == ").ok_or("run: expected 'CALL == OUTCOME'")?;
    let open = call.find('(').ok_or("run: expected 'name(args)'")?;
    let close = call.rfind(')').ok_or("run: expected 'name(args)'")?;
    let func = call[..open].trim().to_string();
    let args_text = call.get(open + 1..close).unwrap_or("");
    let args = args_text
        .split(',')
        .filter(|a| !a.trim().is_empty())
        .map(parse_val)
        .collect::<Result<Vec<_>, _>>()?;
    let rest = call[close + 1..].trim();
    let frame = if rest.is_empty() {
        None
    } else {
        Some(parse_frame(rest)?)
    };
    let (expect, expect_opt) = match expect.split_once(" | optimized: ") {
        Some((e, o)) => (e, Some(o.trim().to_string())),
        None => (expect, None),
    };
    Ok(RunCall {
        func,
        args,
        frame,
        expect: expect.trim().to_string(),
        expect_opt,
    })
}

/// One stateful directive, in file order.
#[derive(Debug)]
enum Directive {
    /// `; run: ...`
    Run(RunCall),
    /// `; exits: NAME == [N, ...]`: the exit counts of NAME so far, on both engines.
    Exits(String, String),
    /// `; invalidate: NAME`
    Invalidate(String),
}

/// Executes one `run` call in `session` (both engines; see `backend::check::Session`) and
/// returns the outcome as directive text: `ret V [FRAME]`, `exit pc=N [FRAME]`,
/// `invalidated [FRAME]` or `error: MESSAGE`.
fn run_call(session: &mut Session, call: &RunCall) -> String {
    session.run(&call.func, &call.args, call.frame.as_deref())
}

/// The output text for `input` under `passes`, and the optimized module if there is one.
fn process(input: &str, passes: &[&str]) -> Result<(String, Option<(Module, Module)>), Failed> {
    let m = match parse_module(input) {
        Ok(m) => m,
        Err(e) => return Ok((format!("parse error: {e}\n"), None)),
    };
    for f in &m.funcs {
        if let Err(e) = verify(f) {
            return Ok((format!("verify error: {e}\n"), None));
        }
    }
    let mut out = Module::default();
    for f in &m.funcs {
        match run_passes(f, passes, true) {
            Ok(g) => out.funcs.push(g),
            Err(e) => return Ok((format!("pass error: {e}\n"), None)),
        }
    }
    let text = module_to_string(&out);
    let back = parse_module(&text).map_err(|e| format!("printed IR does not parse: {e}\n{text}"))?;
    let strip = |f: &Func| {
        let mut f = f.clone();
        f.lines.clear();
        f
    };
    for (a, b) in out.funcs.iter().zip(&back.funcs) {
        if strip(a) != strip(b) || out.funcs.len() != back.funcs.len() {
            return Err(format!("parse(print(ir)) differs from ir for @{}\n{text}", a.name).into());
        }
    }
    Ok((text, Some((m, out))))
}

fn run_file(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (input, expected) = match text.find(&format!("\n{OUTPUT_MARK}\n")) {
        Some(i) => (&text[..i + 1], Some(&text[i + OUTPUT_MARK.len() + 2..])),
        None => (text.as_str(), None),
    };
    let mut passes: Vec<&str> = Vec::new();
    let mut runs = Vec::new();
    let mut hot = None;
    for line in input.lines() {
        if let Some(p) = line.strip_prefix("; passes:") {
            passes.extend(p.split(',').map(str::trim).filter(|p| !p.is_empty()));
        } else if let Some(r) = line.strip_prefix("; run:") {
            runs.push(Directive::Run(parse_run(r.trim())?));
        } else if let Some(h) = line.strip_prefix("; hot:") {
            hot = Some(
                h.trim()
                    .parse::<u64>()
                    .map_err(|_| format!("bad hot threshold '{h}'"))?,
            );
        } else if let Some(e) = line.strip_prefix("; exits:") {
            let (name, expect) = e.split_once(" == ").ok_or("exits: expected 'NAME == [N, ...]'")?;
            runs.push(Directive::Exits(name.trim().to_string(), expect.trim().to_string()));
        } else if let Some(n) = line.strip_prefix("; invalidate:") {
            runs.push(Directive::Invalidate(n.trim().to_string()));
        }
    }
    let (actual, modules) = process(input, &passes)?;
    let mut errors = Vec::new();
    if std::env::var_os("TAIPAN_BLESS").is_some_and(|v| v == "1") {
        if expected != Some(actual.as_str()) {
            let new = format!("{input}{OUTPUT_MARK}\n{actual}");
            std::fs::write(path, new).map_err(|e| format!("bless {}: {e}", path.display()))?;
        }
    } else if expected != Some(actual.as_str()) {
        errors.push(format!(
            "output differs (TAIPAN_BLESS=1 to accept)\n--- expected\n{}--- actual\n{actual}",
            expected.unwrap_or("(no '; output:' section)\n")
        ));
    }
    if let Some((before, after)) = &modules {
        // Diagnostics files (no modules) have nothing to run.
        for (which, m) in [("input", before), ("optimized", after)] {
            let mut session = Session::new(m.clone(), hot);
            for d in &runs {
                let (what, want, got) = match d {
                    Directive::Run(call) => (
                        format!("run {}(...)", call.func),
                        match (&call.expect_opt, which) {
                            (Some(o), "optimized") => o,
                            _ => &call.expect,
                        },
                        run_call(&mut session, call),
                    ),
                    Directive::Exits(name, want) => (format!("exits {name}"), want, session.exit_counts(name)),
                    Directive::Invalidate(name) => {
                        session.invalidate(name);
                        continue;
                    }
                };
                if &got != want {
                    errors.push(format!("{what} on the {which} IR: expected `{want}`, got `{got}`"));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/ir");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let trials = files
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap_or(&p).to_string_lossy().into_owned();
            Trial::test(name, move || {
                if p.extension().is_some_and(|e| e == "rec") {
                    record::run_rec_file(&p)
                } else {
                    run_file(&p)
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
