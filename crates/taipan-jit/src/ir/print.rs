//! The IR's text form (printer side; [`crate::ir::parse`] reads the same grammar).
//!
//! ```text
//! module   := func ("\n" func)*
//! func     := "func @" name "(" [param ("," param)*] ") -> " type [" side @" parent " x" N]
//!             " {" NL line* "}" NL
//! param    := "%" N ": " type
//! line     := "    " (insn | snapshot) NL
//! snapshot := "s" N " = snap pc=" pc [" branch"] entries (" frame obj" K " pc=" pc entries)* [" release [" values "]"]
//! entries  := "[" [slot ": " ["own "] (value | "none" | "obj" K) (", " ...)*] "]"
//!             [" release [" value (", " value)* "]"]
//! insn     := ["%" N " = "] opname operands
//! operands := the value operands, comma-separated, except that a slot index comes right
//!             after the base pointer (`load_int %0, 3`, `store_int %0, 3, %5`); then the
//!             other immediate (`const_i64 -7`, `guard_tag %4, int`); then ", s" N if the op
//!             can exit (`int_add_ov %2, %3, s1`)
//! call     := ["%" N " = "] "call @" name "(" values ") -> " ["own "] type " " effect
//!
//! `own` marks owned values (`docs/decisions/owned-references-in-traces.md`): a call
//! returning a new reference (`-> own ptr writes`) and each snapshot entry whose value is
//! owned (derived from the value: the parser rejects a missing or a wrong `own`); a
//! snapshot's `release` list names the owned values its exits drop.
//! link     := "link @" trace "(" values ")"
//! ```
//!
//! Values are numbered by position (`%N` is instruction N, parameters first) and snapshots
//! by arena index, so the printed text of a function is canonical: printing, parsing and
//! printing again gives the same text. Floats print in Rust's shortest round-trip form
//! (`2.5`, `1e300`, `-0.0`, `NaN`, `inf`; a NaN's payload is not kept: it reads back as the
//! canonical quiet NaN); words in hex. A snapshot is printed just before
//! the instruction at its position. `;` starts a comment (the parser skips it; the printer
//! writes none).

use std::fmt::Write;

use crate::ir::{Func, Imm, ImmKind, Insn, InsnId, Module, Op, SnapId, SnapVal, Snapshot, Type};

/// The text of a whole module (functions separated by a blank line).
pub fn module_to_string(m: &Module) -> String {
    let mut out = String::new();
    for (i, f) in m.funcs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&func_to_string(f));
    }
    out
}

/// The text of one function.
pub fn func_to_string(f: &Func) -> String {
    let mut out = String::new();
    let _ = write!(out, "func @{}(", f.name);
    for (i, ty) in f.params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "%{}: {}", i, ty.name());
    }
    let _ = write!(out, ") -> {}", f.ret.name());
    if let Some((parent, exit)) = &f.parent {
        let _ = write!(out, " side @{parent} {exit}");
    }
    out.push_str(" {\n");
    let mut snaps = f.snaps.iter().enumerate().peekable();
    for (i, insn) in f.insns.iter().enumerate() {
        while let Some((s, snap)) = snaps.next_if(|(_, s)| s.pos as usize <= i) {
            let _ = writeln!(out, "    {}", snapshot_line(f, SnapId(s as u32), snap));
        }
        if insn.op == Op::Param {
            continue;
        }
        let _ = writeln!(out, "    {}", insn_to_string(InsnId(i as u32), insn));
    }
    for (s, snap) in snaps {
        let _ = writeln!(out, "    {}", snapshot_line(f, SnapId(s as u32), snap));
    }
    out.push_str("}\n");
    out
}

/// The text of one snapshot line of `f` (without indentation): entries whose value `f`
/// owns are written `own %N`.
pub fn snapshot_line(f: &Func, id: SnapId, s: &Snapshot) -> String {
    snapshot_text(id, s, |v| f.owns(v))
}

/// The text of one snapshot line (without indentation), outside a function (no entry is
/// marked `own`).
pub fn snapshot_to_string(id: SnapId, s: &Snapshot) -> String {
    snapshot_text(id, s, |_| false)
}

fn snapshot_text(id: SnapId, s: &Snapshot, owns: impl Fn(InsnId) -> bool) -> String {
    let branch = if s.branch { " branch" } else { "" };
    let mut out = format!("{id} = snap pc={}{branch} [", s.pc);
    // (the entries of frame `k` follow its `frame` header, numbered within the frame)
    let mut frame = 0usize;
    let mut first = true;
    for e in &s.entries {
        let (k, slot) = crate::ir::slot_frame(e.slot);
        while frame < k {
            out.push(']');
            match s.frames.get(frame) {
                Some(f) => {
                    let _ = write!(out, " frame obj{} pc={} [", f.func, f.pc);
                }
                None => out.push_str(" frame ? ["),
            }
            frame += 1;
            first = true;
        }
        if !first {
            out.push_str(", ");
        }
        first = false;
        match e.val {
            SnapVal::None => {
                let _ = write!(out, "{slot}: none");
            }
            SnapVal::Value(v) => {
                let own = if owns(v) { "own " } else { "" };
                let _ = write!(out, "{slot}: {own}{v}");
            }
            SnapVal::Obj(k) => {
                let _ = write!(out, "{slot}: obj{k}");
            }
        }
    }
    out.push(']');
    for f in s.frames.iter().skip(frame) {
        let _ = write!(out, " frame obj{} pc={} []", f.func, f.pc);
    }
    if !s.release.is_empty() {
        let vals: Vec<String> = s.release.iter().map(|v| v.to_string()).collect();
        let _ = write!(out, " release [{}]", vals.join(", "));
    }
    out
}

/// The text of one immediate (as it appears in an instruction).
pub fn imm_to_string(imm: &Imm) -> String {
    match imm {
        Imm::None => String::new(),
        Imm::Int(k) => k.to_string(),
        Imm::Float(b) => format!("{:?}", f64::from_bits(*b)),
        Imm::Bool(b) => b.to_string(),
        Imm::Word(w) => format!("{w:#x}"),
        Imm::Slot(s) => s.to_string(),
        Imm::Tag(t) => t.name().to_string(),
        Imm::Param(p) => p.to_string(),
        Imm::Call(c) => format!("@{}", c.name),
        Imm::Trace(t) => format!("@{t}"),
    }
}

/// The text of one instruction line (without indentation), `id` being its own id.
pub fn insn_to_string(id: InsnId, insn: &Insn) -> String {
    let mut out = String::new();
    if insn.ty != Type::Void {
        let _ = write!(out, "{id} = ");
    }
    out.push_str(insn.op.name());
    if let Imm::Call(c) = &insn.imm {
        let _ = write!(out, " @{}(", c.name);
        for (i, a) in insn.args.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{a}");
        }
        let own = if c.owns { "own " } else { "" };
        let _ = write!(out, ") -> {own}{} {}", insn.ty.name(), c.effect.name());
        if let Some(s) = insn.snap {
            let _ = write!(out, ", {s}");
        }
        return out;
    }
    if let Imm::Trace(t) = &insn.imm {
        let args: Vec<String> = insn.args.iter().map(|a| a.to_string()).collect();
        let _ = write!(out, " @{t}({})", args.join(", "));
        return out;
    }
    let mut parts: Vec<String> = Vec::new();
    for (i, a) in insn.args.iter().enumerate() {
        parts.push(a.to_string());
        if i == 0 && insn.imm.kind() == ImmKind::Slot {
            parts.push(imm_to_string(&insn.imm));
        }
    }
    if (insn.args.is_empty() || insn.imm.kind() != ImmKind::Slot) && insn.imm != Imm::None {
        parts.push(imm_to_string(&insn.imm));
    }
    if let Some(s) = insn.snap {
        parts.push(s.to_string());
    }
    if !parts.is_empty() {
        out.push(' ');
        out.push_str(&parts.join(", "));
    }
    out
}

impl std::fmt::Display for Func {
    /// The canonical text of the function ([`func_to_string`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&func_to_string(self))
    }
}

impl std::fmt::Display for Module {
    /// The canonical text of the module ([`module_to_string`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&module_to_string(self))
    }
}
