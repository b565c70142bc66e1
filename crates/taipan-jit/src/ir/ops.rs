//! The op table: every IR micro-op declared once, with everything the other stages derive.
//!
//! Each row of `define_ops!` gives the op's Rust name, its text name, the kinds of its value
//! operands ([`Kind`]), the kind of its immediate ([`ImmKind`]), its result rule ([`Res`]),
//! its effect ([`Effect`]), whether it can exit the trace (then it takes a snapshot) and its
//! documentation. The [`Op`] enum, [`Op::name`], [`Op::from_name`], [`Op::info`] and
//! [`Op::ALL`] are generated from it; the printer, parser and verifier are driven by
//! [`OpInfo`] and have no per-op arms except `call` (variadic) and `param` (signature only).
//!
//! Semantics follow the LuaJIT IR (overflow-checked arithmetic as guards, snapshots per
//! exit) and PyPy's resoperations (`int_add_ovf` + guard style), restated for taipan:
//! plain int arithmetic wraps (the recorder emits it only where overflow cannot happen);
//! `_ov` arithmetic exits on overflow, and the interpreter then re-executes the bytecode
//! with Python's arbitrary-precision result. Shift amounts are taken modulo 64 (`& 63`).
//! Float arithmetic is IEEE-754 (a Python `ZeroDivisionError` is a guard the recorder emits
//! before `float_div`).

/// The kind of one value operand.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// An `i64` value.
    I64,
    /// An `f64` value.
    F64,
    /// A `bool` value.
    Bool,
    /// A `ptr` value.
    Ptr,
    /// Any non-void value; all `Any` operands of one instruction have the same type.
    Any,
}

/// The kind of an op's immediate operand.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ImmKind {
    /// None.
    None,
    /// An `i64` literal.
    Int,
    /// An `f64` literal.
    Float,
    /// `true` / `false`.
    Bool,
    /// A machine word (text: hex `0x...`).
    Word,
    /// A frame slot index (text: a decimal after the base operand).
    Slot,
    /// A tag name (`none`, `bool`, `int`, `float`, `obj`).
    Tag,
    /// A parameter index (the `param` op; signature only).
    Param,
    /// A helper (`call @name(...) -> ty effect`).
    Callee,
    /// Another trace of the module (`link @name(...)`).
    Trace,
}

/// How an op's result type is determined.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Res {
    /// No result.
    Void,
    /// Always `i64`.
    I64,
    /// Always `f64`.
    F64,
    /// Always `bool`.
    Bool,
    /// Always `ptr`.
    Ptr,
    /// The type of the first operand (`phi`).
    Arg0,
    /// Declared in the text (parameter types, a call's `-> ty`).
    Declared,
}

/// What an op does besides computing its result.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Effect {
    /// Nothing: the result depends only on the operands (may still exit, see `can_exit`).
    Pure,
    /// Reads memory (frame slots).
    Reads,
    /// Writes memory (frame slots).
    Writes,
    /// Declared at the call site ([`crate::ir::CallEffect`]).
    Call,
    /// Control flow (`loop`, `jump`, `ret`, `exit`, `link`): never moved or removed.
    Control,
}

/// Everything the table says about one op.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    /// The text name.
    pub name: &'static str,
    /// Value operand kinds (empty for `call` and `link`, whose operands are variadic).
    pub args: &'static [Kind],
    /// The immediate's kind.
    pub imm: ImmKind,
    /// The result rule.
    pub res: Res,
    /// The effect.
    pub effect: Effect,
    /// Whether the op can leave the trace (then it names a snapshot).
    pub can_exit: bool,
    /// Whether the result is *owned*: the trace holds one strong count on the object it
    /// names and must consume it exactly once on every path (`obj_release`, or an exit that
    /// lists it; see `docs/decisions/owned-references-in-traces.md`). `call` declares it
    /// per call site instead (`-> own ptr`, [`crate::ir::Callee::owns`]).
    pub owns_result: bool,
    /// The documentation line from the table.
    pub doc: &'static str,
}

macro_rules! define_ops {
    ($( $(#[doc = $doc:literal])+ $name:ident $text:literal ( $($k:ident),* ) $imm:ident
        -> $res:ident, $eff:ident, $exit:literal $(, $own:ident)?; )*) => {
        /// An IR operation. See the module docs and each variant for semantics.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Op {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl Op {
            /// Every op, in table order.
            pub const ALL: &'static [Op] = &[ $( Op::$name, )* ];

            /// The table row of this op.
            pub fn info(self) -> &'static OpInfo {
                match self {
                    $( Op::$name => &OpInfo {
                        name: $text,
                        args: &[ $( Kind::$k, )* ],
                        imm: ImmKind::$imm,
                        res: Res::$res,
                        effect: Effect::$eff,
                        can_exit: $exit,
                        owns_result: define_ops!(@own $($own)?),
                        doc: concat!($($doc),+),
                    }, )*
                }
            }

            /// The text name.
            pub fn name(self) -> &'static str {
                self.info().name
            }

            /// The op whose text name is `s`, if any.
            pub fn from_name(s: &str) -> Option<Op> {
                match s {
                    $( $text => Some(Op::$name), )*
                    _ => None,
                }
            }
        }
    };
    (@own own) => { true };
    (@own) => { false };
}

define_ops! {
    /// A function parameter (its index is the immediate); printed in the signature only.
    Param "param" () Param -> Declared, Pure, false;
    /// An `i64` constant.
    ConstI64 "const_i64" () Int -> I64, Pure, false;
    /// An `f64` constant (printed in Rust's shortest round-trip form; `NaN`, `inf`).
    ConstF64 "const_f64" () Float -> F64, Pure, false;
    /// A `bool` constant.
    ConstBool "const_bool" () Bool -> Bool, Pure, false;
    /// A machine-word constant (an address known when the trace is recorded).
    ConstPtr "const_ptr" () Word -> Ptr, Pure, false;
    /// No value yet: the entry operand of the `phi` of a local the loop assigns before it
    /// reads it (*dead at the entry*: no entry load, no entry guard; `record/close.rs`). Only
    /// a `phi`'s entry operand and snapshot entries may use it; a snapshot entry whose value
    /// is an `undef_*` restores nothing (the frame keeps what it holds), and peeling drops
    /// such entries from the peeled iteration (`opt/peel.rs`). Never reaches the backend.
    UndefI64 "undef_i64" () None -> I64, Pure, false;
    /// As `undef_i64`, of type `f64`.
    UndefF64 "undef_f64" () None -> F64, Pure, false;
    /// As `undef_i64`, of type `bool`.
    UndefBool "undef_bool" () None -> Bool, Pure, false;

    /// `a + b`, wrapping (only where overflow is impossible).
    IntAdd "int_add" (I64, I64) None -> I64, Pure, false;
    /// `a - b`, wrapping.
    IntSub "int_sub" (I64, I64) None -> I64, Pure, false;
    /// `a * b`, wrapping.
    IntMul "int_mul" (I64, I64) None -> I64, Pure, false;
    /// `-a`, wrapping.
    IntNeg "int_neg" (I64) None -> I64, Pure, false;
    /// `a + b`; exits if it overflows `i64`.
    IntAddOv "int_add_ov" (I64, I64) None -> I64, Pure, true;
    /// `a - b`; exits if it overflows `i64`.
    IntSubOv "int_sub_ov" (I64, I64) None -> I64, Pure, true;
    /// `a * b`; exits if it overflows `i64`.
    IntMulOv "int_mul_ov" (I64, I64) None -> I64, Pure, true;
    /// Python's `a // b` (rounds toward negative infinity); exits if `b == 0` or it overflows.
    IntFloorDiv "int_floordiv" (I64, I64) None -> I64, Pure, true;
    /// Python's `a % b` (sign of `b`); exits if `b == 0`.
    IntMod "int_mod" (I64, I64) None -> I64, Pure, true;
    /// Bitwise `a & b`.
    IntAnd "int_and" (I64, I64) None -> I64, Pure, false;
    /// Bitwise `a | b`.
    IntOr "int_or" (I64, I64) None -> I64, Pure, false;
    /// Bitwise `a ^ b`.
    IntXor "int_xor" (I64, I64) None -> I64, Pure, false;
    /// `a << (b & 63)`, wrapping.
    IntShl "int_shl" (I64, I64) None -> I64, Pure, false;
    /// `a >> (b & 63)`, arithmetic (sign-filling).
    IntShr "int_shr" (I64, I64) None -> I64, Pure, false;
    /// `a == b` on `i64`.
    IntEq "int_eq" (I64, I64) None -> Bool, Pure, false;
    /// `a != b` on `i64`.
    IntNe "int_ne" (I64, I64) None -> Bool, Pure, false;
    /// `a < b` on `i64` (signed).
    IntLt "int_lt" (I64, I64) None -> Bool, Pure, false;
    /// `a <= b` on `i64`.
    IntLe "int_le" (I64, I64) None -> Bool, Pure, false;
    /// `a > b` on `i64`.
    IntGt "int_gt" (I64, I64) None -> Bool, Pure, false;
    /// `a >= b` on `i64`.
    IntGe "int_ge" (I64, I64) None -> Bool, Pure, false;

    /// `a + b` (IEEE-754).
    FloatAdd "float_add" (F64, F64) None -> F64, Pure, false;
    /// `a - b`.
    FloatSub "float_sub" (F64, F64) None -> F64, Pure, false;
    /// `a * b`.
    FloatMul "float_mul" (F64, F64) None -> F64, Pure, false;
    /// `a / b` (IEEE: division by zero gives an infinity or NaN).
    FloatDiv "float_div" (F64, F64) None -> F64, Pure, false;
    /// `-a` (flips the sign bit).
    FloatNeg "float_neg" (F64) None -> F64, Pure, false;
    /// `a == b` (false if either is NaN).
    FloatEq "float_eq" (F64, F64) None -> Bool, Pure, false;
    /// `a != b` (true if either is NaN).
    FloatNe "float_ne" (F64, F64) None -> Bool, Pure, false;
    /// `a < b`.
    FloatLt "float_lt" (F64, F64) None -> Bool, Pure, false;
    /// `a <= b`.
    FloatLe "float_le" (F64, F64) None -> Bool, Pure, false;
    /// `a > b`.
    FloatGt "float_gt" (F64, F64) None -> Bool, Pure, false;
    /// `a >= b`.
    FloatGe "float_ge" (F64, F64) None -> Bool, Pure, false;
    /// The `f64` nearest to `a` (round half to even, as Python's `float(int)`).
    IntToFloat "int_to_float" (I64) None -> F64, Pure, false;
    /// The square root of `a` (IEEE-754, correctly rounded: `sqrt(-0.0) = -0.0`, NaN for
    /// negative `a`; the recorder guards `a` not negative first, where `math.sqrt` raises).
    FloatSqrt "float_sqrt" (F64) None -> F64, Pure, false;
    /// `a ** b` by the C library's `pow` (as CPython's `float_pow` computes it once its
    /// special cases are out of the way; the recorder guards `a > 0` before and a finite
    /// result after, where Python returns a complex number or raises).
    FloatPow "float_pow" (F64, F64) None -> F64, Pure, false;
    /// `|a|` (clears the sign bit; Python's `abs(float)`).
    FloatAbs "float_abs" (F64) None -> F64, Pure, false;
    /// `math.sin(a)` by the C library (`ir/mathfn.rs`, the table of these ops); exits where
    /// CPython's `math.sin` raises (a NaN from a non-NaN `a`, an infinity from a finite `a`).
    FloatSin "float_sin" (F64) None -> F64, Pure, true;
    /// `math.cos(a)`; exits where it raises (as `float_sin`).
    FloatCos "float_cos" (F64) None -> F64, Pure, true;
    /// `math.tan(a)`; exits where it raises (as `float_sin`).
    FloatTan "float_tan" (F64) None -> F64, Pure, true;
    /// `math.exp(a)`; exits where it raises (as `float_sin`).
    FloatExp "float_exp" (F64) None -> F64, Pure, true;
    /// `math.log(a)`; exits where it raises (as `float_sin`).
    FloatLog "float_log" (F64) None -> F64, Pure, true;
    /// `math.log2(a)`; exits where it raises (as `float_sin`).
    FloatLog2 "float_log2" (F64) None -> F64, Pure, true;
    /// `math.log10(a)`; exits where it raises (as `float_sin`).
    FloatLog10 "float_log10" (F64) None -> F64, Pure, true;
    /// `math.atan(a)`; exits where it raises (as `float_sin`).
    FloatAtan "float_atan" (F64) None -> F64, Pure, true;
    /// `math.asin(a)`; exits where it raises (as `float_sin`).
    FloatAsin "float_asin" (F64) None -> F64, Pure, true;
    /// `math.acos(a)`; exits where it raises (as `float_sin`).
    FloatAcos "float_acos" (F64) None -> F64, Pure, true;
    /// `math.sinh(a)`; exits where it raises (as `float_sin`).
    FloatSinh "float_sinh" (F64) None -> F64, Pure, true;
    /// `math.cosh(a)`; exits where it raises (as `float_sin`).
    FloatCosh "float_cosh" (F64) None -> F64, Pure, true;
    /// `math.tanh(a)`; exits where it raises (as `float_sin`).
    FloatTanh "float_tanh" (F64) None -> F64, Pure, true;
    /// `math.expm1(a)`; exits where it raises (as `float_sin`).
    FloatExpm1 "float_expm1" (F64) None -> F64, Pure, true;
    /// `math.log1p(a)`; exits where it raises (as `float_sin`).
    FloatLog1p "float_log1p" (F64) None -> F64, Pure, true;
    /// `math.atan2(a, b)` (`ir/mathfn.rs`: C99's special values, then the C library's
    /// `atan2`; never raises, so never exits).
    FloatAtan2 "float_atan2" (F64, F64) None -> F64, Pure, false;
    /// `math.copysign(a, b)`: `a` with the sign bit of `b`.
    FloatCopysign "float_copysign" (F64, F64) None -> F64, Pure, false;
    /// `b if b < a else a` (Python's `min(a, b)` on ints).
    IntMin "int_min" (I64, I64) None -> I64, Pure, false;
    /// `b if b > a else a` (Python's `max(a, b)` on ints).
    IntMax "int_max" (I64, I64) None -> I64, Pure, false;
    /// `b if b < a else a` (Python's `min(a, b)` on floats: the first of equal items, and
    /// `a` when either is NaN, since the comparison is then false).
    FloatMin "float_min" (F64, F64) None -> F64, Pure, false;
    /// `b if b > a else a` (Python's `max(a, b)` on floats; NaN as for `float_min`).
    FloatMax "float_max" (F64, F64) None -> F64, Pure, false;

    /// Logical not.
    BoolNot "bool_not" (Bool) None -> Bool, Pure, false;
    /// `0` or `1`.
    BoolToInt "bool_to_int" (Bool) None -> I64, Pure, false;
    /// Pointer identity (`a is b`).
    PtrEq "ptr_eq" (Ptr, Ptr) None -> Bool, Pure, false;
    /// The address `a` plus the immediate, in bytes (a field inside the memory `a` points
    /// to: an instance dict entry's value from `@attr_base`, `record/attr.rs`).
    PtrAdd "ptr_add" (Ptr) Int -> Ptr, Pure, false;

    /// Exits unless the condition is true.
    GuardTrue "guard_true" (Bool) None -> Void, Pure, true;
    /// Exits unless the condition is false.
    GuardFalse "guard_false" (Bool) None -> Void, Pure, true;
    /// Exits unless the tag word (an `i64`, usually from `load_tag`) is the given tag.
    GuardTag "guard_tag" (I64) Tag -> Void, Pure, true;

    /// The tag word of slot `n` of the frame at the base.
    LoadTag "load_tag" (Ptr) Slot -> I64, Reads, false;
    /// The payload of slot `n` as an `i64` (meaningful when its tag is `int`).
    LoadInt "load_int" (Ptr) Slot -> I64, Reads, false;
    /// The payload of slot `n` as an `f64` (meaningful when its tag is `float`).
    LoadFloat "load_float" (Ptr) Slot -> F64, Reads, false;
    /// The payload's low byte of slot `n` as a `bool` (meaningful when its tag is `bool`).
    LoadBool "load_bool" (Ptr) Slot -> Bool, Reads, false;
    /// The payload of slot `n` as a `ptr` (meaningful when its tag is `obj`).
    LoadPtr "load_ptr" (Ptr) Slot -> Ptr, Reads, false;
    /// Writes `Value::Int(v)` into slot `n` (tag and payload; the old content is not dropped).
    StoreInt "store_int" (Ptr, I64) Slot -> Void, Writes, false;
    /// Writes `Value::Float(v)` into slot `n`.
    StoreFloat "store_float" (Ptr, F64) Slot -> Void, Writes, false;
    /// Writes `Value::Bool(v)` into slot `n`.
    StoreBool "store_bool" (Ptr, Bool) Slot -> Void, Writes, false;
    /// Writes `Value::None` into slot `n`.
    StoreNone "store_none" (Ptr) Slot -> Void, Writes, false;
    /// Writes an object word into slot `n` (tag `obj`; no reference is counted: how a trace
    /// that links into another hands it an object local, see `crate::record`).
    StorePtr "store_ptr" (Ptr, Ptr) Slot -> Void, Writes, false;

    /// The tag word of element `i` of the array of 16-byte slots at the base (`base + 16 * i`;
    /// a list's or tuple's items, whose address a helper returned). The recorder bounds `i`.
    LoadTagAt "load_tag_at" (Ptr, I64) None -> I64, Reads, false;
    /// The payload of element `i` as an `i64` (meaningful when its tag is `int`).
    LoadIntAt "load_int_at" (Ptr, I64) None -> I64, Reads, false;
    /// The payload of element `i` as an `f64` (meaningful when its tag is `float`).
    LoadFloatAt "load_float_at" (Ptr, I64) None -> F64, Reads, false;
    /// The payload's low byte of element `i` as a `bool` (meaningful when its tag is `bool`).
    LoadBoolAt "load_bool_at" (Ptr, I64) None -> Bool, Reads, false;
    /// The payload of element `i` as a `ptr` (an object word, when its tag is `obj`).
    LoadPtrAt "load_ptr_at" (Ptr, I64) None -> Ptr, Reads, false;
    /// Writes `Value::Int(v)` into element `i` (the old content is not dropped: the recorder
    /// guards it holds no object). Element stores never alias frame slots.
    StoreIntAt "store_int_at" (Ptr, I64, I64) None -> Void, Writes, false;
    /// Writes `Value::Float(v)` into element `i`.
    StoreFloatAt "store_float_at" (Ptr, I64, F64) None -> Void, Writes, false;
    /// Writes `Value::Bool(v)` into element `i`.
    StoreBoolAt "store_bool_at" (Ptr, I64, Bool) None -> Void, Writes, false;
    /// Writes `Value::None` into element `i`.
    StoreNoneAt "store_none_at" (Ptr, I64) None -> Void, Writes, false;
    /// `store_int_at` of an element whose tag is `int` already: writes the payload only
    /// (made by the `guards` pass, which knows the tag: `xs[i] += 1` stores no tag word).
    StoreIntKeepAt "store_int_keep_at" (Ptr, I64, I64) None -> Void, Writes, false;
    /// `store_float_at` of an element whose tag is `float` already: writes the payload only
    /// (made by the `guards` pass: `row_c[j] += aik * row_b[j]` stores no tag word).
    StoreFloatKeepAt "store_float_keep_at" (Ptr, I64, F64) None -> Void, Writes, false;

    /// Calls a runtime helper: `call @name(args) -> ty effect` (variadic operands). A helper
    /// that returns a new reference is declared `-> own ptr writes`: its result is owned.
    Call "call" () Callee -> Declared, Call, false;
    /// Takes one more strong count on the object: the result (the same word) is owned, the
    /// operand stays what it was (a borrowed word becomes an owned one). A helper call
    /// (`@obj_incref`); never moved, merged or removed (`Writes`).
    ObjIncref "obj_incref" (Ptr) None -> Ptr, Writes, false, own;
    /// Drops the count an owned value holds (frees the object at zero; taipan runs no
    /// finalizers, so no Python code runs). Consumes its operand, which must be owned and
    /// live. A helper call (`@obj_release`).
    ObjRelease "obj_release" (Ptr) None -> Void, Writes, false;

    /// The loop header: the rest of the trace repeats from here on `jump`.
    Loop "loop" () None -> Void, Control, false;
    /// At the loop header: the first operand on entry, the second after each `jump`.
    Phi "phi" (Any, Any) None -> Arg0, Pure, false;
    /// Back to the loop header (last instruction of a looping trace).
    Jump "jump" () None -> Void, Control, false;
    /// Returns a value from the trace function (last instruction).
    Ret "ret" (Any) None -> Void, Control, false;
    /// Leaves the trace unconditionally through its snapshot (last instruction).
    Exit "exit" () None -> Void, Control, true;
    /// Transfers control to the entry of trace `@name` with the operands as its parameters
    /// (variadic, like `call`): `link @loop(%0, %5)`. How a side trace goes back into a loop
    /// (last instruction; see `crate::ir`'s module doc, "Side traces and links").
    Link "link" () Trace -> Void, Control, false;
}

impl Op {
    /// Whether the op ends a trace (`jump`, `ret`, `exit`, `link`).
    pub fn is_terminator(self) -> bool {
        matches!(self, Op::Jump | Op::Ret | Op::Exit | Op::Link)
    }

    /// Whether the op is an `undef_*` (no value yet; see [`Op::UndefI64`]).
    pub fn is_undef(self) -> bool {
        matches!(self, Op::UndefI64 | Op::UndefF64 | Op::UndefBool)
    }

    /// Whether the op is a constant.
    pub fn is_const(self) -> bool {
        matches!(self, Op::ConstI64 | Op::ConstF64 | Op::ConstBool | Op::ConstPtr)
    }

    /// Whether the op is a guard (exits on a condition and has no result).
    pub fn is_guard(self) -> bool {
        matches!(self, Op::GuardTrue | Op::GuardFalse | Op::GuardTag)
    }

    /// Whether swapping the two operands gives the same result.
    pub fn is_commutative(self) -> bool {
        matches!(
            self,
            Op::IntAdd
                | Op::IntMul
                | Op::IntAddOv
                | Op::IntMulOv
                | Op::IntAnd
                | Op::IntOr
                | Op::IntXor
                | Op::IntEq
                | Op::IntNe
                | Op::FloatAdd
                | Op::FloatMul
                | Op::FloatEq
                | Op::FloatNe
                | Op::PtrEq
        )
    }

    /// For an element load or store (`load_int_at`, `store_int_at`, ...), the tag a store
    /// writes / the payload a load reads (`None` for `load_tag_at` and other ops).
    pub fn item_tag(self) -> Option<crate::ir::Tag> {
        use crate::ir::Tag;
        Some(match self {
            Op::LoadIntAt | Op::StoreIntAt | Op::StoreIntKeepAt => Tag::Int,
            Op::LoadFloatAt | Op::StoreFloatAt | Op::StoreFloatKeepAt => Tag::Float,
            Op::LoadBoolAt | Op::StoreBoolAt => Tag::Bool,
            Op::LoadPtrAt => Tag::Obj,
            Op::StoreNoneAt => Tag::None,
            _ => return None,
        })
    }

    /// For a slot load or store, the tag a store writes / the payload a load reads.
    pub fn slot_tag(self) -> Option<crate::ir::Tag> {
        use crate::ir::Tag;
        Some(match self {
            Op::LoadInt | Op::StoreInt => Tag::Int,
            Op::LoadFloat | Op::StoreFloat => Tag::Float,
            Op::LoadBool | Op::StoreBool => Tag::Bool,
            Op::LoadPtr => Tag::Obj,
            Op::StoreNone => Tag::None,
            Op::StorePtr => Tag::Obj,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for &op in Op::ALL {
            assert_eq!(Op::from_name(op.name()), Some(op));
            assert!(!op.info().doc.is_empty());
        }
        let mut names: Vec<_> = Op::ALL.iter().map(|o| o.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Op::ALL.len());
    }
}
