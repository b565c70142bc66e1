//! Machine-code listings for `--jit-dump=asm`: the installed bytes of a compiled trace,
//! disassembled, with the IR instruction that produced each piece printed above it.
//!
//! The lowering ([`super::lower`]) tags the Cranelift instructions of IR instruction `%n`
//! with source location `n` (`FunctionBuilder::set_srcloc`); Cranelift reports, per range
//! of the final code, the source location it came from (`MachBuffer` source locations,
//! sorted by offset). The listing walks the decoded machine instructions and prints the IR
//! instruction's text (its [`crate::ir::print`] line) whenever the range changes, so the
//! cold exit blocks at the end of the code show the guard they belong to again.
//!
//! x86-64 code is decoded with `iced-x86` (Intel syntax); on other hosts the listing is a
//! hex dump with the same IR headers.

use std::fmt::Write;

use crate::ir::{Func, InsnId, print::insn_to_string};

/// The code of one compilation, kept for a listing: the bytes as installed, the address
/// they run at and the source ranges `(start, end, insn)` (offsets in bytes from the
/// start; `insn` the IR instruction index).
#[derive(Clone, Debug, Default)]
pub struct CodeListing {
    /// The installed bytes (relocations applied).
    pub bytes: Vec<u8>,
    /// The address of `bytes[0]` in the code arena.
    pub addr: u64,
    /// `(start, end, insn)` byte ranges sorted by `start`.
    pub ranges: Vec<(u32, u32, u32)>,
}

impl CodeListing {
    /// The IR instruction whose code covers byte offset `off`, if any.
    fn insn_at(&self, off: u32) -> Option<u32> {
        let k = self.ranges.partition_point(|r| r.1 <= off);
        self.ranges.get(k).filter(|r| r.0 <= off).map(|r| r.2)
    }

    /// The listing text: one line per machine instruction (`addr: bytes  asm`), below a
    /// `; %n = op ...` line each time the producing IR instruction changes (`; (no IR)`
    /// for prologue/epilogue code). `f` is the IR the code was lowered from (without it the
    /// headers give only `%n`).
    pub fn render(&self, f: Option<&Func>) -> String {
        let mut out = String::new();
        let mut current: Option<Option<u32>> = None;
        for (off, len, asm) in decode(&self.bytes, self.addr) {
            let Ok(off32) = u32::try_from(off) else {
                break;
            };
            let at = self.insn_at(off32);
            if current != Some(at) {
                current = Some(at);
                match at {
                    Some(n) => {
                        let id = InsnId(n);
                        let text = f
                            .and_then(|f| f.insn(id))
                            .map(|i| insn_to_string(id, i))
                            .unwrap_or_else(|| id.to_string());
                        let _ = writeln!(out, "  ; {text}");
                    }
                    None => out.push_str("  ; (no IR: prologue, epilogue, shared code)\n"),
                }
            }
            let end = (off + len).min(self.bytes.len());
            let hex: String = self
                .bytes
                .get(off..end)
                .unwrap_or(&[])
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let _ = writeln!(out, "    {:012x}: {hex:<20} {asm}", self.addr + off as u64);
        }
        out
    }
}

/// Decodes `bytes` (running at `addr`) into `(offset, length, text)` per machine
/// instruction.
#[cfg(target_arch = "x86_64")]
fn decode(bytes: &[u8], addr: u64) -> Vec<(usize, usize, String)> {
    use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
    let mut decoder = Decoder::with_ip(64, bytes, addr, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    let mut insn = Instruction::default();
    let mut out = Vec::new();
    while decoder.can_decode() {
        let off = decoder.position();
        decoder.decode_out(&mut insn);
        let mut text = String::new();
        fmt.format(&insn, &mut text);
        out.push((off, insn.len().max(1), text));
    }
    out
}

/// Without an x86-64 decoder: 4-byte words as hex (the instruction size of AArch64).
#[cfg(not(target_arch = "x86_64"))]
fn decode(bytes: &[u8], _addr: u64) -> Vec<(usize, usize, String)> {
    (0..bytes.len())
        .step_by(4)
        .map(|off| (off, 4, String::from(".word")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_pick_the_covering_insn() {
        let l = CodeListing {
            bytes: vec![0x90; 8],
            addr: 0x1000,
            ranges: vec![(0, 2, 3), (4, 8, 5)],
        };
        assert_eq!(l.insn_at(0), Some(3));
        assert_eq!(l.insn_at(1), Some(3));
        assert_eq!(l.insn_at(2), None);
        assert_eq!(l.insn_at(7), Some(5));
        assert_eq!(l.insn_at(8), None);
        let text = l.render(None);
        assert!(text.contains("; %3"), "{text}");
        assert!(text.contains("; %5"), "{text}");
        assert!(text.contains("(no IR"), "{text}");
        #[cfg(target_arch = "x86_64")]
        assert!(text.contains("nop"), "{text}");
    }
}
