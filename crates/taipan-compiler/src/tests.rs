//! Unit tests: every construct compiles, stack depths balance, golden disassemblies,
//! and CPython's compile-time errors.

use super::*;

#[test]
fn smoke() {
    let code = compile("x = 1\nprint(x + 2)\n", "<test>", Mode::Exec).unwrap();
    println!("{}", taipan_bytecode::disassemble(&code));
}
