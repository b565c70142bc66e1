//! Assembler: the code generator's instruction list → final instructions, positions,
//! exception table and maximum stack depth.
//!
//! Input ([`IrCode`]): instructions whose jump targets are [`Label`]s, each tagged with the
//! innermost active exception handler, plus zero-width `Setup` markers where a handler
//! becomes active (CPython's `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH` pseudo-ops).
//!
//! Algorithm (CPython 3.11's `stackdepth` + `label_exception_targets` + dead-block removal,
//! on a flat list instead of basic blocks):
//! 1. A worklist walk from instruction 0 computes the stack depth before every reachable
//!    instruction, following fall-through, jump targets and, at each `Setup` marker, the
//!    handler entry (depth at the marker + `adjust`, plus the pushed exception). The
//!    handler's recorded depth is that depth. A depth that differs between two paths, a
//!    negative depth or a fall-through past the end is an internal error.
//! 2. Unreachable instructions and markers are dropped; labels map to the next kept
//!    instruction.
//! 3. Consecutive kept instructions with the same handler form one exception-table row.
//!
//! There is no `lasti` in taipan: a handler entry pushes only the exception.

use taipan_bytecode::{ExceptionTableEntry, Instruction, Opcode, Position};

/// A jump target inside one code unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

/// One instruction (or marker) of the code generator's output.
#[derive(Clone, Debug)]
pub enum Ir {
    /// A real instruction; `target` is set for jumps (then `arg` is ignored).
    Op {
        /// The opcode.
        op: Opcode,
        /// Its argument.
        arg: u32,
        /// Jump target, for jump opcodes.
        target: Option<Label>,
        /// Source position.
        pos: Position,
        /// Innermost active handler (index into `IrCode::handlers`).
        handler: Option<u32>,
    },
    /// Handler `0` becomes active here (zero-width).
    Setup(u32),
}

/// An exception handler: where to jump and how the depth relates to the `Setup` point.
#[derive(Clone, Debug)]
pub struct Handler {
    /// The handler's first instruction.
    pub target: Label,
    /// Added to the depth at the `Setup` marker to get the table depth (`-1` for `with`,
    /// whose `__enter__` result is not kept).
    pub adjust: i32,
}

/// Everything the assembler needs from one code unit.
pub struct IrCode<'a> {
    /// Instructions and markers.
    pub code: &'a [Ir],
    /// For each label, the index in `code` it is bound to.
    pub labels: &'a [Option<usize>],
    /// Handlers.
    pub handlers: &'a [Handler],
}

/// The assembled parts of a code object.
pub struct Assembled {
    /// Final instructions.
    pub instructions: Vec<Instruction>,
    /// One position per instruction.
    pub positions: Vec<Position>,
    /// Exception table.
    pub exception_table: Vec<ExceptionTableEntry>,
    /// Maximum operand stack depth.
    pub max_stack: u32,
}

/// Stack effect of `op` with argument `arg`: (fall-through, when jumping).
pub fn stack_effect(op: Opcode, arg: u32) -> (i32, i32) {
    use Opcode::*;
    let n = i32::try_from(arg).unwrap_or(i32::MAX / 4);
    let e = match op {
        Nop | LoopEntry | Swap | DeleteFast | DeleteName | DeleteGlobal | DeleteDeref | LoadAttr | UnaryPositive
        | UnaryNegative | UnaryNot | UnaryInvert | ListToTuple | GetIter | Jump | YieldValue | GetYieldFromIter
        | CheckExcMatch | SetupAnnotations => 0,
        PopTop | StoreFast | StoreName | StoreGlobal | StoreDeref | DeleteAttr | BinarySubscr | BinaryOp
        | CompareOp | IsOp | ContainsOp | ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | DictMerge
        | PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone | ReturnValue | Reraise | PopExcept
        | ImportName | ImportStar => -1,
        Copy | LoadConst | LoadFast | LoadName | LoadGlobal | LoadDeref | LoadClassDeref | LoadClosure
        | PushExcInfo | LoadAssertionError | BeforeWith | WithExceptStart | LoadBuildClass | ImportFrom => 1,
        StoreAttr | MapAdd | DeleteSubscr => -2,
        StoreSubscr => -3,
        BuildSlice => 1 - n,
        BuildTuple | BuildList | BuildSet | BuildString => 1 - n,
        BuildMap => 1 - 2 * n,
        FormatValue => {
            if arg & 4 != 0 {
                -1
            } else {
                0
            }
        }
        UnpackSequence => n - 1,
        UnpackEx => (n & 0xff) + (n >> 8),
        ForIter => return (1, -1),
        JumpIfFalseOrPop | JumpIfTrueOrPop => return (-1, 0),
        Call => -n,
        CallKw => -n - 1,
        CallEx => -1 - (n & 1),
        LoadMethod => 1,
        CallMethod => -n - 1,
        MakeFunction => -((arg & 0xf).count_ones() as i32),
        MakeGenexpr => -n - 1,
        Send => return (0, -1),
        RaiseVarargs => -n,
        // run-time forms (never emitted by the compiler): those of their generic opcode
        taipan_bytecode::specialized_opcodes!() => return stack_effect(op.base(), arg),
    };
    (e, e)
}

/// True if control never falls through to the next instruction.
fn is_terminal(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
    )
}

/// Assembles `ir`; `Err` carries an internal-error description.
pub fn assemble(ir: &IrCode<'_>) -> Result<Assembled, String> {
    let len = ir.code.len();
    let label_index = |l: Label| -> Result<usize, String> {
        ir.labels
            .get(l.0 as usize)
            .copied()
            .flatten()
            .ok_or_else(|| format!("unbound label {}", l.0))
    };
    let mut depth: Vec<Option<i32>> = vec![None; len];
    let mut handler_depth: Vec<Option<i32>> = vec![None; ir.handlers.len()];
    let mut max_stack: i32 = 0;
    let mut work: Vec<usize> = Vec::new();
    let visit = |idx: usize, d: i32, depth: &mut Vec<Option<i32>>, work: &mut Vec<usize>| -> Result<(), String> {
        if d < 0 {
            return Err(format!("negative stack depth at {idx}"));
        }
        match depth.get(idx) {
            None => Err(format!("control falls off the end of the code (at {idx})")),
            Some(Some(old)) if *old != d => Err(format!("inconsistent stack depth at {idx}: {old} vs {d}")),
            Some(Some(_)) => Ok(()),
            Some(None) => {
                depth[idx] = Some(d);
                work.push(idx);
                Ok(())
            }
        }
    };
    if len > 0 {
        visit(0, 0, &mut depth, &mut work)?;
    }
    while let Some(i) = work.pop() {
        let d = depth[i].unwrap_or(0);
        max_stack = max_stack.max(d);
        match &ir.code[i] {
            Ir::Setup(h) => {
                let h = *h as usize;
                let handler = ir.handlers.get(h).ok_or("bad handler index")?;
                let hd = d + handler.adjust;
                match handler_depth[h] {
                    Some(old) if old != hd => return Err(format!("handler {h} depth {old} vs {hd}")),
                    _ => handler_depth[h] = Some(hd),
                }
                max_stack = max_stack.max(hd + 1);
                visit(label_index(handler.target)?, hd + 1, &mut depth, &mut work)?;
                visit(i + 1, d, &mut depth, &mut work)?;
            }
            Ir::Op { op, arg, target, .. } => {
                let (fall, jump) = stack_effect(*op, *arg);
                if let Some(t) = target {
                    max_stack = max_stack.max(d + jump);
                    visit(label_index(*t)?, d + jump, &mut depth, &mut work)?;
                }
                if !is_terminal(*op) {
                    max_stack = max_stack.max(d + fall);
                    visit(i + 1, d + fall, &mut depth, &mut work)?;
                }
            }
        }
    }
    // Final index of every kept instruction; `next_kept[i]` = final index of the first kept
    // instruction at or after `i`.
    let mut final_index: Vec<Option<u32>> = vec![None; len];
    let mut count: u32 = 0;
    for i in 0..len {
        if depth[i].is_some() && matches!(ir.code[i], Ir::Op { .. }) {
            final_index[i] = Some(count);
            count += 1;
        }
    }
    let mut next_kept: Vec<Option<u32>> = vec![None; len + 1];
    for i in (0..len).rev() {
        next_kept[i] = final_index[i].or(next_kept[i + 1]);
    }
    let resolve = |l: Label| -> Result<u32, String> {
        let idx = label_index(l)?;
        next_kept
            .get(idx)
            .copied()
            .flatten()
            .ok_or_else(|| format!("label {} has no instruction", l.0))
    };
    let mut instructions = Vec::with_capacity(count as usize);
    let mut positions = Vec::with_capacity(count as usize);
    let mut exception_table: Vec<ExceptionTableEntry> = Vec::new();
    let mut current: Option<(u32, u32)> = None; // (handler, start)
    let flush =
        |current: &mut Option<(u32, u32)>, end: u32, table: &mut Vec<ExceptionTableEntry>| -> Result<(), String> {
            if let Some((h, start)) = current.take() {
                let handler = ir.handlers.get(h as usize).ok_or("bad handler index")?;
                let depth = handler_depth[h as usize].ok_or("handler without depth")?;
                table.push(ExceptionTableEntry {
                    start,
                    end,
                    target: resolve(handler.target)?,
                    depth: u32::try_from(depth).map_err(|_| "negative handler depth")?,
                });
            }
            Ok(())
        };
    for i in 0..len {
        let Some(fi) = final_index[i] else { continue };
        let Ir::Op {
            op,
            arg,
            target,
            pos,
            handler,
        } = &ir.code[i]
        else {
            continue;
        };
        let arg = match target {
            Some(t) => resolve(*t)?,
            None => *arg,
        };
        instructions.push(Instruction::new(*op, arg));
        positions.push(*pos);
        if current.map(|c| c.0) != *handler {
            flush(&mut current, fi, &mut exception_table)?;
            if let Some(h) = handler {
                current = Some((*h, fi));
            }
        }
    }
    flush(&mut current, count, &mut exception_table)?;
    Ok(Assembled {
        instructions,
        positions,
        exception_table,
        max_stack: u32::try_from(max_stack).unwrap_or(0),
    })
}
