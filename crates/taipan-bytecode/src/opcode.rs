//! The opcode table: every bytecode instruction of taipan, declared once.
//!
//! The set follows CPython 3.11's `Include/opcode.h` in names and stack discipline, with
//! three simplifications: jump arguments are absolute instruction indices (not relative
//! offsets), `CALL` needs no `PRECALL`/`PUSH_NULL` (method calls use `CallMethod`), and
//! cells are created at frame entry (no `MAKE_CELL`/`COPY_FREE_VARS`).
//!
//! Each row of [`for_each_opcode!`] gives the Rust name, CPython-style display name, the
//! kind of the argument (for the disassembler) and a doc line with the stack effect written
//! `[before] -> [after]` (top of stack on the right). Everything else (the `Opcode` enum,
//! names, argument kinds) is derived from that table.
//!
//! The table's second part lists the *specialized forms* (PEP 659; names as CPython 3.11's,
//! plus a few of taipan's own such as the `*_POLY` forms): run-time variants the adaptive
//! interpreter rewrites its private copy of a code object's instructions into, each tied to
//! the generic opcode it specializes ([`Opcode::base`]). The compiler never emits them; code
//! that must understand every opcode (stack effects, disassembly) maps them to their base
//! with one arm ([`specialized_opcodes!`]).
//!
//! Invariants (checked by the compiler's stack-depth pass, not at run time):
//! - every jump target is an index inside the same code object;
//! - the operand stack depth at an instruction is the same along every path reaching it;
//! - exception handlers start with the stack at the depth recorded in the exception table
//!   plus the pushed exception (and `lasti` if requested).

/// How an instruction's `arg` is interpreted (used by the disassembler and verifier).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// A plain count or flag word.
    Count,
    /// Index into `CodeObject::constants`.
    Const,
    /// Index into `CodeObject::names`.
    Name,
    /// Index into `CodeObject::varnames` (fast locals).
    Local,
    /// Index into `cellvars ++ freevars`.
    Deref,
    /// Absolute instruction index (a jump target).
    Jump,
    /// A [`crate::BinaryOperator`] code.
    BinOp,
    /// A [`crate::ComparisonOperator`] code.
    CmpOp,
}

/// Calls `$m!` with the whole opcode table: `generic { .. }` holds the opcodes the compiler
/// emits, one `Name, "DISPLAY_NAME", ArgKind, "doc";` row each; `specialized { .. }` holds
/// the forms the adaptive interpreter rewrites them into at run time (PEP 659 quickening),
/// one `Name, "DISPLAY_NAME", Base, "doc";` row each, where `Base` is the generic opcode the
/// form belongs to (same argument, same stack effect, same semantics). The compiler never
/// emits a specialized form; the interpreter rewrites only its own copy of the instructions.
/// `$m` may be a path (`$crate::name`).
#[macro_export]
macro_rules! for_each_opcode {
    ($($m:tt)+) => {
        $($m)+! {
            generic {
            Nop, "NOP", None, "Does nothing. [] -> []";
            PopTop, "POP_TOP", None, "Discards the top of stack. [x] -> []";
            Copy, "COPY", Count, "Pushes a copy of the i-th item (1 = top). [.., x, ..] -> [.., x, .., x]";
            Swap, "SWAP", Count, "Swaps the top with the i-th item (1 = top, so i >= 2). [a, .., b] -> [b, .., a]";
            LoadConst, "LOAD_CONST", Const, "[] -> [constants[i]]";
            LoadFast, "LOAD_FAST", Local, "Pushes a local; UnboundLocalError if unbound. [] -> [v]";
            StoreFast, "STORE_FAST", Local, "[v] -> []";
            DeleteFast, "DELETE_FAST", Local, "Unbinds a local; UnboundLocalError if unbound. [] -> []";
            LoadName, "LOAD_NAME", Name, "Looks up locals dict, globals, builtins (module and class bodies). [] -> [v]";
            StoreName, "STORE_NAME", Name, "[v] -> []";
            DeleteName, "DELETE_NAME", Name, "[] -> []";
            LoadGlobal, "LOAD_GLOBAL", Name, "Looks up globals then builtins; NameError if missing. [] -> [v]";
            StoreGlobal, "STORE_GLOBAL", Name, "[v] -> []";
            DeleteGlobal, "DELETE_GLOBAL", Name, "[] -> []";
            LoadDeref, "LOAD_DEREF", Deref, "Loads a cell's content; NameError/UnboundLocalError if empty. [] -> [v]";
            LoadClassDeref, "LOAD_CLASSDEREF", Deref, "Class body: locals dict first, then the cell. [] -> [v]";
            StoreDeref, "STORE_DEREF", Deref, "[v] -> []";
            DeleteDeref, "DELETE_DEREF", Deref, "[] -> []";
            LoadClosure, "LOAD_CLOSURE", Deref, "Pushes the cell object itself. [] -> [cell]";
            LoadAttr, "LOAD_ATTR", Name, "[obj] -> [obj.name]";
            StoreAttr, "STORE_ATTR", Name, "obj.name = v. [v, obj] -> []";
            DeleteAttr, "DELETE_ATTR", Name, "[obj] -> []";
            BinarySubscr, "BINARY_SUBSCR", None, "[container, key] -> [container[key]]";
            StoreSubscr, "STORE_SUBSCR", None, "container[key] = v. [v, container, key] -> []";
            DeleteSubscr, "DELETE_SUBSCR", None, "[container, key] -> []";
            BuildSlice, "BUILD_SLICE", Count, "i is 2 or 3. [start, stop(, step)] -> [slice]";
            UnaryPositive, "UNARY_POSITIVE", None, "[x] -> [+x]";
            UnaryNegative, "UNARY_NEGATIVE", None, "[x] -> [-x]";
            UnaryNot, "UNARY_NOT", None, "[x] -> [not x]";
            UnaryInvert, "UNARY_INVERT", None, "[x] -> [~x]";
            BinaryOp, "BINARY_OP", BinOp, "[a, b] -> [a op b]; in-place forms try __iop__ first";
            CompareOp, "COMPARE_OP", CmpOp, "[a, b] -> [a op b]";
            IsOp, "IS_OP", Count, "i = 1 inverts. [a, b] -> [a is b]";
            ContainsOp, "CONTAINS_OP", Count, "i = 1 inverts. [a, b] -> [a in b]";
            BuildTuple, "BUILD_TUPLE", Count, "[x1..xi] -> [tuple]";
            BuildList, "BUILD_LIST", Count, "[x1..xi] -> [list]";
            BuildSet, "BUILD_SET", Count, "[x1..xi] -> [set]";
            BuildMap, "BUILD_MAP", Count, "[k1, v1 .. ki, vi] -> [dict]";
            BuildString, "BUILD_STRING", Count, "Concatenates i strs. [s1..si] -> [str]";
            ListAppend, "LIST_APPEND", Count, "list at depth i (after pop) gets v. [.., list, .., v] -> [.., list, ..]";
            SetAdd, "SET_ADD", Count, "[.., set, .., v] -> [.., set, ..]";
            MapAdd, "MAP_ADD", Count, "[.., dict, .., k, v] -> [.., dict, ..]";
            ListExtend, "LIST_EXTEND", Count, "[.., list, .., iterable] -> [.., list, ..]";
            SetUpdate, "SET_UPDATE", Count, "[.., set, .., iterable] -> [.., set, ..]";
            DictUpdate, "DICT_UPDATE", Count, "dict.update semantics. [.., dict, .., mapping] -> [.., dict, ..]";
            DictMerge, "DICT_MERGE", Count, "Like DICT_UPDATE but duplicate keys raise TypeError (call **kwargs). [.., dict, .., mapping] -> [.., dict, ..]";
            ListToTuple, "LIST_TO_TUPLE", None, "[list] -> [tuple]";
            FormatValue, "FORMAT_VALUE", Count, "f-string piece: i & 3 = conversion (0 none, 1 str, 2 repr, 3 ascii), i & 4 = spec on stack. [v(, spec)] -> [str]";
            UnpackSequence, "UNPACK_SEQUENCE", Count, "[seq] -> [xi .. x1] (x1 on top)";
            UnpackEx, "UNPACK_EX", Count, "a, *b, c: i = before | (after << 8). [seq] -> [after items .., list, before items (first on top)]";
            GetIter, "GET_ITER", None, "[x] -> [iter(x)]";
            ForIter, "FOR_ITER", Jump, "[it] -> [it, next(it)], or pops it and jumps when exhausted";
            Jump, "JUMP", Jump, "Unconditional jump (a backward jump is a loop back-edge).";
            LoopEntry, "LOOP_ENTRY", None, "Before a loop's header (the next instruction), reached only from outside the loop (the back-edge jumps to the header): the JIT may enter the loop's trace at this first arrival. [] -> []";
            PopJumpIfFalse, "POP_JUMP_IF_FALSE", Jump, "[x] -> []; jumps if not x";
            PopJumpIfTrue, "POP_JUMP_IF_TRUE", Jump, "[x] -> []; jumps if x";
            PopJumpIfNone, "POP_JUMP_IF_NONE", Jump, "[x] -> []; jumps if x is None";
            PopJumpIfNotNone, "POP_JUMP_IF_NOT_NONE", Jump, "[x] -> []; jumps if x is not None";
            JumpIfFalseOrPop, "JUMP_IF_FALSE_OR_POP", Jump, "[x] -> [x] and jump if not x, else [] (and/or)";
            JumpIfTrueOrPop, "JUMP_IF_TRUE_OR_POP", Jump, "[x] -> [x] and jump if x, else []";
            Call, "CALL", Count, "[callable, a1..ai] -> [result]";
            CallKw, "CALL_KW", Count, "i counts all arguments; the last k are keywords named by the tuple on top. [callable, a1..ai, names] -> [result]";
            CallEx, "CALL_FUNCTION_EX", Count, "i = 1 if a kwargs dict is present. [callable, args_tuple(, kwargs)] -> [result]";
            LoadMethod, "LOAD_METHOD", Name, "[obj] -> [method, obj] when obj's class has a plain method `name` not shadowed by the instance, else [obj.name, NULL] (NULL: an internal marker that only CALL_METHOD consumes)";
            CallMethod, "CALL_METHOD", Count, "[method, self_or_NULL, a1..ai] -> [method(self, a1..ai)] or [method(a1..ai)] when NULL";
            MakeFunction, "MAKE_FUNCTION", Count, "flags: 1 defaults tuple, 2 kwdefaults dict, 4 annotations dict, 8 closure tuple (pushed in that order, code on top). [.., code] -> [function]";
            MakeGenexpr, "MAKE_GENEXPR", Count, "A generator expression's generator, made from its code without a function object (taipan's own; CPython 3.11 runs MAKE_FUNCTION, then CALL 1 after the iterator): i = number of closure cells pushed, the enclosing scope's cells of the code's free variables in order. [cell1..celli, code, iter] -> [generator]";
            ReturnValue, "RETURN_VALUE", None, "[v] -> returns v";
            YieldValue, "YIELD_VALUE", None, "[v] -> [sent]; suspends the generator";
            GetYieldFromIter, "GET_YIELD_FROM_ITER", None, "[x] -> [iter(x)] (generators pass through)";
            Send, "SEND", Jump, "[recv, v] -> [recv, yielded]; when recv returns r: [r] and jump";
            RaiseVarargs, "RAISE_VARARGS", Count, "0: re-raise the handled exception; 1: [exc] -> raise; 2: [exc, cause] -> raise exc from cause";
            Reraise, "RERAISE", None, "[exc] -> re-raises exc, keeping its traceback";
            PushExcInfo, "PUSH_EXC_INFO", None, "Handler entry. [exc] -> [previous handled exc or None, exc]; exc becomes the handled exception";
            PopExcept, "POP_EXCEPT", None, "[prev] -> []; restores the handled exception to prev";
            CheckExcMatch, "CHECK_EXC_MATCH", None, "[exc, type] -> [exc, isinstance(exc, type)]";
            LoadAssertionError, "LOAD_ASSERTION_ERROR", None, "[] -> [AssertionError]";
            BeforeWith, "BEFORE_WITH", None, "[mgr] -> [bound __exit__, mgr.__enter__()]";
            WithExceptStart, "WITH_EXCEPT_START", None, "[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]";
            LoadBuildClass, "LOAD_BUILD_CLASS", None, "[] -> [builtins.__build_class__]";
            SetupAnnotations, "SETUP_ANNOTATIONS", None, "Creates __annotations__ in the locals dict if missing. [] -> []";
            ImportName, "IMPORT_NAME", Name, "[level, fromlist] -> [module]";
            ImportFrom, "IMPORT_FROM", Name, "[module] -> [module, module.name] (ImportError if missing)";
            ImportStar, "IMPORT_STAR", None, "[module] -> []; binds public names in the locals dict";
            }
            specialized {
            LoadGlobalModule, "LOAD_GLOBAL_MODULE", LoadGlobal, "Global found in the module dict at the cached position (key checked by identity).";
            LoadGlobalModuleLoadAttrClass, "LOAD_GLOBAL_MODULE__LOAD_ATTR_CLASS", LoadGlobal, "LOAD_GLOBAL_MODULE followed by a LOAD_ATTR_CLASS (`Global.name` of a class attribute): when both hit, the attribute is pushed without the class and the LOAD_ATTR skipped; otherwise it is LOAD_GLOBAL_MODULE (installed while both instructions have those forms).";
            LoadGlobalBuiltin, "LOAD_GLOBAL_BUILTIN", LoadGlobal, "Global absent from the module dict (its key-set version unchanged), found in builtins at the cached position.";
            LoadAttrWithHint, "LOAD_ATTR_WITH_HINT", LoadAttr, "Instance-dict attribute of one type at one version, dict position hint.";
            LoadAttrSlot, "LOAD_ATTR_SLOT", LoadAttr, "`__slots__` slot of one type at one version.";
            LoadAttrModule, "LOAD_ATTR_MODULE", LoadAttr, "Module attribute at the cached position of the module's dict.";
            LoadAttrClass, "LOAD_ATTR_CLASS", LoadAttr, "Attribute of one class object at one version (value, function, static or class method).";
            LoadAttrPoly, "LOAD_ATTR_POLY", LoadAttr, "Type-keyed cache (bound methods, class values, up to four receiver types).";
            LoadMethodWithValues, "LOAD_METHOD_WITH_VALUES", LoadMethod, "Method on the class of one type at one version; the instance dict must not shadow it.";
            LoadMethodNoDict, "LOAD_METHOD_NO_DICT", LoadMethod, "Method on the class of one type at one version whose instances have no dict.";
            LoadMethodModule, "LOAD_METHOD_MODULE", LoadMethod, "Module attribute at the cached position of the module's dict (pushes NULL).";
            LoadMethodClass, "LOAD_METHOD_CLASS", LoadMethod, "Attribute of one class object at one version (pushes NULL).";
            LoadMethodPoly, "LOAD_METHOD_POLY", LoadMethod, "Methods of up to four receiver types.";
            StoreAttrWithHint, "STORE_ATTR_WITH_HINT", StoreAttr, "Instance-dict store for one type at one version, dict position hint.";
            StoreAttrSlot, "STORE_ATTR_SLOT", StoreAttr, "`__slots__` slot store for one type at one version.";
            StoreAttrPoly, "STORE_ATTR_POLY", StoreAttr, "Instance stores for up to four receiver types.";
            BinaryOpAddInt, "BINARY_OP_ADD_INT", BinaryOp, "`+`/`+=` on two small ints (overflow takes the generic path).";
            BinaryOpSubtractInt, "BINARY_OP_SUBTRACT_INT", BinaryOp, "`-`/`-=` on two small ints.";
            BinaryOpMultiplyInt, "BINARY_OP_MULTIPLY_INT", BinaryOp, "`*`/`*=` on two small ints.";
            BinaryOpAddFloat, "BINARY_OP_ADD_FLOAT", BinaryOp, "`+`/`+=` on two floats.";
            BinaryOpSubtractFloat, "BINARY_OP_SUBTRACT_FLOAT", BinaryOp, "`-`/`-=` on two floats.";
            BinaryOpMultiplyFloat, "BINARY_OP_MULTIPLY_FLOAT", BinaryOp, "`*`/`*=` on two floats.";
            CompareOpIntJump, "COMPARE_OP_INT_JUMP", CompareOp, "Two small ints compared, fused with the following POP_JUMP_IF_FALSE/TRUE (which it skips).";
            CompareOpFloatJump, "COMPARE_OP_FLOAT_JUMP", CompareOp, "Two floats compared, fused with the following POP_JUMP_IF_FALSE/TRUE.";
            CompareOpStrJump, "COMPARE_OP_STR_JUMP", CompareOp, "`==`/`!=` of two exact strs, fused with the following POP_JUMP_IF_FALSE/TRUE.";
            CompareOpIdentityJump, "COMPARE_OP_IDENTITY_JUMP", CompareOp, "`==`/`!=` of two values whose classes keep object's `__eq__` and `__ne__`, one of them a class defined in Python (None may be the other): identity, fused with the following POP_JUMP_IF_FALSE/TRUE (no CPython 3.11 form; its generic COMPARE_OP reaches object's richcompare).";
            BinarySubscrListInt, "BINARY_SUBSCR_LIST_INT", BinarySubscr, "Exact list indexed by an int in range.";
            BinarySubscrTupleInt, "BINARY_SUBSCR_TUPLE_INT", BinarySubscr, "Exact tuple indexed by an int in range.";
            BinarySubscrDict, "BINARY_SUBSCR_DICT", BinarySubscr, "Exact dict indexed by a str or int key.";
            StoreSubscrListInt, "STORE_SUBSCR_LIST_INT", StoreSubscr, "Exact list item store by an int in range.";
            StoreSubscrDict, "STORE_SUBSCR_DICT", StoreSubscr, "Item store into an exact dict (any key).";
            UnpackSequenceTwoTuple, "UNPACK_SEQUENCE_TWO_TUPLE", UnpackSequence, "Exact tuple of two items.";
            UnpackSequenceTuple, "UNPACK_SEQUENCE_TUPLE", UnpackSequence, "Exact tuple of the argument's length.";
            UnpackSequenceList, "UNPACK_SEQUENCE_LIST", UnpackSequence, "Exact list of the argument's length.";
            UnpackSequenceTupleStoreFast, "UNPACK_SEQUENCE_TUPLE__STORE_FAST", UnpackSequence, "Exact tuple (or exact list: a site may see both in turn) of the argument's length whose items go straight into the locals of the `arg` STORE_FAST instructions that follow (which it skips).";
            UnpackSequenceListStoreFast, "UNPACK_SEQUENCE_LIST__STORE_FAST", UnpackSequence, "Exact list (or exact tuple) of the argument's length, stored like UNPACK_SEQUENCE_TUPLE__STORE_FAST.";
            LoadFastLoadFast, "LOAD_FAST__LOAD_FAST", LoadFast, "Superinstruction: this LOAD_FAST and the following one (whose instruction is skipped).";
            LoadFastLoadConst, "LOAD_FAST__LOAD_CONST", LoadFast, "Superinstruction: this LOAD_FAST and the following LOAD_CONST.";
            LoadConstLoadFast, "LOAD_CONST__LOAD_FAST", LoadConst, "Superinstruction: this LOAD_CONST and the following LOAD_FAST.";
            StoreFastLoadFast, "STORE_FAST__LOAD_FAST", StoreFast, "Superinstruction: this STORE_FAST and the following LOAD_FAST.";
            StoreFastStoreFast, "STORE_FAST__STORE_FAST", StoreFast, "Superinstruction: this STORE_FAST and the following one.";
            LoadFastLoadFastBinarySubscr, "LOAD_FAST__LOAD_FAST__BINARY_SUBSCR", LoadFast, "Superinstruction: `local[local]` of an exact list/tuple and an int in range, pushed without the two loads (the two instructions after it skipped); otherwise it is LOAD_FAST__LOAD_FAST and the BINARY_SUBSCR runs.";
            LoadFastLoadConstBinarySubscr, "LOAD_FAST__LOAD_CONST__BINARY_SUBSCR", LoadFast, "Superinstruction: `local[constant]`, as LOAD_FAST__LOAD_FAST__BINARY_SUBSCR.";
            LoadFastLoadFastStoreSubscr, "LOAD_FAST__LOAD_FAST__STORE_SUBSCR", LoadFast, "Superinstruction: `local[local] = top` into an exact list at an int in range (the two instructions after it skipped); otherwise it is LOAD_FAST__LOAD_FAST and the STORE_SUBSCR runs.";
            LoadFastLoadConstStoreSubscr, "LOAD_FAST__LOAD_CONST__STORE_SUBSCR", LoadFast, "Superinstruction: `local[constant] = top`, as LOAD_FAST__LOAD_FAST__STORE_SUBSCR.";
            CopyCopyBinarySubscr, "COPY__COPY__BINARY_SUBSCR", Copy, "Superinstruction: COPY 2, COPY 2, BINARY_SUBSCR (the load of `c[k] op= x`): [c, k] -> [c, k, c[k]] for an exact list/tuple and an int in range; otherwise the two copies, and the BINARY_SUBSCR runs.";
            SwapSwapStoreSubscr, "SWAP__SWAP__STORE_SUBSCR", Swap, "Superinstruction: SWAP 3, SWAP 2, STORE_SUBSCR (the store of `c[k] op= x`): [c, k, v] -> [] with c[k] = v for an exact list and an int in range; otherwise the two swaps, and the STORE_SUBSCR runs.";
            LoadFastUnpackSequence, "LOAD_FAST__UNPACK_SEQUENCE", LoadFast, "Superinstruction: `a, b, ... = local`: when the UNPACK_SEQUENCE after it has become UNPACK_SEQUENCE_{TUPLE,LIST}__STORE_FAST and the local fits it, the local's items go straight into the target locals (the UNPACK_SEQUENCE and its stores skipped); otherwise it is LOAD_FAST and the UNPACK_SEQUENCE runs.";
            LoadFastLoadAttr, "LOAD_FAST__LOAD_ATTR", LoadFast, "Superinstruction: `local.name`: when the LOAD_ATTR after it is LOAD_ATTR_WITH_HINT and its hit applies to the local, the attribute is pushed without the local (the LOAD_ATTR skipped); otherwise it is LOAD_FAST and the LOAD_ATTR runs.";
            LoadFastLoadMethod, "LOAD_FAST__LOAD_METHOD", LoadFast, "Superinstruction: `local.name(...)`: when the LOAD_METHOD after it is LOAD_METHOD_WITH_VALUES or LOAD_METHOD_NO_DICT and its hit applies to the local, the method and the local are pushed (the LOAD_METHOD skipped); otherwise it is LOAD_FAST and the LOAD_METHOD runs.";
            LoadFastStoreAttr, "LOAD_FAST__STORE_ATTR", LoadFast, "Superinstruction: `local.name = top`: when the STORE_ATTR after it is STORE_ATTR_WITH_HINT, _SLOT or _POLY and its hit applies to the local, the value is stored without pushing the local (the STORE_ATTR skipped); otherwise it is LOAD_FAST and the STORE_ATTR runs.";
            }
        }
    };
}

/// Expands to the or-pattern of every specialized opcode (`Opcode::A | Opcode::B | ..`),
/// for exhaustive matches that treat them all alike (e.g. through [`Opcode::base`]).
#[macro_export]
macro_rules! specialized_opcodes {
    () => {
        $crate::for_each_opcode!($crate::__specialized_opcode_pattern)
    };
}

/// Helper of [`specialized_opcodes!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __specialized_opcode_pattern {
    (generic { $($t:tt)* } specialized { $($name:ident, $display:literal, $base:ident, $doc:literal;)* }) => {
        $($crate::Opcode::$name)|*
    };
}

macro_rules! declare_opcodes {
    (generic { $($name:ident, $display:literal, $kind:ident, $doc:literal;)* }
     specialized { $($sname:ident, $sdisplay:literal, $base:ident, $sdoc:literal;)* }) => {
        /// A bytecode operation. See the table in [`for_each_opcode!`] for each one's stack effect.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $(#[doc = $doc] $name,)*
            $(#[doc = $sdoc] $sname,)*
        }

        impl Opcode {
            /// Every opcode, in table order (generic ones first, then the specialized forms).
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)* $(Opcode::$sname,)*];

            /// Number of opcodes (`Opcode as usize` is below it).
            pub const COUNT: usize = Opcode::ALL.len();

            /// CPython-style upper-case name, as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => $display,)* $(Opcode::$sname => $sdisplay,)* }
            }

            /// How the argument of this opcode is interpreted (a specialized form's is its base's).
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Opcode::$name => ArgKind::$kind,)* $(Opcode::$sname => Opcode::$base.arg_kind(),)* }
            }

            /// The one-line documentation from the table (stack effect).
            pub fn doc(self) -> &'static str {
                match self { $(Opcode::$name => $doc,)* $(Opcode::$sname => $sdoc,)* }
            }

            /// The generic opcode a specialized form belongs to; a generic opcode itself.
            #[inline]
            pub fn base(self) -> Opcode {
                match self { $(Opcode::$sname => Opcode::$base,)* _ => self }
            }

            /// True for the forms the adaptive interpreter rewrites instructions into.
            #[inline]
            pub fn is_specialized(self) -> bool {
                matches!(self, $(Opcode::$sname)|*)
            }
        }
    };
}

for_each_opcode!(declare_opcodes);

impl Opcode {
    /// True for instructions whose argument is a jump target.
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }
}

/// One instruction: an opcode and a 32-bit argument (8 bytes in memory).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The operation.
    pub op: Opcode,
    /// Its argument; meaning given by [`Opcode::arg_kind`].
    pub arg: u32,
}

impl Instruction {
    /// Makes an instruction.
    pub const fn new(op: Opcode, arg: u32) -> Self {
        Instruction { op, arg }
    }
}

macro_rules! simple_enum_table {
    ($(#[$meta:meta])* $enum:ident { $($name:ident = $val:literal, $sym:literal, $dunder:literal;)* }) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $enum { $($name = $val,)* }
        impl $enum {
            /// Decodes an instruction argument; `None` if out of range.
            pub fn from_arg(arg: u32) -> Option<Self> {
                match arg { $($val => Some($enum::$name),)* _ => None }
            }
            /// The Python operator symbol (`+`, `+=`, `<`, ...).
            pub fn symbol(self) -> &'static str {
                match self { $($enum::$name => $sym,)* }
            }
            /// The special method name (`__add__`, `__iadd__`, `__lt__`, ...).
            pub fn dunder(self) -> &'static str {
                match self { $($enum::$name => $dunder,)* }
            }
        }
    };
}

simple_enum_table! {
    /// `BINARY_OP` operator codes, numbered as CPython 3.11's `NB_*` constants.
    BinaryOperator {
        Add = 0, "+", "__add__";
        And = 1, "&", "__and__";
        FloorDivide = 2, "//", "__floordiv__";
        Lshift = 3, "<<", "__lshift__";
        MatrixMultiply = 4, "@", "__matmul__";
        Multiply = 5, "*", "__mul__";
        Remainder = 6, "%", "__mod__";
        Or = 7, "|", "__or__";
        Power = 8, "**", "__pow__";
        Rshift = 9, ">>", "__rshift__";
        Subtract = 10, "-", "__sub__";
        TrueDivide = 11, "/", "__truediv__";
        Xor = 12, "^", "__xor__";
        InplaceAdd = 13, "+=", "__iadd__";
        InplaceAnd = 14, "&=", "__iand__";
        InplaceFloorDivide = 15, "//=", "__ifloordiv__";
        InplaceLshift = 16, "<<=", "__ilshift__";
        InplaceMatrixMultiply = 17, "@=", "__imatmul__";
        InplaceMultiply = 18, "*=", "__imul__";
        InplaceRemainder = 19, "%=", "__imod__";
        InplaceOr = 20, "|=", "__ior__";
        InplacePower = 21, "**=", "__ipow__";
        InplaceRshift = 22, ">>=", "__irshift__";
        InplaceSubtract = 23, "-=", "__isub__";
        InplaceTrueDivide = 24, "/=", "__itruediv__";
        InplaceXor = 25, "^=", "__ixor__";
    }
}

impl BinaryOperator {
    /// For an in-place operator, the plain operator it falls back to; otherwise itself.
    pub fn non_inplace(self) -> BinaryOperator {
        let v = self as u8;
        if v >= 13 {
            BinaryOperator::from_arg(u32::from(v - 13)).unwrap_or(self)
        } else {
            self
        }
    }

    /// True for `+=` and friends.
    pub fn is_inplace(self) -> bool {
        (self as u8) >= 13
    }

    /// The reflected special method (`__radd__`); for in-place operators, that of the plain one.
    pub fn reflected_dunder(self) -> &'static str {
        match self.non_inplace() {
            BinaryOperator::Add => "__radd__",
            BinaryOperator::And => "__rand__",
            BinaryOperator::FloorDivide => "__rfloordiv__",
            BinaryOperator::Lshift => "__rlshift__",
            BinaryOperator::MatrixMultiply => "__rmatmul__",
            BinaryOperator::Multiply => "__rmul__",
            BinaryOperator::Remainder => "__rmod__",
            BinaryOperator::Or => "__ror__",
            BinaryOperator::Power => "__rpow__",
            BinaryOperator::Rshift => "__rrshift__",
            BinaryOperator::Subtract => "__rsub__",
            BinaryOperator::TrueDivide => "__rtruediv__",
            BinaryOperator::Xor => "__rxor__",
            _ => unreachable!("non_inplace returns a plain operator"),
        }
    }
}

simple_enum_table! {
    /// `COMPARE_OP` operator codes, numbered as CPython's `Py_LT` ... `Py_GE`.
    ComparisonOperator {
        Less = 0, "<", "__lt__";
        LessEqual = 1, "<=", "__le__";
        Equal = 2, "==", "__eq__";
        NotEqual = 3, "!=", "__ne__";
        Greater = 4, ">", "__gt__";
        GreaterEqual = 5, ">=", "__ge__";
    }
}

impl ComparisonOperator {
    /// The operator with its operands swapped (`a < b` is `b > a`), for reflected calls.
    pub fn swapped(self) -> ComparisonOperator {
        match self {
            ComparisonOperator::Less => ComparisonOperator::Greater,
            ComparisonOperator::LessEqual => ComparisonOperator::GreaterEqual,
            ComparisonOperator::Equal => ComparisonOperator::Equal,
            ComparisonOperator::NotEqual => ComparisonOperator::NotEqual,
            ComparisonOperator::Greater => ComparisonOperator::Less,
            ComparisonOperator::GreaterEqual => ComparisonOperator::LessEqual,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specialized_forms_map_to_generic_bases() {
        let mut names = std::collections::HashSet::new();
        for op in Opcode::ALL {
            assert!(names.insert(op.name()), "duplicate name {}", op.name());
            assert!(!op.base().is_specialized(), "{} has a specialized base", op.name());
            assert_eq!(op.arg_kind(), op.base().arg_kind());
            if op.is_specialized() {
                assert!(
                    op.name().starts_with(op.base().name()),
                    "{} vs {}",
                    op.name(),
                    op.base().name()
                );
            } else {
                assert_eq!(op.base(), *op);
            }
        }
        assert_eq!(Opcode::COUNT, Opcode::ALL.len());
        assert!(matches!(Opcode::LoadAttrSlot, specialized_opcodes!()));
        assert!(!matches!(Opcode::LoadAttr, specialized_opcodes!()));
    }
}
