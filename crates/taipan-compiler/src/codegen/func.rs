//! Functions, lambdas and classes (CPython 3.11 `compiler_function`, `compiler_lambda`,
//! `compiler_class`, `compiler_make_closure`, `compiler_default_arguments`,
//! `compiler_visit_annotations`).
//!
//! `MAKE_FUNCTION` operands are pushed in the order the opcode table documents: defaults
//! tuple (flag 1), keyword-only defaults dict (2), annotations dict (4), closure tuple of
//! cells (8), then the code object. Decorators are evaluated before the defaults and
//! applied innermost first. A class body is a function called by `__build_class__`; it
//! starts with `__module__ = __name__` and `__qualname__ = '...'` and returns its
//! `__class__` cell (also stored as `__classcell__`) when a method needs it.

use std::rc::Rc;

use taipan_bytecode::{CodeObject, Constant, Opcode, flags};

use super::expr::const_value;
use super::{Compiler, Ctx, Res, UnitKind, docstring};
use crate::ast::*;

impl<'a> Compiler<'a> {
    fn line_of(&self, range: Range) -> u32 {
        self.map.line_col(range.start).0
    }

    /// Defaults tuple and keyword-only defaults dict; returns the `MAKE_FUNCTION` flags.
    fn default_args(&mut self, p: &'a Parameters) -> Res<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = p
            .posonly
            .iter()
            .chain(&p.args)
            .filter_map(|q| q.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            let consts: Option<Vec<Constant>> = defaults.iter().map(|d| const_value(d)).collect();
            match consts {
                Some(c) => self.load_const(Constant::Tuple(c.into())),
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Opcode::BuildTuple, defaults.len() as u32);
                }
            }
            flags |= 1;
        }
        let mut n = 0;
        for q in &p.kwonly {
            if let Some(d) = &q.default {
                let name = self.mangle(&q.name.name);
                self.load_const(Constant::Str(name));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Opcode::BuildMap, n);
            flags |= 2;
        }
        Ok(flags)
    }

    /// The annotations dict (flag 4) if any parameter or the return is annotated.
    fn annotations(&mut self, p: &'a Parameters, returns: Option<&'a Expr>) -> Res<u32> {
        let mut n = 0;
        let ordered = p
            .args
            .iter()
            .chain(&p.posonly)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg);
        for q in ordered {
            if let Some(a) = &q.annotation {
                let name = self.mangle(&q.name.name);
                self.load_const(Constant::Str(name));
                self.annotation_arg(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str(Rc::from("return")));
            self.annotation_arg(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Opcode::BuildMap, n);
            Ok(4)
        } else {
            Ok(0)
        }
    }

    fn annotation_arg(&mut self, a: &'a Expr) -> Res<()> {
        if let (ExprKind::Starred(v), false) = (&a.kind, self.table.future_annotations) {
            // `*args: *Ts` (PEP 646).
            self.expr(v)?;
            self.emit(Opcode::UnpackSequence, 1);
            return Ok(());
        }
        self.annotation_value(a)
    }

    fn set_arg_counts(&mut self, p: &Parameters) {
        let u = self.unit();
        u.arg_count = (p.posonly.len() + p.args.len()) as u32;
        u.posonly_arg_count = p.posonly.len() as u32;
        u.kwonly_arg_count = p.kwonly.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    pub(crate) fn function_def(&mut self, f: &'a FunctionDef, range: Range) -> Res<()> {
        for d in &f.decorators {
            self.expr(d)?;
        }
        self.set_pos(range);
        let mut make_flags = self.default_args(&f.params)?;
        make_flags |= self.annotations(&f.params, f.returns.as_ref())?;
        let first_line = self.line_of(range);
        self.enter_unit(UnitKind::Function, f.scope, f.name.name.clone(), first_line);
        self.set_arg_counts(&f.params);
        let mut body: &'a [Stmt] = &f.body;
        if let Some((first, rest)) = body.split_first() {
            if let Some(doc) = docstring(first) {
                self.unit().doc = Some(doc);
                body = rest;
            }
        }
        self.stmts(body)?;
        self.implicit_return(f.body.last().map(|s| s.range));
        let code = self.exit_unit()?;
        self.set_pos(range);
        self.make_closure(code, make_flags)?;
        self.apply_decorators(&f.decorators);
        self.set_pos(range);
        self.name_op(&f.name.name, Ctx::Store)
    }

    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.set_pos(d.range);
            self.emit(Opcode::Call, 1);
        }
    }

    pub(crate) fn lambda(&mut self, l: &'a Lambda, range: Range) -> Res<()> {
        let make_flags = self.default_args(&l.params)?;
        let first_line = self.line_of(range);
        self.enter_unit(UnitKind::Lambda, l.scope, Rc::from("<lambda>"), first_line);
        self.set_arg_counts(&l.params);
        self.expr(&l.body)?;
        self.set_pos(l.body.range);
        if self.scope().is_generator {
            self.emit(Opcode::PopTop, 0);
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_unit()?;
        self.set_pos(range);
        self.make_closure(code, make_flags)
    }

    /// Pushes the closure tuple (if the code has free variables) and the code object, then
    /// `MAKE_FUNCTION flags`.
    pub(crate) fn make_closure(&mut self, code: Rc<CodeObject>, mut make_flags: u32) -> Res<()> {
        if !code.freevars.is_empty() {
            self.load_closure_cells(&code)?;
            self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
            make_flags |= 8;
        }
        self.load_const(Constant::Code(code));
        self.emit(Opcode::MakeFunction, make_flags);
        Ok(())
    }

    /// Pushes the current scope's cells for the free variables of `code`, in order
    /// (`LOAD_CLOSURE` each): the closure of a function (then packed in a tuple for
    /// `MAKE_FUNCTION`) or of a generator expression (`MAKE_GENEXPR` takes them as they lie).
    pub(crate) fn load_closure_cells(&mut self, code: &CodeObject) -> Res<()> {
        for name in &code.freevars {
            let in_class = self.unit_ref().kind == UnitKind::Class;
            let is_cell =
                (in_class && &**name == "__class__") || self.scope().scope_of(name) == crate::symtable::SymScope::Cell;
            let Some(i) = self.deref_index(name, is_cell) else {
                return Err(self.error_here(format!("internal compiler error: no closure cell for '{name}'")));
            };
            self.emit(Opcode::LoadClosure, i);
        }
        Ok(())
    }

    pub(crate) fn class_def(&mut self, c: &'a ClassDef, range: Range) -> Res<()> {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.set_pos(range);
        let first_line = self.line_of(range);
        self.enter_unit(UnitKind::Class, c.scope, c.name.name.clone(), first_line);
        self.name_op(&Rc::from("__name__"), Ctx::Load)?;
        self.name_op(&Rc::from("__module__"), Ctx::Store)?;
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.name_op(&Rc::from("__qualname__"), Ctx::Store)?;
        self.body_with_docstring(&c.body, true)?;
        if let Some(last) = c.body.last() {
            self.set_pos(last.range);
        }
        if self.scope().needs_class_closure {
            let Some(i) = self.deref_index("__class__", true) else {
                return Err(self.error_here("internal compiler error: no __class__ cell"));
            };
            self.emit(Opcode::LoadClosure, i);
            self.emit(Opcode::Copy, 1);
            self.name_op(&Rc::from("__classcell__"), Ctx::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_unit()?;
        self.set_pos(range);
        self.emit(Opcode::LoadBuildClass, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(c.name.name.clone()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorators);
        self.set_pos(range);
        self.name_op(&c.name.name, Ctx::Store)
    }
}
