//! The JIT's options, declared once in one table (`jit_options!`): the `JitOptions`
//! struct with its defaults, the environment variables, the command-line flags, their
//! parsing and the help text are all derived from it (the project's rule: one table per
//! set of options). Values come from the defaults, then the environment, then the
//! command line (`parse_cli_flag`, remembered before the Vm is made).

use std::sync::Mutex;

/// How an option's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptKind {
    /// `on` / `off` (`--jit=on`; the environment also takes `1` / `0`).
    OnOff,
    /// A non-negative count (`--jit-threshold N` or `--jit-threshold=N`).
    Count,
    /// A switch without a value (`--jit-stats`; the environment takes `1`).
    Flag,
    /// A file path (`--jit-dump-file PATH`; empty: none).
    Path,
    /// A comma-separated subset of the dump phases `bytecode`, `trace`, `opt`, `asm` (or
    /// `all`), as `--jit-dump` takes it; empty: no dump.
    Phases,
    /// A size in bytes with an optional `k`/`M`/`G` suffix (binary units), as
    /// [`taipan_jit::arena::parse_mem_size`] reads it.
    Size,
    /// Where Cranelift runs ([`AsyncMode`]): `on`, `off` or `wait` (the environment also
    /// takes `1` / `0`).
    Async,
}

/// Where traces are compiled (`--jit-async`; `docs/jit.md`, "Background compilation").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncMode {
    /// On the VM's thread, when the recording closes (the trace is installed at once).
    Off,
    /// On the compilation thread; the VM keeps running and installs the code at the first
    /// safe point (a back-edge or a function entry asking the JIT) after it is ready.
    On,
    /// On the compilation thread, but the VM waits for it at the first safe point after the
    /// recording closed: the deferred installation of `On` at a deterministic point (a
    /// test mode).
    Wait,
}

impl AsyncMode {
    /// The option's text form.
    pub fn name(self) -> &'static str {
        match self {
            AsyncMode::Off => "off",
            AsyncMode::On => "on",
            AsyncMode::Wait => "wait",
        }
    }
}

impl OptKind {
    /// The value's placeholder in the help text.
    fn metavar(self) -> &'static str {
        match self {
            OptKind::OnOff => "on|off",
            OptKind::Count => "N",
            OptKind::Flag => "",
            OptKind::Path => "PATH",
            OptKind::Phases => "PHASES",
            OptKind::Size => "SIZE",
            OptKind::Async => "on|off|wait",
        }
    }
}

/// The dump phases `--jit-dump` accepts, in the order a dump prints them.
pub const DUMP_PHASES: &[&str] = &["bytecode", "trace", "opt", "asm"];

/// One row of the option table, for help texts.
#[derive(Clone, Copy, Debug)]
pub struct OptionInfo {
    /// The field name.
    pub name: &'static str,
    /// The environment variable.
    pub env: &'static str,
    /// The command-line flag.
    pub flag: &'static str,
    /// How the value is written.
    pub kind: OptKind,
    /// The default, as written in the table.
    pub default: &'static str,
    /// What it does.
    pub doc: &'static str,
}

/// The Rust type of an option kind.
macro_rules! opt_type {
    (OnOff) => {
        bool
    };
    (Count) => {
        u32
    };
    (Flag) => {
        bool
    };
    (Path) => {
        String
    };
    (Phases) => {
        String
    };
    (Size) => {
        usize
    };
    (Async) => {
        AsyncMode
    };
}

/// The Rust value of an option's default as written in the table.
macro_rules! opt_default {
    (Path, $d:literal) => {
        String::from($d)
    };
    (Phases, $d:literal) => {
        String::from($d)
    };
    (Size, $d:literal) => {
        match taipan_jit::arena::parse_mem_size($d) {
            Some(n) => n,
            None => taipan_jit::arena::DEFAULT_CAPACITY,
        }
    };
    (Async, $d:literal) => {
        match parse_async("", $d) {
            Ok(m) => m,
            Err(_) => AsyncMode::Off,
        }
    };
    ($kind:ident, $d:literal) => {
        $d
    };
}

/// An option's value as `--jit-stats` prints it.
macro_rules! opt_show {
    (OnOff, $v:expr) => {
        if $v { "on" } else { "off" }.to_string()
    };
    (Path, $v:expr) => {
        if $v.is_empty() { "-".to_string() } else { $v.clone() }
    };
    (Phases, $v:expr) => {
        if $v.is_empty() { "-".to_string() } else { $v.clone() }
    };
    (Async, $v:expr) => {
        $v.name().to_string()
    };
    ($kind:ident, $v:expr) => {
        $v.to_string()
    };
}

/// Declares the JIT options once: `field: Kind = default, env, flag, doc`. Generates
/// [`JitOptions`] (with `Default`), [`OPTIONS`] and `JitOptions::set`.
macro_rules! jit_options {
    ($( $(#[doc = $doc:literal])+ $field:ident: $kind:ident = $default:literal, $env:literal, $flag:literal; )*) => {
        /// The JIT's settings (see [`OPTIONS`] for each one's variable and flag).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct JitOptions {
            $( $(#[doc = $doc])+ pub $field: opt_type!($kind), )*
        }

        impl Default for JitOptions {
            fn default() -> Self {
                JitOptions { $( $field: opt_default!($kind, $default), )* }
            }
        }

        /// Every option, in table order.
        pub const OPTIONS: &[OptionInfo] = &[ $( OptionInfo {
            name: stringify!($field),
            env: $env,
            flag: $flag,
            kind: OptKind::$kind,
            default: opt_default_text!($default),
            doc: concat!($($doc),+),
        }, )* ];

        impl JitOptions {
            /// Sets option `name` from its text form.
            ///
            /// # Errors
            /// A message for an unknown name or a malformed value.
            pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
                match name {
                    $( stringify!($field) => self.$field = parse_value!($kind, $flag, value)?, )*
                    _ => return Err(format!("unknown JIT option {name}")),
                }
                Ok(())
            }

            /// Option `name`'s value as `--jit-stats` prints it (`None`: no such option).
            pub fn show(&self, name: &str) -> Option<String> {
                match name {
                    $( stringify!($field) => Some(opt_show!($kind, self.$field)), )*
                    _ => None,
                }
            }
        }
    };
}

/// The text of a default in the table (a string literal without its quotes).
macro_rules! opt_default_text {
    ($d:literal) => {
        trim_quotes(stringify!($d))
    };
}

/// `s` without one pair of surrounding double quotes (a `const fn` for the option table).
const fn trim_quotes(s: &'static str) -> &'static str {
    match s.as_bytes() {
        [b'"', .., b'"'] => {
            let (_, rest) = s.split_at(1);
            let (mid, _) = rest.split_at(rest.len() - 1);
            mid
        }
        _ => s,
    }
}

/// Parses an option value of a kind.
macro_rules! parse_value {
    (OnOff, $flag:expr, $v:expr) => {
        match $v.trim() {
            "on" | "1" => Ok(true),
            "off" | "0" | "" => Ok(false),
            other => Err(format!("{}: expected on or off, got '{other}'", $flag)),
        }
    };
    (Count, $flag:expr, $v:expr) => {
        $v.trim()
            .parse::<u32>()
            .map_err(|_| format!("{}: expected a non-negative integer, got '{}'", $flag, $v))
    };
    (Flag, $flag:expr, $v:expr) => {
        Ok::<bool, String>(!matches!($v.trim(), "" | "0" | "off"))
    };
    (Path, $flag:expr, $v:expr) => {
        Ok::<String, String>($v.to_string())
    };
    (Phases, $flag:expr, $v:expr) => {
        parse_phases($flag, $v)
    };
    (Async, $flag:expr, $v:expr) => {
        parse_async($flag, $v)
    };
    (Size, $flag:expr, $v:expr) => {
        taipan_jit::arena::parse_mem_size($v).ok_or_else(|| {
            format!(
                "{}: expected a size in bytes such as 65536, 512k or 64M, got '{}'",
                $flag, $v
            )
        })
    };
}

/// Reads a `--jit-async` value: `on`/`1`, `off`/`0`/empty or `wait`.
///
/// # Errors
/// A message for anything else.
fn parse_async(flag: &str, v: &str) -> Result<AsyncMode, String> {
    match v.trim() {
        "on" | "1" => Ok(AsyncMode::On),
        "off" | "0" | "" => Ok(AsyncMode::Off),
        "wait" => Ok(AsyncMode::Wait),
        other => Err(format!("{flag}: expected on, off or wait, got '{other}'")),
    }
}

/// Reads a `--jit-dump` value: phases from [`DUMP_PHASES`] separated by commas, or `all`;
/// returns them comma-separated in [`DUMP_PHASES`] order (empty for an empty value).
///
/// # Errors
/// A message naming an unknown phase.
fn parse_phases(flag: &str, v: &str) -> Result<String, String> {
    let mut on = [false; 4];
    for word in v.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        if word == "all" {
            on = [true; 4];
            continue;
        }
        let k = DUMP_PHASES.iter().position(|p| *p == word).ok_or_else(|| {
            format!(
                "{flag}: unknown phase '{word}' (expected {} or all)",
                DUMP_PHASES.join(", ")
            )
        })?;
        if let Some(b) = on.get_mut(k) {
            *b = true;
        }
    }
    let picked: Vec<&str> = DUMP_PHASES
        .iter()
        .zip(on)
        .filter(|(_, b)| *b)
        .map(|(p, _)| *p)
        .collect();
    Ok(picked.join(","))
}

jit_options! {
    /// Compile hot loops to machine code (on) or only interpret (off: no counting at all).
    enabled: OnOff = true, "TAIPAN_JIT", "--jit";
    /// Back-edges a loop takes before it is recorded (1: at the first back-edge).
    threshold: Count = 100, "TAIPAN_JIT_THRESHOLD", "--jit-threshold";
    /// Print the JIT's statistics (recordings, aborts by reason, trace entries and exits,
    /// compile time, code size) to stderr at exit.
    stats: Flag = false, "TAIPAN_JIT_STATS", "--jit-stats";
    /// Deopt stress (a test mode): guards take their exit on purpose, the first time after
    /// N evaluations, then after N+1, N+2, ... up to N+63 and again from N (0: off).
    stress: Count = 0, "TAIPAN_JIT_STRESS", "--jit-stress";
    /// Deepest nesting of Python calls inlined into a trace (0: a call of a Python
    /// function aborts the recording; deeper calls, e.g. recursion, abort too).
    inline_depth: Count = 4, "TAIPAN_JIT_INLINE_DEPTH", "--jit-inline-depth";
    /// Print each compiled trace's phases to stderr (or the --jit-dump-file): a
    /// comma-separated subset of bytecode (the instructions recorded, and aborted
    /// recordings), trace (the recorded IR), opt (the optimized IR), asm (the machine
    /// code with the IR instruction of each piece), or all.
    dump: Phases = "", "TAIPAN_JIT_DUMP", "--jit-dump";
    /// Write the --jit-dump output to this file (created or truncated) instead of stderr.
    dump_file: Path = "", "TAIPAN_JIT_DUMP_FILE", "--jit-dump-file";
    /// Code memory budget of the JIT, in bytes (suffixes k, M, G). When it is full, a
    /// trace that does not fit is not compiled (counted as a compile failure) and its
    /// loop keeps running in the interpreter; traces already compiled stay.
    mem_size: Size = "64M", "TAIPAN_JIT_MEM_SIZE", "--jit-mem-size";
    /// Write /tmp/perf-PID.map (address, size and name of every compiled trace) so that
    /// Linux perf names JIT code in its reports.
    perf_map: Flag = false, "TAIPAN_PERF_MAP", "--perf-map";
    /// Exits taken through one exit of a trace before a side trace is recorded there
    /// (capped by the loop threshold, so `--jit-threshold 1` records at the first exit).
    hot_exit: Count = 10, "TAIPAN_JIT_HOT_EXIT", "--jit-hot-exit";
    /// Side traces attached to one root trace and its side traces, at most (0: none).
    max_side: Count = 32, "TAIPAN_JIT_MAX_SIDE", "--jit-max-side";
    /// Function traces from function entry (recursion; `jit_func.rs`).
    func: OnOff = true, "TAIPAN_JIT_FUNC", "--jit-func";
    /// Direct calls between function traces: a function trace's call of its own function
    /// jumps into the compiled trace instead of going through the call helper
    /// (`docs/jit.md`, "Function traces").
    direct_calls: OnOff = true, "TAIPAN_JIT_DIRECT_CALLS", "--jit-direct-calls";
    /// Opaque calls in loop traces: calls of callables the recorder does not translate or
    /// inline are made through the interpreter from the trace instead of aborting its
    /// recording (`docs/jit.md`, "Opaque calls in loop traces"); with them, slices and
    /// owned values handed over at links. On by default since session 14 (bm_fannkuch's
    /// loop nest runs in machine code: 31% fewer instructions).
    py_calls: OnOff = true, "TAIPAN_JIT_PY_CALLS", "--jit-py-calls";
    /// Opaque calls inside inlined calls (with `--jit-py-calls`): exits after them resume
    /// mid-callee through multi-frame snapshots (`docs/jit.md`, "Opaque calls inside
    /// inlined calls"). On by default since session 20, once pins were invalidated instead
    /// of re-checked after each opaque call (bm_richards: no `UnsupportedCall` aborts, 94%
    /// of bytecodes in machine code, 2,366M -> 1,848M instructions).
    mframe_calls: OnOff = true, "TAIPAN_JIT_MFRAME_CALLS", "--jit-mframe-calls";
    /// Background compilation: on (Cranelift runs on a second thread while the program
    /// goes on; the trace is installed at the next back-edge or function entry after it
    /// is ready), off (compiled when its recording closes), or wait (on the second thread,
    /// installed at the next such point, waiting for it: a deterministic test mode). Off by
    /// default: measured, it helps object-heavy programs and hurts numeric kernels
    /// (docs/jit.md, "Background compilation").
    async_compile: Async = "off", "TAIPAN_JIT_ASYNC", "--jit-async";
    /// Cranelift's e-graph pass (`opt_level=speed`) for root and function traces; off:
    /// every trace at `opt_level=none`, as side traces always are. Off by default since
    /// session 26: the lowering shares element addresses, computes a counter's previous
    /// value only where an exit needs it and advances counters at the back edge, and with
    /// that `none` runs as few or fewer instructions and compiles 15-30% faster
    /// (docs/jit.md, "Optimization level per trace").
    egraph: OnOff = false, "TAIPAN_JIT_EGRAPH", "--jit-egraph";
}

/// Command-line settings (they win over the environment); set before the Vm is made.
static CLI_OPTIONS: Mutex<Vec<(&'static str, String)>> = Mutex::new(Vec::new());

/// Parses a command-line argument that starts with `--jit`: returns how many arguments it
/// used (1 or 2, with `next` as the value of a count option) and remembers the setting for
/// the Vm.
///
/// # Errors
/// A message for an unknown flag or a malformed or missing value.
pub fn parse_cli_flag(arg: &str, next: Option<&str>) -> Result<usize, String> {
    let (flag, inline) = match arg.split_once('=') {
        Some((f, v)) => (f, Some(v)),
        None => (arg, None),
    };
    let info = OPTIONS
        .iter()
        .find(|o| o.flag == flag)
        .ok_or_else(|| format!("unknown option {arg}"))?;
    let (value, used) = match (info.kind, inline) {
        (OptKind::Flag, None) => ("1".to_string(), 1),
        (OptKind::Flag, Some(_)) => return Err(format!("{flag} takes no value")),
        (_, Some(v)) => (v.to_string(), 1),
        (OptKind::OnOff, None) => return Err(format!("{flag}=on|off expected")),
        (OptKind::Async, None) => return Err(format!("{flag}=on|off|wait expected")),
        (OptKind::Count | OptKind::Path | OptKind::Phases | OptKind::Size, None) => match next {
            Some(v) => (v.to_string(), 2),
            None => return Err(format!("{flag} expects a value")),
        },
    };
    JitOptions::default().set(info.name, &value)?;
    if let Ok(mut o) = CLI_OPTIONS.lock() {
        o.push((info.name, value));
    }
    Ok(used)
}

/// The options' lines of the command-line help.
pub fn options_help() -> String {
    let mut s = String::new();
    for o in OPTIONS {
        let head = match o.kind {
            OptKind::OnOff => format!("{}=on|off", o.flag),
            OptKind::Flag => o.flag.to_string(),
            k => format!("{} {}", o.flag, k.metavar()),
        };
        let doc = o.doc.split_whitespace().collect::<Vec<_>>().join(" ");
        let default = match (o.kind, o.default) {
            (OptKind::OnOff | OptKind::Flag, "true") => "on",
            (OptKind::OnOff | OptKind::Flag, "false") => "off",
            (_, "") => "none",
            (_, d) => d,
        };
        s.push_str(&format!("  {head}\n      {doc} [env {}; default {default}]\n", o.env));
    }
    s
}

impl JitOptions {
    /// The defaults, then the environment, then the command line.
    pub fn from_env() -> JitOptions {
        let mut o = JitOptions::default();
        for info in OPTIONS {
            if let Ok(v) = std::env::var(info.env) {
                // a malformed variable is ignored (as the interpreter's other variables)
                let _ = o.set(info.name, &v);
            }
        }
        if let Ok(cli) = CLI_OPTIONS.lock() {
            for (name, v) in cli.iter() {
                let _ = o.set(name, v);
            }
        }
        o
    }
}
