//! Comprehensions and generator expressions (CPython 3.11 `compiler_comprehension` and
//! `compiler_sync_comprehension_generator`).
//!
//! Each is a nested code object (`<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`)
//! taking the outermost iterator as its only argument `.0`: the caller evaluates the
//! outermost iterable, applies `GET_ITER` and calls the new function with it (a generator
//! expression's generator is made by `MAKE_GENEXPR` from the cells, the code and the
//! iterator, without the function object CPython makes). Inside, the
//! result container (not for generators) sits below the stack of iterators; `LIST_APPEND`,
//! `SET_ADD` and `MAP_ADD` reach it with `depth + 1`, where depth counts the open loops.

use std::rc::Rc;

use taipan_bytecode::{Constant, Opcode};

use super::{Compiler, Res, UnitKind};
use crate::ast::*;

impl<'a> Compiler<'a> {
    pub(crate) fn comprehension(&mut self, c: &'a Comp, range: Range) -> Res<()> {
        let Some(outermost) = c.generators.first() else {
            return Err(self.error_at("comprehension without a for clause", range));
        };
        let name = match c.kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let first_line = self.map.line_col(range.start).0;
        self.enter_unit(UnitKind::Comprehension, c.scope, Rc::from(name), first_line);
        self.set_pos(range);
        self.unit().arg_count = 1;
        match c.kind {
            CompKind::List => self.emit(Opcode::BuildList, 0),
            CompKind::Set => self.emit(Opcode::BuildSet, 0),
            CompKind::Dict => self.emit(Opcode::BuildMap, 0),
            CompKind::Generator => {}
        }
        self.comp_generator(c, 0, 0, range)?;
        self.set_pos(range);
        if c.kind == CompKind::Generator {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_unit()?;
        self.set_pos(range);
        if c.kind == CompKind::Generator {
            // the generator is made directly from the code, the cells and the iterator
            // (`MAKE_GENEXPR`): no function object, no call
            let ncells = code.freevars.len() as u32;
            self.load_closure_cells(&code)?;
            self.load_const(Constant::Code(code));
            self.expr(&outermost.iter)?;
            self.set_pos(range);
            self.emit(Opcode::GetIter, 0);
            self.emit(Opcode::MakeGenexpr, ncells);
            return Ok(());
        }
        self.make_closure(code, 0)?;
        self.expr(&outermost.iter)?;
        self.set_pos(range);
        self.emit(Opcode::GetIter, 0);
        self.emit(Opcode::Call, 1);
        Ok(())
    }

    fn comp_generator(&mut self, c: &'a Comp, index: usize, depth: u32, range: Range) -> Res<()> {
        let Some(gen_) = c.generators.get(index) else {
            return Ok(());
        };
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.emit(Opcode::LoadFast, 0);
        } else {
            self.expr(&gen_.iter)?;
            self.set_pos(range);
            self.emit(Opcode::GetIter, 0);
        }
        let depth = depth + 1;
        self.set_pos(range);
        self.emit(Opcode::LoopEntry, 0);
        self.bind(start);
        self.set_pos(range);
        self.emit_jump(Opcode::ForIter, anchor);
        self.store_target(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < c.generators.len() {
            self.comp_generator(c, index + 1, depth, range)?;
        } else {
            match c.kind {
                CompKind::Generator => {
                    self.expr(&c.elt)?;
                    self.set_pos(c.elt.range);
                    self.emit(Opcode::YieldValue, 0);
                    self.emit(Opcode::PopTop, 0);
                }
                CompKind::List => {
                    self.expr(&c.elt)?;
                    self.set_pos(c.elt.range);
                    self.emit(Opcode::ListAppend, depth + 1);
                }
                CompKind::Set => {
                    self.expr(&c.elt)?;
                    self.set_pos(c.elt.range);
                    self.emit(Opcode::SetAdd, depth + 1);
                }
                CompKind::Dict => {
                    self.expr(&c.elt)?;
                    if let Some(v) = &c.value {
                        self.expr(v)?;
                    }
                    self.set_pos(c.elt.range);
                    self.emit(Opcode::MapAdd, depth + 1);
                }
            }
        }
        self.bind(if_cleanup);
        self.set_pos(range);
        self.emit_jump(Opcode::Jump, start);
        self.bind(anchor);
        Ok(())
    }
}
