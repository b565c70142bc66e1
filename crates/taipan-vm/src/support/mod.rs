//! Pure support code with no dependency on the object model: number formatting and
//! parsing, Python int arithmetic, CPython-compatible hashes, hash tables and str
//! algorithms. Each module documents the CPython behaviour it reproduces.

pub mod dicttable;
pub mod float_ops;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod int;
pub mod mathfn;
pub mod percent;
pub mod radix;
pub mod settable;
pub mod strmethods;
pub mod strrepr;
