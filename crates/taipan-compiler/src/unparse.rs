//! Expression unparser for `from __future__ import annotations` (PEP 563): annotations are
//! stored as the source text CPython's `Python/ast_unparse.c` regenerates from the AST
//! (normalized spacing, minimal parentheses by precedence, `repr` of constants).

use std::fmt::Write;

use taipan_bytecode::Constant;

use crate::ast::*;

// Precedence levels, as ast_unparse.c.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_ATOM: u8 = 15;

/// The source text of `e` as CPython would regenerate it.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn paren_if(out: &mut String, cond: bool, f: impl FnOnce(&mut String)) {
    if cond {
        out.push('(');
    }
    f(out);
    if cond {
        out.push(')');
    }
}

fn seq(out: &mut String, items: &[Expr], level: u8) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, level);
    }
}

fn binop_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { is_and, values } => {
            let pr = if *is_and { PR_AND } else { PR_OR };
            paren_if(out, level > pr, |out| {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(if *is_and { " and " } else { " or " });
                    }
                    expr(out, v, pr + 1);
                }
            });
        }
        ExprKind::Named { target, value } => paren_if(out, level > PR_TUPLE, |out| {
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
        }),
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = binop_info(*op);
            let rassoc = *op == Operator::Pow;
            paren_if(out, level > pr, |out| {
                expr(out, left, if rassoc { pr + 1 } else { pr });
                out.push_str(s);
                expr(out, right, if rassoc { pr } else { pr + 1 });
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren_if(out, level > pr, |out| {
                out.push_str(s);
                expr(out, operand, pr);
            });
        }
        ExprKind::Lambda(l) => paren_if(out, level > PR_TEST, |out| {
            out.push_str("lambda");
            let p = &l.params;
            let mut first = true;
            let mut sep = |out: &mut String| {
                out.push_str(if first { " " } else { ", " });
                first = false;
            };
            for (i, q) in p.posonly.iter().chain(&p.args).enumerate() {
                sep(out);
                param(out, q);
                if i + 1 == p.posonly.len() {
                    out.push_str(", /");
                }
            }
            if p.vararg.is_some() || !p.kwonly.is_empty() {
                sep(out);
                out.push('*');
                if let Some(v) = &p.vararg {
                    out.push_str(&v.name.name);
                }
            }
            for q in &p.kwonly {
                sep(out);
                param(out, q);
            }
            if let Some(k) = &p.kwarg {
                sep(out);
                out.push_str("**");
                out.push_str(&k.name.name);
            }
            out.push_str(": ");
            expr(out, &l.body, PR_TEST);
        }),
        ExprKind::IfExp { test, body, orelse } => paren_if(out, level > PR_TEST, |out| {
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
        }),
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, elts, PR_TEST);
                out.push('}');
            }
        }
        ExprKind::Comp(c) => {
            let (open, close) = match c.kind {
                CompKind::List => ('[', ']'),
                CompKind::Set | CompKind::Dict => ('{', '}'),
                CompKind::Generator => ('(', ')'),
            };
            out.push(open);
            expr(out, &c.elt, PR_TEST);
            if let Some(v) = &c.value {
                out.push_str(": ");
                expr(out, v, PR_TEST);
            }
            for g in &c.generators {
                out.push_str(" for ");
                expr(out, &g.target, PR_TUPLE);
                out.push_str(" in ");
                expr(out, &g.iter, PR_TEST + 1);
                for cond in &g.ifs {
                    out.push_str(" if ");
                    expr(out, cond, PR_TEST + 1);
                }
            }
            out.push(close);
        }
        ExprKind::Yield(v) => paren_if(out, true, |out| {
            out.push_str("yield");
            if let Some(v) = v {
                out.push(' ');
                expr(out, v, PR_TEST);
            }
        }),
        ExprKind::YieldFrom(v) => paren_if(out, true, |out| {
            out.push_str("yield from ");
            expr(out, v, PR_TEST);
        }),
        ExprKind::Compare { left, ops, comparators } => paren_if(out, level > PR_CMP, |out| {
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmp_str(*op));
                expr(out, c, PR_CMP + 1);
            }
        }),
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, PR_ATOM);
            if let ([only], true) = (args.as_slice(), keywords.is_empty()) {
                if matches!(&only.kind, ExprKind::Comp(c) if c.kind == CompKind::Generator) {
                    expr(out, only, PR_TEST);
                    return;
                }
            }
            out.push('(');
            seq(out, args, PR_TEST);
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(a) => {
                        out.push_str(&a.name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => {
            out.push_str("f");
            let mut body = String::new();
            fstring_body(&mut body, e);
            out.push_str(&repr_str(&body));
        }
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::Attribute { value, attr } => {
            expr(out, value, PR_ATOM);
            if matches!(value.kind, ExprKind::Constant(Constant::Int(_) | Constant::BigInt(_))) {
                out.push(' ');
            }
            out.push('.');
            out.push_str(&attr.name);
        }
        ExprKind::Subscript { value, slice } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple(elts) if !elts.is_empty() => {
                    seq(out, elts, PR_TEST);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, PR_TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            expr(out, v, PR_BOR);
        }
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::List(elts) => {
            out.push('[');
            seq(out, elts, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple(elts) => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren_if(out, level > PR_TUPLE, |out| {
                    seq(out, elts, PR_TEST);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
    }
}

fn param(out: &mut String, q: &Param) {
    out.push_str(&q.name.name);
    if let Some(d) = &q.default {
        out.push('=');
        expr(out, d, PR_TEST);
    }
}

fn fstring_body(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::JoinedStr(parts) => {
            for p in parts {
                fstring_body(out, p);
            }
        }
        ExprKind::Constant(Constant::Str(s)) => out.push_str(&s.replace('{', "{{").replace('}', "}}")),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let mut inner = String::new();
            expr(&mut inner, value, PR_TEST + 1);
            out.push('{');
            if inner.starts_with('{') {
                out.push(' ');
            }
            out.push_str(&inner);
            match conversion {
                1 => out.push_str("!s"),
                2 => out.push_str("!r"),
                3 => out.push_str("!a"),
                _ => {}
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_body(out, spec);
            }
            out.push('}');
        }
        _ => {}
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::Str(s) => out.push_str(&repr_str(s)),
        Constant::Float(f) => out.push_str(&repr_float(*f)),
        Constant::Complex(re, im) => {
            if *re == 0.0 && re.is_sign_positive() {
                let _ = write!(out, "{}j", repr_float(*im));
            } else {
                let _ = write!(
                    out,
                    "({}{}{}j)",
                    repr_float(*re),
                    if *im >= 0.0 { "+" } else { "" },
                    repr_float(*im)
                );
            }
        }
        Constant::Bytes(b) => {
            out.push('b');
            out.push_str(&repr_bytes(b));
        }
        Constant::Ellipsis => out.push_str("..."),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant(out, x);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// Python's `repr(float)`; infinities unparse as `1e309` (as ast_unparse.c).
pub fn repr_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "1e309".into() } else { "-1e309".into() };
    }
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            s.push_str("0.");
            s.push_str(&"0".repeat((-decpt) as usize));
            s.push_str(&digits);
        } else {
            let d = decpt as usize;
            if digits.len() <= d {
                s.push_str(&digits);
                s.push_str(&"0".repeat(d - digits.len()));
                s.push_str(".0");
            } else {
                s.push_str(&digits[..d]);
                s.push('.');
                s.push_str(&digits[d..]);
            }
        }
    } else {
        s.push_str(&digits[..1]);
        if digits.len() > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(s, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    s
}

/// Python's `repr(str)` (approximate printability test).
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                if (c as u32) < 0x100 {
                    let _ = write!(out, "\\x{:02x}", c as u32);
                } else if (c as u32) < 0x10000 {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                } else {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::new();
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
