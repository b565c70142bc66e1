//! The `taipan` command: run a Python 3.11 program.
//!
//! Usage follows CPython's command line for the parts we support:
//! `taipan [options] FILE [ARGS...]`, `taipan run FILE [ARGS...]`,
//! `taipan [options] -c CODE [ARGS...]`, `taipan [options] - [ARGS...]`,
//! `taipan --version`, `taipan --help`. Everything after the program belongs to it
//! (`sys.argv`). Usage errors exit with status 2, as CPython's.

use taipan_vm::{Program, run_main};

const USAGE: &str = "usage: taipan [option] ... [-c cmd | file | -] [arg] ...
Options:
  -c cmd       program passed in as string (terminates option list)
  -            read the program from standard input
  --jit=off|on select the execution tier (the JIT does not exist yet: both interpret)
  --version    print the version and exit
  --help       print this help and exit
  -X opt, -S, -B, -E, -s, -u, -I, -O
               accepted for compatibility with CPython and ignored
";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    let mut program = None;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--version" | "-V" => {
                println!("taipan 0.1.0 (Python 3.11.7)");
                return;
            }
            "--help" | "-h" => {
                print!("{USAGE}");
                return;
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -c option");
                    eprint!("{USAGE}");
                    std::process::exit(2);
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                program = Some((Program::Command(code.clone()), argv));
                break;
            }
            "-" => {
                let mut argv = vec!["-".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                program = Some((Program::Stdin, argv));
                break;
            }
            "run" if program.is_none() && i == 1 && args.len() > 2 => {
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
            _ if a.starts_with("--jit=") || a.starts_with("-X") => {
                i += 1;
                continue;
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                eprintln!("Unknown option: {a}");
                eprint!("{USAGE}");
                std::process::exit(2);
            }
            _ => {
                let argv = args[i..].to_vec();
                program = Some((Program::File(a.to_string()), argv));
                break;
            }
        }
    }
    let (program, argv) = match program {
        Some(p) => p,
        None => {
            // no program: like `python3 -` with a terminal we would start a REPL; read stdin
            (Program::Stdin, vec![String::new()])
        }
    };
    let handle = std::thread::Builder::new()
        .name("taipan-main".into())
        .stack_size(taipan_vm::INTERPRETER_STACK_BYTES)
        .spawn(move || run_main(program, argv));
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
