//! The dispatch loop's instruction macros (`interp.rs`): pushing locals and constants,
//! popping, the `LOAD_METHOD` hit in place and the halves of superinstructions, shared by
//! the dispatch loop and its out-of-line arms (`interp_cold.rs`).

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => return Err(stack_underflow()),
        }
    };
    ($f:ident, $ip:ident) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => {
                $f.ip = $ip;
                return Err(stack_underflow());
            }
        }
    };
}

/// `LOAD_FAST idx`: pushes local `idx` or raises UnboundLocalError.
macro_rules! load_fast {
    ($vm:ident, $f:ident, $code:ident, $idx:expr, $ip:ident) => {
        match $f.locals.get($idx) {
            Some(Some(v)) => push_clone(&mut $f.stack, v),
            _ => {
                $f.ip = $ip;
                return Err($vm.unbound_local(&$code, $idx));
            }
        }
    };
}

/// A `LOAD_METHOD` hit: `[obj]` becomes `[function, obj]`. The function is written into
/// the receiver's slot in place and the receiver moves up (a pushed fresh `Value::Obj` goes
/// through a temporary written in halves and read back whole, a store-forwarding stall on
/// every method call).
macro_rules! method_in_place {
    ($f:expr, $m:expr) => {{
        if let Some(top) = $f.stack.last_mut() {
            let obj = std::mem::replace(top, Value::Obj($m));
            $f.stack.push(obj);
        }
    }};
}

/// `LOAD_CONST idx`: pushes constant `idx`.
macro_rules! load_const {
    ($f:ident, $code:ident, $idx:expr) => {
        match $code.consts.get($idx) {
            Some(v) => push_clone(&mut $f.stack, v),
            None => $f.stack.push(Value::None),
        }
    };
}

/// The second half of a superinstruction: the next instruction's argument, with the
/// instruction index moved past it (so its errors are reported at its own index). Only in
/// the arms of superinstructions (never run by the recording instance).
macro_rules! second_half {
    ($instrs:ident, $ip:ident) => {{
        debug_assert!($ip < $instrs.len());
        // SAFETY: `$ip` is one past a superinstruction, which `quick::superinstructions`
        // writes only over an instruction that has a next one
        let a2 = unsafe { $instrs.get_unchecked($ip) }.get().arg as usize;
        $ip += 1;
        a2
    }};
}

/// The guard-failure path of a subscript superinstruction (`interp_subscr.rs`): the work
/// of its first two instructions, `LOAD_FAST arg` then `LOAD_FAST`/`LOAD_CONST` of the
/// next instruction's argument (`local` tells which), leaving the subscript to run next.
macro_rules! load_pair {
    ($vm:ident, $f:ident, $code:ident, $instrs:ident, $ip:ident, $arg:ident, $local:ident) => {
        load_fast!($vm, $f, $code, $arg, $ip);
        let a2 = second_half!($instrs, $ip);
        if $local {
            load_fast!($vm, $f, $code, a2, $ip);
        } else {
            load_const!($f, $code, a2);
        }
    };
}

/// The opcodes the dispatch loop leaves to `exec_cold` (`interp_cold.rs`), as a pattern:
/// rarely hot. Named rather than `_`: with every opcode named the dispatch match is
/// exhaustive, so its jump table needs no range check of the opcode (two instructions per
/// bytecode); a new opcode must be added here or get an arm of its own.
macro_rules! cold_opcodes {
    () => {
        Opcode::DeleteFast
            | Opcode::LoadName
            | Opcode::StoreName
            | Opcode::DeleteName
            | Opcode::StoreGlobal
            | Opcode::DeleteGlobal
            | Opcode::LoadClassDeref
            | Opcode::DeleteDeref
            | Opcode::DeleteAttr
            | Opcode::DeleteSubscr
            | Opcode::UnaryPositive
            | Opcode::UnaryInvert
            | Opcode::BuildSet
            | Opcode::BuildMap
            | Opcode::BuildString
            | Opcode::SetAdd
            | Opcode::MapAdd
            | Opcode::ListExtend
            | Opcode::SetUpdate
            | Opcode::DictUpdate
            | Opcode::DictMerge
            | Opcode::ListToTuple
            | Opcode::FormatValue
            | Opcode::UnpackEx
            | Opcode::CallEx
            | Opcode::MakeFunction
            | Opcode::MakeGenexpr
            | Opcode::GetYieldFromIter
            | Opcode::RaiseVarargs
            | Opcode::Reraise
            | Opcode::PushExcInfo
            | Opcode::PopExcept
            | Opcode::CheckExcMatch
            | Opcode::LoadAssertionError
            | Opcode::BeforeWith
            | Opcode::WithExceptStart
            | Opcode::LoadBuildClass
            | Opcode::SetupAnnotations
            | Opcode::ImportName
            | Opcode::ImportFrom
            | Opcode::ImportStar
    };
}
