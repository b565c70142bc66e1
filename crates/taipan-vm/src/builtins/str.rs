//! The methods of `str` and the `format`, `chr` and `ord` built-in functions
//! (CPython 3.11 `Objects/unicodeobject.c`, `Python/bltinmodule.c`).
//!
//! The text algorithms live in [`crate::support::strmethods`] (pure functions
//! over `&str` counting code points); this module checks and converts the
//! arguments with CPython's exact messages, calls them, and wraps results as
//! values. Argument conventions differ between methods the way they do in
//! CPython (old `METH_VARARGS` parsing versus Argument Clinic), so the checks
//! use the [`Style`] that produces the matching message.
//!
//! Codecs (`str.encode`, `bytes.decode`): UTF-8, ASCII, Latin-1, UTF-16 and
//! UTF-32 (with or without byte order), error handlers `strict`, `ignore`,
//! `replace`, `backslashreplace`, `xmlcharrefreplace` (encoding) and
//! `surrogateescape` (decoding; this runtime's strs cannot hold lone
//! surrogates, so it substitutes U+FFFD). Decoding errors follow CPython's
//! UTF-8 decoder: each maximal invalid subsequence is one error ("invalid
//! start byte", "invalid continuation byte", "unexpected end of data").
//!
//! The dunder methods (`__add__`, `__getitem__`, comparisons...) exist so that
//! explicit calls (`"a".__add__("b")`) and user subclasses of `str` reach the
//! built-in behaviour; the VM handles exact `str` operands natively before
//! looking them up.

use std::cell::RefCell;
use std::collections::HashMap;

use taipan_bytecode::surrogate as sg;

use crate::numops::to_pyint;
use crate::object::{IterState, ObjKind};
use crate::support::strmethods as sm;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Longest str (in bytes) a method may build; longer requests raise
/// `MemoryError` instead of aborting on a failed allocation.
pub(crate) const MAX_RESULT_BYTES: usize = 1 << 32;

// ---------------------------------------------------------------------------
// Argument helpers (shared with `bytes.rs`)
// ---------------------------------------------------------------------------

/// Which CPython argument-parsing convention (and so which error messages) a
/// method uses.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Argument Clinic, positional-only: "center expected at least 1
    /// argument, got 0"; keywords: "str.center() takes no keyword arguments".
    Clinic,
    /// `PyArg_ParseTuple`: "find() takes at least 1 argument (0 given)";
    /// keywords: "str.find() takes no keyword arguments".
    Varargs,
    /// `METH_O`: "str.join() takes exactly one argument (0 given)".
    One,
    /// `METH_NOARGS`: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// A slot wrapper (`__add__`): "expected 1 argument, got 0".
    Wrapper,
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Checks the positional arguments of a method (`args` without `self`)
/// against `min..=max` in the given style. `ty` is the owner type's name.
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_pos(
    vm: &mut Vm,
    ty: &str,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
    style: Style,
) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(match style {
            Style::Wrapper => format!("wrapper {name}() takes no keyword arguments"),
            _ => format!("{ty}.{name}() takes no keyword arguments"),
        }));
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = match style {
        Style::Clinic if n < min => format!("{name} expected at least {min} argument{}, got {n}", plural(min)),
        Style::Clinic => format!("{name} expected at most {max} argument{}, got {n}", plural(max)),
        Style::Varargs if n < min => format!("{name}() takes at least {min} argument{} ({n} given)", plural(min)),
        Style::Varargs => format!("{name}() takes at most {max} argument{} ({n} given)", plural(max)),
        Style::One => format!("{ty}.{name}() takes exactly one argument ({n} given)"),
        Style::NoArgs => format!("{ty}.{name}() takes no arguments ({n} given)"),
        Style::Wrapper => format!("expected {min} argument{}, got {n}", plural(min)),
    };
    Err(vm.type_error(msg))
}

/// Binds keyword-capable arguments (old `PyArg_ParseTupleAndKeywords`
/// messages): "split() takes at most 2 arguments (3 given)", "'x' is an
/// invalid keyword argument for split()". Returns one slot per name (an array: no
/// allocation per call).
pub(crate) fn kw_args<const N: usize>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
    names: &[&str; N],
) -> PyResult<[Option<Value>; N]> {
    let total = args.len();
    if total > names.len() {
        return Err(vm.type_error(format!(
            "{name}() takes at most {} argument{} ({total} given)",
            names.len(),
            plural(names.len())
        )));
    }
    let npos = total.saturating_sub(kwnames.len());
    let mut out: [Option<Value>; N] = [const { None }; N];
    for (slot, a) in out.iter_mut().zip(args.iter().take(npos)) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwnames.iter().zip(args.iter().skip(npos)) {
        let ks = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == ks) {
            Some(i) if i < npos => {
                return Err(vm.type_error(format!(
                    "argument for {name}() given by name ('{ks}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(v.clone());
                }
            }
            None => return Err(vm.type_error(format!("'{ks}' is an invalid keyword argument for {name}()"))),
        }
    }
    Ok(out)
}

/// A `Py_ssize_t` argument: ints (big ones raise OverflowError "Python int
/// too large to convert to C ssize_t") or objects with `__index__`.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = to_pyint(v) {
        return match i.as_i64() {
            Some(x) => Ok(x),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        };
    }
    vm.to_index(v)
}

/// A C `int` argument (`expandtabs`, `chr`): OverflowError "Python int too
/// large to convert to C int" outside 32 bits.
pub(crate) fn cint_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let x = match to_pyint(v) {
        Some(i) => i.as_i64(),
        None => Some(vm.to_index(v)?),
    };
    match x {
        Some(x) if i32::try_from(x).is_ok() => Ok(x),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A `start`/`end` slice index of `find` & co.: None, an int (clamped) or an
/// object with `__index__`.
pub(crate) fn slice_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = to_pyint(v) {
        return Ok(Some(i.to_i64_saturating()));
    }
    if vm.lookup_special(v, "__index__").is_some() {
        return Ok(Some(vm.to_index(v)?));
    }
    Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
}

/// Results at least this large (bytes) are probed by [`check_size`] before they are built.
const PROBE_FROM_BYTES: usize = 64 << 20;

/// MemoryError when a result of `bytes` bytes would be unreasonably large
/// ([`MAX_RESULT_BYTES`]) or could not be allocated now: from [`PROBE_FROM_BYTES`] on, a
/// fallible reservation of `bytes` bytes is made and released at once, so that a process
/// under a memory limit (`RLIMIT_AS`) gets CPython's `MemoryError` instead of an abort on
/// the failed allocation of the result.
pub(crate) fn check_size(vm: &mut Vm, bytes: usize) -> PyResult<()> {
    let fits =
        bytes <= MAX_RESULT_BYTES && (bytes < PROBE_FROM_BYTES || Vec::<u8>::new().try_reserve_exact(bytes).is_ok());
    if !fits {
        let t = vm.exc.memory_error.clone();
        return Err(crate::vm::PyErr(vm.new_exception(&t, vec![])));
    }
    Ok(())
}

/// The `self` str of a str method, with CPython's descriptor messages.
fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a str> {
    match args.first() {
        Some(v) => match v.as_str() {
            Some(s) => Ok(s),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "descriptor '{name}' for 'str' objects doesn't apply to a '{tn}' object"
                )))
            }
        },
        None => Err(vm.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// The `self` str of a dunder (slot wrapper) method.
fn this_dunder<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a str> {
    match args.first() {
        Some(v) => match v.as_str() {
            Some(s) => Ok(s),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "descriptor '{name}' requires a 'str' object but received a '{tn}'"
                )))
            }
        },
        None => Err(vm.type_error(format!("descriptor '{name}' of 'str' object needs an argument"))),
    }
}

/// A str argument: TypeError "{what}must be str, not T" otherwise.
fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what}must be str, not {tn}")))
        }
    }
}

/// A list of new strs; one-character ASCII parts are the cached singletons (as CPython's
/// split results).
fn list_of_strs(vm: &mut Vm, parts: &[&str]) -> Value {
    let mut items: Vec<Value> = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(match p.as_bytes() {
            [b] => vm.latin1_char(*b),
            _ => vm.new_str(*p),
        });
    }
    vm.new_list(items)
}

/// Returns `self` unchanged when it is an exact str, else a new exact str with `text`.
fn same_or_new(vm: &mut Vm, this: &Value, text: &str) -> Value {
    if is_exact_str(vm, this) && this.as_str() == Some(text) {
        return this.clone();
    }
    vm.new_str(text)
}

fn is_exact_str(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types.str)))
}

// ---------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------

fn split_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let a = kw_args(vm, name, &args[1..], kwnames, &["sep", "maxsplit"])?;
    let maxsplit = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(maxsplit).ok();
    let parts = match a[0].as_ref().filter(|v| !v.is_none()) {
        None => {
            if right {
                sm::rsplit_whitespace(s, limit)
            } else {
                sm::split_whitespace(s, limit)
            }
        }
        Some(sep) => {
            let Some(sep) = sep.as_str() else {
                let tn = vm.type_name(sep);
                return Err(vm.type_error(format!("must be str or None, not {tn}")));
            };
            let r = if right {
                sm::rsplit_sep(s, sep, limit)
            } else {
                sm::split_sep(s, sep, limit)
            };
            match r {
                Ok(p) => p,
                Err(m) => return Err(vm.value_error(m)),
            }
        }
    };
    Ok(list_of_strs(vm, &parts))
}

fn str_split(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kwnames, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kwnames, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "splitlines")?;
    let a = kw_args(vm, "splitlines", &args[1..], kwnames, &["keepends"])?;
    let keep = match &a[0] {
        Some(v) => cint_arg(vm, v)? != 0,
        None => false,
    };
    let parts = sm::splitlines(s, keep);
    Ok(list_of_strs(vm, &parts))
}

fn str_join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let sep = this(vm, args, "join")?;
    check_pos(vm, "str", "join", &args[1..], kwnames, 1, 1, Style::One)?;
    let iterable = &args[1];
    let items: Vec<Value> = match iterable.kind() {
        Some(ObjKind::List(l)) => l.borrow().clone(),
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => {
            let it = match vm.iter(iterable) {
                Ok(it) => it,
                Err(e) => {
                    if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                        return Err(vm.type_error("can only join an iterable"));
                    }
                    return Err(e);
                }
            };
            // as CPython's PySequence_Fast: length hint, fallible growth
            vm.collect(&it)?
        }
    };
    if items.len() == 1 && is_exact_str(vm, &items[0]) {
        return Ok(items[0].clone());
    }
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        match it.as_str() {
            Some(p) => total = total.saturating_add(p.len()),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(format!("sequence item {i}: expected str instance, {tn} found")));
            }
        }
    }
    total = total.saturating_add(sep.len().saturating_mul(items.len().saturating_sub(1)));
    check_size(vm, total)?;
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(it.as_str().unwrap_or(""));
    }
    Ok(vm.new_str(out))
}

fn partition_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 1, 1, Style::One)?;
    let sep = str_arg(vm, &args[1], "")?;
    let r = if right {
        sm::rpartition(s, sep)
    } else {
        sm::partition(s, sep)
    };
    match r {
        Ok((a, b, c)) => {
            let items = vec![vm.new_str(a), vm.new_str(b), vm.new_str(c)];
            Ok(vm.new_tuple(items))
        }
        Err(m) => Err(vm.value_error(m)),
    }
}

fn str_partition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_common(vm, args, kwnames, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_common(vm, args, kwnames, "rpartition", true)
}

// ---------------------------------------------------------------------------
// Stripping, replacing, padding
// ---------------------------------------------------------------------------

fn strip_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, which: u8) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 0, 1, Style::Clinic)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(c) => Some(c),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let r = match which {
        0 => sm::strip(s, chars),
        1 => sm::lstrip(s, chars),
        _ => sm::rstrip(s, chars),
    };
    // `r` is a part of `s`: the same length means the same text
    if r.len() == s.len() && is_exact_str(vm, &args[0]) {
        return Ok(args[0].clone());
    }
    Ok(vm.new_str(r))
}

fn str_strip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_common(vm, args, kwnames, "strip", 0)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_common(vm, args, kwnames, "lstrip", 1)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_common(vm, args, kwnames, "rstrip", 2)
}

fn str_replace(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "replace")?;
    check_pos(vm, "str", "replace", &args[1..], kwnames, 2, 3, Style::Clinic)?;
    let old = str_arg(vm, &args[1], "replace() argument 1 ")?;
    let new = str_arg(vm, &args[2], "replace() argument 2 ")?;
    let count = match args.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(count).ok();
    // Size guard before building the result.
    let n = if old.is_empty() {
        sm::char_len(s).saturating_add(1)
    } else {
        sm::count(s, old, None, None)
    };
    let n = limit.map_or(n, |l| n.min(l));
    check_size(vm, s.len().saturating_add(n.saturating_mul(new.len())))?;
    let r = sm::replace(s, old, new, limit);
    Ok(same_or_new(vm, &args[0], &r))
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "removeprefix")?;
    check_pos(vm, "str", "removeprefix", &args[1..], kwnames, 1, 1, Style::One)?;
    let p = str_arg(vm, &args[1], "removeprefix() argument ")?;
    let r = s.strip_prefix(p).unwrap_or(s);
    Ok(same_or_new(vm, &args[0], r))
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "removesuffix")?;
    check_pos(vm, "str", "removesuffix", &args[1..], kwnames, 1, 1, Style::One)?;
    let p = str_arg(vm, &args[1], "removesuffix() argument ")?;
    let r = if p.is_empty() {
        s
    } else {
        s.strip_suffix(p).unwrap_or(s)
    };
    Ok(same_or_new(vm, &args[0], r))
}

/// The fill character argument of `center`/`ljust`/`rjust`.
fn fill_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(s) = v.as_str() else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("The fill character must be a unicode character, not {tn}")));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(vm.type_error("The fill character must be exactly one character long")),
    }
}

fn pad_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, which: u8) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 1, 2, Style::Clinic)?;
    let width = ssize_arg(vm, &args[1])?;
    let fill = fill_arg(vm, args.get(2))?;
    let len = sm::char_len(s);
    let wanted = usize::try_from(width).unwrap_or(0);
    if wanted <= len {
        return Ok(same_or_new(vm, &args[0], s));
    }
    check_size(
        vm,
        s.len().saturating_add((wanted - len).saturating_mul(fill.len_utf8())),
    )?;
    let r = match which {
        0 => sm::center(s, width, fill),
        1 => sm::ljust(s, width, fill),
        _ => sm::rjust(s, width, fill),
    };
    Ok(vm.new_str(r))
}

fn str_center(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kwnames, "center", 0)
}

fn str_ljust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kwnames, "ljust", 1)
}

fn str_rjust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kwnames, "rjust", 2)
}

fn str_zfill(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "zfill")?;
    check_pos(vm, "str", "zfill", &args[1..], kwnames, 1, 1, Style::One)?;
    let width = ssize_arg(vm, &args[1])?;
    let len = sm::char_len(s);
    let wanted = usize::try_from(width).unwrap_or(0);
    if wanted <= len {
        // Nothing to pad: an exact str is returned as it is, without copying it (a copy
        // of a huge str could fail to allocate; CPython's `pad` returns self too).
        return Ok(same_or_new(vm, &args[0], s));
    }
    check_size(vm, s.len().saturating_add(wanted - len))?;
    let r = sm::zfill(s, width);
    Ok(vm.new_str(r))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?;
    let a = kw_args(vm, "expandtabs", &args[1..], kwnames, &["tabsize"])?;
    let tabsize = match &a[0] {
        Some(v) => cint_arg(vm, v)?,
        None => 8,
    };
    let tabs = s.bytes().filter(|b| *b == b'\t').count();
    check_size(
        vm,
        s.len()
            .saturating_add(tabs.saturating_mul(usize::try_from(tabsize).unwrap_or(0))),
    )?;
    let r = sm::expandtabs(s, tabsize);
    Ok(same_or_new(vm, &args[0], &r))
}

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

/// Parses `(sub[, start[, end]])` for find/count/index.
fn sub_args<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(&'a str, &'a str, Option<i64>, Option<i64>)> {
    let s = this(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 1, 3, Style::Varargs)?;
    let sub = str_arg(vm, &args[1], "")?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

fn index_result(vm: &mut Vm, r: Option<usize>, raise: bool) -> PyResult<Value> {
    match r {
        Some(i) => Ok(Value::Int(i64::try_from(i).unwrap_or(i64::MAX))),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_find(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = sub_args(vm, args, kwnames, "find")?;
    index_result(vm, sm::find(s, sub, a, b), false)
}

fn str_rfind(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = sub_args(vm, args, kwnames, "rfind")?;
    index_result(vm, sm::rfind(s, sub, a, b), false)
}

fn str_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = sub_args(vm, args, kwnames, "index")?;
    index_result(vm, sm::find(s, sub, a, b), true)
}

fn str_rindex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = sub_args(vm, args, kwnames, "rindex")?;
    index_result(vm, sm::rfind(s, sub, a, b), true)
}

fn str_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = sub_args(vm, args, kwnames, "count")?;
    Ok(Value::Int(i64::try_from(sm::count(s, sub, a, b)).unwrap_or(i64::MAX)))
}

fn affix_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, end_side: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 1, 3, Style::Varargs)?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    let test = |p: &str| {
        if end_side {
            sm::endswith(s, p, start, end)
        } else {
            sm::startswith(s, p, start, end)
        }
    };
    let arg = &args[1];
    if let Some(p) = arg.as_str() {
        return Ok(Value::Bool(test(p)));
    }
    if let Some(ObjKind::Tuple(items)) = arg.kind() {
        for it in items.iter() {
            match it.as_str() {
                Some(p) => {
                    if test(p) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => {
                    let tn = vm.type_name(it);
                    return Err(vm.type_error(format!("tuple for {name} must only contain str, not {tn}")));
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    let tn = vm.type_name(arg);
    Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {tn}")))
}

fn str_startswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_common(vm, args, kwnames, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_common(vm, args, kwnames, "endswith", true)
}

// ---------------------------------------------------------------------------
// Case conversion and predicates
// ---------------------------------------------------------------------------

macro_rules! case_method {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            let s = this(vm, args, $name)?;
            check_pos(vm, "str", $name, &args[1..], kwnames, 0, 0, Style::NoArgs)?;
            let r = $f(s);
            Ok(vm.new_str(r))
        }
    };
}

case_method!(str_upper, "upper", sm::upper);
case_method!(str_lower_general, "lower", sm::lower);

/// `str.lower()`: an ASCII str (known from its stored length in code points, no scan)
/// is lowered byte-wise into a str known to be ASCII; always a new object, as CPython's.
fn str_lower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if let [Value::Obj(o)] = args
        && kwnames.is_empty()
        && let ObjKind::Str(s) = &o.kind
        && s.is_ascii()
    {
        let text = s.as_str().to_ascii_lowercase().into_boxed_str();
        return Ok(Value::new_obj(
            &vm.types.str,
            ObjKind::Str(crate::object::PyStr::new_ascii(text)),
        ));
    }
    str_lower_general(vm, args, kwnames)
}
case_method!(str_title, "title", sm::title);
case_method!(str_capitalize, "capitalize", sm::capitalize);
case_method!(str_swapcase, "swapcase", sm::swapcase);
case_method!(str_casefold, "casefold", sm::casefold);

macro_rules! predicate {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            let s = this(vm, args, $name)?;
            check_pos(vm, "str", $name, &args[1..], kwnames, 0, 0, Style::NoArgs)?;
            Ok(Value::Bool($f(s)))
        }
    };
}

predicate!(str_isalpha, "isalpha", sm::isalpha);
predicate!(str_isdigit, "isdigit", sm::isdigit);
predicate!(str_isdecimal, "isdecimal", sm::isdecimal);
predicate!(str_isnumeric, "isnumeric", sm::isnumeric);
predicate!(str_isalnum, "isalnum", sm::isalnum);
predicate!(str_isspace, "isspace", sm::isspace);
predicate!(str_isupper, "isupper", sm::isupper);
predicate!(str_islower, "islower", sm::islower);
predicate!(str_istitle, "istitle", sm::istitle);
predicate!(str_isidentifier, "isidentifier", sm::isidentifier);
predicate!(str_isprintable, "isprintable", sm::isprintable);
predicate!(str_isascii, "isascii", sm::isascii);

// ---------------------------------------------------------------------------
// encode, format, translate
// ---------------------------------------------------------------------------

fn str_encode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "encode")?;
    let a = kw_args(vm, "encode", &args[1..], kwnames, &["encoding", "errors"])?;
    let encoding = match &a[0] {
        Some(v) => str_arg(vm, v, "encode() argument 'encoding' ")?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match &a[1] {
        Some(v) => str_arg(vm, v, "encode() argument 'errors' ")?.to_string(),
        None => "strict".to_string(),
    };
    let b = encode_str(vm, s, &encoding, &errors)?;
    Ok(vm.new_bytes(b))
}

fn str_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "format")?;
    let rest = &args[1..];
    let npos = rest.len().saturating_sub(kwnames.len());
    let (pos, kwvals) = rest.split_at(npos);
    let kw = crate::builtins::format::Kwargs::Names {
        names: kwnames,
        values: kwvals,
    };
    let r = crate::builtins::format::str_format(vm, s, pos, kw)?;
    Ok(vm.new_str(r))
}

fn str_format_map(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "format_map")?;
    check_pos(vm, "str", "format_map", &args[1..], kwnames, 1, 1, Style::One)?;
    let kw = crate::builtins::format::Kwargs::Mapping(&args[1]);
    let r = crate::builtins::format::str_format(vm, s, &[], kw)?;
    Ok(vm.new_str(r))
}

fn str_maketrans(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_pos(vm, "str", "maketrans", args, kwnames, 1, 3, Style::Clinic)?;
    let d = vm.new_dict_obj();
    if args.len() == 1 {
        let x = &args[0];
        if !matches!(x.kind(), Some(ObjKind::Dict(_))) {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        }
        let items: Vec<(Value, Value)> = match x.kind() {
            Some(ObjKind::Dict(dd)) => dd.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        for (k, v) in items {
            let key = if let Some(ks) = k.as_str() {
                let mut it = ks.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::Int(i64::from(sg::code_point(c))),
                    _ => return Err(vm.value_error("string keys in translate table must be of length 1")),
                }
            } else if to_pyint(&k).is_some() {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let Some(x) = args[0].as_str() else {
        return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let y = str_arg(vm, &args[1], "maketrans() argument 2 ")?;
    if sm::char_len(x) != sm::char_len(y) {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        let bv = Value::Int(i64::from(sg::code_point(b)));
        vm.dict_set(&d, Value::Int(i64::from(sg::code_point(a))), bv)?;
    }
    if let Some(z) = args.get(2) {
        let z = str_arg(vm, z, "maketrans() argument 3 ")?;
        for c in z.chars() {
            vm.dict_set(&d, Value::Int(i64::from(sg::code_point(c))), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

/// One character's translation: `None` keeps it, `Some("")` deletes it.
fn translate_char(vm: &mut Vm, table: &Value, c: char) -> PyResult<Option<String>> {
    let key = Value::Int(i64::from(sg::code_point(c)));
    let exact_dict = matches!(table, Value::Obj(o) if matches!(o.kind, ObjKind::Dict(_)) && o.class.as_ref().is_some_and(|t| std::rc::Rc::ptr_eq(t, &vm.types.dict)));
    let mapped = if exact_dict {
        match table.as_obj() {
            Some(o) => vm.dict_get(o, &key)?,
            None => None,
        }
    } else {
        match vm.getitem(table, &key) {
            Ok(v) => Some(v),
            Err(e) => {
                if vm.exc_matches(&e.0, &vm.exc.lookup_error.clone()) {
                    None
                } else {
                    return Err(e);
                }
            }
        }
    };
    let Some(m) = mapped else { return Ok(None) };
    if m.is_none() {
        return Ok(Some(String::new()));
    }
    if let Some(s) = m.as_str() {
        return Ok(Some(s.to_string()));
    }
    if let Some(i) = to_pyint(&m) {
        return match i.as_i64().and_then(|x| u32::try_from(x).ok()).filter(|x| *x < 0x110000) {
            Some(cp) => Ok(Some(sg::char_for(cp).unwrap_or('\u{fffd}').to_string())),
            None => Err(vm.value_error("character mapping must be in range(0x110000)")),
        };
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

fn str_translate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "translate")?;
    check_pos(vm, "str", "translate", &args[1..], kwnames, 1, 1, Style::One)?;
    let table = args[1].clone();
    let mut cache: HashMap<char, Option<String>> = HashMap::new();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let t = match cache.get(&c) {
            Some(t) => t.clone(),
            None => {
                let t = translate_char(vm, &table, c)?;
                cache.insert(c, t.clone());
                t
            }
        };
        match t {
            Some(rep) => out.push_str(&rep),
            None => out.push(c),
        }
        check_size(vm, out.len())?;
    }
    Ok(same_or_new(vm, &args[0], &out))
}

fn str_format_dunder(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this(vm, args, "__format__")?;
    check_pos(vm, "str", "__format__", &args[1..], kwnames, 1, 1, Style::One)?;
    let spec = str_arg(vm, &args[1], "__format__() argument ")?.to_string();
    let r = crate::builtins::format::format_builtin(vm, &args[0], &spec)?;
    Ok(vm.new_str(r))
}

// ---------------------------------------------------------------------------
// Dunders
// ---------------------------------------------------------------------------

fn str_len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_dunder(vm, args, "__len__")?;
    check_pos(vm, "str", "__len__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    let n = match args[0].kind() {
        Some(ObjKind::Str(s)) => s.char_len(),
        _ => 0,
    };
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn str_contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this_dunder(vm, args, "__contains__")?;
    check_pos(vm, "str", "__contains__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    match args[1].as_str() {
        Some(sub) => Ok(Value::Bool(s.contains(sub))),
        None => {
            let tn = vm.type_name(&args[1]);
            Err(vm.type_error(format!("'in <string>' requires string as left operand, not {tn}")))
        }
    }
}

fn str_getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_dunder(vm, args, "__getitem__")?;
    check_pos(vm, "str", "__getitem__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    let Value::Obj(o) = &args[0] else {
        return Ok(Value::None);
    };
    match crate::builtins::seqops::builtin_getitem(vm, o, &args[1]) {
        Some(r) => r,
        None => Ok(Value::None),
    }
}

fn str_iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_dunder(vm, args, "__iter__")?;
    check_pos(vm, "str", "__iter__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    let Value::Obj(o) = &args[0] else {
        return Ok(Value::None);
    };
    let st = IterState::Str {
        s: o.clone(),
        byte_pos: 0,
    };
    Ok(Value::new_obj(
        &vm.types.str_iterator.clone(),
        ObjKind::Iter(RefCell::new(st)),
    ))
}

/// True when `v`'s class defines the reflected operator `name` in Python code
/// (then the forward operation must return NotImplemented to let it run).
fn has_user_reflected(vm: &mut Vm, v: &Value, name: &str) -> bool {
    vm.lookup_special(v, name)
        .is_some_and(|m| !matches!(m.kind(), Some(ObjKind::Native(_))))
}

fn str_add(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this_dunder(vm, args, "__add__")?;
    check_pos(vm, "str", "__add__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    let other = &args[1];
    match other.as_str() {
        Some(o) => {
            check_size(vm, s.len().saturating_add(o.len()))?;
            let mut r = String::with_capacity(s.len() + o.len());
            r.push_str(s);
            r.push_str(o);
            Ok(vm.new_str(r))
        }
        None => {
            if has_user_reflected(vm, other, "__radd__") {
                return Ok(vm.not_implemented.clone());
            }
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("can only concatenate str (not \"{tn}\") to str")))
        }
    }
}

fn repeat_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let s = this_dunder(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    let n = &args[1];
    let is_int = to_pyint(n).is_some() || vm.lookup_special(n, "__index__").is_some();
    if !is_int {
        // The operator machinery then tries the other operand and reports
        // "can't multiply sequence by non-int of type 'T'".
        return Ok(vm.not_implemented.clone());
    }
    let count = match to_pyint(n) {
        Some(i) => match i.as_i64() {
            Some(c) => c,
            None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        },
        None => vm.to_index(n)?,
    };
    let c = usize::try_from(count).unwrap_or(0);
    if c > 0 && !s.is_empty() {
        // (CPython counts code points; fewer than the bytes, so only then are they counted)
        if crate::builtins::seqops::repeat_too_long(s.len(), c) {
            if crate::builtins::seqops::repeat_too_long(s.chars().count(), c) {
                return Err(vm.overflow_error("repeated string is too long"));
            }
            return Err(vm.no_memory());
        }
        check_size(vm, s.len() * c)?;
    }
    match sm::repeat_str(s, count) {
        Ok(r) => Ok(vm.new_str(r)),
        Err(e) => Err(crate::builtins::format::fmt_err(vm, e)),
    }
}

fn str_mul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    repeat_common(vm, args, kwnames, "__mul__")
}

fn str_rmul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    repeat_common(vm, args, kwnames, "__rmul__")
}

fn str_mod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_dunder(vm, args, "__mod__")?;
    check_pos(vm, "str", "__mod__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    crate::builtins::format::percent_format(vm, &args[0], &args[1])
}

fn str_rmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_dunder(vm, args, "__rmod__")?;
    check_pos(vm, "str", "__rmod__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    if args[1].as_str().is_some() {
        return crate::builtins::format::percent_format(vm, &args[1], &args[0]);
    }
    Ok(vm.not_implemented.clone())
}

fn compare_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let s = this_dunder(vm, args, name)?;
    check_pos(vm, "str", name, &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    let Some(o) = args[1].as_str() else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = sg::cmp_code_points(s, o);
    Ok(Value::Bool(match name {
        "__eq__" => ord.is_eq(),
        "__ne__" => ord.is_ne(),
        "__lt__" => ord.is_lt(),
        "__le__" => ord.is_le(),
        "__gt__" => ord.is_gt(),
        _ => ord.is_ge(),
    }))
}

fn str_eq(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    compare_common(vm, args, kwnames, "__eq__")
}

fn str_ne(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    compare_common(vm, args, kwnames, "__ne__")
}

fn str_lt(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    compare_common(vm, args, kwnames, "__lt__")
}

fn str_le(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    compare_common(vm, args, kwnames, "__le__")
}

fn str_gt(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    compare_common(vm, args, kwnames, "__gt__")
}

fn str_ge(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    compare_common(vm, args, kwnames, "__ge__")
}

fn str_hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this_dunder(vm, args, "__hash__")?;
    check_pos(vm, "str", "__hash__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    Ok(Value::Int(crate::ops::hash_str(s)))
}

fn str_str(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this_dunder(vm, args, "__str__")?;
    check_pos(vm, "str", "__str__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    if is_exact_str(vm, &args[0]) {
        return Ok(args[0].clone());
    }
    Ok(vm.new_str(s))
}

fn str_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this_dunder(vm, args, "__repr__")?;
    check_pos(vm, "str", "__repr__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    Ok(vm.new_str(crate::support::strrepr::repr_str(s)))
}

fn str_getnewargs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, args, "__getnewargs__")?;
    check_pos(vm, "str", "__getnewargs__", &args[1..], kwnames, 0, 0, Style::NoArgs)?;
    let v = vm.new_str(s);
    Ok(vm.new_tuple(vec![v]))
}

pub use super::codecs::{decode_bytes, encode_str};

// ---------------------------------------------------------------------------
// Built-in functions
// ---------------------------------------------------------------------------

/// `format(value, format_spec='')`.
fn builtin_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_pos(vm, "builtins", "format", args, kwnames, 1, 2, Style::Clinic)?;
    let spec = match args.get(1) {
        Some(v) => {
            if v.as_str().is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")));
            }
            v.clone()
        }
        None => vm.intern(""),
    };
    vm.format(&args[0], &spec)
}

/// `f(x)` argument check of `chr`/`ord`: "chr() takes exactly one argument
/// (2 given)", "chr() takes no keyword arguments".
fn exactly_one(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(())
}

/// `chr(i)`.
fn builtin_chr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exactly_one(vm, "chr", args, kwnames)?;
    let i = cint_arg(vm, &args[0])?;
    match u32::try_from(i).ok().filter(|c| *c < 0x110000) {
        Some(cp) => {
            // Lone surrogates are stored as their stand-ins (taipan_bytecode::surrogate).
            let c = sg::char_for(cp).unwrap_or('\u{fffd}');
            let mut buf = [0u8; 4];
            Ok(vm.intern_char(c.encode_utf8(&mut buf)))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

/// `ord(c)`.
fn builtin_ord(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exactly_one(vm, "ord", args, kwnames)?;
    let v = &args[0];
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(i64::from(sg::code_point(c)))),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                sm::char_len(s)
            ))),
        };
    }
    if let Some(b) = crate::builtins::bytes::bytes_data(v) {
        return match b.as_slice() {
            [x] => Ok(Value::Int(i64::from(*x))),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
}

/// Registers the str methods and the `format`, `chr`, `ord` built-ins.
pub fn init(vm: &mut Vm) {
    let t = vm.types.str.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("join", str_join),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("swapcase", str_swapcase),
        ("casefold", str_casefold),
        ("isalpha", str_isalpha),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable),
        ("isascii", str_isascii),
        ("encode", str_encode),
        ("format", str_format),
        ("format_map", str_format_map),
        ("translate", str_translate),
        ("__format__", str_format_dunder),
        ("__len__", str_len),
        ("__contains__", str_contains),
        ("__getitem__", str_getitem),
        ("__iter__", str_iter),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_rmul),
        ("__mod__", str_mod),
        ("__rmod__", str_rmod),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__hash__", str_hash),
        ("__str__", str_str),
        ("__repr__", str_repr),
        ("__getnewargs__", str_getnewargs),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    let mk = vm.new_native("maketrans", str_maketrans);
    let sm_v = Value::new_obj(&vm.types.staticmethod.clone(), ObjKind::StaticMethod(mk));
    vm.set_attr_str(&t, "maketrans", sm_v);
    let b = vm.builtins.clone();
    vm.add_native(&b, "format", builtin_format);
    vm.add_native(&b, "chr", builtin_chr);
    vm.add_native(&b, "ord", builtin_ord);
    crate::builtins::format::init(vm);
}
