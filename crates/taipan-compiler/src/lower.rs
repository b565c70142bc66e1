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
use crate::error::{CompileError, SourceMap, StackGuard};

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
    guard: StackGuard,
}

type Res<T> = Result<T, Box<CompileError>>;

fn rng(r: ruff_text_size::TextRange) -> Range {
    Range {
        start: r.start().to_u32(),
        end: r.end().to_u32(),
    }
}

fn ident(i: &r::Identifier) -> Ident {
    Ident {
        name: Rc::from(i.id.as_str()),
        range: rng(i.range),
    }
}

impl<'a> Lowerer<'a> {
    /// A lowerer reporting errors against `map`.
    pub fn new(map: &'a SourceMap<'a>, int_max_str_digits: usize, guard: StackGuard) -> Self {
        Lowerer {
            map,
            depth: 0,
            next_scope: 1,
            int_max_str_digits,
            guard,
        }
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

    fn unsupported(&self, what: &str, range: ruff_text_size::TextRange) -> Box<CompileError> {
        self.map
            .error_at_bytes(format!("not supported yet: {what}"), rng(range))
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
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
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
                let decorators = f
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect::<Res<_>>()?;
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
                let decorators = c
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect::<Res<_>>()?;
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
                return Err(self
                    .map
                    .error_at(crate::CompileErrorKind::SyntaxError, "invalid syntax", rng(x.range)));
            }
            S::Assign(x) => StmtKind::Assign {
                targets: self.exprs(&x.targets)?,
                value: self.expr(&x.value)?,
            },
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
                StmtKind::With {
                    items,
                    body: self.stmts(&x.body)?,
                }
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
            S::Assert(x) => StmtKind::Assert {
                test: self.expr(&x.test)?,
                msg: self.opt_expr(x.msg.as_deref())?,
            },
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
                return Err(self
                    .map
                    .error_at(crate::CompileErrorKind::SyntaxError, "invalid syntax", rng(x.range)));
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
            out.push(Keyword {
                arg: k.arg.as_ref().map(ident),
                value: self.expr(&k.value)?,
                range: rng(k.range),
            });
        }
        Ok(out)
    }

    fn comprehension(&mut self, gens: &[r::Comprehension]) -> Res<Vec<Comprehension>> {
        let mut out = Vec::new();
        for g in gens {
            if g.is_async {
                return Err(self.unsupported("asynchronous comprehension", g.range));
            }
            out.push(Comprehension {
                target: self.expr(&g.target)?,
                iter: self.expr(&g.iter)?,
                ifs: self.exprs(&g.ifs)?,
            });
        }
        Ok(out)
    }

    fn expr(&mut self, e: &r::Expr) -> Res<Expr> {
        self.depth += 1;
        if self.depth > MAX_EXPR_DEPTH || self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        let range = rng(e.range());
        let kind = self.expr_kind(e, range);
        self.depth -= 1;
        Ok(Expr { range, kind: kind? })
    }

    /// Dispatch only: every arm is a call, so this recursive frame stays small in debug
    /// builds (deeply nested expressions recurse through here).
    fn expr_kind(&mut self, e: &r::Expr, range: Range) -> Res<ExprKind> {
        use r::Expr as E;
        match e {
            E::BoolOp(x) => self.bool_op(x),
            E::Named(x) => self.named(x),
            E::BinOp(x) => self.bin_op(x),
            E::UnaryOp(x) => self.unary_op(x),
            E::Lambda(x) => self.lambda(x),
            E::If(x) => self.if_exp(x),
            E::Dict(x) => self.dict(x),
            E::Set(x) => Ok(ExprKind::Set(self.exprs(&x.elts)?)),
            E::ListComp(x) => self.comp(CompKind::List, &x.elt, None, &x.generators),
            E::SetComp(x) => self.comp(CompKind::Set, &x.elt, None, &x.generators),
            E::Generator(x) => self.comp(CompKind::Generator, &x.elt, None, &x.generators),
            E::DictComp(x) => self.dict_comp(x),
            E::Await(x) => Err(self.unsupported("await expression", x.range)),
            E::Yield(x) => self.yield_(x),
            E::YieldFrom(x) => Ok(ExprKind::YieldFrom(self.boxed(&x.value)?)),
            E::Compare(x) => self.compare(x),
            E::Call(x) => self.call(x),
            E::FString(x) => self.fstring(x, range),
            E::TString(x) => Err(self.unsupported("template string", x.range)),
            E::StringLiteral(x) => Ok(ExprKind::Constant(Constant::Str(self.string_literal(x)))),
            E::BytesLiteral(x) => Ok(ExprKind::Constant(Constant::Bytes(
                x.value.bytes().collect::<Vec<u8>>().into(),
            ))),
            E::NumberLiteral(x) => Ok(ExprKind::Constant(self.number(&x.value, range)?)),
            E::BooleanLiteral(x) => Ok(ExprKind::Constant(Constant::Bool(x.value))),
            E::NoneLiteral(_) => Ok(ExprKind::Constant(Constant::None)),
            E::EllipsisLiteral(_) => Ok(ExprKind::Constant(Constant::Ellipsis)),
            E::Attribute(x) => self.attribute(x),
            E::Subscript(x) => self.subscript(x),
            E::Starred(x) => Ok(ExprKind::Starred(self.boxed(&x.value)?)),
            E::Name(x) => Ok(ExprKind::Name(Rc::from(x.id.as_str()))),
            E::List(x) => Ok(ExprKind::List(self.exprs(&x.elts)?)),
            E::Tuple(x) => Ok(ExprKind::Tuple(self.exprs(&x.elts)?)),
            E::Slice(x) => self.slice(x),
            E::IpyEscapeCommand(x) => {
                Err(self
                    .map
                    .error_at(crate::CompileErrorKind::SyntaxError, "invalid syntax", rng(x.range)))
            }
        }
    }

    fn bool_op(&mut self, x: &r::ExprBoolOp) -> Res<ExprKind> {
        Ok(ExprKind::BoolOp {
            is_and: x.op == r::BoolOp::And,
            values: self.exprs(&x.values)?,
        })
    }

    fn named(&mut self, x: &r::ExprNamed) -> Res<ExprKind> {
        Ok(ExprKind::Named {
            target: self.boxed(&x.target)?,
            value: self.boxed(&x.value)?,
        })
    }

    fn bin_op(&mut self, x: &r::ExprBinOp) -> Res<ExprKind> {
        Ok(ExprKind::BinOp {
            left: self.boxed(&x.left)?,
            op: operator(x.op),
            right: self.boxed(&x.right)?,
        })
    }

    fn unary_op(&mut self, x: &r::ExprUnaryOp) -> Res<ExprKind> {
        let operand = self.expr(&x.operand)?;
        let op = match x.op {
            r::UnaryOp::Invert => UnaryOp::Invert,
            r::UnaryOp::Not => UnaryOp::Not,
            r::UnaryOp::UAdd => UnaryOp::UAdd,
            r::UnaryOp::USub => UnaryOp::USub,
        };
        if op == UnaryOp::USub {
            if let Some(c) = operand.as_constant().and_then(negate) {
                return Ok(ExprKind::Constant(c));
            }
        }
        Ok(ExprKind::UnaryOp {
            op,
            operand: Box::new(operand),
        })
    }

    fn lambda(&mut self, x: &r::ExprLambda) -> Res<ExprKind> {
        let params = match &x.parameters {
            Some(p) => self.params(p)?,
            None => Parameters::default(),
        };
        let scope = self.new_scope();
        let body = self.expr(&x.body)?;
        Ok(ExprKind::Lambda(Box::new(Lambda { params, body, scope })))
    }

    fn if_exp(&mut self, x: &r::ExprIf) -> Res<ExprKind> {
        Ok(ExprKind::IfExp {
            test: self.boxed(&x.test)?,
            body: self.boxed(&x.body)?,
            orelse: self.boxed(&x.orelse)?,
        })
    }

    fn dict(&mut self, x: &r::ExprDict) -> Res<ExprKind> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for item in &x.items {
            keys.push(self.opt_expr(item.key.as_ref())?);
            values.push(self.expr(&item.value)?);
        }
        Ok(ExprKind::Dict { keys, values })
    }

    fn dict_comp(&mut self, x: &r::ExprDictComp) -> Res<ExprKind> {
        match &x.key {
            Some(k) => self.comp(CompKind::Dict, k, Some(&x.value), &x.generators),
            None => Err(self.unsupported("dict unpacking in comprehension", x.range)),
        }
    }

    fn yield_(&mut self, x: &r::ExprYield) -> Res<ExprKind> {
        Ok(ExprKind::Yield(x.value.as_deref().map(|v| self.boxed(v)).transpose()?))
    }

    fn compare(&mut self, x: &r::ExprCompare) -> Res<ExprKind> {
        Ok(ExprKind::Compare {
            left: self.boxed(&x.left)?,
            ops: x.ops.iter().map(|o| cmpop(*o)).collect(),
            comparators: self.exprs(&x.comparators)?,
        })
    }

    fn call(&mut self, x: &r::ExprCall) -> Res<ExprKind> {
        let mut args = self.exprs(&x.arguments.args)?;
        // `f(x for x in y)`: the generator expression's position includes the call's
        // parentheses, which are its own (CPython's parser; the caret lines of its frame
        // in a traceback show them)
        if let ([arg], [r::Expr::Generator(g)], []) = (&mut args[..], &x.arguments.args[..], &x.arguments.keywords[..])
            && !g.parenthesized
        {
            arg.range = rng(x.arguments.range);
        }
        Ok(ExprKind::Call {
            func: self.boxed(&x.func)?,
            args,
            keywords: self.keywords(&x.arguments.keywords)?,
        })
    }

    /// The source text of `range` (empty if out of bounds).
    fn text(&self, range: ruff_text_size::TextRange) -> &'a str {
        let src = self.map.source();
        src.get(range.start().to_usize()..range.end().to_usize()).unwrap_or("")
    }

    /// A (possibly implicitly concatenated) string literal's value, with lone surrogates
    /// from `\ud800` escapes restored (see `surrogates.rs`).
    fn string_literal(&self, x: &r::ExprStringLiteral) -> Rc<str> {
        if !x.value.to_str().contains('\u{fffd}') {
            return Rc::from(x.value.to_str());
        }
        let mut out = String::new();
        for part in x.value.iter() {
            let raw = part.flags.prefix().is_raw();
            out.push_str(&crate::surrogates::restore(&part.value, self.text(part.range), raw));
        }
        Rc::from(out)
    }

    fn fstring(&mut self, x: &r::ExprFString, range: Range) -> Res<ExprKind> {
        let mut parts = Vec::new();
        for part in x.value.iter() {
            match part {
                r::FStringPart::Literal(s) => {
                    let raw = s.flags.prefix().is_raw();
                    let value = crate::surrogates::restore(&s.value, self.text(s.range), raw);
                    push_str(&mut parts, &value, rng(s.range))
                }
                r::FStringPart::FString(f) => {
                    let raw = f.flags.prefix().is_raw();
                    self.fstring_elements(&f.elements, raw, &mut parts)?
                }
            }
        }
        Ok(joined(parts, range))
    }

    fn attribute(&mut self, x: &r::ExprAttribute) -> Res<ExprKind> {
        Ok(ExprKind::Attribute {
            value: self.boxed(&x.value)?,
            attr: ident(&x.attr),
        })
    }

    fn subscript(&mut self, x: &r::ExprSubscript) -> Res<ExprKind> {
        Ok(ExprKind::Subscript {
            value: self.boxed(&x.value)?,
            slice: self.boxed(&x.slice)?,
        })
    }

    fn slice(&mut self, x: &r::ExprSlice) -> Res<ExprKind> {
        Ok(ExprKind::Slice {
            lower: x.lower.as_deref().map(|v| self.boxed(v)).transpose()?,
            upper: x.upper.as_deref().map(|v| self.boxed(v)).transpose()?,
            step: x.step.as_deref().map(|v| self.boxed(v)).transpose()?,
        })
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
        Ok(ExprKind::Comp(Box::new(Comp {
            kind,
            elt,
            value,
            generators,
            scope,
        })))
    }

    fn fstring_elements(
        &mut self,
        elements: &r::InterpolatedStringElements,
        raw: bool,
        parts: &mut Vec<Expr>,
    ) -> Res<()> {
        for el in elements.iter() {
            match el {
                r::InterpolatedStringElement::Literal(l) => {
                    let value = crate::surrogates::restore(&l.value, self.text(l.range), raw);
                    push_str(parts, &value, rng(l.range))
                }
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
                            self.fstring_elements(&spec.elements, raw, &mut spec_parts)?;
                            let r = rng(spec.range);
                            Some(Box::new(Expr {
                                range: r,
                                kind: joined(spec_parts, r),
                            }))
                        }
                        None => None,
                    };
                    parts.push(Expr {
                        range: rng(i.range),
                        kind: ExprKind::FormattedValue {
                            value,
                            conversion,
                            format_spec,
                        },
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
                    "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use \
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
    Alias {
        name: ident(&a.name),
        asname: a.asname.as_ref().map(ident),
    }
}

fn push_str(parts: &mut Vec<Expr>, s: &str, range: Range) {
    if s.is_empty() {
        return;
    }
    if let Some(Expr {
        kind: ExprKind::Constant(Constant::Str(prev)),
        range: prev_range,
    }) = parts.last_mut()
    {
        let mut joined = String::with_capacity(prev.len() + s.len());
        joined.push_str(prev);
        joined.push_str(s);
        *prev = Rc::from(joined);
        prev_range.end = range.end;
        return;
    }
    parts.push(Expr {
        range,
        kind: ExprKind::Constant(Constant::Str(Rc::from(s))),
    });
}

/// An f-string (kept as `JoinedStr` even when constant, so it is never a docstring).
fn joined(parts: Vec<Expr>, _range: Range) -> ExprKind {
    ExprKind::JoinedStr(parts)
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
