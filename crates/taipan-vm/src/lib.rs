//! taipan's virtual machine: values, objects, the tier-0 interpreter, built-ins and
//! native modules. The entry points are [`run_main`] (a program file or string) and
//! [`Vm`].
//!
//! Layout: `value`/`object` (representation), `types`/`exceptions` (built-in type
//! objects), `interp` (the dispatch loop), `call`/`attr`/`ops`/`numops`/`subscript`
//! (protocols), `builtins/` (built-in functions and methods), `modules/` (sys, math,
//! time), `support/` (pure algorithms with no VM dependency: number formatting, int
//! arithmetic, hashing, hash tables, str methods).

pub mod attr;
pub mod builtins;
pub mod call;
pub mod code;
pub mod dict;
pub mod exceptions;
pub mod file;
pub mod gc;
pub mod generator;
pub mod import;
pub mod interp;
pub mod iter;
pub mod jit;
pub mod modules;
pub mod numops;
pub mod object;
pub mod ops;
pub mod repr;
pub mod set;
pub mod shape;
pub mod small_alloc;
pub mod subscript;
pub mod suggest;
pub mod support;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

use std::rc::Rc;

pub use value::Value;
pub use vm::{PyErr, PyResult, Vm};

use object::ObjKind;

/// Every heap block of the process goes through the small-block allocator
/// (`small_alloc.rs`: free lists for blocks up to 128 bytes, the system allocator above).
#[global_allocator]
static GLOBAL: small_alloc::SmallAlloc = small_alloc::SmallAlloc;

/// Where the main program comes from.
pub enum Program {
    /// A script file (path as given on the command line).
    File(String),
    /// `-c CODE`.
    Command(String),
    /// `-` : read from standard input.
    Stdin,
}

/// Native stack reserved for the interpreter thread (bytes). Deep Python recursion is
/// bounded by the recursion limit and by a stack-address check against this size.
pub const INTERPRETER_STACK_BYTES: usize = 1 << 30;

impl Vm {
    /// Compiles `source` and runs it with `module`'s dict as globals.
    pub fn exec_source(&mut self, source: &str, filename: &str, module: &value::Obj) -> PyResult<Value> {
        self.sources.insert(filename.to_string(), Rc::from(source));
        let code = self.compile(source, filename, taipan_compiler::Mode::Exec)?;
        let Some(globals) = module.dict.clone() else {
            return Ok(Value::None);
        };
        self.run_code_in(code, globals, None)
    }

    /// Compiles source text, turning compile errors into SyntaxError exceptions.
    pub fn compile(&mut self, source: &str, filename: &str, mode: taipan_compiler::Mode) -> PyResult<Rc<code::Code>> {
        let r = taipan_compiler::compile(source, filename, mode);
        self.print_compile_warnings();
        match r {
            Ok(raw) => Ok(code::Code::new(self, raw)),
            Err(e) => Err(self.syntax_error_from(&e)),
        }
    }

    /// Prints the compiler's warnings to stderr as the `warnings` module's default
    /// `showwarning` does (`file:line: Category: message` and the stripped source line).
    fn print_compile_warnings(&mut self) {
        for w in taipan_compiler::take_warnings() {
            let mut text = format!("{}:{}: {}: {}\n", w.filename, w.lineno, w.category, w.message);
            if let Some(line) = self.source_line(&w.filename, w.lineno) {
                let t = line.trim();
                if !t.is_empty() {
                    text.push_str(&format!("  {t}\n"));
                }
            }
            self.flush_stdout();
            eprint!("{}", file::stderr_text(&text));
        }
    }

    /// A SyntaxError (or IndentationError/TabError) exception from a compile error; a
    /// RecursionError (nesting too deep) carries just its message.
    pub fn syntax_error_from(&mut self, e: &taipan_compiler::CompileError) -> PyErr {
        let ty = match e.kind {
            taipan_compiler::CompileErrorKind::SyntaxError => self.exc.syntax_error.clone(),
            taipan_compiler::CompileErrorKind::IndentationError => self.exc.indentation_error.clone(),
            taipan_compiler::CompileErrorKind::TabError => self.exc.tab_error.clone(),
            taipan_compiler::CompileErrorKind::RecursionError => {
                // A plain RecursionError: its only argument is the message.
                let ty = self.exc.recursion_error.clone();
                let msg = self.new_str(e.msg.as_str());
                return PyErr(self.new_exception(&ty, vec![msg]));
            }
        };
        let text = match &e.text {
            Some(t) => self.new_str(t.as_str()),
            None => Value::None,
        };
        let details = vec![
            self.new_str(e.filename.as_str()),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            text,
            Value::Int(e.end_lineno as i64),
            Value::Int(e.end_offset as i64),
        ];
        let details = self.new_tuple(details);
        let msg = self.new_str(e.msg.as_str());
        PyErr(self.new_exception(&ty, vec![msg, details]))
    }

    /// Prints an uncaught exception to stderr and returns the process exit status,
    /// handling SystemExit as CPython's `handle_system_exit`.
    pub fn report_uncaught(&mut self, e: &PyErr) -> i32 {
        self.flush_stdout();
        if self.exc_matches(&e.0, &self.exc.system_exit.clone()) {
            let code = self.get_attr_str(&e.0, "code").unwrap_or(Value::None);
            return match &code {
                Value::None => 0,
                Value::Int(i) => *i as i32,
                Value::Bool(b) => *b as i32,
                other => {
                    let s = self.str(other).unwrap_or_default();
                    self.flush_stdout();
                    eprintln!("{}", file::stderr_text(&s));
                    1
                }
            };
        }
        let text = self.format_exception(&e.0);
        self.flush_stdout();
        eprint!("{}", file::stderr_text(&text));
        // CPython exits through SIGINT's default action after an uncaught
        // KeyboardInterrupt: status 130 as the shell reports it
        if self.exc_matches(&e.0, &self.exc.keyboard_interrupt.clone()) {
            return 130;
        }
        1
    }
}

/// The name a script runs under (its `__file__` and the file of its traceback lines):
/// CPython 3.11 makes the script argument absolute by joining it to the working directory
/// as written, without resolving `.`, `..` or symlinks (`Python/initconfig.c`,
/// `config_run_filename_abspath`); `sys.argv[0]` keeps the argument as given. Falls back
/// to the argument when the working directory is unknown.
fn main_file_path(path: &str) -> String {
    if std::path::Path::new(path).is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.to_string_lossy().trim_end_matches('/'), path),
        Err(_) => path.to_string(),
    }
}

/// Runs a program as `__main__` and returns the exit status (0 on success, 1 after an
/// uncaught exception, the SystemExit code otherwise). Must run on a thread with
/// [`INTERPRETER_STACK_BYTES`] of stack (see the CLI).
pub fn run_main(program: Program, argv: Vec<String>) -> i32 {
    let marker = 0u8;
    let base = &marker as *const u8 as usize;
    let mut vm = Vm::new(argv);
    vm.stack_limit = base.saturating_sub(INTERPRETER_STACK_BYTES) + (1 << 20);
    let (source, filename, dir) = match &program {
        Program::File(path) => match std::fs::read(path) {
            Ok(bytes) => {
                let dir = std::path::Path::new(path)
                    .parent()
                    .map(|p| {
                        if p.as_os_str().is_empty() {
                            std::path::PathBuf::from(".")
                        } else {
                            p.to_path_buf()
                        }
                    })
                    .and_then(|p| std::fs::canonicalize(p).ok())
                    .map(|p| p.to_string_lossy().to_string())
                    .unwrap_or_default();
                (bytes, main_file_path(path), dir)
            }
            Err(e) => {
                let exe = "taipan";
                let abs =
                    std::fs::canonicalize(std::path::Path::new(path).parent().unwrap_or(std::path::Path::new(".")))
                        .map(|p| {
                            p.join(std::path::Path::new(path).file_name().unwrap_or_default())
                                .to_string_lossy()
                                .to_string()
                        })
                        .unwrap_or_else(|_| path.clone());
                let errno = e.raw_os_error().unwrap_or(2);
                let msg = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                    _ => e.to_string(),
                };
                eprintln!("{exe}: can't open file '{abs}': [Errno {errno}] {msg}");
                return 2;
            }
        },
        // `-c` code is already text: CPython ignores coding declarations there.
        Program::Command(c) => (c.clone().into_bytes(), "<string>".to_string(), String::new()),
        Program::Stdin => {
            let mut s = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut s);
            (s, "<stdin>".to_string(), String::new())
        }
    };
    // BOM, PEP 263 declarations and invalid UTF-8 as CPython's file tokenizer (the CLI has
    // already rejected undecodable script files; standard input is checked here). The
    // `Non-UTF-8 code` message names the absolute path of a script.
    let decoded = match &program {
        Program::Command(_) => Ok(std::borrow::Cow::Borrowed(std::str::from_utf8(&source).unwrap_or(""))),
        Program::File(path) => {
            let abs = std::fs::canonicalize(path).map_or_else(|_| path.clone(), |p| p.to_string_lossy().to_string());
            taipan_compiler::decode_source(&source, &abs)
        }
        Program::Stdin => taipan_compiler::decode_source(&source, &filename),
    };
    let source = match decoded {
        Ok(text) => text.into_owned(),
        Err(taipan_compiler::DecodeError::Message(m)) => {
            vm.flush_stdout();
            eprintln!("SyntaxError: {m}");
            return 1;
        }
        Err(taipan_compiler::DecodeError::Located(mut e)) => {
            e.filename = filename.clone();
            let err = vm.syntax_error_from(&e);
            let status = vm.report_uncaught(&err);
            vm.flush_stdout();
            return status;
        }
    };
    // sys.path[0]
    if let Some(p) = vm.module_get(&vm.sys.clone(), "path") {
        if let Some(ObjKind::List(l)) = p.kind() {
            let d = vm.new_str(dir);
            l.borrow_mut().insert(0, d);
        }
        if let Ok(extra) = std::env::var("PYTHONPATH") {
            if let Some(ObjKind::List(l)) = p.kind() {
                for (i, part) in extra.split(':').filter(|s| !s.is_empty()).enumerate() {
                    let d = vm.new_str(part);
                    l.borrow_mut().insert(1 + i, d);
                }
            }
        }
    }
    let main = vm.new_module("__main__");
    if let Program::File(_) = &program {
        let f = vm.new_str(filename.as_str());
        vm.set_attr_str(&main, "__file__", f);
    }
    let b = Value::Obj(vm.builtins.clone());
    vm.set_attr_str(&main, "__builtins__", b);
    vm.register_module("__main__", &main);
    let status = match vm.exec_source(&source, &filename, &main) {
        Ok(_) => 0,
        Err(e) => vm.report_uncaught(&e),
    };
    vm.flush_stdout();
    status
}
