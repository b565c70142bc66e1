//! taipan's own abstract syntax tree: what the symbol table and the code generator read.
//!
//! It follows CPython 3.11's `Parser/Python.asdl` closely (so `compile.c`'s structure maps
//! onto the code generator), with a few normalizations done once by `lower.rs`:
//! - string literal pieces are already concatenated and decoded, f-strings are a flat list
//!   of `Constant` and `FormattedValue` parts (`JoinedStr`), big ints are parsed;
//! - `-<number literal>` is folded into a negative constant (as CPython's AST optimizer);
//! - `elif` chains stay flat (`If::branches`) so long chains do not recurse;
//! - every function, lambda, class and comprehension carries a [`ScopeId`], the index of its
//!   scope in the symbol table (assigned in source order by the lowering pass);
//! - expression contexts (load/store/del) are implied by where the codegen visits a node.
//!
//! Ranges are UTF-8 byte offsets into the source (`start..end`).

use std::rc::Rc;

use taipan_bytecode::Constant;

/// A byte range in the source, `start..end`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Range {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// Index of a scope in the symbol table (see [`crate::symtable::SymbolTable`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(pub u32);

/// An identifier with its source range.
#[derive(Clone, Debug)]
#[allow(dead_code)]
pub struct Ident {
    /// The name.
    pub name: Rc<str>,
    /// Where it appears.
    pub range: Range,
}

/// A statement.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// Source range of the whole statement.
    pub range: Range,
    /// What it is.
    pub kind: StmtKind,
}

/// Statement kinds (Python.asdl `stmt`).
#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `def` (decorators, defaults and annotations are evaluated in the enclosing scope).
    FunctionDef(Box<FunctionDef>),
    /// `class`.
    ClassDef(Box<ClassDef>),
    /// `return [value]`.
    Return(Option<Expr>),
    /// `del a, b`.
    Delete(Vec<Expr>),
    /// `t1 = t2 = value`.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value` (op is the plain operator).
    AugAssign { target: Expr, op: Operator, value: Expr },
    /// `target: annotation [= value]`; `simple` for a bare, unparenthesized name.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    /// `for target in iter: body else: orelse`.
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `if`/`elif` branches (test, body, range of the `if`/`elif` clause) and the `else` body.
    If {
        branches: Vec<(Expr, Vec<Stmt>, Range)>,
        orelse: Vec<Stmt>,
    },
    /// `with a as x, b: body`.
    With { items: Vec<WithItem>, body: Vec<Stmt> },
    /// `raise [exc [from cause]]`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    /// `try` with handlers, `else` and `finally`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `assert test, msg`.
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from ..module import a as b` (`names` is `["*"]` for a star import).
    ImportFrom {
        module: Option<Rc<str>>,
        names: Vec<Alias>,
        level: u32,
    },
    /// `global a, b`.
    Global(Vec<Ident>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Ident>),
    /// An expression statement.
    Expr(Expr),
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

/// A `def` statement.
#[derive(Clone, Debug)]
pub struct FunctionDef {
    /// The function name.
    pub name: Ident,
    /// Parameters.
    pub params: Parameters,
    /// Body statements.
    pub body: Vec<Stmt>,
    /// Decorator expressions, outermost first.
    pub decorators: Vec<Expr>,
    /// Return annotation.
    pub returns: Option<Expr>,
    /// The function's scope.
    pub scope: ScopeId,
}

/// A `class` statement.
#[derive(Clone, Debug)]
pub struct ClassDef {
    /// The class name.
    pub name: Ident,
    /// Base class expressions (may contain `Starred`).
    pub bases: Vec<Expr>,
    /// Keyword arguments (`metaclass=...`); `arg` is `None` for `**kw`.
    pub keywords: Vec<Keyword>,
    /// Body statements.
    pub body: Vec<Stmt>,
    /// Decorator expressions, outermost first.
    pub decorators: Vec<Expr>,
    /// The class body's scope.
    pub scope: ScopeId,
}

/// A function or lambda parameter list.
#[derive(Clone, Debug, Default)]
pub struct Parameters {
    /// Positional-only parameters.
    pub posonly: Vec<Param>,
    /// Positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Keyword-only parameters.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Its name.
    pub name: Ident,
    /// Its annotation.
    pub annotation: Option<Expr>,
    /// Its default value.
    pub default: Option<Expr>,
    /// Range of the whole parameter.
    pub range: Range,
}

/// One `with` item.
#[derive(Clone, Debug)]
pub struct WithItem {
    /// The context manager expression.
    pub context_expr: Expr,
    /// The `as` target.
    pub optional_vars: Option<Expr>,
}

/// One `except` clause.
#[derive(Clone, Debug)]
pub struct ExceptHandler {
    /// The exception type expression (bare `except:` has none).
    pub type_: Option<Expr>,
    /// The `as` name.
    pub name: Option<Ident>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// Range of the whole clause.
    pub range: Range,
}

/// `import a.b as c` / `from m import a as c`.
#[derive(Clone, Debug)]
pub struct Alias {
    /// The (dotted) name.
    pub name: Ident,
    /// The `as` name.
    pub asname: Option<Ident>,
}

/// A keyword argument (`arg` is `None` for `**mapping`).
#[derive(Clone, Debug)]
pub struct Keyword {
    /// The keyword.
    pub arg: Option<Ident>,
    /// The value.
    pub value: Expr,
    /// Range of the whole keyword argument.
    pub range: Range,
}

/// One `for ... in ... if ...` clause of a comprehension.
#[derive(Clone, Debug)]
pub struct Comprehension {
    /// Loop target.
    pub target: Expr,
    /// Iterable.
    pub iter: Expr,
    /// Filters.
    pub ifs: Vec<Expr>,
}

/// An expression.
#[derive(Clone, Debug)]
pub struct Expr {
    /// Source range.
    pub range: Range,
    /// What it is.
    pub kind: ExprKind,
}

/// Binary operators (Python.asdl `operator`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// Unary operators.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// Comparison operators.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// Comprehension kinds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompKind {
    /// `[elt for ...]`
    List,
    /// `{elt for ...}`
    Set,
    /// `{key: value for ...}`
    Dict,
    /// `(elt for ...)`
    Generator,
}

/// A `lambda`.
#[derive(Clone, Debug)]
pub struct Lambda {
    /// Parameters.
    pub params: Parameters,
    /// Body expression.
    pub body: Expr,
    /// The lambda's scope.
    pub scope: ScopeId,
}

/// A comprehension or generator expression.
#[derive(Clone, Debug)]
pub struct Comp {
    /// Which kind.
    pub kind: CompKind,
    /// The element (the key for dict comprehensions).
    pub elt: Expr,
    /// The value for dict comprehensions.
    pub value: Option<Expr>,
    /// The `for` clauses (at least one).
    pub generators: Vec<Comprehension>,
    /// The comprehension's scope.
    pub scope: ScopeId,
}

/// Expression kinds (Python.asdl `expr`).
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// `a and b and c` (`is_and`) / `a or b`.
    BoolOp { is_and: bool, values: Vec<Expr> },
    /// `target := value`.
    Named { target: Box<Expr>, value: Box<Expr> },
    /// `left op right`.
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `lambda params: body`.
    Lambda(Box<Lambda>),
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}` (`None` key for `**m`).
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// Comprehensions and generator expressions.
    Comp(Box<Comp>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `left op1 c1 op2 c2 ...`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// One `{value!conv:spec}` piece of an f-string (conversion 0 none, 1 str, 2 repr, 3 ascii).
    FormattedValue {
        value: Box<Expr>,
        conversion: u32,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: concatenation of `Constant` str and `FormattedValue` parts.
    JoinedStr(Vec<Expr>),
    /// A literal.
    Constant(Constant),
    /// `value.attr`.
    Attribute { value: Box<Expr>, attr: Ident },
    /// `value[slice]`.
    Subscript { value: Box<Expr>, slice: Box<Expr> },
    /// `*value`.
    Starred(Box<Expr>),
    /// A name.
    Name(Rc<str>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` / `a, b`.
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

impl Expr {
    /// The constant value, if this expression is a literal.
    pub fn as_constant(&self) -> Option<&Constant> {
        match &self.kind {
            ExprKind::Constant(c) => Some(c),
            _ => None,
        }
    }
}
