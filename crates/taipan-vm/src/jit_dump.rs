//! `--jit-dump`: what the JIT did with each hot loop, as text, to stderr or a file
//! (`--jit-dump-file`).
//!
//! Phases (the option's comma-separated words, see [`crate::jit::DUMP_PHASES`]):
//! - `bytecode`: the instructions the recorder was given, in execution order (inlined
//!   callees' instructions indented under their call), and for an aborted recording the
//!   abort reason;
//! - `trace`: the recorded IR ([`taipan_jit::ir`]'s text form), before optimization;
//! - `opt`: the IR the pass pipeline produced, which is what gets compiled;
//! - `asm`: the installed machine code with the IR instruction above each piece
//!   ([`taipan_jit::backend::disasm`]).
//!
//! Each block starts with a `---- <phase> <trace name> ----` line. Write errors are
//! ignored: a dump is a debugging aid and must not change the program's behaviour.

use std::fs::File;
use std::io::Write;

use crate::jit::JitOptions;

/// The open dump: which phases, and where to.
#[derive(Debug)]
pub struct JitDump {
    /// Print the recorded bytecode (and aborts).
    pub bytecode: bool,
    /// Print the recorded IR.
    pub trace: bool,
    /// Print the optimized IR.
    pub opt: bool,
    /// Print the machine code.
    pub asm: bool,
    /// The `--jit-dump-file`, or `None` for stderr.
    file: Option<File>,
}

impl JitDump {
    /// The dump `opts` ask for (`None` when `--jit-dump` is empty or the JIT is off). A
    /// dump file that cannot be created is reported once on stderr and the dump goes to
    /// stderr.
    pub fn from_opts(opts: &JitOptions) -> Option<JitDump> {
        if !opts.enabled || opts.dump.is_empty() {
            return None;
        }
        let has = |p: &str| opts.dump.split(',').any(|w| w == p);
        let file = if opts.dump_file.is_empty() {
            None
        } else {
            match File::create(&opts.dump_file) {
                Ok(f) => Some(f),
                Err(e) => {
                    eprintln!(
                        "taipan: cannot write the JIT dump to {}: {e}; using stderr",
                        opts.dump_file
                    );
                    None
                }
            }
        };
        Some(JitDump {
            bytecode: has("bytecode"),
            trace: has("trace"),
            opt: has("opt"),
            asm: has("asm"),
            file,
        })
    }

    /// Writes one block: a `---- phase name ----` header, then `text` (a newline added if
    /// it lacks one).
    pub fn block(&mut self, phase: &str, name: &str, text: &str) {
        let mut s = format!("---- {phase} {name} ----\n{text}");
        if !s.ends_with('\n') {
            s.push('\n');
        }
        match &mut self.file {
            Some(f) => {
                let _ = f.write_all(s.as_bytes());
            }
            None => {
                let _ = std::io::stderr().write_all(s.as_bytes());
            }
        }
    }
}
