//! Exception handling code generation: `try`/`except`/`else`/`finally`, `with`, and the
//! unwinding done by `return`, `break` and `continue` (CPython 3.11 `compiler_try_except`,
//! `compiler_try_finally`, `compiler_with`, `compiler_unwind_fblock`).
//!
//! Stack shapes (no `lasti` in taipan; a handler entry pushes only the exception):
//! - `except` region: entry `[exc]`, `PUSH_EXC_INFO` → `[prev, exc]`; a `cleanup` handler
//!   (depth `[prev]`) restores `prev` and re-raises: `COPY 2; POP_EXCEPT; RERAISE`.
//! - `except E as name`: the body runs under a second handler that sets `name = None`,
//!   deletes it and re-raises; the normal path does the same after `POP_EXCEPT`.
//! - `finally`: the body is compiled twice, on the normal path and in a handler
//!   (`PUSH_EXC_INFO; body; RERAISE` with the same cleanup).
//! - `with`: `BEFORE_WITH` → `[exit, value]`; the handler keeps `[exit]` (adjust -1), then
//!   `PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE suppress; RERAISE`; the normal exit
//!   calls `exit(None, None, None)`.

use std::rc::Rc;

use taipan_bytecode::{Constant, Opcode, Position};

use super::{Compiler, Ctx, FBlockKind, Res};
use crate::assemble::Label;
use crate::ast::*;

impl<'a> Compiler<'a> {
    /// `COPY 2; POP_EXCEPT; RERAISE`: the cleanup handler of an `except`/`finally` region.
    fn pop_except_and_reraise(&mut self) {
        self.unit().pos = Position::default();
        self.emit(Opcode::Copy, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
    }

    pub(crate) fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        range: Range,
    ) -> Res<()> {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        // try:
        let hd = self.handler_depth();
        self.push_handler(end, 0);
        self.push_fblock(FBlockKind::FinallyTry { body: finalbody }, hd)?;
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse, range)?;
        }
        self.pop_fblock();
        self.pop_handler();
        // finally (normal path):
        self.stmts(finalbody)?;
        self.emit_jump(Opcode::Jump, exit);
        // finally (exceptional path):
        self.bind(end);
        self.set_pos(range);
        let hd = self.handler_depth();
        self.push_handler(cleanup, 0);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, hd)?;
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.unit().pos = Position::default();
        self.emit(Opcode::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    pub(crate) fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        range: Range,
    ) -> Res<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let hd = self.handler_depth();
        self.push_handler(except, 0);
        self.push_fblock(FBlockKind::TryExcept, hd)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.pop_handler();
        self.stmts(orelse)?;
        self.set_pos(range);
        self.emit_jump(Opcode::Jump, end);
        // except:
        self.bind(except);
        let below_cleanup = self.handler_depth();
        let cleanup_id = self.push_handler(cleanup, 0);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, below_cleanup)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.set_pos(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error_at("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Opcode::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.name_op(&name.name, Ctx::Store)?;
                    self.push_handler(cleanup_end, 0);
                    self.push_fblock(
                        FBlockKind::HandlerCleanup {
                            name: Some(name.name.clone()),
                        },
                        below_cleanup,
                    )?;
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.set_pos(h.range);
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Opcode::PopExcept, 0);
                    self.load_const(Constant::None);
                    self.name_op(&name.name, Ctx::Store)?;
                    self.name_op(&name.name, Ctx::Del)?;
                    self.emit_jump(Opcode::Jump, end);
                    // except: name = None; del name; raise
                    self.unit().handler_stack.push(cleanup_id);
                    self.bind(cleanup_end);
                    self.load_const(Constant::None);
                    self.name_op(&name.name, Ctx::Store)?;
                    self.name_op(&name.name, Ctx::Del)?;
                    self.emit(Opcode::Reraise, 0);
                }
                None => {
                    self.emit(Opcode::PopTop, 0);
                    self.push_fblock(FBlockKind::HandlerCleanup { name: None }, below_cleanup)?;
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.set_pos(h.range);
                    self.pop_handler();
                    self.emit(Opcode::PopExcept, 0);
                    self.emit_jump(Opcode::Jump, end);
                    self.unit().handler_stack.push(cleanup_id);
                }
            }
            self.bind(next);
        }
        self.pop_fblock();
        if let Some(last) = handlers.last() {
            self.set_pos(last.range);
        }
        self.emit(Opcode::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// One `with` item (and, recursively, the following ones), then the body.
    pub(crate) fn with_stmt(&mut self, items: &'a [WithItem], index: usize, body: &'a [Stmt], range: Range) -> Res<()> {
        let Some(item) = items.get(index) else {
            return self.stmts(body);
        };
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_pos(item.context_expr.range);
        self.emit(Opcode::BeforeWith, 0);
        let hd = self.handler_depth();
        self.push_handler(final_, -1);
        self.push_fblock(FBlockKind::With { range }, hd)?;
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if index + 1 < items.len() {
            self.with_stmt(items, index + 1, body, range)?;
        } else {
            self.stmts(body)?;
        }
        self.pop_fblock();
        self.pop_handler();
        // Normal exit: exit(None, None, None).
        self.set_pos(range);
        self.call_exit_with_nones();
        self.emit_jump(Opcode::Jump, exit);
        // Exceptional exit.
        self.bind(final_);
        self.set_pos(range);
        let cleanup_id = self.push_handler(cleanup, 0);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        self.emit_jump(Opcode::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.set_pos(range);
        self.bind(suppress);
        self.unit().handler_stack.push(cleanup_id);
        self.emit(Opcode::PopTop, 0);
        self.pop_handler();
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.bind(exit);
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::Call, 3);
        self.emit(Opcode::PopTop, 0);
    }

    /// CPython's `compiler_unwind_fblock` for the block `fb` (already popped).
    fn unwind_fblock(
        &mut self,
        kind: &FBlockKind<'a>,
        handlers_below: usize,
        preserve_tos: bool,
        stmt: Range,
    ) -> Res<()> {
        match kind {
            FBlockKind::WhileLoop { .. } | FBlockKind::ExceptionHandler => {}
            FBlockKind::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::TryExcept => {
                self.unit().handler_stack.truncate(handlers_below);
            }
            FBlockKind::FinallyTry { body } => {
                self.unit().handler_stack.truncate(handlers_below);
                if preserve_tos {
                    let hd = self.handler_depth();
                    self.push_fblock(FBlockKind::PopValue, hd)?;
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.set_pos(stmt);
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit().handler_stack.truncate(handlers_below);
                self.emit(Opcode::PopExcept, 0);
            }
            FBlockKind::With { range } => {
                self.set_pos(*range);
                self.unit().handler_stack.truncate(handlers_below);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                self.set_pos(stmt);
            }
            FBlockKind::HandlerCleanup { name } => {
                if name.is_some() {
                    // Leave the `except ... as name` body's handler, keep the cleanup one.
                    self.unit().handler_stack.truncate(handlers_below + 1);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit().handler_stack.truncate(handlers_below);
                self.emit(Opcode::PopExcept, 0);
                if let Some(name) = name {
                    let name: Rc<str> = name.clone();
                    self.load_const(Constant::None);
                    self.name_op(&name, Ctx::Store)?;
                    self.name_op(&name, Ctx::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Unwinds the frame blocks from the innermost outwards, stopping at the innermost loop
    /// if `to_loop`; returns that loop's labels (start, exit) and whether it is a `for`.
    /// The caller restores the block and handler stacks afterwards.
    fn unwind_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
        stmt: Range,
    ) -> Res<Option<(Label, Label, bool, usize)>> {
        loop {
            let Some(top) = self.unit_ref().fblocks.last().cloned() else {
                return Ok(None);
            };
            if to_loop {
                match top.kind {
                    FBlockKind::WhileLoop { start, exit } => return Ok(Some((start, exit, false, top.handlers_below))),
                    FBlockKind::ForLoop { start, exit } => return Ok(Some((start, exit, true, top.handlers_below))),
                    _ => {}
                }
            }
            self.pop_fblock();
            self.unwind_fblock(&top.kind, top.handlers_below, preserve_tos, stmt)?;
        }
    }

    fn saved_state(&self) -> (Vec<super::FBlock<'a>>, Vec<u32>) {
        let u = self.unit_ref();
        (u.fblocks.clone(), u.handler_stack.clone())
    }

    fn restore_state(&mut self, state: (Vec<super::FBlock<'a>>, Vec<u32>)) {
        let u = self.unit();
        u.fblocks = state.0;
        u.handler_stack = state.1;
    }

    pub(crate) fn return_stmt(&mut self, value: Option<&'a Expr>, range: Range) -> Res<()> {
        if self.scope().kind != crate::symtable::BlockKind::Function {
            return Err(self.error_at("'return' outside function", range));
        }
        let constant = value.and_then(super::expr::const_value);
        let preserve_tos = value.is_some() && constant.is_none();
        if preserve_tos {
            if let Some(v) = value {
                self.expr(v)?;
            }
        }
        let state = self.saved_state();
        let r = self.unwind_stack(preserve_tos, false, range);
        if let Err(e) = r {
            self.restore_state(state);
            return Err(e);
        }
        self.set_pos(range);
        if !preserve_tos {
            self.load_const(constant.unwrap_or(Constant::None));
        }
        self.emit(Opcode::ReturnValue, 0);
        self.restore_state(state);
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, range: Range) -> Res<()> {
        let state = self.saved_state();
        let r = self.unwind_stack(false, true, range);
        let result = match r {
            Ok(Some((_, exit, is_for, _))) => {
                if is_for {
                    self.emit(Opcode::PopTop, 0);
                }
                self.emit_jump(Opcode::Jump, exit);
                Ok(())
            }
            Ok(None) => Err(self.error_at("'break' outside loop", range)),
            Err(e) => Err(e),
        };
        self.restore_state(state);
        result
    }

    pub(crate) fn continue_stmt(&mut self, range: Range) -> Res<()> {
        let state = self.saved_state();
        let r = self.unwind_stack(false, true, range);
        let result = match r {
            Ok(Some((start, _, _, _))) => {
                self.emit_jump(Opcode::Jump, start);
                Ok(())
            }
            Ok(None) => Err(self.error_at("'continue' not properly in loop", range)),
            Err(e) => Err(e),
        };
        self.restore_state(state);
        result
    }
}
