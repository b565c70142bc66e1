//! The `taipan` command: run a Python 3.11 program.
//!
//! Usage follows CPython's command line for the parts we support:
//! `taipan [options] FILE [ARGS...]`, `taipan run FILE [ARGS...]`,
//! `taipan [options] -c CODE [ARGS...]`, `taipan [options] - [ARGS...]`,
//! `taipan --version`, `taipan --help`. Everything after the program belongs to it
//! (`sys.argv`). Usage errors exit with status 2, as CPython's.
//!
//! Before the interpreter starts, a script argument is checked as CPython's `pymain_run_file`
//! and tokenizer do (`Modules/main.c`, `Parser/tokenizer.c`): an unreadable file is
//! `can't open file '<absolute path>': [Errno N] <strerror>` (status 2); a directory runs
//! its `__main__.py` or is `can't find '__main__' module in '<path>'` (status 1); bytes that
//! do not decode (see [`taipan_compiler::decode_source`]) are a `SyntaxError` (status 1).
//! Arguments that are not UTF-8 never panic: `-c` code is CPython's "Unable to decode the
//! command" error, program arguments are decoded as UTF-8 with `surrogateescape` (as
//! CPython under a UTF-8 locale: `$'\xff'` is `'\udcff'`).
//!
//! A Rust panic in the interpreter thread is reported as an internal error, status 70.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use taipan_compiler::{CompileError, DecodeError, decode_source};
use taipan_vm::{Program, Vm, run_main};

/// The usage text before the JIT options (which come from `taipan_vm::jit::OPTIONS`).
const USAGE_HEAD: &str = "usage: taipan [option] ... [-c cmd | file | -] [arg] ...
Options:
  -c cmd       program passed in as string (terminates option list)
  -            read the program from standard input
";

/// The usage text after the JIT options.
const USAGE_TAIL: &str = "  --interp-stats
               print the interpreter's specialization statistics (hits, misses and
               deoptimizations per instruction family) to stderr at exit
  --version    print the version and exit
  --help       print this help and exit
  -X opt, -S, -B, -E, -s, -u, -I, -O
               accepted for compatibility with CPython and ignored
Environment: TAIPAN_INTERP_STATS=1 (as --interp-stats),
  TAIPAN_SPECIALIZE_WARMUP=N (executions before an instruction specializes; default 8),
  TAIPAN_HOT_THRESHOLD=N (calls plus loop back-edges before code counts as hot; default 1000)
";

/// The full usage text (`--help`, usage errors).
fn usage() -> String {
    format!("{USAGE_HEAD}{}{USAGE_TAIL}", taipan_vm::jit::options_help())
}

/// The program's name in error messages (CPython prints its executable's path).
const EXE: &str = "taipan";

/// What the interpreter thread does.
enum Start {
    /// Run a program with this `sys.argv`.
    Run(Program, Vec<String>),
    /// Report a SyntaxError found while decoding the script (printed by the VM's
    /// traceback code, so it looks like any other SyntaxError).
    SyntaxError(Box<CompileError>, Vec<String>),
}

fn main() {
    let args: Vec<OsString> = std::env::args_os().collect();
    let start = match parse_command_line(&args) {
        Ok(s) => s,
        Err(status) => std::process::exit(status),
    };
    let handle = std::thread::Builder::new()
        .name("taipan-main".into())
        .stack_size(taipan_vm::INTERPRETER_STACK_BYTES)
        .spawn(move || match start {
            Start::Run(program, argv) => run_main(program, argv),
            Start::SyntaxError(e, argv) => {
                let mut vm = Vm::new(argv);
                let err = vm.syntax_error_from(&e);
                vm.report_uncaught(&err)
            }
        });
    let status = match handle {
        Ok(h) => h.join().unwrap_or_else(|_| {
            eprintln!("taipan: internal error (a Rust panic); please report this as a bug");
            70
        }),
        Err(e) => {
            eprintln!("taipan: cannot start the interpreter thread: {e}");
            70
        }
    };
    std::process::exit(status);
}

/// Parses the command line; `Err(status)` after printing a message (or `--version`).
fn parse_command_line(args: &[OsString]) -> Result<Start, i32> {
    let mut i = 1;
    while i < args.len() {
        let raw = &args[i];
        let a = raw.to_str().unwrap_or("");
        match a {
            "--version" | "-V" => {
                println!("taipan 0.1.0 (Python 3.11.7)");
                return Err(0);
            }
            "--help" | "-h" => {
                print!("{}", usage());
                return Err(0);
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -c option");
                    eprint!("{}", usage());
                    return Err(2);
                };
                let Some(code) = code.to_str() else {
                    let (c, pos) = first_surrogate_escape(code);
                    eprintln!("Unable to decode the command from the command line:");
                    eprintln!(
                        "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc{c:02x}' in position {pos}: \
                         surrogates not allowed"
                    );
                    return Err(1);
                };
                let argv = program_argv("-c", args.get(i + 2..).unwrap_or_default());
                return Ok(Start::Run(Program::Command(code.to_string()), argv));
            }
            "-" => {
                let argv = program_argv("-", args.get(i + 1..).unwrap_or_default());
                return Ok(Start::Run(Program::Stdin, argv));
            }
            "--" => {
                return match args.get(i + 1) {
                    Some(file) => script(file, args.get(i + 2..).unwrap_or_default()),
                    None => Ok(Start::Run(Program::Stdin, vec![String::new()])),
                };
            }
            "run" if i == 1 && args.len() > 2 => {
                i += 1;
                continue;
            }
            "-X" => {
                i += 2;
                continue;
            }
            "-S" | "-B" | "-E" | "-s" | "-u" | "-I" | "-O" | "-OO" | "-q" => {
                i += 1;
                continue;
            }
            "--interp-stats" => {
                taipan_vm::interp::specialize::enable_stats();
                i += 1;
                continue;
            }
            _ if a.starts_with("--jit") || a == "--perf-map" => {
                let next = args.get(i + 1).and_then(|n| n.to_str());
                match taipan_vm::jit::parse_cli_flag(a, next) {
                    Ok(used) => i += used,
                    Err(m) => {
                        eprintln!("{EXE}: {m}");
                        eprint!("{}", usage());
                        return Err(2);
                    }
                }
                continue;
            }
            _ if a.starts_with("-X") => {
                i += 1;
                continue;
            }
            _ if raw.as_encoded_bytes().first() == Some(&b'-') && raw.len() > 1 => {
                eprintln!("Unknown option: {}", raw.to_string_lossy());
                eprint!("{}", usage());
                return Err(2);
            }
            _ => return script(raw, args.get(i + 1..).unwrap_or_default()),
        }
    }
    // no program: like `python3 -` with a terminal we would start a REPL; read stdin
    Ok(Start::Run(Program::Stdin, vec![String::new()]))
}

/// A command-line argument as Python text: UTF-8 with `surrogateescape`, as CPython
/// under a UTF-8 locale (`$'\xff'` becomes `'\udcff'`).
fn arg_text(a: &OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    taipan_vm::builtins::codecs::utf8_surrogateescape(a.as_bytes())
}

/// `sys.argv` for a program named `first` followed by `rest`.
fn program_argv(first: &str, rest: &[OsString]) -> Vec<String> {
    let mut argv = vec![first.to_string()];
    argv.extend(rest.iter().map(|a| arg_text(a)));
    argv
}

/// The first byte of `s` that is not UTF-8 and its position in characters, as CPython's
/// surrogate-escape decoding of the command line sees it.
fn first_surrogate_escape(s: &OsStr) -> (u8, usize) {
    let bytes = s.as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(_) => (0, 0),
        Err(e) => {
            let at = e.valid_up_to();
            let prefix = std::str::from_utf8(bytes.get(..at).unwrap_or_default()).unwrap_or_default();
            (bytes.get(at).copied().unwrap_or(0), prefix.chars().count())
        }
    }
}

/// A path as CPython prints it: undecodable bytes as `\udcXX` surrogate escapes.
fn display_path(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    let mut out = String::new();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(rest.get(..good).unwrap_or_default()).unwrap_or_default());
                let bad = rest.get(good).copied().unwrap_or(0);
                out.push_str(&format!("\\udc{bad:02x}"));
                rest = rest.get(good + 1..).unwrap_or_default();
            }
        }
    }
}

/// CPython's absolute form of a script path: joined to the working directory, not
/// normalized (`python3 ../x.py` prints `/cwd/../x.py`); `""` is the directory itself.
fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    if path.as_os_str().is_empty() {
        cwd
    } else {
        cwd.join(path)
    }
}

/// The text of an OS error as CPython's `strerror` prints it (without Rust's suffix).
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) => s.get(..i).unwrap_or(&s).to_string(),
        None => s,
    }
}

/// Checks a script argument and decides how to start it.
fn script(file: &OsStr, rest: &[OsString]) -> Result<Start, i32> {
    let path = Path::new(file);
    let abs = absolute(path);
    let shown = display_path(&abs);
    let argv = {
        let mut v = vec![arg_text(file)];
        v.extend(rest.iter().map(|a| arg_text(a)));
        v
    };
    let is_dir = path.as_os_str().is_empty() || std::fs::metadata(path).is_ok_and(|m| m.is_dir());
    let target = if is_dir {
        let main = if path.as_os_str().is_empty() {
            PathBuf::from("__main__.py")
        } else {
            path.join("__main__.py")
        };
        if !main.is_file() {
            eprintln!("{EXE}: can't find '__main__' module in '{shown}'");
            return Err(1);
        }
        main
    } else {
        path.to_path_buf()
    };
    let bytes = match std::fs::read(&target) {
        Ok(b) => b,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            eprintln!("{EXE}: can't open file '{shown}': [Errno {errno}] {}", strerror(&e));
            return Err(2);
        }
    };
    let Some(target_str) = target.to_str() else {
        eprintln!("{EXE}: can't open file '{shown}': file names that are not UTF-8 are not supported");
        return Err(2);
    };
    let decode_name = display_path(&absolute(&target));
    match decode_source(&bytes, &decode_name) {
        Ok(_) => Ok(Start::Run(Program::File(target_str.to_string()), argv)),
        Err(DecodeError::Message(m)) => {
            eprintln!("SyntaxError: {m}");
            Err(1)
        }
        Err(DecodeError::Located(mut e)) => {
            // tracebacks show the path as given (as the interpreter's own do)
            e.filename = target_str.to_string();
            Ok(Start::SyntaxError(Box::new(e), argv))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::ffi::OsStrExt;

    use super::*;

    #[test]
    fn argv_is_decoded_with_surrogateescape() {
        let arg = arg_text(OsStr::from_bytes(b"a\xe9\x80\xffb\xc3\xa9"));
        let points: Vec<u32> = arg.chars().map(taipan_bytecode_code_point).collect();
        assert_eq!(points, [0x61, 0xdce9, 0xdc80, 0xdcff, 0x62, 0xe9]);
    }

    /// Python code point of a stored char (stand-ins of surrogates back to U+DC00..).
    fn taipan_bytecode_code_point(c: char) -> u32 {
        let n = u32::from(c);
        if n >= 0x10_F800 { n - 0x10_F800 + 0xD800 } else { n }
    }
}
