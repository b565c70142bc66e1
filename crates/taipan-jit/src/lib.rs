//! taipan's tier-1 trace JIT (issue 5; design in `../shared/architecture.md`).
//!
//! Layers, bottom up: `ir` (the SSA micro-op IR: one op table, typed ids, a text form with a
//! printer and a parser that round-trip, a verifier), `opt` (one pass per file, one pipeline
//! function), `arena` (W^X executable memory), `backend` (lowering to Cranelift; exit
//! counters, bridges, links and invalidation in `backend::link`), and `record` (the
//! recorder's translation half: executed bytecode instructions in, a loop trace out; the
//! interpreter drives it).
//!
//! Tests: unit tests beside the code (including a differential fuzz test of every pass
//! against the reference evaluator, `opt::fuzz_tests`) and the text-IR filetests of
//! `tests/ir/` at the repository root (runner `tests/ir.rs`; format in `tests/ir/README.md`).

pub mod arena;
pub mod backend;
pub mod ir;
pub mod opt;
pub mod record;
