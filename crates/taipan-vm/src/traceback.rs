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
/// Exception groups nested deeper than this are elided (`max_group_depth`).
const MAX_GROUP_DEPTH: usize = 10;
/// At most this many members of an exception group are printed (`max_group_width`).
const MAX_GROUP_WIDTH: usize = 15;
/// Chains (`__cause__`/`__context__`) longer than this are cut (CPython stops at its
/// recursion limit).
const MAX_CHAIN_DEPTH: usize = 200;

const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:\n";

/// State of one printing (CPython's `exception_print_context`).
#[derive(Default)]
struct PrintCtx {
    /// Ids of the exceptions already printed (chains may form cycles).
    seen: Vec<i64>,
    /// Nesting level inside exception groups (0 outside any group).
    group_depth: usize,
    /// A group box still needs its closing line.
    need_close: bool,
    /// Depth of `__cause__`/`__context__` recursion.
    chain_depth: usize,
}

impl PrintCtx {
    /// Spaces before the margin.
    fn indent(&self) -> usize {
        2 * self.group_depth
    }

    /// The `| ` margin inside groups.
    fn margin(&self) -> &'static str {
        if self.group_depth > 0 { "| " } else { "" }
    }

    fn write_margin(&self, out: &mut String) {
        push_spaces(out, self.indent());
        out.push_str(self.margin());
    }
}

fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

impl Vm {
    /// Formats an uncaught exception (with its chain) as CPython prints it on stderr.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut ctx = PrintCtx::default();
        self.print_recursive(exc, &mut out, &mut ctx);
        out
    }

    /// The traceback entries of an exception (`traceback.format_tb`): the `File ...`
    /// lines with their source lines and carets, without the header.
    pub fn format_tb(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut ctx = PrintCtx::default();
        self.format_entries(exc, &mut out, &mut ctx);
        out
    }

    /// The exception line(s) without the traceback (`traceback.format_exception_only`):
    /// the SyntaxError location, `Type: message` with its hint, and the notes.
    pub fn format_exception_only(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut ctx = PrintCtx::default();
        self.format_message(exc, &mut out, &mut ctx);
        out
    }

    fn print_recursive(&mut self, exc: &Value, out: &mut String, ctx: &mut PrintCtx) {
        self.print_cause_and_context(exc, out, ctx);
        if self.isinstance(exc, &self.exc.base_exception_group.clone()) {
            self.print_group(exc, out, ctx);
        } else {
            self.format_one(exc, out, ctx);
        }
    }

    fn print_cause_and_context(&mut self, exc: &Value, out: &mut String, ctx: &mut PrintCtx) {
        ctx.seen.push(exc.id());
        let Some(d) = Vm::exc_data(exc) else { return };
        let (cause, context, suppress) = {
            let d = d.borrow();
            (d.cause.clone(), d.context.clone(), d.suppress_context)
        };
        if let Some(c) = cause {
            if !ctx.seen.contains(&c.id()) {
                self.print_chained(&c, CAUSE_MESSAGE, out, ctx);
            }
            return;
        }
        if suppress {
            return;
        }
        if let Some(c) = context {
            if !ctx.seen.contains(&c.id()) {
                self.print_chained(&c, CONTEXT_MESSAGE, out, ctx);
            }
        }
    }

    fn print_chained(&mut self, exc: &Value, message: &str, out: &mut String, ctx: &mut PrintCtx) {
        if ctx.chain_depth >= MAX_CHAIN_DEPTH {
            return;
        }
        let need_close = ctx.need_close;
        ctx.chain_depth += 1;
        self.print_recursive(exc, out, ctx);
        ctx.chain_depth -= 1;
        ctx.need_close = need_close;
        ctx.write_margin(out);
        out.push('\n');
        ctx.write_margin(out);
        out.push_str(message);
        ctx.write_margin(out);
        out.push('\n');
    }

    /// An exception group: the group itself, then each member in a numbered box
    /// (CPython 3.11's `print_exception_group`).
    fn print_group(&mut self, exc: &Value, out: &mut String, ctx: &mut PrintCtx) {
        if ctx.group_depth > MAX_GROUP_DEPTH {
            ctx.write_margin(out);
            out.push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if ctx.group_depth == 0 {
            ctx.group_depth = 1;
        }
        self.format_one(exc, out, ctx);
        let excs = crate::exceptions::group_exceptions(self, exc);
        let n = if excs.len() <= MAX_GROUP_WIDTH {
            excs.len()
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                ctx.need_close = true;
            }
            push_spaces(out, ctx.indent());
            let lead = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            if truncated {
                out.push_str(&format!("{lead}+---------------- ... ----------------\n"));
            } else {
                out.push_str(&format!("{lead}+---------------- {} ----------------\n", i + 1));
            }
            ctx.group_depth += 1;
            if truncated {
                let remaining = excs.len() - MAX_GROUP_WIDTH;
                ctx.write_margin(out);
                out.push_str(&format!(
                    "and {remaining} more exception{}\n",
                    if remaining > 1 { "s" } else { "" }
                ));
            } else if let Some(e) = excs.get(i) {
                if ctx.chain_depth < MAX_CHAIN_DEPTH {
                    ctx.chain_depth += 1;
                    self.print_recursive(e, out, ctx);
                    ctx.chain_depth -= 1;
                }
            }
            if last && ctx.need_close {
                push_spaces(out, ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.group_depth -= 1;
        }
        if ctx.group_depth == 1 {
            ctx.group_depth = 0;
        }
    }

    fn format_one(&mut self, exc: &Value, out: &mut String, ctx: &mut PrintCtx) {
        let has_tb = Vm::exc_data(exc).is_some_and(|d| !d.borrow().traceback.is_empty());
        if has_tb {
            let is_group = self.isinstance(exc, &self.exc.base_exception_group.clone());
            push_spaces(out, ctx.indent());
            if is_group {
                out.push_str(if ctx.group_depth == 1 { "+ " } else { ctx.margin() });
                out.push_str("Exception Group Traceback (most recent call last):\n");
            } else {
                out.push_str(ctx.margin());
                out.push_str("Traceback (most recent call last):\n");
            }
            self.format_entries(exc, out, ctx);
        }
        self.format_message(exc, out, ctx);
    }

    /// The traceback entries, outermost first, with repeated frames summarized.
    fn format_entries(&mut self, exc: &Value, out: &mut String, ctx: &mut PrintCtx) {
        // stored innermost first (appended while unwinding); printed outermost first
        let mut tb: Vec<(Rc<crate::code::Code>, usize)> = Vm::exc_data(exc)
            .map(|d| d.borrow().traceback.clone())
            .unwrap_or_default();
        tb.reverse();
        {
            let start = tb.len().saturating_sub(TB_LIMIT);
            let mut last: Option<(Rc<str>, u32, Rc<str>)> = None;
            let mut count = 0usize;
            for (code, index) in &tb[start..] {
                let pos = code.raw.positions.get(*index).copied().unwrap_or_default();
                let key = (code.raw.filename.clone(), pos.line, code.raw.name.clone());
                let same = last
                    .as_ref()
                    .is_some_and(|l| l.0 == key.0 && l.1 == key.1 && l.2 == key.2);
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
                let mut entry = String::new();
                self.format_entry(&mut entry, code, *index);
                for line in entry.split_inclusive('\n') {
                    ctx.write_margin(out);
                    out.push_str(line);
                }
            }
            if count > TB_RECURSIVE_CUTOFF {
                push_repeated(out, count - TB_RECURSIVE_CUTOFF);
            }
        }
    }

    /// The SyntaxError location, the `Type: message` line with its hint, and the notes.
    fn format_message(&mut self, exc: &Value, out: &mut String, ctx: &mut PrintCtx) {
        let cls = self.class_of(exc).clone();
        // a SyntaxError whose attributes parse prints its location and its `msg`
        let syntax_msg = if crate::types::is_subtype(&cls, &self.exc.syntax_error) {
            self.format_syntax_error(exc, out, ctx)
        } else {
            None
        };
        let td = tdata(&cls);
        let mut name = td.qualname.borrow().to_string();
        if td.heap_type {
            match self.lookup_in_type(&cls, "__module__") {
                Some(m) => match m.as_str() {
                    Some("__main__" | "builtins") => {}
                    Some(m) => name = format!("{m}.{name}"),
                    None => name = format!("<unknown>.{name}"),
                },
                None => name = format!("<unknown>.{name}"),
            }
        }
        let builtin_str = matches!(self.lookup_in_type(&cls, "__str__").as_ref().and_then(|m| m.kind()), Some(ObjKind::Native(n)) if n.owner == "BaseException");
        let msg = match syntax_msg {
            Some(Value::None) => Ok(String::new()),
            Some(m) => self.str(&m),
            None if builtin_str => crate::exceptions::exception_str(self, exc),
            None => self.str(exc),
        };
        ctx.write_margin(out);
        out.push_str(&name);
        match msg {
            Ok(m) if m.is_empty() => {}
            Ok(m) => {
                out.push_str(": ");
                out.push_str(&m);
            }
            Err(_) => out.push_str(": <exception str() failed>"),
        }
        if let Some(s) = self.suggestion_for(exc) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
        self.format_notes(exc, out, ctx);
    }

    /// The "Did you mean" hint of a NameError or AttributeError, as CPython 3.11's
    /// `_Py_Offer_Suggestions` (computed when the traceback is printed): for a NameError,
    /// the local variable names of the innermost frame's code, then its globals, then
    /// the builtins; for an AttributeError, `dir(obj)`.
    fn suggestion_for(&mut self, exc: &Value) -> Option<String> {
        let stored = Vm::exc_data(exc).and_then(|d| d.borrow().suggestion.clone());
        if self.isinstance(exc, &self.exc.attribute_error.clone()) {
            if stored.is_some() {
                return stored;
            }
            let name = crate::exceptions::exc_field(self, exc, "name");
            let obj = crate::exceptions::exc_field(self, exc, "obj");
            let name = name.as_str()?.to_string();
            if obj.is_none() {
                return None;
            }
            let cands = crate::builtins::object::dir_names(self, &obj).ok()?;
            return crate::suggest::best_match(&name, &cands);
        }
        if self.isinstance(exc, &self.exc.name_error.clone()) {
            let name = crate::exceptions::exc_field(self, exc, "name");
            let name = name.as_str()?.to_string();
            let code = Vm::exc_data(exc).and_then(|d| d.borrow().traceback.first().map(|(c, _)| c.clone()))?;
            let locals: Vec<String> = code.raw.varnames.iter().map(|v| v.to_string()).collect();
            if let Some(s) = crate::suggest::best_match(&name, &locals) {
                return Some(s);
            }
            if stored.is_some() {
                return stored;
            }
            return crate::suggest::global_suggestion(self, &code, &name);
        }
        stored
    }

    /// PEP 678 notes, printed after the exception line (CPython 3.11's
    /// `print_exception_notes`): each line of a str note after the margin, other notes
    /// by `str()`; a `__notes__` that is not a sequence is printed by `repr()` without a
    /// newline.
    fn format_notes(&mut self, exc: &Value, out: &mut String, ctx: &PrintCtx) {
        let Some(d) = exc.as_obj().and_then(|o| o.dict.clone()) else {
            return;
        };
        let Some(notes) = crate::ops::dict_get_str(&d, crate::ops::hash_str("__notes__"), "__notes__") else {
            return;
        };
        let is_seq = match notes.kind() {
            Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Str(_)) => true,
            Some(ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::FrozenSet(_)) => false,
            _ => !notes.is_none() && self.lookup_special(&notes, "__getitem__").is_some(),
        };
        if !is_seq {
            ctx.write_margin(out);
            match self.repr(&notes) {
                Ok(r) => out.push_str(&r),
                Err(_) => out.push_str("<__notes__ repr() failed>"),
            }
            return;
        }
        let items = match self.collect(&notes) {
            Ok(items) => items,
            Err(_) => return,
        };
        for note in items {
            match note.as_str() {
                Some(s) => {
                    for line in split_lines_keepends(s) {
                        ctx.write_margin(out);
                        out.push_str(line);
                    }
                }
                None => {
                    ctx.write_margin(out);
                    match self.str(&note) {
                        Ok(s) => out.push_str(&s),
                        Err(_) => out.push_str("<note str() failed>"),
                    }
                }
            }
            out.push('\n');
        }
    }

    fn format_entry(&mut self, out: &mut String, code: &crate::code::Code, index: usize) {
        let pos = code.raw.positions.get(index).copied().unwrap_or_default();
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            code.raw.filename, pos.line, code.raw.name
        ));
        let Some(line) = self.source_line(&code.raw.filename, pos.line) else {
            return;
        };
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

    /// The `File "...", line N` header, source line and carets of a SyntaxError, from its
    /// attributes (CPython's `print_exception_file_and_line` and `print_error_text`).
    /// Only an exact SyntaxError uses its end offset; subclasses get a single caret.
    /// Returns the exception's `msg` (the text to print after the class name), or None
    /// when an attribute does not parse (a non-int `lineno`...): CPython then prints the
    /// exception like any other.
    fn format_syntax_error(&mut self, exc: &Value, out: &mut String, ctx: &PrintCtx) -> Option<Value> {
        let field = |vm: &mut Vm, n: &str| crate::exceptions::exc_field(vm, exc, n);
        // None → the default; an int → its value; anything else → parse failure
        let int_of = |v: &Value, default: i64| -> Option<i64> {
            match v {
                Value::None => Some(default),
                Value::Int(i) => Some(*i),
                Value::Bool(b) => Some(i64::from(*b)),
                _ => None,
            }
        };
        let msg = field(self, "msg");
        let filename = field(self, "filename");
        let lineno = match field(self, "lineno") {
            Value::Int(i) => i,
            Value::Bool(b) => i64::from(b),
            _ => return None,
        };
        let offset = int_of(&field(self, "offset"), -1)?;
        let exact = Rc::ptr_eq(self.class_of(exc), &self.exc.syntax_error);
        let (end_lineno, mut end_offset) = if exact {
            let el = field(self, "end_lineno");
            let eo = field(self, "end_offset");
            (int_of(&el, lineno)?, int_of(&eo, -1)?)
        } else {
            (lineno, -1)
        };
        let filename = if filename.is_none() {
            "<string>".to_string()
        } else {
            self.str(&filename).unwrap_or_default()
        };
        ctx.write_margin(out);
        out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
        let text = field(self, "text");
        if let Some(text) = text.as_str().map(|t| t.to_string()) {
            let line_size = i64::try_from(text.len()).unwrap_or(i64::MAX);
            if end_lineno > lineno {
                end_offset = line_size;
            }
            if end_offset > line_size.saturating_add(1) {
                end_offset = line_size.saturating_add(1);
            }
            print_error_text(out, offset, end_offset, &text);
        }
        Some(msg)
    }

    /// Line `n` (1-based) of a source file, from the cache or the file system.
    pub fn source_line(&mut self, filename: &str, n: u32) -> Option<String> {
        // `<string>`, `<stdin>`: CPython's linecache has no text for them
        if n == 0 || filename.starts_with('<') {
            return None;
        }
        if !self.sources.contains_key(filename) {
            let text = std::fs::read(filename).ok()?;
            // linecache honours the BOM and PEP 263 declarations (tokenize.open)
            let text: Rc<str> = match taipan_compiler::decode_source(&text, filename) {
                Ok(t) => Rc::from(t.as_ref()),
                Err(_) => Rc::from(String::from_utf8_lossy(&text).as_ref()),
            };
            self.sources.insert(filename.to_string(), text);
        }
        let src = self.sources.get(filename)?;
        src.split_inclusive('\n')
            .nth(n as usize - 1)
            .map(|l| l.trim_end_matches(['\n', '\r']).to_string())
    }
}

/// Prints the source line of a SyntaxError and its carets (CPython's
/// `print_error_text`): leading blanks are stripped, the offset is clipped to the line,
/// and the caret run is `end_offset - offset` long (at least one).
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset.saturating_sub(offset)
    } else {
        1
    };
    let mut offset = offset.saturating_sub(1);
    let mut t = text;
    while let Some(rest) = t.strip_prefix([' ', '\t', '\x0c']) {
        t = rest;
        offset = offset.saturating_sub(1);
    }
    let mut len = i64::try_from(t.len()).unwrap_or(i64::MAX);
    if t.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // skip past newlines embedded in the text, before the offset
    while let Some(nl) = t.find('\n') {
        let inl = i64::try_from(nl).unwrap_or(i64::MAX);
        if inl >= offset {
            break;
        }
        t = t.get(nl + 1..).unwrap_or("");
        offset = offset.saturating_sub(inl.saturating_add(1));
    }
    out.push_str("    ");
    out.push_str(t);
    if !t.ends_with('\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(usize::try_from(offset).unwrap_or(0)));
    out.push_str(&"^".repeat(usize::try_from(carets).unwrap_or(1)));
    out.push('\n');
}

/// `str.splitlines(keepends=True)`.
fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_break = matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some((j, '\n')) = iter.peek().copied() {
                end = j + 1;
                iter.next();
            }
        }
        out.push(&s[start..end]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn push_repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
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
            // CPython 3.11 `Python/traceback.c` `extract_anchors_from_expr`: the first
            // non-blank character between the operands that is not a `)` (a `)` is taken
            // only when nothing follows it), one caret more when the next character is not
            // blank (`>>`, `//`, `**`).
            let left_end = usize::from(b.left.range().end());
            let right_start = usize::from(b.right.range().start()).min(bytes.len());
            let mut anchors = None;
            for i in left_end..right_start {
                if bytes[i].is_ascii_whitespace() {
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < right_start && !bytes[i + 1].is_ascii_whitespace() {
                    right += 1;
                }
                anchors = Some((norm(i), norm(right)));
                if i + 1 < right_start && bytes[i] == b')' {
                    continue;
                }
                break;
            }
            anchors
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
