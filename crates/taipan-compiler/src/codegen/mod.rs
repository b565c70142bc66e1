//! Code generation: taipan AST + symbol table → [`CodeObject`]s.
//!
//! Mirrors CPython 3.11's `Python/compile.c`. A [`Compiler`] keeps a stack of [`Unit`]s,
//! one per code object being built (module, class body, function, lambda, comprehension).
//! Each unit collects [`Ir`] instructions whose jump targets are [`Label`]s; exception
//! handling follows CPython's *frame blocks* (`fblock`s: loops, `try`, `finally`, `with`,
//! handler cleanups) used to unwind on `return`/`break`/`continue`, and a compile-time
//! *handler stack*: every instruction is tagged with the innermost active handler, and a
//! `Setup` marker records where a handler starts (its depth is computed by the assembler).
//!
//! Submodules: `expr.rs` (expressions, calls, displays), `stmt.rs` (statements, imports,
//! assignments), `func.rs` (functions, lambdas, classes, closures), `comp.rs`
//! (comprehensions), `exc.rs` (`try`, `with`, `raise`, unwinding).
//!
//! Positions: every instruction takes the range of the AST node being compiled
//! (`self.unit().pos`), set on entry to each expression and statement and restored after.

mod comp;
mod exc;
mod expr;
mod func;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use taipan_bytecode::{CodeObject, Constant, Opcode, Position, flags};

use crate::assemble::{Handler, Ir, IrCode, Label, assemble};
use crate::ast::*;
use crate::error::{CompileError, SourceMap, StackGuard};
use crate::symtable::{BlockKind, SymScope, SymbolTable, mangle};

/// CPython's `CO_MAXBLOCKS`: the deepest static nesting of loops and `try`/`with` blocks.
pub const MAX_BLOCKS: usize = 20;

/// What a unit compiles.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A module, `exec` string or `eval` expression.
    Module,
    /// A class body.
    Class,
    /// A `def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A comprehension or generator expression.
    Comprehension,
}

/// A frame block (CPython's `fblockinfo`): what `return`/`break`/`continue` must undo.
#[derive(Clone)]
pub(crate) struct FBlock<'a> {
    kind: FBlockKind<'a>,
    /// Length of the handler stack below this block's handlers (unwinding truncates to it).
    handlers_below: usize,
}

#[derive(Clone)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { range: Range },
    HandlerCleanup { name: Option<Rc<str>> },
    PopValue,
    ExceptionHandler,
}

/// Hashable identity of a constant (CPython keys constants by type and value).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Big(String),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    Ellipsis,
}

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(b) => ConstKey::Big(b.to_string()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex(a, b) => ConstKey::Complex(a.to_bits(), b.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect::<Option<Vec<_>>>()?),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Code(_) | Constant::FrozenSet(_) => return None,
    })
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    kind: UnitKind,
    scope: ScopeId,
    name: Rc<str>,
    qualname: Rc<str>,
    first_line: u32,
    code: Vec<Ir>,
    labels: Vec<Option<usize>>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    varname_index: HashMap<Rc<str>, u32>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    fblocks: Vec<FBlock<'a>>,
    pos: Position,
    arg_count: u32,
    posonly_arg_count: u32,
    kwonly_arg_count: u32,
    flags: u32,
    doc: Option<Rc<str>>,
    private: Option<Rc<str>>,
}

/// The code generator for one compilation.
pub struct Compiler<'a> {
    pub(crate) map: &'a SourceMap<'a>,
    pub(crate) table: &'a SymbolTable,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    pub(crate) guard: StackGuard,
}

pub(crate) type Res<T> = Result<T, Box<CompileError>>;

/// Load, store or delete.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl<'a> Compiler<'a> {
    /// A compiler for `filename` using the analyzed symbol table.
    pub fn new(map: &'a SourceMap<'a>, table: &'a SymbolTable, filename: &str, guard: StackGuard) -> Self {
        Compiler {
            map,
            table,
            filename: Rc::from(filename),
            units: Vec::new(),
            guard,
        }
    }

    /// Compiles a module body.
    pub fn compile_module(mut self, body: &'a [Stmt]) -> Res<Rc<CodeObject>> {
        self.enter_unit(UnitKind::Module, ScopeId(0), Rc::from("<module>"), 1);
        if let Some(first) = body.first() {
            self.unit().pos = self.map.position(first.range);
        }
        self.body_with_docstring(body, true)?;
        self.implicit_return(body.last().map(|s| s.range));
        self.exit_unit()
    }

    /// Compiles an expression for `eval`.
    pub fn compile_expression(mut self, e: &'a Expr) -> Res<Rc<CodeObject>> {
        self.enter_unit(UnitKind::Module, ScopeId(0), Rc::from("<module>"), 1);
        self.expr(e)?;
        self.emit(Opcode::ReturnValue, 0);
        self.exit_unit()
    }

    /// Module and class bodies: `SETUP_ANNOTATIONS` if needed, docstring → `__doc__`, body.
    fn body_with_docstring(&mut self, body: &'a [Stmt], setup_annotations: bool) -> Res<()> {
        if setup_annotations && find_ann(body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        let mut rest = body;
        if let Some((first, tail)) = body.split_first() {
            if let Some(doc) = docstring(first) {
                self.set_pos(first.range);
                self.load_const(Constant::Str(doc));
                self.name_op(&Rc::from("__doc__"), Ctx::Store)?;
                rest = tail;
            }
        }
        self.stmts(rest)
    }

    fn implicit_return(&mut self, last: Option<Range>) {
        if let Some(r) = last {
            self.set_pos(r);
        }
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
    }

    // ----- units -------------------------------------------------------------------------

    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        match self.units.last_mut() {
            Some(u) => u,
            None => unreachable!("a unit is always active while compiling"),
        }
    }

    pub(crate) fn unit_ref(&self) -> &Unit<'a> {
        match self.units.last() {
            Some(u) => u,
            None => unreachable!("a unit is always active while compiling"),
        }
    }

    pub(crate) fn scope(&self) -> &'a crate::symtable::Scope {
        self.table.scope(self.unit_ref().scope)
    }

    /// Starts a new code object for `scope`.
    pub(crate) fn enter_unit(&mut self, kind: UnitKind, scope_id: ScopeId, name: Rc<str>, first_line: u32) {
        let table: &'a SymbolTable = self.table;
        let scope = table.scope(scope_id);
        let qualname = self.qualname_for(kind, &name);
        let private = match kind {
            UnitKind::Class => Some(name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let mut cellvars = scope.cellvars();
        if kind == UnitKind::Class && scope.needs_class_closure {
            cellvars = vec![Rc::from("__class__")];
        }
        let freevars = scope.freevars();
        let mut unit = Unit {
            kind,
            scope: scope_id,
            name,
            qualname,
            first_line,
            code: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars,
            freevars,
            fblocks: Vec::new(),
            pos: Position {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            arg_count: 0,
            posonly_arg_count: 0,
            kwonly_arg_count: 0,
            flags: 0,
            doc: None,
            private,
        };
        if scope.kind == BlockKind::Function {
            unit.flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if scope.nested {
                unit.flags |= flags::NESTED;
            }
            if scope.is_generator {
                unit.flags |= flags::GENERATOR;
            }
            for p in &scope.params {
                let idx = unit.varnames.len() as u32;
                unit.varname_index.insert(p.clone(), idx);
                unit.varnames.push(p.clone());
            }
        }
        self.units.push(unit);
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: UnitKind, name: &Rc<str>) -> Rc<str> {
        // The enclosing unit, unless it is the module.
        let Some(parent) = self.units.last().filter(|p| p.kind != UnitKind::Module) else {
            return name.clone();
        };
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scope(parent.scope).scope_of(&mangled) == SymScope::GlobalExplicit {
                return name.clone();
            }
        }
        let base = if matches!(parent.kind, UnitKind::Function | UnitKind::Lambda) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.to_string()
        };
        Rc::from(format!("{base}.{name}"))
    }

    /// Finishes the current unit into a code object.
    pub(crate) fn exit_unit(&mut self) -> Res<Rc<CodeObject>> {
        let Some(u) = self.units.pop() else {
            unreachable!("exit_unit without a unit")
        };
        let assembled = assemble(&IrCode {
            code: &u.code,
            labels: &u.labels,
            handlers: &u.handlers,
        })
        .map_err(|msg| {
            let range = Range::default();
            self.map
                .error_at_bytes(format!("internal compiler error in {}: {msg}", u.qualname), range)
        })?;
        let cell2arg = u.cellvars.iter().map(|c| {
            let scope = self.table.scope(u.scope);
            scope.params.iter().position(|p| p == c).map(|i| i as u32)
        });
        let cell2arg = cell2arg.collect();
        Ok(Rc::new(CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            arg_count: u.arg_count,
            posonly_arg_count: u.posonly_arg_count,
            kwonly_arg_count: u.kwonly_arg_count,
            flags: u.flags,
            instructions: assembled.instructions,
            positions: assembled.positions,
            constants: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            exception_table: assembled.exception_table,
            max_stack: assembled.max_stack,
            doc: u.doc,
        }))
    }

    // ----- emission ----------------------------------------------------------------------

    pub(crate) fn set_pos(&mut self, range: Range) {
        let p = self.map.position(range);
        self.unit().pos = p;
    }

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.unit();
        let handler = u.handler_stack.last().copied();
        let pos = u.pos;
        u.code.push(Ir::Op {
            op,
            arg,
            target: None,
            pos,
            handler,
        });
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label) {
        let u = self.unit();
        let handler = u.handler_stack.last().copied();
        let pos = u.pos;
        u.code.push(Ir::Op {
            op,
            arg: 0,
            target: Some(target),
            pos,
            handler,
        });
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label((u.labels.len() - 1) as u32)
    }

    pub(crate) fn bind(&mut self, l: Label) {
        let u = self.unit();
        let here = u.code.len();
        if let Some(slot) = u.labels.get_mut(l.0 as usize) {
            *slot = Some(here);
        }
    }

    /// Declares a handler jumping to `target`, active from here until popped.
    pub(crate) fn push_handler(&mut self, target: Label, adjust: i32) -> u32 {
        let u = self.unit();
        let id = u.handlers.len() as u32;
        u.handlers.push(Handler { target, adjust });
        u.code.push(Ir::Setup(id));
        u.handler_stack.push(id);
        id
    }

    pub(crate) fn pop_handler(&mut self) {
        self.unit().handler_stack.pop();
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = u.const_index.get(k) {
                return i;
            }
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    pub(crate) fn name_index(&mut self, name: &Rc<str>) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.clone());
        u.name_index.insert(name.clone(), i);
        i
    }

    fn varname_index(&mut self, name: &Rc<str>) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.varname_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.clone());
        u.varname_index.insert(name.clone(), i);
        i
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    pub(crate) fn deref_index(&mut self, name: &str, prefer_cell: bool) -> Option<u32> {
        let u = self.unit_ref();
        let cell = u.cellvars.iter().position(|c| &**c == name);
        let free = u
            .freevars
            .iter()
            .position(|c| &**c == name)
            .map(|i| i + u.cellvars.len());
        let r = if prefer_cell { cell.or(free) } else { free.or(cell) };
        r.map(|i| i as u32)
    }

    /// The private-name-mangled form of `name` in the current unit.
    pub(crate) fn mangle(&self, name: &Rc<str>) -> Rc<str> {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// CPython's `compiler_nameop`: load, store or delete a variable.
    pub(crate) fn name_op(&mut self, name: &Rc<str>, ctx: Ctx) -> Res<()> {
        if &**name == "__debug__" {
            match ctx {
                Ctx::Load => {
                    self.load_const(Constant::Bool(true));
                    return Ok(());
                }
                Ctx::Store => return Err(self.error_here("cannot assign to __debug__")),
                Ctx::Del => return Err(self.error_here("cannot delete __debug__")),
            }
        }
        let mangled = self.mangle(name);
        let scope = self.scope().scope_of(&mangled);
        let in_function = self.scope().kind == BlockKind::Function;
        let in_class = self.unit_ref().kind == UnitKind::Class;
        enum Kind {
            Fast,
            Global,
            Deref,
            Name,
        }
        let kind = match scope {
            SymScope::Free | SymScope::Cell => Kind::Deref,
            SymScope::Local if in_function => Kind::Fast,
            SymScope::GlobalImplicit if in_function => Kind::Global,
            SymScope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Deref => {
                let Some(i) = self.deref_index(&mangled, scope == SymScope::Cell) else {
                    return Err(self.error_here(format!("internal compiler error: no cell for '{mangled}'")));
                };
                let op = match ctx {
                    Ctx::Load if in_class => Opcode::LoadClassDeref,
                    Ctx::Load => Opcode::LoadDeref,
                    Ctx::Store => Opcode::StoreDeref,
                    Ctx::Del => Opcode::DeleteDeref,
                };
                self.emit(op, i);
            }
            Kind::Fast => {
                let i = self.varname_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LoadFast,
                    Ctx::Store => Opcode::StoreFast,
                    Ctx::Del => Opcode::DeleteFast,
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LoadGlobal,
                    Ctx::Store => Opcode::StoreGlobal,
                    Ctx::Del => Opcode::DeleteGlobal,
                };
                self.emit(op, i);
            }
            Kind::Name => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LoadName,
                    Ctx::Store => Opcode::StoreName,
                    Ctx::Del => Opcode::DeleteName,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    // ----- errors and blocks -------------------------------------------------------------

    /// A `SyntaxError` at the current position (as CPython's `compiler_error`).
    pub(crate) fn error_here(&self, msg: impl Into<String>) -> Box<CompileError> {
        let p = self.unit_ref().pos;
        let mut e = self.map.error_at_bytes(msg, Range::default());
        e.lineno = p.line;
        e.offset = p.col + 1;
        e.end_lineno = p.end_line;
        e.end_offset = p.end_col + 1;
        e.text = self.map.line_text(p.line);
        e
    }

    /// A `SyntaxError` at `range`.
    pub(crate) fn error_at(&self, msg: impl Into<String>, range: Range) -> Box<CompileError> {
        self.map.error_at_bytes(msg, range)
    }

    pub(crate) fn push_fblock(&mut self, kind: FBlockKind<'a>, handlers_below: usize) -> Res<()> {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error_here("too many statically nested blocks"));
        }
        self.unit().fblocks.push(FBlock { kind, handlers_below });
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    pub(crate) fn handler_depth(&self) -> usize {
        self.unit_ref().handler_stack.len()
    }
}

/// The docstring of a body: its first statement if that is a str literal.
pub(crate) fn docstring(first: &Stmt) -> Option<Rc<str>> {
    match &first.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) => Some(s.clone()),
        _ => None,
    }
}

/// CPython's `find_ann`: does the block contain an annotated assignment (not looking into
/// nested functions and classes)?
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::If { branches, orelse } => branches.iter().any(|(_, b, _)| find_ann(b)) || find_ann(orelse),
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => find_ann(body) || handlers.iter().any(|h| find_ann(&h.body)) || find_ann(orelse) || find_ann(finalbody),
        _ => false,
    })
}
