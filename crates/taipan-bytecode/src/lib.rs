//! taipan's bytecode: the opcode table, code objects and a disassembler.
//!
//! This crate is shared by the compiler (which produces [`CodeObject`]s) and the
//! interpreter (which runs them). It knows nothing of run-time values.

mod code;
mod dis;
mod opcode;
pub mod surrogate;

pub use code::{CodeObject, Constant, ExceptionTableEntry, Position, flags};
pub use dis::{arg_meaning, disassemble, instruction_text};
pub use opcode::{ArgKind, BinaryOperator, ComparisonOperator, Instruction, Opcode};
