//! Expression code generation (CPython 3.11 `compiler_visit_expr1` and helpers):
//! operators, comparisons (chained with `SWAP`/`COPY`), short-circuit `and`/`or`
//! (`JUMP_IF_*_OR_POP`), conditional jumps (`compiler_jump_if`), displays with `*`/`**`
//! unpacking (`starunpack_helper`, `compiler_dict`), calls (`CALL_METHOD` for
//! `obj.name(positional args)`, `CALL`, `CALL_KW`, `CALL_FUNCTION_EX`), f-strings, slices,
//! `yield`/`yield from`, walrus, and constant tuples folded to one `LOAD_CONST`.

use std::rc::Rc;

use taipan_bytecode::{BinaryOperator, ComparisonOperator, Constant, Opcode};

use super::{Compiler, Ctx, Res, UnitKind};
use crate::ast::*;

/// CPython's `STACK_USE_GUIDELINE`: above this many items, displays are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

/// The `BINARY_OP` code of a plain operator (in-place if `inplace`).
pub(crate) fn binop_code(op: Operator, inplace: bool) -> u32 {
    let b = match op {
        Operator::Add => BinaryOperator::Add,
        Operator::Sub => BinaryOperator::Subtract,
        Operator::Mult => BinaryOperator::Multiply,
        Operator::MatMult => BinaryOperator::MatrixMultiply,
        Operator::Div => BinaryOperator::TrueDivide,
        Operator::Mod => BinaryOperator::Remainder,
        Operator::Pow => BinaryOperator::Power,
        Operator::LShift => BinaryOperator::Lshift,
        Operator::RShift => BinaryOperator::Rshift,
        Operator::BitOr => BinaryOperator::Or,
        Operator::BitXor => BinaryOperator::Xor,
        Operator::BitAnd => BinaryOperator::And,
        Operator::FloorDiv => BinaryOperator::FloorDivide,
    } as u32;
    if inplace { b + 13 } else { b }
}

/// The value of a constant expression, folding tuples of constants (CPython's `fold_tuple`).
pub(crate) fn const_value(e: &Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::Constant(c) => Some(c.clone()),
        ExprKind::Tuple(elts) => {
            let items: Option<Vec<Constant>> = elts.iter().map(const_value).collect();
            Some(Constant::Tuple(items?.into()))
        }
        _ => None,
    }
}

/// Python truthiness of a constant, if known at compile time.
fn const_truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(a, b) => *a != 0.0 || *b != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        Constant::Code(_) => return None,
    })
}

/// CPython's `check_is_arg`: true unless `e` is a literal other than None/True/False/`...`.
fn is_arg_ok(e: &Expr) -> bool {
    match const_value(e) {
        None => true,
        Some(Constant::None | Constant::Bool(_) | Constant::Ellipsis) => true,
        Some(_) => !matches!(e.kind, ExprKind::Constant(_) | ExprKind::Tuple(_)),
    }
}

/// CPython's `infer_type` for the displays and literals `check_caller` warns about.
fn literal_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Constant(c) => match c {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex(..) => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Ellipsis => "ellipsis",
            Constant::Code(_) => return None,
        },
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Dict { .. } => "dict",
        ExprKind::Set(_) => "set",
        ExprKind::Comp(c) => match c.kind {
            CompKind::List => "list",
            CompKind::Set => "set",
            CompKind::Dict => "dict",
            CompKind::Generator => "generator",
        },
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        _ => return None,
    })
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

impl<'a> Compiler<'a> {
    /// Compiles `e`, leaving its value on the stack.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Res<()> {
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        let saved = self.unit().pos;
        self.set_pos(e.range);
        let r = self.expr_inner(e);
        self.unit().pos = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Res<()> {
        match &e.kind {
            ExprKind::BoolOp { is_and, values } => {
                let end = self.new_label();
                let jump = if *is_and {
                    Opcode::JumpIfFalseOrPop
                } else {
                    Opcode::JumpIfTrueOrPop
                };
                let Some((last, init)) = values.split_last() else {
                    return Ok(());
                };
                for v in init {
                    self.expr(v)?;
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::Named { target, value } => {
                self.expr(value)?;
                self.emit(Opcode::Copy, 1);
                self.store_target(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Opcode::BinaryOp, binop_code(*op, false));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                let opcode = match op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                };
                self.emit(opcode, 0);
            }
            ExprKind::Lambda(l) => self.lambda(l, e.range)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.emit_jump(Opcode::Jump, end);
                self.bind(next);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set(elts) => {
                self.starunpack(elts, 0, Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate, false)?
            }
            ExprKind::List(elts) => self.starunpack(
                elts,
                0,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                false,
            )?,
            ExprKind::Tuple(elts) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                } else {
                    self.starunpack(elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?;
                }
            }
            ExprKind::Comp(c) => self.comprehension(c, e.range)?,
            ExprKind::Yield(v) => {
                self.check_yield_allowed()?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Opcode::YieldValue, 0);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield_allowed()?;
                self.expr(v)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut arg = *conversion;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    arg |= 4;
                }
                self.emit(Opcode::FormatValue, arg);
            }
            ExprKind::JoinedStr(parts) => match parts.as_slice() {
                [] => self.load_const(Constant::Str(Rc::from(""))),
                [one] => self.fstring_part(one, e.range)?,
                _ => {
                    for p in parts {
                        self.fstring_part(p, e.range)?;
                    }
                    self.emit(Opcode::BuildString, parts.len() as u32);
                }
            },
            ExprKind::Constant(c) => self.load_const(c.clone()),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let name = self.mangle(&attr.name);
                let i = self.name_index(&name);
                self.emit(Opcode::LoadAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            ExprKind::Starred(_) => return Err(self.error_at("can't use starred expression here", e.range)),
            ExprKind::Name(name) => self.name_op(name, Ctx::Load)?,
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(s) = step {
                    self.expr(s)?;
                    n = 3;
                }
                self.emit(Opcode::BuildSlice, n);
            }
        }
        Ok(())
    }

    fn check_yield_allowed(&self) -> Res<()> {
        match self.unit_ref().kind {
            UnitKind::Module | UnitKind::Class => Err(self.error_here("'yield' outside function")),
            _ => Ok(()),
        }
    }

    /// `SEND exit; YIELD_VALUE; JUMP send; exit:` with `[iter, value]` on the stack.
    pub(crate) fn yield_from_loop(&mut self) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Opcode::Send, exit);
        self.emit(Opcode::YieldValue, 0);
        self.emit_jump(Opcode::Jump, send);
        self.bind(exit);
    }

    fn compare_op(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::CompareOp, ComparisonOperator::Equal as u32),
            CmpOp::NotEq => (Opcode::CompareOp, ComparisonOperator::NotEqual as u32),
            CmpOp::Lt => (Opcode::CompareOp, ComparisonOperator::Less as u32),
            CmpOp::LtE => (Opcode::CompareOp, ComparisonOperator::LessEqual as u32),
            CmpOp::Gt => (Opcode::CompareOp, ComparisonOperator::Greater as u32),
            CmpOp::GtE => (Opcode::CompareOp, ComparisonOperator::GreaterEqual as u32),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// CPython's `compiler_compare`.
    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Res<()> {
        self.check_compare(left, ops, comparators);
        self.expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.expr(&comparators[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_op(ops[i]);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&comparators[n - 1])?;
        self.compare_op(ops[n - 1]);
        self.emit_jump(Opcode::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// CPython's `compiler_jump_if`: jumps to `label` if the truth of `e` equals `cond`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, label: crate::assemble::Label, cond: bool) -> Res<()> {
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        // The jumps keep the enclosing position (the `if`/`while` statement, the
        // conditional expression), except that a comparison's jumps get the comparison's,
        // as CPython 3.11 places them (`dis` positions): a `__bool__` raising in `if f:`
        // shows the whole statement in a traceback, hence no carets.
        let saved = self.unit().pos;
        if matches!(e.kind, ExprKind::Compare { .. }) {
            self.set_pos(e.range);
        }
        let r = self.jump_if_inner(e, label, cond);
        self.unit().pos = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, label: crate::assemble::Label, cond: bool) -> Res<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, label, !cond),
            ExprKind::BoolOp { is_and, values } => {
                let cond2 = !*is_and;
                let next2 = if cond2 != cond { Some(self.new_label()) } else { None };
                let target2 = next2.unwrap_or(label);
                let Some((last, init)) = values.split_last() else {
                    return Ok(());
                };
                for v in init {
                    self.jump_if(v, target2, cond2)?;
                }
                self.jump_if(last, label, cond)?;
                if let Some(n) = next2 {
                    self.bind(n);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, label, cond)?;
                self.emit_jump(Opcode::Jump, end);
                self.bind(next2);
                self.jump_if(orelse, label, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 && comparators.len() == ops.len() => {
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::Copy, 2);
                    self.compare_op(ops[i]);
                    self.emit_jump(Opcode::PopJumpIfFalse, cleanup);
                }
                self.expr(&comparators[n])?;
                self.compare_op(ops[n]);
                self.emit_jump(
                    if cond {
                        Opcode::PopJumpIfTrue
                    } else {
                        Opcode::PopJumpIfFalse
                    },
                    label,
                );
                let end = self.new_label();
                self.emit_jump(Opcode::Jump, end);
                self.bind(cleanup);
                self.emit(Opcode::PopTop, 0);
                if !cond {
                    self.emit_jump(Opcode::Jump, label);
                }
                self.bind(end);
                return Ok(());
            }
            // `x is None` / `x is not None`: one POP_JUMP_IF_NONE / _NOT_NONE instead of
            // LOAD_CONST None; IS_OP; POP_JUMP_IF_FALSE/TRUE (CPython 3.11's peephole
            // optimizer makes the same rewrite, `optimize_basic_block` in compile.c; only
            // with None on the right)
            ExprKind::Compare { left, ops, comparators }
                if ops.len() == 1
                    && matches!(ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(
                        comparators.first().map(|c| &c.kind),
                        Some(ExprKind::Constant(Constant::None))
                    ) =>
            {
                self.check_compare(left, ops, comparators);
                self.expr(left)?;
                let jump_if_none = cond == (ops[0] == CmpOp::Is);
                self.emit_jump(
                    if jump_if_none {
                        Opcode::PopJumpIfNone
                    } else {
                        Opcode::PopJumpIfNotNone
                    },
                    label,
                );
                return Ok(());
            }
            ExprKind::Constant(c) => {
                if let Some(t) = const_truth(c) {
                    if t == cond {
                        self.emit_jump(Opcode::Jump, label);
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(
            if cond {
                Opcode::PopJumpIfTrue
            } else {
                Opcode::PopJumpIfFalse
            },
            label,
        );
        Ok(())
    }

    /// CPython's `starunpack_helper` for list/set/tuple displays and call arguments.
    pub(crate) fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> Res<()> {
        let n = elts.len();
        if n > 2 && !tuple {
            let consts: Option<Vec<Constant>> = elts.iter().map(const_value).collect();
            if let Some(consts) = consts {
                self.emit(build, pushed);
                if build == Opcode::BuildSet {
                    self.load_const(Constant::FrozenSet(consts.into()));
                } else {
                    self.load_const(Constant::Tuple(consts.into()));
                }
                self.emit(extend, 1);
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(is_starred);
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let total = n as u32 + pushed;
            if tuple {
                self.emit(Opcode::BuildTuple, total);
            } else {
                self.emit(build, total);
            }
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred(v) = &e.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(v)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if !built {
            self.emit(build, n as u32 + pushed);
        }
        if tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// CPython's `compiler_dict`.
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Res<()> {
        let n = keys.len().min(values.len());
        let mut elements = 0usize;
        let mut have_dict = false;
        for i in 0..n {
            match &keys[i] {
                None => {
                    if elements > 0 {
                        self.subdict(keys, values, i - elements, i)?;
                        if have_dict {
                            self.emit(Opcode::DictUpdate, 1);
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&values[i])?;
                    self.emit(Opcode::DictUpdate, 1);
                }
                Some(_) => {
                    if elements * 2 > STACK_USE_GUIDELINE {
                        self.subdict(keys, values, i - elements, i + 1)?;
                        if have_dict {
                            self.emit(Opcode::DictUpdate, 1);
                        }
                        have_dict = true;
                        elements = 0;
                    } else {
                        elements += 1;
                    }
                }
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], begin: usize, end: usize) -> Res<()> {
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.expr(k)?;
            }
            self.expr(&values[i])?;
        }
        self.emit(Opcode::BuildMap, (end - begin) as u32);
        Ok(())
    }

    /// One piece of an f-string. In CPython 3.11 a replacement field's `FORMAT_VALUE` (and
    /// its spec) carry the location of the whole f-string, so tracebacks underline it.
    fn fstring_part(&mut self, p: &'a Expr, whole: Range) -> Res<()> {
        let ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } = &p.kind
        else {
            return self.expr(p);
        };
        let saved = self.unit().pos;
        self.expr(value)?;
        self.set_pos(whole);
        let mut arg = *conversion;
        if let Some(spec) = format_spec {
            match &spec.kind {
                ExprKind::JoinedStr(parts)
                    if parts.len() > 1 || parts.iter().any(|x| matches!(x.kind, ExprKind::FormattedValue { .. })) =>
                {
                    for x in parts {
                        self.fstring_part(x, whole)?;
                    }
                    if parts.len() != 1 {
                        self.emit(Opcode::BuildString, parts.len() as u32);
                    }
                }
                _ => {
                    self.expr(spec)?;
                }
            }
            self.set_pos(whole);
            arg |= 4;
        }
        self.emit(Opcode::FormatValue, arg);
        self.unit().pos = saved;
        Ok(())
    }

    /// Records a `SyntaxWarning` at the current line (CPython's `compiler_warn`).
    fn syntax_warning(&mut self, msg: String) {
        let line = self.unit().pos.line;
        let file = self.filename.clone();
        crate::warnings::warn("SyntaxWarning", msg, &file, line);
    }

    /// CPython's `check_compare`: `is` / `is not` with a literal operand.
    fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut l = is_arg_ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let r = is_arg_ok(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(l && r) {
                let msg = if matches!(op, CmpOp::Is) {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.syntax_warning(msg.to_string());
                return;
            }
            l = r;
        }
    }

    /// CPython's `compiler_call` with taipan's `CALL_METHOD`.
    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Res<()> {
        if let Some(t) = literal_type(func) {
            self.syntax_warning(format!("'{t}' object is not callable; perhaps you missed a comma?"));
        }
        self.check_keywords(keywords)?;
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if keywords.is_empty() && !args.iter().any(is_starred) {
                self.expr(value)?;
                let name = self.mangle(&attr.name);
                let i = self.name_index(&name);
                // LOAD_METHOD carries the attribute's range (an AttributeError underlines
                // `obj.name`), CALL_METHOD the whole call's, as CPython 3.11.
                let saved = self.unit().pos;
                self.set_pos(func.range);
                self.emit(Opcode::LoadMethod, i);
                self.unit().pos = saved;
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Opcode::CallMethod, args.len() as u32);
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// CPython's `validate_keywords`: `f(a=1, a=2)` is a SyntaxError.
    fn check_keywords(&self, keywords: &[Keyword]) -> Res<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            for other in &keywords[i + 1..] {
                if let Some(o) = &other.arg {
                    if o.name == name.name {
                        return Err(self.error_at(format!("keyword argument repeated: {}", name.name), other.range));
                    }
                }
            }
        }
        Ok(())
    }

    /// CPython's `compiler_call_helper`: the callable and `pushed` extra positional
    /// arguments are already on the stack.
    pub(crate) fn call_helper(&mut self, pushed: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> Res<()> {
        let needs_ex = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if !needs_ex {
            for a in args {
                self.expr(a)?;
            }
            let nargs = pushed + args.len() as u32;
            if keywords.is_empty() {
                self.emit(Opcode::Call, nargs);
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    if let Some(a) = &k.arg {
                        names.push(Constant::Str(a.name.clone()));
                    }
                }
                self.load_const(Constant::Tuple(names.into()));
                self.emit(Opcode::CallKw, nargs + keywords.len() as u32);
            }
            return Ok(());
        }
        // Positional arguments as one tuple.
        let mut built = false;
        if pushed > 0 {
            self.emit(Opcode::BuildList, pushed);
            built = true;
        }
        for (i, a) in args.iter().enumerate() {
            if let ExprKind::Starred(v) = &a.kind {
                if !built {
                    self.emit(Opcode::BuildList, i as u32);
                    built = true;
                }
                self.expr(v)?;
                self.emit(Opcode::ListExtend, 1);
            } else {
                self.expr(a)?;
                if built {
                    self.emit(Opcode::ListAppend, 1);
                }
            }
        }
        if !built {
            self.emit(Opcode::BuildList, args.len() as u32);
        }
        self.emit(Opcode::ListToTuple, 0);
        // Keyword arguments as one dict.
        let mut have_dict = false;
        let mut seen = 0usize;
        for (i, k) in keywords.iter().enumerate() {
            if k.arg.is_none() {
                if seen > 0 {
                    self.subkwargs(&keywords[i - seen..i])?;
                    if have_dict {
                        self.emit(Opcode::DictMerge, 1);
                    }
                    have_dict = true;
                    seen = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&k.value)?;
                self.emit(Opcode::DictMerge, 1);
            } else {
                seen += 1;
            }
        }
        if seen > 0 {
            let n = keywords.len();
            self.subkwargs(&keywords[n - seen..n])?;
            if have_dict {
                self.emit(Opcode::DictMerge, 1);
            }
            have_dict = true;
        }
        self.emit(Opcode::CallEx, u32::from(have_dict));
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [Keyword]) -> Res<()> {
        for k in keywords {
            if let Some(a) = &k.arg {
                self.load_const(Constant::Str(a.name.clone()));
            }
            self.expr(&k.value)?;
        }
        self.emit(Opcode::BuildMap, keywords.len() as u32);
        Ok(())
    }
}
