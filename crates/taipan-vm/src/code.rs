//! The interpreter's view of a code object: the compiler's [`CodeObject`] plus its
//! constants and names converted once into run-time values, the mutable copy of the
//! instructions the interpreter runs and rewrites in place (superinstructions, specialized
//! forms: `crate::interp::quick`), and one inline-cache slot per instruction beside it
//! (`crate::interp::specialize`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use taipan_bytecode::{CodeObject, Constant, Instruction, Opcode, flags};

use crate::interp::specialize::Slot;
use crate::value::Value;
use crate::vm::Vm;

/// A code object ready to run.
pub struct Code {
    /// The compiler's output.
    pub raw: Rc<CodeObject>,
    /// `constants` as values (nested code objects become `ObjKind::Code` values).
    pub consts: Vec<Value>,
    /// `names` as interned str values.
    pub names: Vec<Value>,
    /// `varnames ++ cellvars ++ freevars` as interned str values (for keyword binding, `locals()`).
    pub local_names: Vec<Value>,
    /// Number of local slots (`varnames.len() + cellvars.len() + freevars.len()`).
    pub nlocalsplus: usize,
    /// The instructions the interpreter fetches: a copy of `raw.instructions` (same length,
    /// same indices and arguments) whose opcodes are rewritten in place into
    /// superinstructions and specialized forms and back (`crate::interp::quick`).
    ///
    /// Checked by [`Code::new`] ([`check_control_flow`]): not empty, the last instruction
    /// never falls through, and every jump target and exception handler is an index
    /// inside; the dispatch loop fetches without a bounds check on that basis.
    pub instrs: Box<[Cell<Instruction>]>,
    /// One inline-cache slot per instruction (same length as `raw.instructions`).
    pub caches: Box<[RefCell<Slot>]>,
    /// Per instruction, the dict position a `LOAD_GLOBAL_MODULE` reads (written when the
    /// module entry is installed). Read without borrowing the cache slot: the hit checks
    /// the key stored there by identity, so a stale position only makes it miss.
    pub global_hints: Box<[Cell<u32>]>,
    /// Hotness counter: function entries plus loop back-edges taken (saturating).
    pub hotness: Cell<u32>,
    /// `Some(n)` when a call with exactly `n` positional arguments and no keywords can bind
    /// by copying them into the first local slots: no `*args`/`**kwargs`, no keyword-only
    /// parameters, no cell variables, not a generator (see `Vm::call_function_fast`).
    pub fast_argcount: Option<usize>,
    /// True when a call runs the body to its `return`: neither a generator nor a coroutine
    /// (such calls may run inside the caller's dispatch loop, see `crate::interp`).
    pub runs_to_return: bool,
    /// For zero-argument `super()`: the local slot of the `__class__` free variable, when
    /// this is a function's code with at least one positional parameter and the first one
    /// is not a cell (then the super object is built from the cell and local 0 directly;
    /// see `Vm::super_fast`). `None`: the generic call prepares a frame context.
    pub super_cell: Option<usize>,
    /// `__doc__` of the functions made from this code (the docstring, one str object for
    /// all of them as CPython's `co_consts[0]`, or None).
    pub doc: Value,
    /// The trace JIT's per-loop state (back-edge counters, compiled traces; `crate::jit`).
    pub loops: crate::jit::CodeLoops,
    /// The trace JIT's function-entry state (call counter, function trace; `jit_func.rs`).
    pub fjit: crate::jit::FuncJit,
    /// The Python `code` object of this code while one is alive (see [`code_value`]); weak,
    /// so that the code does not keep its own object alive (an `Rc` cycle).
    pyobj: RefCell<std::rc::Weak<crate::object::Object>>,
}

/// The Python `code` object for `code`: the same object as long as one is alive, so that
/// `f.__code__ is f.__code__` and `f.__code__ is outer.__code__.co_consts[k]` hold, as in
/// CPython where a function holds its code object (a new object is made only when none is
/// alive).
pub fn code_value(vm: &Vm, code: &Rc<Code>) -> Value {
    if let Some(o) = code.pyobj.borrow().upgrade() {
        return Value::Obj(o);
    }
    let v = Value::new_obj(&vm.types.code, crate::object::ObjKind::Code(code.clone()));
    if let Value::Obj(o) = &v {
        *code.pyobj.borrow_mut() = Rc::downgrade(o);
    }
    v
}

impl Code {
    /// `names[i]` without a bounds check, for the hit paths of the dispatch loop.
    ///
    /// # Safety
    ///
    /// `i` is the argument of an instruction of this code whose opcode is `LOAD_GLOBAL`,
    /// `LOAD_ATTR`, `LOAD_METHOD` or `STORE_ATTR` or one of their specialized forms (the
    /// rewritten copy keeps each instruction's argument and base opcode): [`Code::new`]
    /// checked those arguments against `raw.names`, which `names` has the length of.
    #[inline(always)]
    pub unsafe fn name_unchecked(&self, i: usize) -> &Value {
        debug_assert!(i < self.names.len(), "name index {i} out of range");
        // SAFETY: `i < names.len()` (this function's contract)
        unsafe { self.names.get_unchecked(i) }
    }

    /// Converts a compiled code object (recursively) for `vm`.
    pub fn new(vm: &mut Vm, raw: Rc<CodeObject>) -> Rc<Code> {
        let consts = raw.constants.iter().map(|c| vm.constant_value(c)).collect();
        let names = raw.names.iter().map(|n| vm.intern(n)).collect();
        let local_names = raw
            .varnames
            .iter()
            .chain(raw.cellvars.iter())
            .chain(raw.freevars.iter())
            .map(|n| vm.intern(n))
            .collect::<Vec<_>>();
        let nlocalsplus = local_names.len();
        let complex_flags = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE;
        let fast_argcount = (raw.flags & complex_flags == 0 && raw.kwonly_arg_count == 0 && raw.cellvars.is_empty())
            .then_some(raw.arg_count as usize);
        let runs_to_return = raw.flags & (flags::GENERATOR | flags::COROUTINE) == 0;
        let warmup = vm.spec.warmup;
        let caches = raw
            .instructions
            .iter()
            .map(|_| RefCell::new(Slot::new(warmup)))
            .collect();
        let global_hints = raw.instructions.iter().map(|_| Cell::new(0)).collect();
        if let Err(msg) = check_control_flow(&raw) {
            // (the assembler rejects such code: control falling off the end, a jump to
            // an unbound label; see `taipan_compiler::assemble`)
            panic!("internal error: code object {}: {msg}", raw.qualname);
        }
        let instrs = crate::interp::quick::superinstructions(&raw.instructions);
        let loops = crate::jit::CodeLoops::new(&raw.instructions);
        let super_cell = raw
            .freevars
            .iter()
            .position(|n| &**n == "__class__")
            .filter(|_| raw.flags & flags::OPTIMIZED != 0 && raw.arg_count > 0 && !raw.cell2arg.contains(&Some(0)))
            .map(|i| raw.varnames.len() + raw.cellvars.len() + i);
        let doc = raw.doc.as_ref().map(|d| vm.new_str(&**d)).unwrap_or(Value::None);
        Rc::new(Code {
            instrs,
            raw,
            consts,
            names,
            local_names,
            nlocalsplus,
            caches,
            global_hints,
            hotness: Cell::new(0),
            fast_argcount,
            runs_to_return,
            super_cell,
            doc,
            loops,
            fjit: crate::jit::FuncJit::default(),
            pyobj: RefCell::new(std::rc::Weak::new()),
        })
    }
}

/// Checks what the dispatch loop's unchecked instruction fetch relies on: `raw` has at
/// least one instruction, its last one never falls through to the next (`JUMP`,
/// `RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE`: the assembler's terminal instructions), and
/// every jump argument and exception-table target is an instruction index of `raw`. Then
/// every instruction index the loop reaches is in range: falling through from a
/// non-terminal instruction (or from a superinstruction, whose fused halves are all
/// non-terminal, or from a compare-and-branch form, which consumes a conditional jump),
/// a jump, a handler, a frame's start (0) or a resume point after a `YIELD_VALUE` or a
/// call. It also checks that the name argument of every `LOAD_GLOBAL`, `LOAD_ATTR`,
/// `LOAD_METHOD` and `STORE_ATTR` is an index of `raw.names` ([`Code::name_unchecked`]).
/// `Err` describes the first violation.
pub fn check_control_flow(raw: &CodeObject) -> Result<(), String> {
    let len = raw.instructions.len();
    let Some(last) = raw.instructions.last() else {
        return Err("no instructions".to_string());
    };
    if !matches!(
        last.op.base(),
        Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
    ) {
        return Err(format!("the last instruction ({:?}) falls through", last.op));
    }
    for (i, ins) in raw.instructions.iter().enumerate() {
        if ins.op.is_jump() && ins.arg as usize >= len {
            return Err(format!("instruction {i} jumps to {} of {len}", ins.arg));
        }
    }
    for e in &raw.exception_table {
        if e.target as usize >= len {
            return Err(format!("a handler at {} of {len}", e.target));
        }
    }
    // (for `Code::name_unchecked`)
    for (i, ins) in raw.instructions.iter().enumerate() {
        if matches!(
            ins.op.base(),
            Opcode::LoadGlobal | Opcode::LoadAttr | Opcode::LoadMethod | Opcode::StoreAttr
        ) && ins.arg as usize >= raw.names.len()
        {
            return Err(format!("instruction {i} names {} of {}", ins.arg, raw.names.len()));
        }
    }
    Ok(())
}

impl Vm {
    /// Converts one constant into a value.
    pub fn constant_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => self.new_bigint(b.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex(re, im) => crate::builtins::complex::complex_value(self, *re, *im),
            Constant::Str(s) => self.intern(s),
            Constant::Bytes(b) => self.new_bytes(b.to_vec()),
            Constant::Tuple(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.constant_value(c)).collect();
                self.new_tuple(v)
            }
            Constant::FrozenSet(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.constant_value(c)).collect();
                crate::builtins::set::frozenset_constant(self, v).unwrap_or(Value::None)
            }
            Constant::Code(code) => {
                let c = Code::new(self, code.clone());
                code_value(self, &c)
            }
            Constant::Ellipsis => self.ellipsis.clone(),
        }
    }
}
