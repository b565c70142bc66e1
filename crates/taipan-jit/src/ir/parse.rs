//! Parsing the IR's text form (grammar in [`crate::ir::print`]).
//!
//! Two passes per function: the first lexes every line and gives each defined name
//! (`%anything`, `sanything`) its id in order of definition, so the one legal forward
//! reference (a `phi`'s back-edge operand) resolves; the second builds the instructions with
//! a [`Builder`]. Value and snapshot names in the input may be any identifiers; the printer
//! renumbers them. The parser checks syntax, names and operand counts only; typing,
//! ordering and placement rules are the verifier's ([`crate::ir::verify`]), which reports
//! the source line the parser records for each instruction.

use std::collections::HashMap;
use std::fmt;

use crate::ir::{
    Builder, CallEffect, ExitId, Func, Imm, ImmKind, InsnId, Module, Op, Res, SnapEntry, SnapFrame, SnapId, SnapVal,
    Tag, Type,
};

/// A syntax or name error, with its 1-based line.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParseError {
    /// The 1-based line number.
    pub line: u32,
    /// What is wrong.
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

impl std::error::Error for ParseError {}

#[derive(Clone, PartialEq, Debug)]
enum Tok {
    Value(String),
    Global(String),
    Ident(String),
    Num(String),
    Punct(&'static str),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Value(s) => write!(f, "%{s}"),
            Tok::Global(s) => write!(f, "@{s}"),
            Tok::Ident(s) | Tok::Num(s) => write!(f, "{s}"),
            Tok::Punct(p) => write!(f, "{p}"),
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

/// Splits one line into tokens (stops at `;`).
fn lex(line: &str, lineno: u32) -> Result<Vec<Tok>, ParseError> {
    let chars: Vec<char> = line.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let take_name = |i: &mut usize| {
        let start = *i;
        while *i < chars.len() && is_name_char(chars[*i]) {
            *i += 1;
        }
        chars[start..*i].iter().collect::<String>()
    };
    while i < chars.len() {
        let c = chars[i];
        if c == ';' {
            break;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '%' || c == '@' {
            i += 1;
            let name = take_name(&mut i);
            if name.is_empty() {
                return Err(ParseError {
                    line: lineno,
                    msg: format!("expected a name after '{c}'"),
                });
            }
            toks.push(if c == '%' { Tok::Value(name) } else { Tok::Global(name) });
            continue;
        }
        if c == '-' && chars.get(i + 1) == Some(&'>') {
            toks.push(Tok::Punct("->"));
            i += 2;
            continue;
        }
        if c.is_ascii_digit() || c == '-' || c == '+' {
            let start = i;
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                let prev = chars[i - 1];
                let hex = chars[start..i].iter().any(|&x| x == 'x' || x == 'X');
                if is_name_char(d) || ((d == '+' || d == '-') && !hex && matches!(prev, 'e' | 'E')) {
                    i += 1;
                } else {
                    break;
                }
            }
            toks.push(Tok::Num(chars[start..i].iter().collect()));
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            toks.push(Tok::Ident(take_name(&mut i)));
            continue;
        }
        let p = match c {
            '=' => "=",
            ',' => ",",
            '(' => "(",
            ')' => ")",
            '[' => "[",
            ']' => "]",
            '{' => "{",
            '}' => "}",
            ':' => ":",
            _ => {
                return Err(ParseError {
                    line: lineno,
                    msg: format!("unexpected character '{c}'"),
                });
            }
        };
        toks.push(Tok::Punct(p));
        i += 1;
    }
    Ok(toks)
}

/// A cursor over one line's tokens.
struct Cur<'a> {
    toks: &'a [Tok],
    i: usize,
    line: u32,
}

impl<'a> Cur<'a> {
    fn err<T>(&self, msg: String) -> Result<T, ParseError> {
        Err(ParseError { line: self.line, msg })
    }

    fn peek(&self) -> Option<&'a Tok> {
        self.toks.get(self.i)
    }

    fn next(&mut self, what: &str) -> Result<&'a Tok, ParseError> {
        match self.toks.get(self.i) {
            Some(t) => {
                self.i += 1;
                Ok(t)
            }
            None => self.err(format!("expected {what}, found end of line")),
        }
    }

    fn punct(&mut self, p: &str) -> Result<(), ParseError> {
        match self.next(&format!("'{p}'"))? {
            Tok::Punct(q) if *q == p => Ok(()),
            t => self.err(format!("expected '{p}', found '{t}'")),
        }
    }

    fn eat(&mut self, p: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Punct(q)) if *q == p) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn ident(&mut self, what: &str) -> Result<&'a str, ParseError> {
        match self.next(what)? {
            Tok::Ident(s) => Ok(s),
            t => self.err(format!("expected {what}, found '{t}'")),
        }
    }

    fn num<T: std::str::FromStr>(&mut self, what: &str) -> Result<T, ParseError> {
        match self.next(what)? {
            Tok::Num(s) => match s.parse() {
                Ok(v) => Ok(v),
                Err(_) => self.err(format!("bad {what} '{s}'")),
            },
            t => self.err(format!("expected {what}, found '{t}'")),
        }
    }

    fn ty(&mut self) -> Result<Type, ParseError> {
        let s = self.ident("a type")?;
        match Type::from_name(s) {
            Some(t) => Ok(t),
            None => self.err(format!("unknown type '{s}'")),
        }
    }

    fn end(&self) -> Result<(), ParseError> {
        match self.peek() {
            None => Ok(()),
            Some(t) => self.err(format!("unexpected '{t}' at end of line")),
        }
    }
}

/// Names defined in one function.
struct Names {
    values: HashMap<String, InsnId>,
    snaps: HashMap<String, SnapId>,
}

impl Names {
    fn value(&self, c: &Cur<'_>, name: &str) -> Result<InsnId, ParseError> {
        match self.values.get(name) {
            Some(&v) => Ok(v),
            None => c.err(format!("undefined value %{name}")),
        }
    }

    fn snap(&self, c: &Cur<'_>, tok: &Tok) -> Result<SnapId, ParseError> {
        match tok {
            Tok::Ident(s) => match self.snaps.get(s) {
                Some(&id) => Ok(id),
                None => c.err(format!("undefined snapshot {s}")),
            },
            t => c.err(format!("expected a snapshot, found '{t}'")),
        }
    }
}

/// Parses a whole module.
pub fn parse_module(text: &str) -> Result<Module, ParseError> {
    let lines: Vec<(u32, Vec<Tok>)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| lex(l, i as u32 + 1).map(|t| (i as u32 + 1, t)))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let mut module = Module::default();
    let mut k = 0;
    while k < lines.len() {
        let (lineno, toks) = &lines[k];
        let mut c = Cur {
            toks,
            i: 0,
            line: *lineno,
        };
        if c.ident("'func'")? != "func" {
            return c.err("expected 'func'".into());
        }
        let name = match c.next("a function name")? {
            Tok::Global(n) => n.clone(),
            t => return c.err(format!("expected '@name', found '{t}'")),
        };
        if module.func(&name).is_some() {
            return c.err(format!("function @{name} defined twice"));
        }
        c.punct("(")?;
        let mut params: Vec<(String, Type)> = Vec::new();
        if !c.eat(")") {
            loop {
                let p = match c.next("a parameter")? {
                    Tok::Value(p) => p.clone(),
                    t => return c.err(format!("expected '%name', found '{t}'")),
                };
                c.punct(":")?;
                params.push((p, c.ty()?));
                if c.eat(")") {
                    break;
                }
                c.punct(",")?;
            }
        }
        c.punct("->")?;
        let ret = c.ty()?;
        let mut parent = None;
        if matches!(c.peek(), Some(Tok::Ident(s)) if s == "side") {
            c.i += 1;
            let p = match c.next("the parent trace")? {
                Tok::Global(n) => n.clone(),
                t => return c.err(format!("expected '@parent', found '{t}'")),
            };
            let x = c.ident("an exit 'xN'")?;
            let Some(n) = x.strip_prefix('x').and_then(|n| n.parse::<u32>().ok()) else {
                return c.err(format!("expected an exit 'xN', found '{x}'"));
            };
            parent = Some((p, ExitId(n)));
        }
        c.punct("{")?;
        c.end()?;
        let body_start = k + 1;
        let mut body_end = body_start;
        while body_end < lines.len() && lines[body_end].1 != [Tok::Punct("}")] {
            body_end += 1;
        }
        if body_end >= lines.len() {
            return c.err(format!("function @{name} has no closing '}}'"));
        }
        let mut f = parse_body(&name, *lineno, &params, ret, &lines[body_start..body_end])?;
        f.parent = parent;
        module.funcs.push(f);
        k = body_end + 1;
    }
    Ok(module)
}

/// Parses a module that must hold exactly one function.
pub fn parse_func(text: &str) -> Result<Func, ParseError> {
    let mut m = parse_module(text)?;
    if m.funcs.len() != 1 {
        return Err(ParseError {
            line: 1,
            msg: format!("expected one function, found {}", m.funcs.len()),
        });
    }
    Ok(m.funcs.remove(0))
}

fn is_snap_line(toks: &[Tok]) -> bool {
    matches!(toks, [Tok::Ident(_), Tok::Punct("="), Tok::Ident(s), ..] if s == "snap")
}

fn parse_body(
    name: &str,
    sig_line: u32,
    params: &[(String, Type)],
    ret: Type,
    lines: &[(u32, Vec<Tok>)],
) -> Result<Func, ParseError> {
    let mut names = Names {
        values: HashMap::new(),
        snaps: HashMap::new(),
    };
    let dup = |line: u32, n: &str| ParseError {
        line,
        msg: format!("{n} defined twice"),
    };
    for (i, (p, _)) in params.iter().enumerate() {
        if names.values.insert(p.clone(), InsnId(i as u32)).is_some() {
            return Err(dup(sig_line, &format!("%{p}")));
        }
    }
    let mut next = params.len() as u32;
    for (lineno, toks) in lines {
        if is_snap_line(toks) {
            if let Some(Tok::Ident(s)) = toks.first() {
                let id = SnapId(names.snaps.len() as u32);
                if names.snaps.insert(s.clone(), id).is_some() {
                    return Err(dup(*lineno, s));
                }
            }
            continue;
        }
        if let [Tok::Value(v), Tok::Punct("="), ..] = toks.as_slice()
            && names.values.insert(v.clone(), InsnId(next)).is_some()
        {
            return Err(dup(*lineno, &format!("%{v}")));
        }
        next += 1;
    }
    let tys: Vec<Type> = params.iter().map(|p| p.1).collect();
    let mut b = Builder::new(name, &tys, ret);
    for i in 0..params.len() {
        b.set_line(InsnId(i as u32), sig_line);
    }
    for (lineno, toks) in lines {
        let mut c = Cur {
            toks,
            i: 0,
            line: *lineno,
        };
        if is_snap_line(toks) {
            parse_snap(&mut c, &names, &mut b)?;
        } else {
            let id = parse_insn(&mut c, &names, &mut b)?;
            b.set_line(id, *lineno);
        }
    }
    Ok(b.finish())
}

fn parse_snap(c: &mut Cur<'_>, names: &Names, b: &mut Builder) -> Result<(), ParseError> {
    c.i = 3;
    if c.ident("'pc'")? != "pc" {
        return c.err("expected 'pc=N' after 'snap'".into());
    }
    c.punct("=")?;
    let pc: u32 = c.num("a bytecode index")?;
    let branch = c.peek() == Some(&Tok::Ident("branch".into()));
    if branch {
        c.i += 1;
    }
    c.punct("[")?;
    let mut entries = Vec::new();
    let mut frames: Vec<SnapFrame> = Vec::new();
    loop {
        parse_snap_entries(c, names, b, frames.len(), &mut entries)?;
        if c.peek() != Some(&Tok::Ident("frame".into())) {
            break;
        }
        c.i += 1;
        let func = match c.next("'objK'")? {
            Tok::Ident(s) if s.strip_prefix("obj").is_some_and(|k| k.parse::<u32>().is_ok()) => {
                s.get(3..).and_then(|k| k.parse().ok()).unwrap_or(0)
            }
            t => return c.err(format!("expected 'objK' after 'frame', found '{t}'")),
        };
        if c.ident("'pc'")? != "pc" {
            return c.err("expected 'pc=N' after the frame's function".into());
        }
        c.punct("=")?;
        let fpc: u32 = c.num("a bytecode index")?;
        frames.push(SnapFrame { func, pc: fpc });
        c.punct("[")?;
    }
    let mut release = Vec::new();
    if c.peek() == Some(&Tok::Ident("release".into())) {
        c.i += 1;
        c.punct("[")?;
        if !c.eat("]") {
            loop {
                match c.next("a value")? {
                    Tok::Value(v) => release.push(names.value(c, v)?),
                    t => return c.err(format!("expected a value in the release list, found '{t}'")),
                }
                if c.eat("]") {
                    break;
                }
                c.punct(",")?;
            }
        }
    }
    c.end()?;
    let s = b.snapshot_frames(pc, entries, release, frames);
    if branch {
        b.mark_branch(s);
    }
    Ok(())
}

/// The entries of one frame of a snapshot line, after its `[`, through its `]`: frame
/// `frame` (0: the trace's own) numbers its slots from [`crate::ir::frame_slot`].
fn parse_snap_entries(
    c: &mut Cur<'_>,
    names: &Names,
    b: &Builder,
    frame: usize,
    entries: &mut Vec<SnapEntry>,
) -> Result<(), ParseError> {
    if !c.eat("]") {
        loop {
            let n: u32 = c.num("a slot number")?;
            if frame > 0 && n >= crate::ir::FRAME_STRIDE {
                return c.err(format!("slot {n} of a frame is too large"));
            }
            let slot = if frame == 0 {
                n
            } else {
                crate::ir::frame_slot(frame - 1, n)
            };
            c.punct(":")?;
            let own = c.peek() == Some(&Tok::Ident("own".into()));
            if own {
                c.i += 1;
            }
            let val = match c.next("a value or 'none'")? {
                Tok::Value(v) => {
                    let id = names.value(c, v)?;
                    let owned = b.func().owns(id);
                    if own != owned {
                        return c.err(if owned {
                            format!("slot {n}: %{v} is owned: write 'own %{v}'")
                        } else {
                            format!("slot {n}: 'own %{v}', but %{v} is not owned")
                        });
                    }
                    SnapVal::Value(id)
                }
                _ if own => return c.err("expected a value after 'own'".into()),
                Tok::Ident(s) if s == "none" => SnapVal::None,
                Tok::Ident(s) if s.strip_prefix("obj").is_some_and(|k| k.parse::<u32>().is_ok()) => {
                    SnapVal::Obj(s.get(3..).and_then(|k| k.parse().ok()).unwrap_or(0))
                }
                t => return c.err(format!("expected a value, 'none' or 'objN', found '{t}'")),
            };
            entries.push(SnapEntry { slot, val });
            if c.eat("]") {
                break;
            }
            c.punct(",")?;
        }
    }
    Ok(())
}

fn parse_imm(c: &mut Cur<'_>, kind: ImmKind) -> Result<Imm, ParseError> {
    Ok(match kind {
        ImmKind::None | ImmKind::Param | ImmKind::Callee | ImmKind::Trace => Imm::None,
        ImmKind::Int => Imm::Int(c.num("an integer")?),
        ImmKind::Slot => Imm::Slot(c.num("a slot number")?),
        ImmKind::Float => match c.next("a float")? {
            Tok::Num(s) | Tok::Ident(s) => match s.parse::<f64>() {
                Ok(x) => Imm::Float(x.to_bits()),
                Err(_) => return c.err(format!("bad float '{s}'")),
            },
            t => return c.err(format!("expected a float, found '{t}'")),
        },
        ImmKind::Bool => match c.ident("true or false")? {
            "true" => Imm::Bool(true),
            "false" => Imm::Bool(false),
            s => return c.err(format!("expected true or false, found '{s}'")),
        },
        ImmKind::Word => match c.next("a hex word")? {
            Tok::Num(s) => match s.strip_prefix("0x").and_then(|h| u64::from_str_radix(h, 16).ok()) {
                Some(w) => Imm::Word(w),
                None => return c.err(format!("bad word '{s}' (expected 0x...)")),
            },
            t => return c.err(format!("expected a hex word, found '{t}'")),
        },
        ImmKind::Tag => {
            let s = c.ident("a tag")?;
            match Tag::from_name(s) {
                Some(t) => Imm::Tag(t),
                None => return c.err(format!("unknown tag '{s}'")),
            }
        }
    })
}

fn parse_insn(c: &mut Cur<'_>, names: &Names, b: &mut Builder) -> Result<InsnId, ParseError> {
    let defines = matches!(c.toks, [Tok::Value(_), Tok::Punct("="), ..]);
    if defines {
        c.i = 2;
    }
    let opname = c.ident("an op name")?;
    let Some(op) = Op::from_name(opname) else {
        return c.err(format!("unknown op '{opname}'"));
    };
    let info = op.info();
    if op == Op::Param {
        return c.err("parameters are declared in the signature, not with 'param'".into());
    }
    if op == Op::Call || op == Op::Link {
        let callee = match c.next("'@name'")? {
            Tok::Global(n) => n.clone(),
            t => return c.err(format!("expected '@name', found '{t}'")),
        };
        c.punct("(")?;
        let mut args = Vec::new();
        if !c.eat(")") {
            loop {
                match c.next("an argument")? {
                    Tok::Value(v) => args.push(names.value(c, v)?),
                    t => return c.err(format!("expected a value, found '{t}'")),
                }
                if c.eat(")") {
                    break;
                }
                c.punct(",")?;
            }
        }
        if op == Op::Link {
            c.end()?;
            if defines {
                return c.err("link defines no value".into());
            }
            return Ok(b.op(Op::Link, &args, Imm::Trace(callee.into()), None));
        }
        c.punct("->")?;
        let owns = c.peek() == Some(&Tok::Ident("own".into()));
        if owns {
            c.i += 1;
        }
        let ty = c.ty()?;
        let eff = c.ident("an effect (pure, reads, writes)")?;
        let Some(effect) = CallEffect::from_name(eff) else {
            return c.err(format!("unknown call effect '{eff}'"));
        };
        c.end()?;
        if defines != (ty != Type::Void) {
            return c.err(if defines {
                "a call returning void defines no value".into()
            } else {
                "a call returning a value must define it ('%N = call ...')".into()
            });
        }
        if owns {
            if ty != Type::Ptr || effect != CallEffect::Writes {
                return c.err("only a 'ptr' result of a 'writes' call can be owned ('-> own ptr writes')".into());
            }
            return Ok(b.call_owned(&callee, &args));
        }
        return Ok(b.call(&callee, effect, &args, ty));
    }
    let has_result = info.res != Res::Void;
    if defines != has_result {
        return c.err(if defines {
            format!("{opname} defines no value")
        } else {
            format!("{opname} defines a value ('%N = {opname} ...')")
        });
    }
    let mut args = Vec::new();
    let mut imm = Imm::None;
    let mut snap = None;
    let mut first = true;
    let mut sep = |c: &mut Cur<'_>| -> Result<(), ParseError> {
        if first {
            first = false;
            Ok(())
        } else {
            c.punct(",")
        }
    };
    for k in 0..info.args.len() {
        if c.peek().is_none() {
            return c.err(format!("{opname} takes {} operands, found {k}", info.args.len()));
        }
        sep(c)?;
        match c.next(&format!("operand {} of {opname}", k + 1))? {
            Tok::Value(v) => args.push(names.value(c, v)?),
            t => return c.err(format!("{opname}: expected a value, found '{t}'")),
        }
        if k == 0 && info.imm == ImmKind::Slot {
            sep(c)?;
            imm = parse_imm(c, ImmKind::Slot)?;
        }
    }
    if info.imm != ImmKind::None && imm == Imm::None {
        sep(c)?;
        imm = parse_imm(c, info.imm)?;
    }
    // A missing snapshot is left for the verifier to report (with the op and line).
    if info.can_exit && c.peek().is_some() {
        sep(c)?;
        let t = c.next(&format!("the snapshot of {opname}"))?;
        snap = Some(names.snap(c, t)?);
    }
    c.end()?;
    Ok(b.op(op, &args, imm, snap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::print::module_to_string;
    use crate::ir::verify::verify;

    const SAMPLE: &str = "\
func @f(%0: i64, %1: ptr) -> i64 {
    %2 = const_i64 1
    %3 = const_f64 -2.5
    %4 = load_tag %1, 3
    s0 = snap pc=7 [0: %0, 2: none]
    guard_tag %4, int, s0
    %5 = load_int %1, 3
    %6 = int_add_ov %5, %2, s0
    store_int %1, 3, %6
    %7 = call @imax(%6, %0) -> i64 pure
    call @poke(%1) -> void writes
    loop
    %10 = phi %7, %12
    %11 = const_ptr 0x10
    %12 = int_add %10, %2
    %13 = int_lt %12, %0
    s1 = snap pc=9 [1: %12]
    guard_true %13, s1
    jump
}
";

    #[test]
    fn round_trip() {
        let m = parse_module(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
        for f in &m.funcs {
            verify(f).unwrap_or_else(|e| panic!("{e}"));
        }
        let text = module_to_string(&m);
        assert!(text.contains("%12 = phi %9, %14"), "{text}");
        let m2 = parse_module(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(module_to_string(&m2), text);
        let mut a = m.funcs[0].clone();
        let mut b = m2.funcs[0].clone();
        a.lines.clear();
        b.lines.clear();
        assert_eq!(a, b);
    }
}
