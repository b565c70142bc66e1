//! Printing of uncaught exceptions, as CPython 3.11's default `sys.excepthook`
//! (`Python/pythonrun.c` `print_exception_recursive`, `Python/traceback.c`
//! `tb_print_internal` / `tb_displayline`): chained exceptions, `File ... line ... in`
//! entries with the source line and PEP 657 carets (`~~~^^^` anchors for binary
//! operators and subscripts), repeated-frame elision, "Did you mean" hints, and the
//! SyntaxError layout.

use std::rc::Rc;

use ruff_python_ast::{Expr, Stmt};

use crate::object::ObjKind;
use crate::types::tdata;
use crate::value::Value;
use crate::vm::Vm;

/// Frames repeated more than this many times in a row are summarized.
const TB_RECURSIVE_CUTOFF: usize = 3;
/// At most this many traceback entries are printed (the most recent ones).
const TB_LIMIT: usize = 1000;

impl Vm {
    /// Formats an uncaught exception (with its chain) as CPython prints it on stderr.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen: Vec<i64> = Vec::new();
        self.format_recursive(exc, &mut out, &mut seen, 0);
        out
    }

    fn format_recursive(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<i64>, depth: usize) {
        seen.push(exc.id());
        if let Some(d) = Vm::exc_data(exc) {
            let (cause, context, suppress) = {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            if depth < 100 {
                if let Some(c) = cause {
                    if !seen.contains(&c.id()) {
                        self.format_recursive(&c, out, seen, depth + 1);
                        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                    }
                } else if let Some(c) = context {
                    if !suppress && !seen.contains(&c.id()) {
                        self.format_recursive(&c, out, seen, depth + 1);
                        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
                    }
                }
            }
        }
        self.format_one(exc, out);
    }

    fn format_one(&mut self, exc: &Value, out: &mut String) {
        // stored innermost first (appended while unwinding); printed outermost first
        let mut tb: Vec<(Rc<crate::code::Code>, usize)> = Vm::exc_data(exc).map(|d| d.borrow().traceback.clone()).unwrap_or_default();
        tb.reverse();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let start = tb.len().saturating_sub(TB_LIMIT);
            let mut last: Option<(Rc<str>, u32, Rc<str>)> = None;
            let mut count = 0usize;
            for (code, index) in &tb[start..] {
                let pos = code.raw.positions.get(*index).copied().unwrap_or_default();
                let key = (code.raw.filename.clone(), pos.line, code.raw.name.clone());
                let same = last.as_ref().is_some_and(|l| l.0 == key.0 && l.1 == key.1 && l.2 == key.2);
                if !same {
                    if count > TB_RECURSIVE_CUTOFF {
                        push_repeated(out, count - TB_RECURSIVE_CUTOFF);
                    }
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > TB_RECURSIVE_CUTOFF {
                    continue;
                }
                self.format_entry(out, code, *index);
            }
            if count > TB_RECURSIVE_CUTOFF {
                push_repeated(out, count - TB_RECURSIVE_CUTOFF);
            }
        }
        let cls = self.class_of(exc).clone();
        if crate::types::is_subtype(&cls, &self.exc.syntax_error) {
            self.format_syntax_error(exc, out);
        }
        let td = tdata(&cls);
        let mut name = td.qualname.borrow().to_string();
        if td.heap_type {
            if let Some(m) = self.lookup_in_type(&cls, "__module__").and_then(|m| m.as_str().map(|s| s.to_string())) {
                if m != "__main__" && m != "builtins" {
                    name = format!("{m}.{name}");
                }
            }
        }
        let msg = if crate::types::is_subtype(&cls, &self.exc.syntax_error) {
            Ok(syntax_error_field(exc, 0).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default())
        } else {
            self.str(exc)
        };
        match msg {
            Ok(m) if m.is_empty() => out.push_str(&name),
            Ok(m) => {
                out.push_str(&name);
                out.push_str(": ");
                out.push_str(&m);
            }
            Err(_) => {
                out.push_str(&name);
                out.push_str(": <exception str() failed>");
            }
        }
        if let Some(s) = Vm::exc_data(exc).and_then(|d| d.borrow().suggestion.clone()) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
    }

    fn format_entry(&mut self, out: &mut String, code: &crate::code::Code, index: usize) {
        let pos = code.raw.positions.get(index).copied().unwrap_or_default();
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.raw.filename, pos.line, code.raw.name));
        let Some(line) = self.source_line(&code.raw.filename, pos.line) else { return };
        let stripped = line.trim();
        if stripped.is_empty() {
            return;
        }
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        if pos.end_line == 0 {
            return;
        }
        let line_trimmed_end = line.trim_end();
        let stripped_chars = line.chars().count() - line.trim_start().chars().count();
        let start = byte_to_char(&line, pos.col as usize);
        let mut end = byte_to_char(&line, pos.end_col as usize);
        let mut anchors = None;
        if pos.line == pos.end_line {
            let seg_start = char_to_byte(&line, start);
            let seg_end = char_to_byte(&line, end);
            if let Some(seg) = line.get(seg_start..seg_end) {
                anchors = caret_anchors(seg);
            }
        } else {
            end = line_trimmed_end.chars().count();
        }
        let stripped_len = stripped.chars().count();
        let has_secondary = anchors.is_some_and(|(l, r)| r > l);
        if end.saturating_sub(start) >= stripped_len && !has_secondary {
            return;
        }
        if end <= start {
            return;
        }
        out.push_str("    ");
        out.push_str(&" ".repeat(start.saturating_sub(stripped_chars)));
        match anchors {
            Some((l, r)) => {
                let width = end - start;
                let l = l.min(width);
                let r = r.clamp(l, width);
                out.push_str(&"~".repeat(l));
                out.push_str(&"^".repeat(r - l));
                out.push_str(&"~".repeat(width - r));
            }
            None => out.push_str(&"^".repeat(end - start)),
        }
        out.push('\n');
    }

    fn format_syntax_error(&mut self, exc: &Value, out: &mut String) {
        // args = (msg, (filename, lineno, offset, text, end_lineno, end_offset))
        let filename = syntax_error_field(exc, 1).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_else(|| "<string>".into());
        let lineno = match syntax_error_field(exc, 2) {
            Some(Value::Int(i)) => i,
            _ => 0,
        };
        out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
        let text = syntax_error_field(exc, 4).and_then(|v| v.as_str().map(|s| s.to_string()));
        let Some(text) = text else { return };
        let mut offset = match syntax_error_field(exc, 3) {
            Some(Value::Int(i)) => i,
            _ => -1,
        };
        let mut end_offset = match syntax_error_field(exc, 6) {
            Some(Value::Int(i)) => i,
            _ => -1,
        };
        let end_lineno = match syntax_error_field(exc, 5) {
            Some(Value::Int(i)) => i,
            _ => lineno,
        };
        if end_lineno > lineno {
            end_offset = text.trim_end_matches('\n').chars().count() as i64 + 1;
        }
        // strip leading whitespace, adjusting the offsets
        let mut t: &str = &text;
        while let Some(c) = t.chars().next() {
            if c == ' ' || c == '\t' || c == '\x0c' {
                t = &t[1..];
                offset -= 1;
                end_offset -= 1;
            } else {
                break;
            }
        }
        let t = t.trim_end_matches('\n');
        out.push_str("    ");
        out.push_str(t);
        out.push('\n');
        if offset < 1 {
            return;
        }
        let width = if end_offset > offset { end_offset - offset } else { 1 };
        out.push_str("    ");
        out.push_str(&" ".repeat((offset - 1) as usize));
        out.push_str(&"^".repeat(width as usize));
        out.push('\n');
    }

    /// Line `n` (1-based) of a source file, from the cache or the file system.
    pub fn source_line(&mut self, filename: &str, n: u32) -> Option<String> {
        if n == 0 {
            return None;
        }
        if !self.sources.contains_key(filename) {
            if filename.starts_with('<') {
                return None;
            }
            let text = std::fs::read(filename).ok()?;
            let text: Rc<str> = Rc::from(String::from_utf8_lossy(&text).as_ref());
            self.sources.insert(filename.to_string(), text);
        }
        let src = self.sources.get(filename)?;
        src.split_inclusive('\n').nth(n as usize - 1).map(|l| l.trim_end_matches(['\n', '\r']).to_string())
    }
}

fn push_repeated(out: &mut String, n: usize) {
    out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
}

/// SyntaxError fields: 0 = msg, 1 = filename, 2 = lineno, 3 = offset, 4 = text,
/// 5 = end_lineno, 6 = end_offset (from the exception's args).
pub fn syntax_error_field(exc: &Value, i: usize) -> Option<Value> {
    let d = Vm::exc_data(exc)?;
    let args = d.borrow().args.clone();
    let Some(ObjKind::Tuple(t)) = args.kind() else { return None };
    if i == 0 {
        return t.first().cloned();
    }
    let details = t.get(1)?;
    let Some(ObjKind::Tuple(dt)) = details.kind() else { return None };
    dt.get(i - 1).cloned()
}

fn byte_to_char(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    let mut b2 = b;
    while b2 > 0 && !s.is_char_boundary(b2) {
        b2 -= 1;
    }
    s[..b2].chars().count()
}

fn char_to_byte(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map_or(s.len(), |(i, _)| i)
}

/// The `~~^^~~` anchors of a code segment (character offsets of the secondary range),
/// as CPython 3.11's `extract_anchors_from_line`: the operator of a binary operation,
/// or the brackets of a subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(e) = &body[0] else { return None };
    let bytes = segment.as_bytes();
    let norm = |b: usize| byte_to_char(segment, b);
    match &*e.value {
        Expr::BinOp(b) => {
            let left_end = usize::from(b.left.range().end());
            let right_start = usize::from(b.right.range().start());
            let op_str = segment.get(left_end..right_start)?;
            let op_offset = op_str.len() - op_str.trim_start().len();
            let mut left = left_end + op_offset;
            let mut right = left + 1;
            if op_offset + 1 < op_str.len() && !op_str.as_bytes()[op_offset + 1].is_ascii_whitespace() {
                right += 1;
            }
            while left < bytes.len() && (bytes[left].is_ascii_whitespace() || bytes[left] == b')' || bytes[left] == b'#') {
                left += 1;
                right += 1;
            }
            Some((norm(left), norm(right)))
        }
        Expr::Subscript(s) => {
            let mut left = usize::from(s.value.range().end());
            let mut right = usize::from(s.slice.range().end()) + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((norm(left), norm(right)))
        }
        _ => None,
    }
}

use ruff_text_size::Ranged;
