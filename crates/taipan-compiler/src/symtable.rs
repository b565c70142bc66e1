//! Symbol table: which scope every name of every code block lives in.
//!
//! Mirrors CPython 3.11's `Python/symtable.c` in two passes:
//! 1. **Collect**: walk the AST, one [`Scope`] per module, function, lambda, class and
//!    comprehension, recording per name how it is used (`DEF_LOCAL`, `DEF_PARAM`,
//!    `DEF_GLOBAL`, `DEF_NONLOCAL`, `USE`, ...). Decorators, defaults, annotations, class
//!    bases and a comprehension's outermost iterable are visited in the enclosing scope.
//!    `super` used in a function implies a use of `__class__`; a walrus target inside a
//!    comprehension binds in the nearest enclosing function (nonlocal) or module (global).
//! 2. **Analyze** (`analyze_block`): top-down with the set of names bound in enclosing
//!    function scopes and the known globals, decide LOCAL / GLOBAL_EXPLICIT /
//!    GLOBAL_IMPLICIT / FREE; bottom-up, a function's locals that children use freely become
//!    CELLs, and free names not bound here are passed through as FREE. A class's free
//!    `__class__` becomes its implicit cell (`needs_class_closure`); a class-local name that
//!    a method uses freely gets `DEF_FREE_CLASS` (it is both a class local and a free var).
//!
//! Names are stored mangled (`__x` inside `class C` is `_C__x`), as the code generator looks
//! them up. Errors carry CPython's messages and the statement's location.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::ast::*;
use crate::error::{CompileError, SourceMap, StackGuard};

/// Symbol use flags (CPython's `DEF_*`).
pub mod def {
    /// Bound by `global`.
    pub const GLOBAL: u32 = 1;
    /// Assigned in this block.
    pub const LOCAL: u32 = 2;
    /// A parameter.
    pub const PARAM: u32 = 4;
    /// Bound by `nonlocal`.
    pub const NONLOCAL: u32 = 8;
    /// Read in this block.
    pub const USE: u32 = 16;
    /// A class-local name that a nested function uses freely.
    pub const FREE_CLASS: u32 = 64;
    /// Bound by an import.
    pub const IMPORT: u32 = 128;
    /// Annotated.
    pub const ANNOT: u32 = 256;
    /// A comprehension iteration variable.
    pub const COMP_ITER: u32 = 512;
    /// Any binding.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SymScope {
    /// Not resolved (should not be seen after analysis).
    Unknown,
    /// A local of this block (fast local in functions, locals dict otherwise).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: globals then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function: read through a cell of the closure.
    Free,
    /// A local of this function captured by an inner one: lives in a cell.
    Cell,
}

/// One name of one block.
#[derive(Copy, Clone, Debug)]
pub struct Symbol {
    /// `def::*` bits.
    pub flags: u32,
    /// Resolved scope.
    pub scope: SymScope,
}

/// Kind of a block.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The module (or an `eval`/`exec` top level).
    Module,
    /// A function, lambda or comprehension.
    Function,
    /// A class body.
    Class,
}

/// One block's symbols.
#[derive(Debug)]
#[allow(dead_code)]
pub struct Scope {
    /// Kind of block.
    pub kind: BlockKind,
    /// The block's name (function or class name, `lambda`, `listcomp`...).
    pub name: Rc<str>,
    /// Symbols in first-seen order.
    pub symbols: Vec<(Rc<str>, Symbol)>,
    index: HashMap<Rc<str>, usize>,
    /// Parameter names in order (`.0` for comprehensions).
    pub params: Vec<Rc<str>>,
    /// Enclosing scope.
    pub parent: Option<ScopeId>,
    /// Child scopes in visiting order.
    pub children: Vec<ScopeId>,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// A comprehension or generator expression.
    pub is_comprehension: bool,
    /// Nested inside a function.
    pub nested: bool,
    /// For classes: a method uses `__class__` or `super`, so the class body makes a cell.
    pub needs_class_closure: bool,
    /// Name used for private-name mangling inside this block (enclosing class name).
    pub private: Option<Rc<str>>,
    /// Number of enclosing comprehension outermost-iterable visits under way.
    comp_iter_expr: u32,
    /// Visiting a comprehension's `for` target.
    comp_iter_target: bool,
    /// Range of the `global`/`nonlocal` statement declaring a name.
    directives: HashMap<Rc<str>, Range>,
}

impl Scope {
    fn new(kind: BlockKind, name: &str, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            name: Rc::from(name),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            parent,
            children: Vec::new(),
            is_generator: false,
            is_comprehension: false,
            nested: false,
            needs_class_closure: false,
            private: None,
            comp_iter_expr: 0,
            comp_iter_target: false,
            directives: HashMap::new(),
        }
    }

    /// Flags of `name` (0 if unknown).
    pub fn flags(&self, name: &str) -> u32 {
        self.index
            .get(name)
            .and_then(|&i| self.symbols.get(i))
            .map_or(0, |(_, s)| s.flags)
    }

    /// Resolved scope of `name` (`Unknown` if the block never mentions it).
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.index
            .get(name)
            .and_then(|&i| self.symbols.get(i))
            .map_or(SymScope::Unknown, |(_, s)| s.scope)
    }

    fn add_flags(&mut self, name: &Rc<str>, flags: u32) {
        match self.index.get(name) {
            Some(&i) => {
                if let Some((_, s)) = self.symbols.get_mut(i) {
                    s.flags |= flags;
                }
            }
            None => {
                self.index.insert(name.clone(), self.symbols.len());
                self.symbols.push((
                    name.clone(),
                    Symbol {
                        flags,
                        scope: SymScope::Unknown,
                    },
                ));
            }
        }
    }

    fn set_scope(&mut self, name: &str, scope: SymScope) {
        if let Some(&i) = self.index.get(name) {
            if let Some((_, s)) = self.symbols.get_mut(i) {
                s.scope = scope;
            }
        }
    }

    /// Names with scope `Cell`, sorted (CPython's `co_cellvars` order).
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        let mut v: Vec<Rc<str>> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == SymScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }

    /// Names with scope `Free` or flag `FREE_CLASS`, sorted (CPython's `co_freevars`).
    pub fn freevars(&self) -> Vec<Rc<str>> {
        let mut v: Vec<Rc<str>> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == SymScope::Free || s.flags & def::FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// All scopes of a compilation unit, indexed by [`ScopeId`].
#[derive(Debug)]
pub struct SymbolTable {
    /// Scopes; index 0 is the top level.
    pub scopes: Vec<Scope>,
    /// `from __future__ import annotations` is in effect.
    pub future_annotations: bool,
}

impl SymbolTable {
    /// The scope `id`. Ids come from the lowering pass, so they are always in range.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        // Ids are allocated densely by the lowering pass and every one gets a slot.
        &self.scopes[id.0 as usize]
    }
}

/// CPython's `_Py_Mangle`: `__name` inside class `private` becomes `_private__name`.
pub fn mangle(private: Option<&str>, name: &Rc<str>) -> Rc<str> {
    let Some(private) = private else { return name.clone() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.clone();
    }
    Rc::from(format!("_{stripped}{name}"))
}

struct Builder<'a> {
    map: &'a SourceMap<'a>,
    scopes: Vec<Option<Scope>>,
    /// Stack of scope ids being visited (innermost last).
    stack: Vec<ScopeId>,
    future_annotations: bool,
    guard: StackGuard,
}

type Res<T> = Result<T, Box<CompileError>>;

/// Builds and analyzes the symbol table of a module (`body`) or of an expression
/// (`expr`, for eval mode). `scope_count` is the number of scope ids the lowering pass
/// allocated.
pub fn build(
    map: &SourceMap<'_>,
    body: &[Stmt],
    expr: Option<&Expr>,
    scope_count: u32,
    future_annotations: bool,
    guard: StackGuard,
) -> Result<SymbolTable, Box<CompileError>> {
    let mut b = Builder {
        map,
        scopes: (0..scope_count).map(|_| None).collect(),
        stack: Vec::new(),
        future_annotations,
        guard,
    };
    b.scopes[0] = Some(Scope::new(BlockKind::Module, "top", None));
    b.stack.push(ScopeId(0));
    b.stmts(body)?;
    if let Some(e) = expr {
        b.expr(e)?;
    }
    let mut scopes: Vec<Scope> = Vec::with_capacity(b.scopes.len());
    for (i, s) in b.scopes.into_iter().enumerate() {
        // A scope id that the visitor never entered (cannot happen: lowering and this
        // visitor walk the same tree) gets an empty function scope.
        scopes.push(s.unwrap_or_else(|| Scope::new(BlockKind::Function, &format!("unused{i}"), None)));
    }
    let mut table = SymbolTable {
        scopes,
        future_annotations,
    };
    let mut free = HashSet::new();
    analyze_block(&mut table, map, ScopeId(0), None, &HashSet::new(), &mut free)?;
    Ok(table)
}

impl Builder<'_> {
    fn cur_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(ScopeId(0))
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.cur_id().0 as usize;
        // Every id on the stack has been created by `enter`.
        match self.scopes.get_mut(id).and_then(|s| s.as_mut()) {
            Some(s) => s,
            None => unreachable!("scope on the stack exists"),
        }
    }

    fn scope_mut(&mut self, id: ScopeId) -> Option<&mut Scope> {
        self.scopes.get_mut(id.0 as usize).and_then(|s| s.as_mut())
    }

    fn private(&mut self) -> Option<Rc<str>> {
        self.cur().private.clone()
    }

    fn add_def(&mut self, name: &Rc<str>, flags: u32) {
        let private = self.private();
        let mangled = mangle(private.as_deref(), name);
        self.cur().add_flags(&mangled, flags);
    }

    fn enter(&mut self, id: ScopeId, kind: BlockKind, name: &str) {
        let parent = self.cur_id();
        let (parent_nested, parent_kind, private) = {
            let p = self.cur();
            (p.nested, p.kind, p.private.clone())
        };
        let mut s = Scope::new(kind, name, Some(parent));
        s.nested = parent_nested || parent_kind == BlockKind::Function;
        s.private = private;
        if let Some(slot) = self.scopes.get_mut(id.0 as usize) {
            *slot = Some(s);
        }
        self.cur().children.push(id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn err(&self, msg: impl Into<String>, range: Range) -> Box<CompileError> {
        self.map.error_at_bytes(msg, range)
    }

    fn stmts(&mut self, body: &[Stmt]) -> Res<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> Res<()> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> Res<()> {
        if self.future_annotations { Ok(()) } else { self.expr(e) }
    }

    fn params_outer(&mut self, p: &Parameters) -> Res<()> {
        for q in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &q.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn param_annotations(&mut self, p: &Parameters) -> Res<()> {
        let all = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg);
        for q in all {
            if let Some(a) = &q.annotation {
                self.annotation(a)?;
            }
        }
        Ok(())
    }

    fn params_inner(&mut self, p: &Parameters) -> Res<()> {
        let all = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.kwonly)
            .chain(&p.vararg)
            .chain(&p.kwarg);
        for q in all {
            let private = self.private();
            let name = mangle(private.as_deref(), &q.name.name);
            if self.cur().flags(&name) & def::PARAM != 0 {
                return Err(self.err(
                    format!("duplicate argument '{}' in function definition", q.name.name),
                    q.range,
                ));
            }
            self.cur().add_flags(&name, def::PARAM);
            self.cur().params.push(name);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Res<()> {
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name.name, def::LOCAL);
                self.params_outer(&f.params)?;
                self.param_annotations(&f.params)?;
                if let Some(r) = &f.returns {
                    self.annotation(r)?;
                }
                self.exprs(&f.decorators)?;
                self.enter(f.scope, BlockKind::Function, &f.name.name);
                self.params_inner(&f.params)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name.name, def::LOCAL);
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(&c.decorators)?;
                self.enter(c.scope, BlockKind::Class, &c.name.name);
                self.cur().private = Some(c.name.name.clone());
                self.stmts(&c.body)?;
                self.exit();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t)?;
                }
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name(name) = &target.kind {
                    let private = self.private();
                    let mangled = mangle(private.as_deref(), name);
                    let cur = self.cur().flags(&mangled);
                    let is_module = self.cur_id() == ScopeId(0);
                    if cur & (def::GLOBAL | def::NONLOCAL) != 0 && !is_module && *simple {
                        let msg = if cur & def::GLOBAL != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("annotated name '{name}' can't be nonlocal")
                        };
                        return Err(self.err(msg, s.range));
                    }
                    if *simple {
                        self.add_def(name, def::ANNOT | def::LOCAL);
                    } else if value.is_some() {
                        self.add_def(name, def::LOCAL);
                    }
                } else {
                    self.target(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::If { branches, orelse } => {
                for (test, body, _) in branches {
                    self.expr(test)?;
                    self.stmts(body)?;
                }
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.name, def::LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = match &a.asname {
                        Some(asname) => asname.name.clone(),
                        None => Rc::from(a.name.name.split('.').next().unwrap_or("")),
                    };
                    self.add_def(&bound, def::IMPORT);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name.name == "*" {
                        if self.cur().kind != BlockKind::Module {
                            return Err(self.err("import * only allowed at module level", a.name.range));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).name.clone();
                    self.add_def(&bound, def::IMPORT);
                }
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let is_global = matches!(s.kind, StmtKind::Global(_));
                let word = if is_global { "global" } else { "nonlocal" };
                for n in names {
                    let private = self.private();
                    let name = mangle(private.as_deref(), &n.name);
                    let cur = self.cur().flags(&name);
                    if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                        let msg = if cur & def::PARAM != 0 {
                            format!("name '{}' is parameter and {word}", n.name)
                        } else if cur & def::USE != 0 {
                            format!("name '{}' is used prior to {word} declaration", n.name)
                        } else if cur & def::ANNOT != 0 {
                            format!("annotated name '{}' can't be {word}", n.name)
                        } else {
                            format!("name '{}' is assigned to before {word} declaration", n.name)
                        };
                        return Err(self.err(msg, s.range));
                    }
                    self.cur()
                        .add_flags(&name, if is_global { def::GLOBAL } else { def::NONLOCAL });
                    self.cur().directives.entry(name).or_insert(s.range);
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// A store or delete target.
    fn target(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            ExprKind::Name(name) => {
                let flags = if self.cur().comp_iter_target {
                    def::LOCAL | def::COMP_ITER
                } else {
                    def::LOCAL
                };
                self.add_def(name, flags);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for x in elts {
                    self.target(x)?;
                }
                Ok(())
            }
            ExprKind::Starred(v) => self.target(v),
            _ => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) -> Res<()> {
        if self.guard.exceeded() {
            return Err(self.map.recursion_error());
        }
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::Named { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(self.err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.range,
                    ));
                }
                if self.cur().is_comprehension {
                    self.extend_namedexpr_scope(target)?;
                }
                self.expr(value)?;
                self.target(target)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda(l) => {
                self.params_outer(&l.params)?;
                self.enter(l.scope, BlockKind::Function, "lambda");
                self.params_inner(&l.params)?;
                self.expr(&l.body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => self.exprs(elts)?,
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::Comp(c) => self.comprehension(c, e.range)?,
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                self.yield_seen(e.range)?;
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.yield_seen(e.range)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Name(name) => {
                self.add_def(name, def::USE);
                if &**name == "super" && self.cur().kind == BlockKind::Function {
                    self.cur().add_flags(&Rc::from("__class__"), def::USE);
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn yield_seen(&mut self, range: Range) -> Res<()> {
        let cur = self.cur();
        if cur.is_comprehension {
            let what = if &*cur.name == "genexpr" {
                "generator expression"
            } else {
                &format!("{} comprehension", cur.name.trim_end_matches("comp"))
            };
            let what = match &*cur.name {
                "listcomp" => "list comprehension".to_string(),
                "setcomp" => "set comprehension".to_string(),
                "dictcomp" => "dict comprehension".to_string(),
                _ => what.to_string(),
            };
            return Err(self.err(format!("'yield' inside {what}"), range));
        }
        cur.is_generator = true;
        Ok(())
    }

    fn comprehension(&mut self, c: &Comp, _range: Range) -> Res<()> {
        let Some((first, rest)) = c.generators.split_first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        let name = match c.kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Generator => "genexpr",
        };
        self.enter(c.scope, BlockKind::Function, name);
        self.cur().is_comprehension = true;
        let dot0: Rc<str> = Rc::from(".0");
        self.cur().add_flags(&dot0, def::PARAM);
        self.cur().params.push(dot0);
        self.cur().comp_iter_target = true;
        let r = self.target(&first.target);
        self.cur().comp_iter_target = false;
        r?;
        self.exprs(&first.ifs)?;
        for g in rest {
            self.cur().comp_iter_target = true;
            let r = self.target(&g.target);
            self.cur().comp_iter_target = false;
            r?;
            self.cur().comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            r?;
            self.exprs(&g.ifs)?;
        }
        if let Some(v) = &c.value {
            self.expr(v)?;
        }
        self.expr(&c.elt)?;
        if c.kind == CompKind::Generator {
            self.cur().is_generator = true;
        }
        self.exit();
        Ok(())
    }

    /// Binds a walrus target written inside a comprehension in the nearest enclosing
    /// non-comprehension scope (CPython's `symtable_extend_namedexpr_scope`).
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Res<()> {
        let ExprKind::Name(name) = &target.kind else {
            return Ok(());
        };
        let private = self.private();
        let mangled = mangle(private.as_deref(), name);
        for &id in self.stack.clone().iter().rev() {
            let Some(scope) = self.scope_mut(id) else { continue };
            if scope.is_comprehension {
                if scope.flags(&mangled) & def::COMP_ITER != 0 {
                    return Err(self.err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        target.range,
                    ));
                }
                continue;
            }
            match scope.kind {
                BlockKind::Function => {
                    let global = scope.flags(&mangled) & def::GLOBAL != 0;
                    scope.add_flags(&mangled, def::LOCAL);
                    self.cur()
                        .add_flags(&mangled, if global { def::GLOBAL } else { def::NONLOCAL });
                    return Ok(());
                }
                BlockKind::Module => {
                    scope.add_flags(&mangled, def::GLOBAL);
                    self.cur().add_flags(&mangled, def::GLOBAL);
                    return Ok(());
                }
                BlockKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    ));
                }
            }
        }
        Ok(())
    }
}

fn scope_mut(table: &mut SymbolTable, id: ScopeId) -> Option<&mut Scope> {
    table.scopes.get_mut(id.0 as usize)
}

/// CPython's `analyze_block`: resolves the scope of every name of block `id` and its
/// children. `bound` is `None` at module level. On return, `free` holds the names that
/// are free in this block (to be resolved by the parent).
fn analyze_block(
    table: &mut SymbolTable,
    map: &SourceMap<'_>,
    id: ScopeId,
    bound: Option<&HashSet<Rc<str>>>,
    global: &HashSet<Rc<str>>,
    free: &mut HashSet<Rc<str>>,
) -> Result<(), Box<CompileError>> {
    let mut local: HashSet<Rc<str>> = HashSet::new();
    let mut global = global.clone();
    let mut newbound: HashSet<Rc<str>> = HashSet::new();
    let mut newglobal: HashSet<Rc<str>> = HashSet::new();
    let Some(scope) = scope_mut(table, id) else {
        return Ok(());
    };
    let kind = scope.kind;
    if kind == BlockKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let names: Vec<(Rc<str>, u32)> = scope.symbols.iter().map(|(n, s)| (n.clone(), s.flags)).collect();
    for (name, flags) in &names {
        // CPython's analyze_name.
        let sc = if flags & def::GLOBAL != 0 {
            if flags & def::NONLOCAL != 0 {
                let range = scope.directives.get(name).copied().unwrap_or_default();
                return Err(map.error_at_bytes(format!("name '{name}' is nonlocal and global"), range));
            }
            global.insert(name.clone());
            SymScope::GlobalExplicit
        } else if flags & def::NONLOCAL != 0 {
            let range = scope.directives.get(name).copied().unwrap_or_default();
            match bound {
                None => {
                    return Err(map.error_at_bytes("nonlocal declaration not allowed at module level", range));
                }
                Some(b) if !b.contains(name) => {
                    return Err(map.error_at_bytes(format!("no binding for nonlocal '{name}' found"), range));
                }
                Some(_) => {}
            }
            free.insert(name.clone());
            SymScope::Free
        } else if flags & def::BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            SymScope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        scope.set_scope(name, sc);
    }
    if kind != BlockKind::Class {
        if kind == BlockKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert(Rc::from("__class__"));
    }
    let children = scope.children.clone();
    let mut newfree: HashSet<Rc<str>> = HashSet::new();
    for child in children {
        let mut child_free = HashSet::new();
        analyze_block(table, map, child, Some(&newbound), &newglobal, &mut child_free)?;
        newfree.extend(child_free);
    }
    let Some(scope) = scope_mut(table, id) else {
        return Ok(());
    };
    if kind == BlockKind::Function {
        // analyze_cells: locals used freely by children become cells.
        for name in &local {
            if newfree.remove(name) {
                scope.set_scope(name, SymScope::Cell);
            }
        }
    } else if kind == BlockKind::Class && newfree.remove("__class__") {
        scope.needs_class_closure = true;
    }
    // update_symbols: record free names passing through this block.
    let is_class = kind == BlockKind::Class;
    let mut pass: Vec<Rc<str>> = newfree.iter().cloned().collect();
    pass.sort();
    for name in pass {
        let flags = scope.flags(&name);
        if flags != 0 || scope.index.contains_key(&name) {
            if is_class && flags & (def::BOUND | def::GLOBAL) != 0 {
                scope.add_flags(&name, def::FREE_CLASS);
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(&name)) {
            continue;
        }
        if bound.is_none() {
            continue;
        }
        scope.add_flags(&name, 0);
        scope.set_scope(&name, SymScope::Free);
    }
    free.extend(newfree);
    Ok(())
}
