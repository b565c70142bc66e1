//! Statement code generation (CPython 3.11 `compiler_visit_stmt` and helpers): assignments
//! of every form (chained, augmented, unpacking with `UNPACK_SEQUENCE`/`UNPACK_EX`,
//! annotated), `del`, `if`/`while`/`for` with `else`, `assert`, imports, `global`/`nonlocal`
//! (no code), expression statements. `while` loops are inverted as CPython does (the test
//! is compiled before the body and again at its end).

use std::rc::Rc;

use taipan_bytecode::{Constant, Opcode};

use super::expr::binop_code;
use super::{Compiler, Ctx, FBlockKind, Res, UnitKind};
use crate::ast::*;

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> Res<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> Res<()> {
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        self.set_pos(s.range);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.range)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.range)?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s.range)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                if let Some(n) = swap_assignment(targets, value) {
                    // `a, b = b, a`: the values, then SWAP instead of BUILD_TUPLE +
                    // UNPACK_SEQUENCE (CPython 3.11's flowgraph optimizer does the same for
                    // 1 to 3 elements; no tuple is built)
                    if let (ExprKind::Tuple(vals), [t]) = (&value.kind, targets.as_slice())
                        && let ExprKind::Tuple(elts) | ExprKind::List(elts) = &t.kind
                    {
                        for v in vals {
                            self.expr(v)?;
                        }
                        if n > 1 {
                            self.emit(Opcode::Swap, n);
                        }
                        for e in elts {
                            self.store_target(e)?;
                        }
                        return Ok(());
                    }
                }
                self.expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value, s.range)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse, s.range)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse, s.range)?,
            StmtKind::If { branches, orelse } => {
                let end = self.new_label();
                let count = branches.len();
                for (i, (test, body, range)) in branches.iter().enumerate() {
                    self.set_pos(*range);
                    let next = self.new_label();
                    self.jump_if(test, next, false)?;
                    self.stmts(body)?;
                    if i + 1 < count || !orelse.is_empty() {
                        self.set_pos(*range);
                        self.emit_jump(Opcode::Jump, end);
                    }
                    self.bind(next);
                }
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::With { items, body } => self.with_stmt(items, 0, body, s.range)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_pos(s.range);
                self.emit(Opcode::RaiseVarargs, n);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, s.range)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, s.range)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                // CPython 3.11 attributes the raise to the asserted expression
                let saved = self.unit().pos;
                self.set_pos(test.range);
                self.emit(Opcode::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_pos(test.range);
                    self.emit(Opcode::Call, 1);
                }
                self.emit(Opcode::RaiseVarargs, 1);
                self.unit().pos = saved;
                self.bind(end);
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let i = self.name_index(&a.name.name);
                    self.emit(Opcode::ImportName, i);
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.name.split('.').collect();
                            if parts.len() > 1 {
                                let attrs = &parts[1..];
                                for (j, attr) in attrs.iter().enumerate() {
                                    let k = self.name_index(&Rc::from(*attr));
                                    self.emit(Opcode::ImportFrom, k);
                                    if j + 1 < attrs.len() {
                                        self.emit(Opcode::Swap, 2);
                                        self.emit(Opcode::PopTop, 0);
                                    }
                                }
                                self.name_op(&asname.name, Ctx::Store)?;
                                self.emit(Opcode::PopTop, 0);
                            } else {
                                self.name_op(&asname.name, Ctx::Store)?;
                            }
                        }
                        None => {
                            let first: Rc<str> = Rc::from(a.name.name.split('.').next().unwrap_or(""));
                            self.name_op(&first, Ctx::Store)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.load_const(Constant::Int(i64::from(*level)));
                let fromlist: Vec<Constant> = names.iter().map(|a| Constant::Str(a.name.name.clone())).collect();
                self.load_const(Constant::Tuple(fromlist.into()));
                let modname = module.clone().unwrap_or_else(|| Rc::from(""));
                let i = self.name_index(&modname);
                self.emit(Opcode::ImportName, i);
                if names.len() == 1 && &*names[0].name.name == "*" {
                    self.emit(Opcode::ImportStar, 0);
                } else {
                    for a in names {
                        let k = self.name_index(&a.name.name);
                        self.emit(Opcode::ImportFrom, k);
                        let bound = a.asname.as_ref().unwrap_or(&a.name);
                        self.name_op(&bound.name, Ctx::Store)?;
                    }
                    self.emit(Opcode::PopTop, 0);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Expr(e) => {
                if e.as_constant().is_none() {
                    self.expr(e)?;
                    self.emit(Opcode::PopTop, 0);
                }
            }
            StmtKind::Break => self.break_stmt(s.range)?,
            StmtKind::Continue => self.continue_stmt(s.range)?,
        }
        Ok(())
    }

    /// Stores the top of stack into an assignment target.
    pub(crate) fn store_target(&mut self, t: &'a Expr) -> Res<()> {
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        let saved = self.unit().pos;
        self.set_pos(t.range);
        let r = self.store_target_inner(t);
        self.unit().pos = saved;
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> Res<()> {
        match &t.kind {
            ExprKind::Name(name) => self.name_op(name, Ctx::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let name = self.mangle(&attr.name);
                let i = self.name_index(&name);
                self.emit(Opcode::StoreAttr, i);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                self.unpack(elts, t.range)?;
                for e in elts {
                    let target = match &e.kind {
                        ExprKind::Starred(v) => v,
                        _ => e,
                    };
                    self.store_target(target)?;
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(self.error_at("starred assignment target must be in a list or tuple", t.range)),
            _ => Err(self.error_at("cannot assign to expression", t.range)),
        }
    }

    /// `UNPACK_SEQUENCE` / `UNPACK_EX` for a tuple or list target (CPython's `unpack_helper`).
    fn unpack(&mut self, elts: &[Expr], range: Range) -> Res<()> {
        let mut star: Option<usize> = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred(_)) {
                if star.is_some() {
                    return Err(self.error_at("multiple starred expressions in assignment", range));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return Err(self.error_at("too many expressions in star-unpacking assignment", range));
                }
                self.emit(Opcode::UnpackEx, (i as u32) | ((after as u32) << 8));
            }
            None => self.emit(Opcode::UnpackSequence, elts.len() as u32),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> Res<()> {
        let saved = self.unit().pos;
        self.set_pos(t.range);
        let r = match &t.kind {
            ExprKind::Name(name) => self.name_op(name, Ctx::Del),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let name = self.mangle(&attr.name);
                let i = self.name_index(&name);
                self.emit(Opcode::DeleteAttr, i);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Opcode::DeleteSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            _ => Err(self.error_at("cannot delete expression", t.range)),
        };
        self.unit().pos = saved;
        r
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr, range: Range) -> Res<()> {
        let code = binop_code(op, true);
        match &target.kind {
            ExprKind::Name(name) => {
                self.set_pos(target.range);
                self.name_op(name, Ctx::Load)?;
                self.expr(value)?;
                self.set_pos(range);
                self.emit(Opcode::BinaryOp, code);
                self.set_pos(target.range);
                self.name_op(name, Ctx::Store)?;
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.set_pos(target.range);
                self.expr(obj)?;
                self.emit(Opcode::Copy, 1);
                let name = self.mangle(&attr.name);
                let i = self.name_index(&name);
                self.emit(Opcode::LoadAttr, i);
                self.expr(value)?;
                self.set_pos(range);
                self.emit(Opcode::BinaryOp, code);
                self.set_pos(target.range);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreAttr, i);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.set_pos(target.range);
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
                self.expr(value)?;
                self.set_pos(range);
                self.emit(Opcode::BinaryOp, code);
                self.set_pos(target.range);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
            }
            _ => {
                return Err(self.error_at(
                    "'expression' is an illegal expression for augmented assignment",
                    target.range,
                ));
            }
        }
        Ok(())
    }

    /// CPython's `compiler_annassign`.
    fn ann_assign(&mut self, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> Res<()> {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        let module_or_class = matches!(self.unit_ref().kind, UnitKind::Module | UnitKind::Class);
        let future = self.table.future_annotations;
        match &target.kind {
            ExprKind::Name(name) => {
                if &**name == "__debug__" {
                    return Err(self.error_at("cannot assign to __debug__", target.range));
                }
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    let ann: Rc<str> = Rc::from("__annotations__");
                    let i = self.name_index(&ann);
                    self.emit(Opcode::LoadName, i);
                    let mangled = self.mangle(name);
                    self.load_const(Constant::Str(mangled));
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(Opcode::PopTop, 0);
                }
            }
            ExprKind::Subscript { value: obj, slice } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(Opcode::PopTop, 0);
                    self.check_ann_subscript(slice)?;
                }
            }
            _ => {}
        }
        if !simple && !future && module_or_class {
            self.expr(annotation)?;
            self.emit(Opcode::PopTop, 0);
        }
        Ok(())
    }

    fn check_ann_subscript(&mut self, slice: &'a Expr) -> Res<()> {
        match &slice.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(Opcode::PopTop, 0);
                }
            }
            ExprKind::Tuple(elts) => {
                for e in elts {
                    self.check_ann_subscript(e)?;
                }
            }
            _ => {
                self.expr(slice)?;
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Pushes an annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub(crate) fn annotation_value(&mut self, annotation: &'a Expr) -> Res<()> {
        if self.table.future_annotations {
            let text = crate::unparse::unparse(annotation);
            self.load_const(Constant::Str(Rc::from(text)));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        range: Range,
    ) -> Res<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_pos(range);
        self.emit(Opcode::GetIter, 0);
        let hd = self.handler_depth();
        self.push_fblock(FBlockKind::ForLoop { start, exit: end }, hd)?;
        self.emit(Opcode::LoopEntry, 0);
        self.bind(start);
        self.set_pos(range);
        self.emit_jump(Opcode::ForIter, cleanup);
        self.store_target(target)?;
        self.stmts(body)?;
        self.set_pos(range);
        self.emit_jump(Opcode::Jump, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt], range: Range) -> Res<()> {
        let loop_ = self.new_label();
        let body_l = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(loop_);
        let hd = self.handler_depth();
        self.push_fblock(
            FBlockKind::WhileLoop {
                start: loop_,
                exit: end,
            },
            hd,
        )?;
        self.jump_if(test, anchor, false)?;
        self.set_pos(range);
        self.emit(Opcode::LoopEntry, 0);
        self.bind(body_l);
        self.stmts(body)?;
        self.set_pos(range);
        self.jump_if(test, body_l, true)?;
        self.pop_fblock();
        self.bind(anchor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }
}

/// For `t1, ..., tn = v1, ..., vn` with one target, no starred item on either side and
/// `1 <= n <= 3`: `n` (CPython 3.11 `Python/compile.c` `optimize_basic_block`: a
/// `BUILD_TUPLE n` followed by `UNPACK_SEQUENCE n` becomes `SWAP n`, or nothing for 1).
fn swap_assignment(targets: &[Expr], value: &Expr) -> Option<u32> {
    let [t] = targets else {
        return None;
    };
    let (ExprKind::Tuple(elts) | ExprKind::List(elts)) = &t.kind else {
        return None;
    };
    let ExprKind::Tuple(vals) = &value.kind else {
        return None;
    };
    let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
    if elts.len() != vals.len() || !(1..=3).contains(&elts.len()) || elts.iter().chain(vals).any(starred) {
        return None;
    }
    u32::try_from(elts.len()).ok()
}
