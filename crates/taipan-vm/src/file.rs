//! File objects returned by `open()`: text and binary modes over `std::fs::File`.

/// The state of an open file.
pub struct FileState {
    /// The name given to `open()`.
    pub name: String,
    /// The mode string (`"r"`, `"wb"`, ...).
    pub mode: String,
    /// The underlying file, `None` once closed.
    pub file: Option<std::fs::File>,
    /// Read buffer for text iteration / readline.
    pub buffer: Vec<u8>,
    /// True for binary mode.
    pub binary: bool,
}

/// `repr()` of a file object, as CPython's `_io.TextIOWrapper` / `BufferedReader`.
pub fn file_repr(f: &FileState) -> String {
    if f.binary {
        format!("<_io.BufferedReader name='{}'>", f.name)
    } else {
        format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='UTF-8'>", f.name, f.mode)
    }
}
