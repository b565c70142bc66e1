//! Compile-time warnings (CPython's `compiler_warn`: `SyntaxWarning`s such as
//! `"is" with a literal`). The code generator records them here; the caller of
//! [`crate::compile`] collects them with [`take_warnings`] and prints them the way the
//! `warnings` module would (`file:line: SyntaxWarning: message`).

use std::cell::RefCell;

/// One compile-time warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// The warning category's name (`"SyntaxWarning"`).
    pub category: &'static str,
    /// The message.
    pub message: String,
    /// The file name given to `compile`.
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
}

thread_local! {
    static PENDING: RefCell<Vec<CompileWarning>> = const { RefCell::new(Vec::new()) };
}

/// Records a warning (called by the code generator).
pub(crate) fn warn(category: &'static str, message: String, filename: &str, lineno: u32) {
    PENDING.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.push(CompileWarning {
                category,
                message,
                filename: filename.to_string(),
                lineno,
            });
        }
    });
}

/// Returns and clears the warnings recorded by compilations on this thread, oldest first.
pub fn take_warnings() -> Vec<CompileWarning> {
    PENDING.with(|p| {
        p.try_borrow_mut()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    })
}
