//! Lowering: ruff's AST → taipan's AST (`ast.rs`). The only module that reads ruff's AST.
//!
//! ruff's API changes often; keeping every use of `ruff_python_ast` here means an upgrade
//! touches one file. The pass also:
//! - rejects constructs taipan does not run yet (`match`, `async`, `await`, `except*`)
//!   with `SyntaxError: not supported yet: <construct>`;
//! - decodes literals: concatenated strings, bytes, ints beyond 64 bits (parsed with
//!   dashu; decimal literals over 4300 digits raise CPython's int-max-str-digits
//!   `SyntaxError`), f-strings flattened into `JoinedStr`/`FormattedValue` (`f"{x=}"`
//!   expands to its text plus `repr`, as CPython's parser does);
//! - folds `-<number>` into a constant (CPython's AST optimizer does the same);
//! - numbers every scope-creating node with a [`ScopeId`] in source order;
//! - bounds expression nesting: deeper than [`MAX_EXPR_DEPTH`] raises `RecursionError`
//!   ("maximum recursion depth exceeded during compilation", as CPython 3.11 does near 3000).

use std::rc::Rc;

use ruff_python_ast as r;
use ruff_text_size::Ranged;
use taipan_bytecode::Constant;

use crate::ast::*;
use crate::error::{CompileError, SourceMap};

/// Deepest expression nesting accepted (CPython 3.11 fails between 2990 and 3000).
pub const MAX_EXPR_DEPTH: u32 = 2990;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

/// Converts ruff's tree into taipan's, numbering scopes from 1 (0 is the module or
/// top-level expression).
pub struct Lowerer<'a> {
    map: &'a SourceMap<'a>,
    depth: u32,
    next_scope: u32,
    int_max_str_digits: usize,
}

type Res<T> = Result<T, CompileError>;

fn rng(r: ruff_text_size::TextRange) -> Range {
    Range { start: r.start().to_u32(), end: r.end().to_u32() }
}

fn ident(i: &r::Identifier) -> Ident {
    Ident { name: Rc::from(i.id.as_str()), range: rng(i.range) }
}

impl<'a> Lowerer<'a> {
    /// A lowerer reporting errors against `map`.
    pub fn new(map: &'a SourceMap<'a>, int_max_str_digits: usize) -> Self {
        Lowerer { map, depth: 0, next_scope: 1, int_max_str_digits }
    }

    /// Number of scopes allocated so far (including scope 0).
    pub fn scope_count(&self) -> u32 {
        self.next_scope
    }

    fn new_scope(&mut self) -> ScopeId {
        let id = ScopeId(self.next_scope);
        self.next_scope += 1;
        id
    }

    fn unsupported(&self, what: &str, range: ruff_text_size::TextRange) -> CompileError {
        self.map.error_at_bytes(format!("not supported yet: {what}"), rng(range))
    }

    /// Lowers a module body.
    pub fn module(&mut self, body: &[r::Stmt]) -> Res<Vec<Stmt>> {
        self.stmts(body)
    }

    /// Lowers a top-level expression (eval mode).
    pub fn expression(&mut self, e: &r::Expr) -> Res<Expr> {
        self.expr(e)
    }

    fn stmts(&mut self, body: &[r::Stmt]) -> Res<Vec<Stmt>> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn exprs(&mut self, es: &[r::Expr]) -> Res<Vec<Expr>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn opt_expr(&mut self, e: Option<&r::Expr>) -> Res<Option<Expr>> {
        e.map(|e| self.expr(e)).transpose()
    }

    fn boxed(&mut self, e: &r::Expr) -> Res<Box<Expr>> {
        Ok(Box::new(self.expr(e)?))
    }

    fn stmt(&mut self, s: &r::Stmt) -> Res<Stmt> {
        use r::Stmt as S;
        let range = rng(s.range());
        let kind = match s {
            S::FunctionDef(f) => {
                if f.is_async {
                    return Err(self.unsupported("async function", f.range));
                }
                if let Some(tp) = &f.type_params {
                    return Err(self.map.error_at(
                        crate::CompileErrorKind::SyntaxError,
                        "invalid syntax",
                        rng(tp.range),
                    ));
                }
                let decorators =
                    f.decorator_list.iter().map(|d| self.expr(&d.expression)).collect::<Res<_>>()?;
                let params = self.params(&f.parameters)?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let scope = self.new_scope();
                let body = self.stmts(&f.body)?;
                StmtKind::FunctionDef(Box::new(FunctionDef {
                    name: ident(&f.name),
                    params,
                    body,
                    decorators,
                    returns,
                    scope,
                }))
            }
            S::ClassDef(c) => {
                if let Some(tp) = &c.type_params {
                    return Err(self.map.error_at(
                        crate::CompileErrorKind::SyntaxError,
                        "invalid syntax",
                        rng(tp.range),
                    ));
                }
                let decorators =
                    c.decorator_list.iter().map(|d| self.expr(&d.expression)).collect::<Res<_>>()?;
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (Vec::new(), Vec::new()),
                };
                let scope = self.new_scope();
                let body = self.stmts(&c.body)?;
                StmtKind::ClassDef(Box::new(ClassDef {
                    name: ident(&c.name),
                    bases,
                    keywords,
                    body,
                    decorators,
                    scope,
                }))
            }
            S::Return(x) => StmtKind::Return(self.opt_expr(x.value.as_deref())?),
            S::Delete(x) => StmtKind::Delete(self.exprs(&x.targets)?),
            S::TypeAlias(x) => {
                return Err(self.map.error_at(
                    crate::CompileErrorKind::SyntaxError,
                    "invalid syntax",
                    rng(x.range),
                ));
            }
            S::Assign(x) => StmtKind::Assign { targets: self.exprs(&x.targets)?, value: self.expr(&x.value)? },
            S::AugAssign(x) => StmtKind::AugAssign {
                target: self.expr(&x.target)?,
                op: operator(x.op),
                value: self.expr(&x.value)?,
            },
            S::AnnAssign(x) => StmtKind::AnnAssign {
                target: self.expr(&x.target)?,
                annotation: self.expr(&x.annotation)?,
                value: self.opt_expr(x.value.as_deref())?,
                simple: x.simple,
            },
            S::For(x) => {
                if x.is_async {
                    return Err(self.unsupported("async for statement", x.range));
                }
                StmtKind::For {
                    target: self.expr(&x.target)?,
                    iter: self.expr(&x.iter)?,
                    body: self.stmts(&x.body)?,
                    orelse: self.stmts(&x.orelse)?,
                }
            }
            S::While(x) => StmtKind::While {
                test: self.expr(&x.test)?,
                body: self.stmts(&x.body)?,
                orelse: self.stmts(&x.orelse)?,
            },
            S::If(x) => {
                let mut branches = vec![(self.expr(&x.test)?, self.stmts(&x.body)?, range)];
                let mut orelse = Vec::new();
                for clause in &x.elif_else_clauses {
                    match &clause.test {
                        Some(t) => branches.push((self.expr(t)?, self.stmts(&clause.body)?, rng(clause.range))),
                        None => orelse = self.stmts(&clause.body)?,
                    }
                }
                StmtKind::If { branches, orelse }
            }
            S::With(x) => {
                if x.is_async {
                    return Err(self.unsupported("async with statement", x.range));
                }
                let mut items = Vec::new();
                for item in &x.items {
                    items.push(WithItem {
                        context_expr: self.expr(&item.context_expr)?,
                        optional_vars: self.opt_expr(item.optional_vars.as_deref())?,
                    });
                }
                StmtKind::With { items, body: self.stmts(&x.body)? }
            }
            S::Match(x) => return Err(self.unsupported("match statement", x.range)),
            S::Raise(x) => StmtKind::Raise {
                exc: self.opt_expr(x.exc.as_deref())?,
                cause: self.opt_expr(x.cause.as_deref())?,
            },
            S::Try(x) => {
                if x.is_star {
                    return Err(self.unsupported("except* clause", x.range));
                }
                let body = self.stmts(&x.body)?;
                let mut handlers = Vec::new();
                for h in &x.handlers {
                    let r::ExceptHandler::ExceptHandler(h) = h;
                    handlers.push(ExceptHandler {
                        type_: self.opt_expr(h.type_.as_deref())?,
                        name: h.name.as_ref().map(ident),
                        body: self.stmts(&h.body)?,
                        range: rng(h.range),
                    });
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse: self.stmts(&x.orelse)?,
                    finalbody: self.stmts(&x.finalbody)?,
                }
            }
            S::Assert(x) => StmtKind::Assert { test: self.expr(&x.test)?, msg: self.opt_expr(x.msg.as_deref())? },
            S::Import(x) => StmtKind::Import(x.names.iter().map(alias).collect()),
            S::ImportFrom(x) => StmtKind::ImportFrom {
                module: x.module.as_ref().map(|m| Rc::from(m.id.as_str())),
                names: x.names.iter().map(alias).collect(),
                level: x.level,
            },
            S::Global(x) => StmtKind::Global(x.names.iter().map(ident).collect()),
            S::Nonlocal(x) => StmtKind::Nonlocal(x.names.iter().map(ident).collect()),
            S::Expr(x) => StmtKind::Expr(self.expr(&x.value)?),
            S::Pass(_) => StmtKind::Pass,
            S::Break(_) => StmtKind::Break,
            S::Continue(_) => StmtKind::Continue,
            S::IpyEscapeCommand(x) => {
                return Err(self.map.error_at(
                    crate::CompileErrorKind::SyntaxError,
                    "invalid syntax",
                    rng(x.range),
                ));
            }
        };
        Ok(Stmt { range, kind })
    }

    fn params(&mut self, p: &r::Parameters) -> Res<Parameters> {
        let mut out = Parameters::default();
        for q in &p.posonlyargs {
            out.posonly.push(self.param_default(q)?);
        }
        for q in &p.args {
            out.args.push(self.param_default(q)?);
        }
        if let Some(v) = &p.vararg {
            out.vararg = Some(self.param(v)?);
        }
        for q in &p.kwonlyargs {
            out.kwonly.push(self.param_default(q)?);
        }
        if let Some(v) = &p.kwarg {
            out.kwarg = Some(self.param(v)?);
        }
        Ok(out)
    }

    fn param(&mut self, p: &r::Parameter) -> Res<Param> {
        Ok(Param {
            name: ident(&p.name),
            annotation: self.opt_expr(p.annotation.as_deref())?,
            default: None,
            range: rng(p.range),
        })
    }

    fn param_default(&mut self, p: &r::ParameterWithDefault) -> Res<Param> {
        let mut out = self.param(&p.parameter)?;
        out.default = self.opt_expr(p.default.as_deref())?;
        Ok(out)
    }

    fn keywords(&mut self, ks: &[r::Keyword]) -> Res<Vec<Keyword>> {
        let mut out = Vec::new();
        for k in ks {
            out.push(Keyword { arg: k.arg.as_ref().map(ident), value: self.expr(&k.value)?, range: rng(k.range) });
        }
        Ok(out)
    }

    fn comprehension(&mut self, gens: &[r::Comprehension]) -> Res<Vec<Comprehension>> {
        let mut out = Vec::new();
        for g in gens {
            if g.is_async {
                return Err(self.unsupported("asynchronous comprehension", g.range));
            }
            out.push(Comprehension { target: self.expr(&g.target)?, iter: self.expr(&g.iter)?, ifs: self.exprs(&g.ifs)? });
        }
        Ok(out)
    }

    fn expr(&mut self, e: &r::Expr) -> Res<Expr> {
        self.depth += 1;
        if self.depth > MAX_EXPR_DEPTH {
            return Err(self.map.recursion_error());
        }
        let result = self.expr_inner(e);
        self.depth -= 1;
        result
    }

    fn expr_inner(&mut self, e: &r::Expr) -> Res<Expr> {
        use r::Expr as E;
        let range = rng(e.range());
        let kind = match e {
            E::BoolOp(x) => ExprKind::BoolOp { is_and: x.op == r::BoolOp::And, values: self.exprs(&x.values)? },
            E::Named(x) => ExprKind::Named { target: self.boxed(&x.target)?, value: self.boxed(&x.value)? },
            E::BinOp(x) => ExprKind::BinOp { left: self.boxed(&x.left)?, op: operator(x.op), right: self.boxed(&x.right)? },
            E::UnaryOp(x) => {
                let operand = self.expr(&x.operand)?;
                let op = match x.op {
                    r::UnaryOp::Invert => UnaryOp::Invert,
                    r::UnaryOp::Not => UnaryOp::Not,
                    r::UnaryOp::UAdd => UnaryOp::UAdd,
                    r::UnaryOp::USub => UnaryOp::USub,
                };
                if op == UnaryOp::USub {
                    if let Some(c) = operand.as_constant().and_then(negate) {
                        return Ok(Expr { range, kind: ExprKind::Constant(c) });
                    }
                }
                ExprKind::UnaryOp { op, operand: Box::new(operand) }
            }
            E::Lambda(x) => {
                let params = match &x.parameters {
                    Some(p) => self.params(p)?,
                    None => Parameters::default(),
                };
                let scope = self.new_scope();
                let body = self.expr(&x.body)?;
                ExprKind::Lambda(Box::new(Lambda { params, body, scope }))
            }
            E::If(x) => ExprKind::IfExp { test: self.boxed(&x.test)?, body: self.boxed(&x.body)?, orelse: self.boxed(&x.orelse)? },
            E::Dict(x) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for item in &x.items {
                    keys.push(self.opt_expr(item.key.as_ref())?);
                    values.push(self.expr(&item.value)?);
                }
                ExprKind::Dict { keys, values }
            }
            E::Set(x) => ExprKind::Set(self.exprs(&x.elts)?),
            E::ListComp(x) => self.comp(CompKind::List, &x.elt, None, &x.generators)?,
            E::SetComp(x) => self.comp(CompKind::Set, &x.elt, None, &x.generators)?,
            E::Generator(x) => self.comp(CompKind::Generator, &x.elt, None, &x.generators)?,
            E::DictComp(x) => match &x.key {
                Some(k) => self.comp(CompKind::Dict, k, Some(&x.value), &x.generators)?,
                None => return Err(self.unsupported("dict unpacking in comprehension", x.range)),
            },
            E::Await(x) => return Err(self.unsupported("await expression", x.range)),
            E::Yield(x) => ExprKind::Yield(x.value.as_deref().map(|v| self.boxed(v)).transpose()?),
            E::YieldFrom(x) => ExprKind::YieldFrom(self.boxed(&x.value)?),
            E::Compare(x) => ExprKind::Compare {
                left: self.boxed(&x.left)?,
                ops: x.ops.iter().map(|o| cmpop(*o)).collect(),
                comparators: self.exprs(&x.comparators)?,
            },
            E::Call(x) => ExprKind::Call {
                func: self.boxed(&x.func)?,
                args: self.exprs(&x.arguments.args)?,
                keywords: self.keywords(&x.arguments.keywords)?,
            },
            E::FString(x) => {
                let mut parts = Vec::new();
                for part in x.value.iter() {
                    match part {
                        r::FStringPart::Literal(s) => push_str(&mut parts, &s.value, rng(s.range)),
                        r::FStringPart::FString(f) => self.fstring_elements(&f.elements, &mut parts)?,
                    }
                }
                joined(parts, range)
            }
            E::TString(x) => return Err(self.unsupported("template string", x.range)),
            E::StringLiteral(x) => ExprKind::Constant(Constant::Str(Rc::from(x.value.to_str()))),
            E::BytesLiteral(x) => ExprKind::Constant(Constant::Bytes(x.value.bytes().collect::<Vec<u8>>().into())),
            E::NumberLiteral(x) => ExprKind::Constant(self.number(&x.value, range)?),
            E::BooleanLiteral(x) => ExprKind::Constant(Constant::Bool(x.value)),
            E::NoneLiteral(_) => ExprKind::Constant(Constant::None),
            E::EllipsisLiteral(_) => ExprKind::Constant(Constant::Ellipsis),
            E::Attribute(x) => ExprKind::Attribute { value: self.boxed(&x.value)?, attr: ident(&x.attr) },
            E::Subscript(x) => ExprKind::Subscript { value: self.boxed(&x.value)?, slice: self.boxed(&x.slice)? },
            E::Starred(x) => ExprKind::Starred(self.boxed(&x.value)?),
            E::Name(x) => ExprKind::Name(Rc::from(x.id.as_str())),
            E::List(x) => ExprKind::List(self.exprs(&x.elts)?),
            E::Tuple(x) => ExprKind::Tuple(self.exprs(&x.elts)?),
            E::Slice(x) => ExprKind::Slice {
                lower: x.lower.as_deref().map(|v| self.boxed(v)).transpose()?,
                upper: x.upper.as_deref().map(|v| self.boxed(v)).transpose()?,
                step: x.step.as_deref().map(|v| self.boxed(v)).transpose()?,
            },
            E::IpyEscapeCommand(x) => {
                return Err(self.map.error_at(
                    crate::CompileErrorKind::SyntaxError,
                    "invalid syntax",
                    rng(x.range),
                ));
            }
        };
        Ok(Expr { range, kind })
    }

    fn comp(
        &mut self,
        kind: CompKind,
        elt: &r::Expr,
        value: Option<&r::Expr>,
        gens: &[r::Comprehension],
    ) -> Res<ExprKind> {
        // The outermost iterable belongs to the enclosing scope, but numbering only needs
        // to be unique: the comprehension's own id comes first.
        let scope = self.new_scope();
        let generators = self.comprehension(gens)?;
        let elt = self.expr(elt)?;
        let value = self.opt_expr(value)?;
        Ok(ExprKind::Comp(Box::new(Comp { kind, elt, value, generators, scope })))
    }

    fn fstring_elements(&mut self, elements: &r::InterpolatedStringElements, parts: &mut Vec<Expr>) -> Res<()> {
        for el in elements.iter() {
            match el {
                r::InterpolatedStringElement::Literal(l) => push_str(parts, &l.value, rng(l.range)),
                r::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = match i.conversion {
                        r::ConversionFlag::None => 0,
                        r::ConversionFlag::Str => 1,
                        r::ConversionFlag::Repr => 2,
                        r::ConversionFlag::Ascii => 3,
                    };
                    if let Some(debug) = &i.debug_text {
                        let text = format!("{}{}{}", debug.leading(), debug.expression(), debug.trailing());
                        push_str(parts, &text, rng(i.range));
                        if conversion == 0 && i.format_spec.is_none() {
                            conversion = 2;
                        }
                    }
                    let value = self.boxed(&i.expression)?;
                    let format_spec = match &i.format_spec {
                        Some(spec) => {
                            let mut spec_parts = Vec::new();
                            self.fstring_elements(&spec.elements, &mut spec_parts)?;
                            let r = rng(spec.range);
                            Some(Box::new(Expr { range: r, kind: joined(spec_parts, r) }))
                        }
                        None => None,
                    };
                    parts.push(Expr {
                        range: rng(i.range),
                        kind: ExprKind::FormattedValue { value, conversion, format_spec },
                    });
                }
            }
        }
        Ok(())
    }

    fn number(&self, n: &r::Number, range: Range) -> Res<Constant> {
        Ok(match n {
            r::Number::Float(f) => Constant::Float(*f),
            r::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
            r::Number::Int(i) => match i.as_i64() {
                Some(v) => Constant::Int(v),
                None => self.big_int(&i.to_string(), range)?,
            },
        })
    }

    fn big_int(&self, token: &str, range: Range) -> Res<Constant> {
        let cleaned: String = token.chars().filter(|&c| c != '_').collect();
        let lower = cleaned.to_ascii_lowercase();
        let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
            (d, 16)
        } else if let Some(d) = lower.strip_prefix("0o") {
            (d, 8)
        } else if let Some(d) = lower.strip_prefix("0b") {
            (d, 2)
        } else {
            (lower.as_str(), 10)
        };
        if radix == 10 && self.int_max_str_digits > 0 && digits.len() > self.int_max_str_digits {
            let mut err = self.map.error_at_bytes(
                format!(
                    "Exceeds the limit ({}) for integer string conversion: value has {} digits; use \
                     sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for \
                     huge integer literals to avoid decimal conversion limits.",
                    self.int_max_str_digits,
                    digits.len()
                ),
                range,
            );
            err.offset = 0;
            err.end_offset = 0;
            return Err(err);
        }
        match dashu_int::UBig::from_str_radix(digits, radix) {
            Ok(v) => {
                let v = dashu_int::IBig::from(v);
                Ok(match i64::try_from(&v) {
                    Ok(small) => Constant::Int(small),
                    Err(_) => Constant::BigInt(v),
                })
            }
            Err(_) => Err(self.map.error_at_bytes("invalid integer literal", range)),
        }
    }
}

fn alias(a: &r::Alias) -> Alias {
    Alias { name: ident(&a.name), asname: a.asname.as_ref().map(ident) }
}

fn push_str(parts: &mut Vec<Expr>, s: &str, range: Range) {
    if s.is_empty() {
        return;
    }
    if let Some(Expr { kind: ExprKind::Constant(Constant::Str(prev)), range: prev_range }) = parts.last_mut() {
        let mut joined = String::with_capacity(prev.len() + s.len());
        joined.push_str(prev);
        joined.push_str(s);
        *prev = Rc::from(joined);
        prev_range.end = range.end;
        return;
    }
    parts.push(Expr { range, kind: ExprKind::Constant(Constant::Str(Rc::from(s))) });
}

/// An f-string made only of literal text becomes a plain constant.
fn joined(parts: Vec<Expr>, _range: Range) -> ExprKind {
    match parts.as_slice() {
        [] => ExprKind::Constant(Constant::Str(Rc::from(""))),
        [Expr { kind: ExprKind::Constant(c), .. }] => ExprKind::Constant(c.clone()),
        _ => ExprKind::JoinedStr(parts),
    }
}

/// `-c` for a numeric constant, as CPython's constant folding.
fn negate(c: &Constant) -> Option<Constant> {
    Some(match c {
        Constant::Int(i) => match i.checked_neg() {
            Some(n) => Constant::Int(n),
            None => Constant::BigInt(-dashu_int::IBig::from(*i)),
        },
        Constant::BigInt(b) => {
            let n = -b.clone();
            match i64::try_from(&n) {
                Ok(small) => Constant::Int(small),
                Err(_) => Constant::BigInt(n),
            }
        }
        Constant::Float(f) => Constant::Float(-f),
        Constant::Complex(re, im) => Constant::Complex(-re, -im),
        _ => return None,
    })
}

fn operator(op: r::Operator) -> Operator {
    match op {
        r::Operator::Add => Operator::Add,
        r::Operator::Sub => Operator::Sub,
        r::Operator::Mult => Operator::Mult,
        r::Operator::MatMult => Operator::MatMult,
        r::Operator::Div => Operator::Div,
        r::Operator::Mod => Operator::Mod,
        r::Operator::Pow => Operator::Pow,
        r::Operator::LShift => Operator::LShift,
        r::Operator::RShift => Operator::RShift,
        r::Operator::BitOr => Operator::BitOr,
        r::Operator::BitXor => Operator::BitXor,
        r::Operator::BitAnd => Operator::BitAnd,
        r::Operator::FloorDiv => Operator::FloorDiv,
    }
}

fn cmpop(op: r::CmpOp) -> CmpOp {
    match op {
        r::CmpOp::Eq => CmpOp::Eq,
        r::CmpOp::NotEq => CmpOp::NotEq,
        r::CmpOp::Lt => CmpOp::Lt,
        r::CmpOp::LtE => CmpOp::LtE,
        r::CmpOp::Gt => CmpOp::Gt,
        r::CmpOp::GtE => CmpOp::GtE,
        r::CmpOp::Is => CmpOp::Is,
        r::CmpOp::IsNot => CmpOp::IsNot,
        r::CmpOp::In => CmpOp::In,
        r::CmpOp::NotIn => CmpOp::NotIn,
    }
}
