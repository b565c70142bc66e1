//! `bytes` and `bytearray`: constructors and methods (CPython 3.11
//! `Objects/bytesobject.c`, `Objects/bytearrayobject.c`,
//! `Objects/bytes_methods.c`).
//!
//! Both types share one set of method implementations; a method returns a
//! `bytearray` when called on one and a `bytes` otherwise (never a subclass).
//! Searching, splitting at a separator, partitioning, replacing, padding and
//! tab expansion reuse the code-point algorithms of
//! [`crate::support::strmethods`] on a Latin-1 view of the bytes (byte `b`
//! becomes the character `U+00bb`), which makes code-point indices byte
//! indices. Case conversion, character classes, whitespace splitting and
//! stripping are ASCII-only, as in CPython. The codecs behind `decode` are in
//! `str.rs`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use super::bytearray::*;
pub use super::bytearray::{bytearray_delitem, bytearray_setitem};
use crate::builtins::str::{Style, check_pos, check_size, cint_arg, kw_args, slice_arg, ssize_arg};
use crate::numops::to_pyint;
use crate::object::{IterState, ObjKind, Object};
use crate::support::strmethods as sm;
use crate::types::tdata;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// A copy of the bytes of a bytes or bytearray value.
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    match v.kind() {
        Some(ObjKind::Bytes(b)) => Some(b.to_vec()),
        Some(ObjKind::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The bytes of a bytes-like value, borrowed when immutable.
pub(crate) fn data_of(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v.kind() {
        Some(ObjKind::Bytes(b)) => Some(Cow::Borrowed(&b[..])),
        Some(ObjKind::ByteArray(b)) => Some(Cow::Owned(b.borrow().clone())),
        _ => None,
    }
}

/// `item in b` for bytes-like `b`.
pub fn bytes_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let hay = data_of(container).unwrap_or_default();
    if let Some(i) = to_pyint(item) {
        return match i.as_i64() {
            Some(x) if (0..256).contains(&x) => Ok(hay.contains(&(x as u8))),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    match data_of(item) {
        Some(needle) => Ok(find_bytes(&hay, &needle).is_some()),
        None => {
            let tn = vm.type_name(item);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

pub(crate) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// `self` of a bytes/bytearray method: its data and whether it is a bytearray.
pub(crate) fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<(Cow<'a, [u8]>, bool)> {
    let Some(v) = args.first() else {
        return Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    let is_array = matches!(v.kind(), Some(ObjKind::ByteArray(_)));
    match data_of(v) {
        Some(d) => Ok((d, is_array)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

pub(crate) fn tyname(is_array: bool) -> &'static str {
    if is_array { "bytearray" } else { "bytes" }
}

/// A new bytes (or bytearray) value.
pub(crate) fn make(vm: &mut Vm, is_array: bool, data: Vec<u8>) -> Value {
    if is_array {
        Value::new_obj(&vm.types.bytearray.clone(), ObjKind::ByteArray(RefCell::new(data)))
    } else {
        vm.new_bytes(data)
    }
}

/// A bytes-like argument: TypeError "a bytes-like object is required, not 'T'".
pub(crate) fn buf_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match data_of(v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// A byte value from an int-like: "byte must be in range(0, 256)".
pub(crate) fn byte_arg(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match to_pyint(v) {
        Some(i) => i.as_i64(),
        None => Some(vm.to_index(v)?),
    };
    match i.and_then(|x| u8::try_from(x).ok()) {
        Some(b) => Ok(b),
        None => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// Bytes as a Latin-1 string (byte `b` → `U+00bb`), for the code-point algorithms.
pub(crate) fn l1(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// The inverse of [`l1`] (characters above U+00FF cannot occur).
pub(crate) fn un_l1(s: &str) -> Vec<u8> {
    s.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()
}

pub(crate) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The search argument of find/count/index: bytes-like or an int byte.
pub(crate) fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data_of(v) {
        return Ok(d.into_owned());
    }
    if to_pyint(v).is_some() || vm.lookup_special(v, "__index__").is_some() {
        return Ok(vec![byte_arg(vm, v)?]);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{tn}'")))
}

// ---------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------

/// Bytes from the constructor's `source` argument (no encoding).
pub(crate) fn from_source(vm: &mut Vm, src: &Value, is_array: bool) -> PyResult<Vec<u8>> {
    if src.as_str().is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if let Some(d) = data_of(src) {
        return Ok(d.into_owned());
    }
    if !is_array
        && !matches!(src, Value::Int(_) | Value::Bool(_))
        && let Some(m) = vm.lookup_special(src, "__bytes__")
    {
        let r = vm.call(&m, std::slice::from_ref(src))?;
        return match r.kind() {
            Some(ObjKind::Bytes(b)) => Ok(b.to_vec()),
            _ => {
                let tn = vm.type_name(&r);
                Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")))
            }
        };
    }
    let is_index = to_pyint(src).is_some() || vm.lookup_special(src, "__index__").is_some();
    if is_index {
        let n = match to_pyint(src) {
            Some(i) => match i.as_i64() {
                Some(n) => n,
                None if i.is_negative() => -1,
                None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            },
            None => vm.to_index(src)?,
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        check_size(vm, n)?;
        return Ok(vec![0; n]);
    }
    let items: Vec<Value> = match src.kind() {
        Some(ObjKind::List(l)) => l.borrow().clone(),
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => {
            let it = match vm.iter(src) {
                Ok(it) => it,
                Err(e) => {
                    if vm.exc_matches(&e.0, &vm.exc.type_error.clone()) {
                        let tn = vm.type_name(src);
                        return Err(vm.type_error(format!("cannot convert '{tn}' object to {}", tyname(is_array))));
                    }
                    return Err(e);
                }
            };
            // each item is checked as it comes, as CPython: bytes(range(2**64)) stops at
            // 256 instead of first collecting 2**64 items
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                out.push(source_byte(vm, &x, is_array)?);
            }
            return Ok(out);
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(source_byte(vm, it, is_array)?);
    }
    Ok(out)
}

/// One item of a bytes/bytearray source iterable as a byte.
pub(crate) fn source_byte(vm: &mut Vm, item: &Value, is_array: bool) -> PyResult<u8> {
    byte_arg(vm, item).map_err(|e| {
        if !is_array && vm.exc_matches(&e.0, &vm.exc.value_error.clone()) {
            vm.value_error("bytes must be in range(0, 256)")
        } else {
            e
        }
    })
}

/// Bytes from `(source, encoding, errors)` constructor arguments.
pub(crate) fn construct(vm: &mut Vm, a: &[Option<Value>], is_array: bool) -> PyResult<Vec<u8>> {
    let (src, enc, err) = (
        a.first().cloned().flatten(),
        a.get(1).cloned().flatten(),
        a.get(2).cloned().flatten(),
    );
    let name = tyname(is_array);
    let enc_s = match &enc {
        Some(e) => match e.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                let tn = vm.type_name(e);
                return Err(vm.type_error(format!("{name}() argument 'encoding' must be str, not {tn}")));
            }
        },
        None => None,
    };
    let err_s = match &err {
        Some(e) => match e.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                let tn = vm.type_name(e);
                return Err(vm.type_error(format!("{name}() argument 'errors' must be str, not {tn}")));
            }
        },
        None => None,
    };
    let Some(src) = src else {
        if enc_s.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if err_s.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(text) = src.as_str() {
        let Some(enc) = enc_s else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        return crate::builtins::str::encode_str(vm, text, &enc, err_s.as_deref().unwrap_or("strict"));
    }
    if enc_s.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if err_s.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    from_source(vm, &src, is_array)
}

pub(crate) fn new_of_class(vm: &mut Vm, cls: &Obj, kind: ObjKind) -> Value {
    let dict = if tdata(cls).heap_type {
        Some(vm.new_dict_obj())
    } else {
        None
    };
    Value::Obj(Rc::new(Object::with(Some(cls.clone()), dict, kind)))
}

pub(crate) fn cls_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Obj> {
    match args.first() {
        Some(Value::Obj(c)) if matches!(c.kind, ObjKind::Type(_)) => Ok(c.clone()),
        _ => Err(vm.type_error("bytes.__new__(X): X is not a type object")),
    }
}

pub(crate) fn bytes_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args)?;
    let a = crate::builtins::args::parse_args(vm, "bytes", &args[1..], kwnames, &["source", "encoding", "errors"], 0)?;
    let data = construct(vm, &a, false)?;
    if Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(vm.new_bytes(data));
    }
    Ok(new_of_class(vm, &cls, ObjKind::Bytes(data.into_boxed_slice())))
}

pub(crate) fn bytearray_new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args)?;
    Ok(new_of_class(vm, &cls, ObjKind::ByteArray(RefCell::new(Vec::new()))))
}

pub(crate) fn bytearray_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = vm.types.bytearray.clone();
    crate::builtins::constructors::init_self(vm, args, &ty)?;
    let a = crate::builtins::args::parse_args(
        vm,
        "bytearray",
        args.get(1..).unwrap_or(&[]),
        kwnames,
        &["source", "encoding", "errors"],
        0,
    )?;
    let data = construct(vm, &a, true)?;
    if let Some(ObjKind::ByteArray(b)) = args.first().and_then(|v| v.kind()) {
        *b.borrow_mut() = data;
    }
    Ok(Value::None)
}

pub(crate) fn bytes_fromhex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args)?;
    check_pos(vm, "bytes", "fromhex", &args[1..], kwnames, 1, 1, Style::One)?;
    let Some(s) = args[1].as_str() else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0usize;
    let hex = |c: Option<&char>| c.and_then(|c| c.to_digit(16)).and_then(|d| u8::try_from(d).ok());
    loop {
        while chars.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == '\x0b') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let bad = |vm: &mut Vm, pos: usize| {
            vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {pos}"
            ))
        };
        let Some(hi) = hex(chars.get(i)) else {
            return Err(bad(vm, i));
        };
        let Some(lo) = hex(chars.get(i + 1)) else {
            return Err(bad(vm, i + 1));
        };
        out.push(hi * 16 + lo);
        i += 2;
    }
    if Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(vm.new_bytes(out));
    }
    if Rc::ptr_eq(&cls, &vm.types.bytearray) {
        return Ok(make(vm, true, out));
    }
    let b = vm.new_bytes(out);
    vm.call(&Value::Obj(cls), &[b])
}

pub(crate) fn bytes_maketrans(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_pos(vm, "bytes", "maketrans", args, kwnames, 2, 2, Style::Clinic)?;
    let frm = buf_arg(vm, &args[0])?;
    let to = buf_arg(vm, &args[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in frm.iter().zip(to.iter()) {
        if let Some(slot) = table.get_mut(usize::from(*f)) {
            *slot = *t;
        }
    }
    Ok(vm.new_bytes(table))
}

// ---------------------------------------------------------------------------
// Methods: conversion
// ---------------------------------------------------------------------------

pub(crate) fn b_decode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, _) = this(vm, args, "decode")?;
    let a = kw_args(vm, "decode", &args[1..], kwnames, &["encoding", "errors"])?;
    let mut names = ["utf-8".to_string(), "strict".to_string()];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = &a[i] {
            match v.as_str() {
                Some(s) => names[i] = s.to_string(),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!("decode() argument '{what}' must be str, not {tn}")));
                }
            }
        }
    }
    let s = crate::builtins::str::decode_bytes(vm, &data, &names[0], &names[1])?;
    Ok(vm.new_str(s))
}

pub(crate) fn b_hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, _) = this(vm, args, "hex")?;
    let a = kw_args(vm, "hex", &args[1..], kwnames, &["sep", "bytes_per_sep"])?;
    let sep = match &a[0] {
        None => None,
        Some(v) => {
            let chars: Vec<char> = if let Some(s) = v.as_str() {
                s.chars().collect()
            } else if let Some(b) = data_of(v) {
                b.iter().map(|c| char::from(*c)).collect()
            } else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("object of type '{tn}' has no len()")));
            };
            match chars.as_slice() {
                [c] if c.is_ascii() => Some(*c),
                [_] => return Err(vm.value_error("sep must be ASCII.")),
                _ => return Err(vm.value_error("sep must be length 1.")),
            }
        }
    };
    let per = match &a[1] {
        Some(v) => cint_arg(vm, v)?,
        None => 1,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !digits.is_empty()) else {
        return Ok(vm.new_str(digits.concat()));
    };
    let group = usize::try_from(per.unsigned_abs()).unwrap_or(usize::MAX);
    let n = digits.len();
    let mut out = String::with_capacity(n * 3);
    for (i, d) in digits.iter().enumerate() {
        // Groups count from the right for a positive size, from the left otherwise.
        let boundary = i > 0
            && if per > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
        if boundary {
            out.push(sep);
        }
        out.push_str(d);
    }
    Ok(vm.new_str(out))
}

pub(crate) fn b_join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (sep, arr) = this(vm, args, "join")?;
    check_pos(vm, tyname(arr), "join", &args[1..], kwnames, 1, 1, Style::One)?;
    let items: Vec<Value> = match args[1].kind() {
        Some(ObjKind::List(l)) => l.borrow().clone(),
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => {
            let it = match vm.iter(&args[1]) {
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
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(d) = data_of(it) else {
            let tn = vm.type_name(it);
            return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {tn} found")));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&d);
        check_size(vm, out.len())?;
    }
    Ok(make(vm, arr, out))
}

// ---------------------------------------------------------------------------
// Methods: splitting and stripping
// ---------------------------------------------------------------------------

pub(crate) fn split_ws(b: &[u8], maxsplit: Option<usize>, right: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut budget = maxsplit;
    if right {
        let mut end = b.len();
        loop {
            while end > 0 && b.get(end - 1).is_some_and(|c| is_ws(*c)) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if budget == Some(0) {
                out.push(b.get(..end).unwrap_or_default().to_vec());
                break;
            }
            let mut start = end;
            while start > 0 && b.get(start - 1).is_some_and(|c| !is_ws(*c)) {
                start -= 1;
            }
            out.push(b.get(start..end).unwrap_or_default().to_vec());
            budget = budget.map(|x| x - 1);
            end = start;
        }
        out.reverse();
    } else {
        let mut start = 0;
        loop {
            while b.get(start).is_some_and(|c| is_ws(*c)) {
                start += 1;
            }
            if start >= b.len() {
                break;
            }
            if budget == Some(0) {
                out.push(b.get(start..).unwrap_or_default().to_vec());
                break;
            }
            let mut end = start;
            while b.get(end).is_some_and(|c| !is_ws(*c)) {
                end += 1;
            }
            out.push(b.get(start..end).unwrap_or_default().to_vec());
            budget = budget.map(|x| x - 1);
            start = end;
        }
    }
    out
}

pub(crate) fn split_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    let a = kw_args(vm, name, &args[1..], kwnames, &["sep", "maxsplit"])?;
    let maxsplit = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(maxsplit).ok();
    let parts: Vec<Vec<u8>> = match a[0].as_ref().filter(|v| !v.is_none()) {
        None => split_ws(&data, limit, right),
        Some(sep) => {
            let sep = buf_arg(vm, sep)?;
            let (s, p) = (l1(&data), l1(&sep));
            let r = if right {
                sm::rsplit_sep(&s, &p, limit)
            } else {
                sm::split_sep(&s, &p, limit)
            };
            match r {
                Ok(parts) => parts.iter().map(|x| un_l1(x)).collect(),
                Err(m) => return Err(vm.value_error(m)),
            }
        }
    };
    let items: Vec<Value> = parts.into_iter().map(|p| make(vm, arr, p)).collect();
    Ok(vm.new_list(items))
}

pub(crate) fn b_split(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kwnames, "split", false)
}

pub(crate) fn b_rsplit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kwnames, "rsplit", true)
}

pub(crate) fn b_splitlines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "splitlines")?;
    let a = kw_args(vm, "splitlines", &args[1..], kwnames, &["keepends"])?;
    let keep = match &a[0] {
        Some(v) => cint_arg(vm, v)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while let Some(&c) = data.get(i) {
        if c == b'\n' || c == b'\r' {
            let eol = if c == b'\r' && data.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            let end = if keep { eol } else { i };
            parts.push(data.get(start..end).unwrap_or_default().to_vec());
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        parts.push(data.get(start..).unwrap_or_default().to_vec());
    }
    let items: Vec<Value> = parts.into_iter().map(|p| make(vm, arr, p)).collect();
    Ok(vm.new_list(items))
}

pub(crate) fn partition_common(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 1, Style::One)?;
    let sep = buf_arg(vm, &args[1])?;
    let (s, p) = (l1(&data), l1(&sep));
    let r = if right {
        sm::rpartition(&s, &p)
    } else {
        sm::partition(&s, &p)
    };
    match r {
        Ok((a, b, c)) => {
            let items = vec![
                make(vm, arr, un_l1(a)),
                make(vm, arr, un_l1(b)),
                make(vm, arr, un_l1(c)),
            ];
            Ok(vm.new_tuple(items))
        }
        Err(m) => Err(vm.value_error(m)),
    }
}

pub(crate) fn b_partition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_common(vm, args, kwnames, "partition", false)
}

pub(crate) fn b_rpartition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    partition_common(vm, args, kwnames, "rpartition", true)
}

pub(crate) fn strip_common(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 0, 1, Style::Clinic)?;
    let set: Option<Cow<'_, [u8]>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buf_arg(vm, v)?),
    };
    let strip_it = |c: &u8| match &set {
        None => is_ws(*c),
        Some(s) => s.contains(c),
    };
    let mut start = 0usize;
    let mut end = data.len();
    if left {
        while start < end && data.get(start).is_some_and(strip_it) {
            start += 1;
        }
    }
    if right {
        while end > start && data.get(end - 1).is_some_and(strip_it) {
            end -= 1;
        }
    }
    if !arr && start == 0 && end == data.len() && is_exact(vm, &args[0]) {
        return Ok(args[0].clone());
    }
    let out = data.get(start..end).unwrap_or_default().to_vec();
    Ok(make(vm, arr, out))
}

pub(crate) fn is_exact(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class.as_ref().is_some_and(|c| Rc::ptr_eq(c, &vm.types.bytes)))
}

pub(crate) fn b_strip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_common(vm, args, kwnames, "strip", true, true)
}

pub(crate) fn b_lstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_common(vm, args, kwnames, "lstrip", true, false)
}

pub(crate) fn b_rstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    strip_common(vm, args, kwnames, "rstrip", false, true)
}

// ---------------------------------------------------------------------------
// Methods: searching, replacing, padding
// ---------------------------------------------------------------------------

pub(crate) fn search_args(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(String, String, Option<i64>, Option<i64>)> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 3, Style::Varargs)?;
    let sub = sub_arg(vm, &args[1])?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    Ok((l1(&data), l1(&sub), start, end))
}

pub(crate) fn found(vm: &mut Vm, r: Option<usize>, raise: bool) -> PyResult<Value> {
    match r {
        Some(i) => Ok(Value::Int(i64::try_from(i).unwrap_or(i64::MAX))),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

pub(crate) fn b_find(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kwnames, "find")?;
    found(vm, sm::find(&s, &sub, a, b), false)
}

pub(crate) fn b_rfind(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kwnames, "rfind")?;
    found(vm, sm::rfind(&s, &sub, a, b), false)
}

pub(crate) fn b_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kwnames, "index")?;
    found(vm, sm::find(&s, &sub, a, b), true)
}

pub(crate) fn b_rindex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kwnames, "rindex")?;
    found(vm, sm::rfind(&s, &sub, a, b), true)
}

pub(crate) fn b_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kwnames, "count")?;
    Ok(Value::Int(i64::try_from(sm::count(&s, &sub, a, b)).unwrap_or(i64::MAX)))
}

pub(crate) fn affix_common(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    end_side: bool,
) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 3, Style::Varargs)?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    let s = l1(&data);
    let test = |p: &[u8]| {
        let p = l1(p);
        if end_side {
            sm::endswith(&s, &p, start, end)
        } else {
            sm::startswith(&s, &p, start, end)
        }
    };
    if let Some(p) = data_of(&args[1]) {
        return Ok(Value::Bool(test(&p)));
    }
    if let Some(ObjKind::Tuple(items)) = args[1].kind() {
        for it in items.iter() {
            let p = buf_arg(vm, it)?;
            if test(&p) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    let tn = vm.type_name(&args[1]);
    Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")))
}

pub(crate) fn b_startswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_common(vm, args, kwnames, "startswith", false)
}

pub(crate) fn b_endswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_common(vm, args, kwnames, "endswith", true)
}

pub(crate) fn b_replace(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "replace")?;
    check_pos(vm, tyname(arr), "replace", &args[1..], kwnames, 2, 3, Style::Clinic)?;
    let old = buf_arg(vm, &args[1])?;
    let new = buf_arg(vm, &args[2])?;
    let count = match args.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(count).ok();
    let (s, o, n) = (l1(&data), l1(&old), l1(&new));
    let hits = if old.is_empty() {
        data.len().saturating_add(1)
    } else {
        sm::count(&s, &o, None, None)
    };
    let hits = limit.map_or(hits, |l| hits.min(l));
    check_size(vm, data.len().saturating_add(hits.saturating_mul(new.len())))?;
    let r = un_l1(&sm::replace(&s, &o, &n, limit));
    Ok(make(vm, arr, r))
}

pub(crate) fn affix_remove(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 1, Style::One)?;
    let p = buf_arg(vm, &args[1])?;
    let out = if prefix {
        data.strip_prefix(&p[..]).unwrap_or(&data)
    } else if p.is_empty() {
        &data
    } else {
        data.strip_suffix(&p[..]).unwrap_or(&data)
    };
    let out = out.to_vec();
    Ok(make(vm, arr, out))
}

pub(crate) fn b_removeprefix(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_remove(vm, args, kwnames, "removeprefix", true)
}

pub(crate) fn b_removesuffix(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    affix_remove(vm, args, kwnames, "removesuffix", false)
}

pub(crate) fn pad_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, which: u8) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 2, Style::Clinic)?;
    let width = ssize_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match data_of(v).as_deref() {
            Some([c]) => *c,
            _ => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
    };
    let marg = usize::try_from(width).map_or(0, |w| w.saturating_sub(data.len()));
    if marg == 0 {
        return Ok(make(vm, arr, data.into_owned()));
    }
    let left = match which {
        // CPython's `pad` in bytes_methods.c: extra odd padding goes right, except when
        // both the padding and the width are odd
        0 => marg / 2 + (marg & usize::try_from(width).unwrap_or(0) & 1),
        1 => 0,
        _ => marg,
    };
    let r = padded(vm, &data, left, marg - left, fill)?;
    Ok(make(vm, arr, r))
}

/// `data` with `left` and `right` copies of `fill` around it, built in one fallible
/// allocation (MemoryError when it fails).
fn padded(vm: &mut Vm, data: &[u8], left: usize, right: usize, fill: u8) -> PyResult<Vec<u8>> {
    let total = data.len().saturating_add(left).saturating_add(right);
    check_size(vm, total)?;
    let mut out = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        let t = vm.exc.memory_error.clone();
        return Err(crate::vm::PyErr(vm.new_exception(&t, vec![])));
    }
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(total, fill);
    Ok(out)
}

pub(crate) fn b_center(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kwnames, "center", 0)
}

pub(crate) fn b_ljust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kwnames, "ljust", 1)
}

pub(crate) fn b_rjust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kwnames, "rjust", 2)
}

pub(crate) fn b_zfill(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "zfill")?;
    check_pos(vm, tyname(arr), "zfill", &args[1..], kwnames, 1, 1, Style::One)?;
    let width = ssize_arg(vm, &args[1])?;
    let fill = usize::try_from(width).map_or(0, |w| w.saturating_sub(data.len()));
    if fill == 0 {
        return Ok(make(vm, arr, data.into_owned()));
    }
    let mut r = padded(vm, &data, fill, 0, b'0')?;
    if let Some(&sign) = data.first().filter(|c| **c == b'+' || **c == b'-') {
        // the sign goes in front of the zeros
        r[fill] = b'0';
        r[0] = sign;
    }
    Ok(make(vm, arr, r))
}

pub(crate) fn b_expandtabs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "expandtabs")?;
    let a = kw_args(vm, "expandtabs", &args[1..], kwnames, &["tabsize"])?;
    let tabsize = match &a[0] {
        Some(v) => cint_arg(vm, v)?,
        None => 8,
    };
    let tabs = data.iter().filter(|b| **b == b'\t').count();
    // (the str round trip below holds up to three copies: the Latin-1 str of the input
    // and of the result, up to two bytes per character, and the bytes of the result)
    check_size(
        vm,
        data.len()
            .saturating_add(tabs.saturating_mul(usize::try_from(tabsize).unwrap_or(0)))
            .saturating_mul(3),
    )?;
    let r = un_l1(&sm::expandtabs(&l1(&data), tabsize));
    Ok(make(vm, arr, r))
}

pub(crate) fn b_translate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "translate")?;
    let npos = args.len().saturating_sub(1 + kwnames.len());
    if npos == 0 || npos > 2 {
        check_pos(
            vm,
            tyname(arr),
            "translate",
            args.get(1..1 + npos).unwrap_or(&[]),
            &[],
            1,
            2,
            Style::Clinic,
        )?;
    }
    let a = crate::builtins::args::parse_args(vm, "translate", &args[1..], kwnames, &["table", "delete"], 1)?;
    let table: Option<Vec<u8>> = match &a[0] {
        Some(Value::None) | None => None,
        Some(v) => {
            let t = buf_arg(vm, v)?.into_owned();
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete: Vec<u8> = match &a[1] {
        Some(v) => buf_arg(vm, v)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|b| {
            table
                .as_ref()
                .and_then(|t| t.get(usize::from(*b)).copied())
                .unwrap_or(*b)
        })
        .collect();
    Ok(make(vm, arr, out))
}

// ---------------------------------------------------------------------------
// Methods: case and character classes (ASCII only)
// ---------------------------------------------------------------------------

pub(crate) fn ascii_title(data: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    data.iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

pub(crate) fn ascii_capitalize(data: &[u8]) -> Vec<u8> {
    data.iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

pub(crate) fn ascii_swapcase(data: &[u8]) -> Vec<u8> {
    data.iter()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

pub(crate) fn ascii_istitle(data: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in data {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

macro_rules! case_method {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            let (data, arr) = this(vm, args, $name)?;
            check_pos(vm, tyname(arr), $name, &args[1..], kwnames, 0, 0, Style::NoArgs)?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            let out = f(&data);
            Ok(make(vm, arr, out))
        }
    };
}

case_method!(b_upper, "upper", |d| d.to_ascii_uppercase());
case_method!(b_lower, "lower", |d| d.to_ascii_lowercase());
case_method!(b_title, "title", ascii_title);
case_method!(b_capitalize, "capitalize", ascii_capitalize);
case_method!(b_swapcase, "swapcase", ascii_swapcase);

macro_rules! predicate {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            let (data, arr) = this(vm, args, $name)?;
            check_pos(vm, tyname(arr), $name, &args[1..], kwnames, 0, 0, Style::NoArgs)?;
            let f: fn(&[u8]) -> bool = $f;
            Ok(Value::Bool(f(&data)))
        }
    };
}

predicate!(b_isalpha, "isalpha", |d| !d.is_empty()
    && d.iter().all(u8::is_ascii_alphabetic));
predicate!(b_isdigit, "isdigit", |d| !d.is_empty()
    && d.iter().all(u8::is_ascii_digit));
predicate!(b_isalnum, "isalnum", |d| !d.is_empty()
    && d.iter().all(u8::is_ascii_alphanumeric));
predicate!(b_isspace, "isspace", |d| !d.is_empty() && d.iter().all(|c| is_ws(*c)));
predicate!(b_isascii, "isascii", |d| d.is_ascii());
predicate!(b_istitle, "istitle", ascii_istitle);
predicate!(b_isupper, "isupper", |d| d.iter().any(u8::is_ascii_uppercase)
    && !d.iter().any(u8::is_ascii_lowercase));
predicate!(b_islower, "islower", |d| d.iter().any(u8::is_ascii_lowercase)
    && !d.iter().any(u8::is_ascii_uppercase));

// ---------------------------------------------------------------------------
// Dunders
// ---------------------------------------------------------------------------

pub(crate) fn b_len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "__len__")?;
    check_pos(vm, tyname(arr), "__len__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    Ok(Value::Int(i64::try_from(data.len()).unwrap_or(i64::MAX)))
}

pub(crate) fn b_contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, arr) = this(vm, args, "__contains__")?;
    check_pos(
        vm,
        tyname(arr),
        "__contains__",
        &args[1..],
        kwnames,
        1,
        1,
        Style::Wrapper,
    )?;
    bytes_contains(vm, &args[0], &args[1]).map(Value::Bool)
}

pub(crate) fn b_iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, arr) = this(vm, args, "__iter__")?;
    check_pos(vm, tyname(arr), "__iter__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    let Value::Obj(o) = &args[0] else {
        return Ok(Value::None);
    };
    let st = IterState::Bytes {
        seq: o.clone(),
        index: 0,
    };
    Ok(Value::new_obj(
        &vm.types.bytes_iterator.clone(),
        ObjKind::Iter(RefCell::new(st)),
    ))
}

pub(crate) fn b_getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, arr) = this(vm, args, "__getitem__")?;
    check_pos(
        vm,
        tyname(arr),
        "__getitem__",
        &args[1..],
        kwnames,
        1,
        1,
        Style::Wrapper,
    )?;
    let Value::Obj(o) = &args[0] else {
        return Ok(Value::None);
    };
    crate::builtins::seqops::builtin_getitem(vm, o, &args[1]).unwrap_or(Ok(Value::None))
}

pub(crate) fn user_reflected(vm: &mut Vm, v: &Value, name: &str) -> bool {
    vm.lookup_special(v, name)
        .is_some_and(|m| !matches!(m.kind(), Some(ObjKind::Native(_))))
}

pub(crate) fn b_add(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "__add__")?;
    check_pos(vm, tyname(arr), "__add__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    match data_of(&args[1]) {
        Some(o) => {
            check_size(vm, data.len().saturating_add(o.len()))?;
            let mut out = data.into_owned();
            out.extend_from_slice(&o);
            Ok(make(vm, arr, out))
        }
        None => {
            if user_reflected(vm, &args[1], "__radd__") {
                return Ok(vm.not_implemented.clone());
            }
            let tn = vm.type_name(&args[1]);
            Err(vm.type_error(format!("can't concat {tn} to {}", tyname(arr))))
        }
    }
}

pub(crate) fn repeat_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    let n = &args[1];
    if to_pyint(n).is_none() && vm.lookup_special(n, "__index__").is_none() {
        // The operator machinery reports "can't multiply sequence by non-int".
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
    if crate::builtins::seqops::repeat_too_long(data.len(), c) {
        // (CPython's `bytearray_repeat` reports this one as MemoryError)
        return Err(if arr {
            vm.no_memory()
        } else {
            vm.overflow_error("repeated bytes are too long")
        });
    }
    check_size(vm, data.len() * c)?;
    match crate::builtins::seqops::repeat_bytes(&data, c) {
        Some(out) => Ok(make(vm, arr, out)),
        None => Err(vm.no_memory()),
    }
}

pub(crate) fn b_mul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    repeat_common(vm, args, kwnames, "__mul__")
}

pub(crate) fn b_rmul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    repeat_common(vm, args, kwnames, "__rmul__")
}

pub(crate) fn compare_common(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let (data, arr) = this(vm, args, name)?;
    check_pos(vm, tyname(arr), name, &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    let Some(o) = data_of(&args[1]) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = data.as_ref().cmp(o.as_ref());
    Ok(Value::Bool(match name {
        "__eq__" => ord.is_eq(),
        "__ne__" => ord.is_ne(),
        "__lt__" => ord.is_lt(),
        "__le__" => ord.is_le(),
        "__gt__" => ord.is_gt(),
        _ => ord.is_ge(),
    }))
}

macro_rules! compare_method {
    ($fname:ident, $name:literal) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            compare_common(vm, args, kwnames, $name)
        }
    };
}

compare_method!(b_eq, "__eq__");
compare_method!(b_ne, "__ne__");
compare_method!(b_lt, "__lt__");
compare_method!(b_le, "__le__");
compare_method!(b_gt, "__gt__");
compare_method!(b_ge, "__ge__");

pub(crate) fn b_hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "__hash__")?;
    check_pos(vm, tyname(arr), "__hash__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    if arr {
        return Err(vm.type_error("unhashable type: 'bytearray'"));
    }
    Ok(Value::Int(crate::support::hash::hash_bytes(&data)))
}

/// `repr()` of a bytearray's contents, `bytearray(b'...')`. Unlike bytes,
/// CPython escapes `'` even inside double quotes: `bytearray(b"x\'y")`.
pub fn repr_bytearray(data: &[u8]) -> String {
    let r = crate::support::strrepr::repr_bytes(data);
    // With double quotes the text has no `"`, and every `'` is unescaped.
    let r = if r.starts_with("b\"") {
        r.replace('\'', "\\'")
    } else {
        r
    };
    format!("bytearray({r})")
}

pub(crate) fn b_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, arr) = this(vm, args, "__repr__")?;
    check_pos(vm, tyname(arr), "__repr__", &args[1..], kwnames, 0, 0, Style::Wrapper)?;
    let r = if arr {
        repr_bytearray(&data)
    } else {
        crate::support::strrepr::repr_bytes(&data)
    };
    Ok(vm.new_str(r))
}

pub(crate) fn b_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, _) = this(vm, args, "__bytes__")?;
    check_pos(vm, "bytes", "__bytes__", &args[1..], kwnames, 0, 0, Style::NoArgs)?;
    if is_exact(vm, &args[0]) {
        return Ok(args[0].clone());
    }
    Ok(vm.new_bytes(data.into_owned()))
}

pub(crate) fn b_mod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, arr) = this(vm, args, "__mod__")?;
    check_pos(vm, tyname(arr), "__mod__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    crate::builtins::format::bytes_percent_format(vm, &args[0], &args[1])
}

pub(crate) fn b_rmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (_, arr) = this(vm, args, "__rmod__")?;
    check_pos(vm, tyname(arr), "__rmod__", &args[1..], kwnames, 1, 1, Style::Wrapper)?;
    Ok(vm.not_implemented.clone())
}

// ---------------------------------------------------------------------------
// Registration
// ---------------------------------------------------------------------------

/// Registers the bytes and bytearray constructors and methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.clone_refs();
    crate::builtins::add_new(vm, &t.bytes, bytes_new);
    crate::builtins::add_new(vm, &t.bytearray, bytearray_new);
    vm.add_method(&t.bytearray, "__init__", bytearray_init);
    let shared: &[(&'static str, crate::object::NativeFn)] = &[
        ("decode", b_decode),
        ("hex", b_hex),
        ("join", b_join),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("replace", b_replace),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("translate", b_translate),
        ("upper", b_upper),
        ("lower", b_lower),
        ("title", b_title),
        ("capitalize", b_capitalize),
        ("swapcase", b_swapcase),
        ("isalpha", b_isalpha),
        ("isdigit", b_isdigit),
        ("isalnum", b_isalnum),
        ("isspace", b_isspace),
        ("isascii", b_isascii),
        ("istitle", b_istitle),
        ("isupper", b_isupper),
        ("islower", b_islower),
        ("__len__", b_len),
        ("__contains__", b_contains),
        ("__iter__", b_iter),
        ("__getitem__", b_getitem),
        ("__add__", b_add),
        ("__mul__", b_mul),
        ("__rmul__", b_rmul),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
        ("__eq__", b_eq),
        ("__ne__", b_ne),
        ("__lt__", b_lt),
        ("__le__", b_le),
        ("__gt__", b_gt),
        ("__ge__", b_ge),
        ("__repr__", b_repr),
    ];
    for ty in [&t.bytes, &t.bytearray] {
        for (name, f) in shared {
            vm.add_method(ty, name, *f);
        }
        let fh = vm.new_native("fromhex", bytes_fromhex);
        let cm = Value::new_obj(&t.classmethod, ObjKind::ClassMethod(fh));
        vm.set_attr_str(ty, "fromhex", cm);
        let mk = vm.new_native("maketrans", bytes_maketrans);
        let st = Value::new_obj(&t.staticmethod, ObjKind::StaticMethod(mk));
        vm.set_attr_str(ty, "maketrans", st);
    }
    vm.add_method(&t.bytes, "__hash__", b_hash);
    vm.add_method(&t.bytes, "__bytes__", b_bytes);
    vm.set_attr_str(&t.bytearray, "__hash__", Value::None);
    let ba: &[(&'static str, crate::object::NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__iadd__", ba_iadd),
    ];
    for (name, f) in ba {
        vm.add_method(&t.bytearray, name, *f);
    }
}

/// `memoryview(obj)`: a read-only view of a bytes-like object. taipan copies the bytes (a
/// view of a bytearray does not see later writes — a documented limitation); indexing gives
/// ints, slicing and `bytes(view)` work as for bytes.
pub(crate) fn memoryview_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "memoryview", kwnames)?;
    let Some(obj) = args.get(1) else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    match bytes_data(obj) {
        Some(d) => Ok(Value::new_obj(
            &vm.types.memoryview,
            ObjKind::Bytes(d.into_boxed_slice()),
        )),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{tn}'")))
        }
    }
}

pub(crate) fn memoryview_tobytes(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let data = args.first().and_then(bytes_data).unwrap_or_default();
    Ok(vm.new_bytes(data))
}

pub(crate) fn memoryview_tolist(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let data = args.first().and_then(bytes_data).unwrap_or_default();
    Ok(vm.new_list(data.into_iter().map(|b| Value::Int(i64::from(b))).collect()))
}

/// Registers the `memoryview` type.
pub fn init_memoryview(vm: &mut Vm) {
    let t = vm.types.memoryview.clone();
    crate::builtins::add_new(vm, &t, memoryview_new);
    vm.add_method(&t, "tobytes", memoryview_tobytes);
    vm.add_method(&t, "tolist", memoryview_tolist);
    let b = vm.builtins.clone();
    vm.set_attr_str(&b, "memoryview", Value::Obj(t));
}
