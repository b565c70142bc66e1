//! `format(value, spec)` for the built-in types, `str.format` / `str.format_map`
//! field evaluation, and `str % args` (printf-style), on top of the pure
//! formatting code in `support::format_spec` and `support::percent`.
//!
//! * [`format_builtin`] is what `object.__format__`, `int.__format__`,
//!   `float.__format__` and `str.__format__` do in CPython 3.11
//!   (`Objects/abstract.c` `PyObject_Format`, `Python/formatter_unicode.c`):
//!   an empty spec means `str(v)`; ints, bools, floats and strs (including
//!   subclass instances, by their layout) go through the mini-language;
//!   anything else rejects a non-empty spec.
//! * [`str_format`] drives `support::format_spec::render_format` with a
//!   resolver that looks fields up in the call's arguments (CPython
//!   `Objects/stringlib/unicode_format.h`): `args[i]`, `kwargs[name]`, then
//!   `.attr` (getattr) and `[key]` (getitem) accessors, then `!r`/`!s`/`!a`,
//!   then `format(value, spec)` through [`Vm::format`].
//! * [`percent_format`] is `str.__mod__` (CPython `PyUnicode_Format`).

use crate::numops::to_pyint;
use crate::object::ObjKind;
use crate::support::format_spec::{
    self as fs, Conversion, ErrorKind, FieldAccess, FieldKey, FieldPath, FieldResolver, FormatError,
};
use crate::support::int::PyInt;
use crate::support::percent::{self, PercentArgs, PercentSpec};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Converts a support-level formatting error into the Python exception.
pub fn fmt_err(vm: &mut Vm, e: FormatError) -> PyErr {
    match e.kind {
        ErrorKind::ValueError => vm.value_error(e.message),
        ErrorKind::TypeError => vm.type_error(e.message),
        ErrorKind::OverflowError => vm.overflow_error(e.message),
        ErrorKind::IndexError => vm.index_error(e.message),
        ErrorKind::KeyError => {
            let k = vm.new_str(e.message);
            vm.key_error(k)
        }
        ErrorKind::MemoryError => {
            let t = vm.exc.memory_error.clone();
            PyErr(vm.new_exception(&t, vec![]))
        }
    }
}

/// Raises the `sys.int_max_str_digits` error when a decimal rendering of the
/// big int `i` would exceed the limit.
fn check_int_digits(vm: &mut Vm, i: &PyInt, spec: &str) -> PyResult<()> {
    let limit = vm.int_max_str_digits;
    if limit == 0 || i.as_i64().is_some() {
        return Ok(());
    }
    // Only decimal presentations are limited (no type, 'd', 'n').
    let ty = spec.chars().last();
    if !matches!(ty, None | Some('d' | 'n')) && !ty.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '_') {
        return Ok(());
    }
    let approx_digits = i.bit_length() as f64 * std::f64::consts::LOG10_2;
    if approx_digits + 1.0 < limit as f64 {
        return Ok(());
    }
    i.to_decimal_string(limit)
        .map(|_| ())
        .map_err(|e| crate::numops::num_err(vm, e))
}

/// `format(v, spec)` for a value without a user `__format__`: the
/// mini-language for int/bool/float/str (and their subclasses), `str(v)` for
/// an empty spec, else TypeError "unsupported format string passed to
/// T.__format__". Errors: the mini-language's ValueErrors (e.g. "Unknown
/// format code 'f' for object of type 'str'").
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.str(v);
    }
    let tn = vm.type_name(v);
    let r = match v {
        Value::Int(i) => fs::format_i64(*i, spec, &tn),
        Value::Bool(b) => fs::format_i64(i64::from(*b), spec, &tn),
        Value::Float(f) => fs::format_float(*f, spec, &tn),
        Value::None => return Err(unsupported(vm, &tn)),
        Value::Obj(o) => match &o.kind {
            ObjKind::Int(_) => match to_pyint(v) {
                Some(i) => {
                    check_int_digits(vm, &i, spec)?;
                    match i {
                        PyInt::Small(x) => fs::format_i64(x, spec, &tn),
                        PyInt::Big(b) => fs::format_int(&b, spec, &tn),
                    }
                }
                None => return Err(unsupported(vm, &tn)),
            },
            ObjKind::Float(f) => fs::format_float(*f, spec, &tn),
            ObjKind::Str(s) => fs::format_str(s.as_str(), spec, &tn),
            ObjKind::Complex(re, im) => crate::builtins::complex::format_complex(*re, *im, spec),
            _ => return Err(unsupported(vm, &tn)),
        },
    };
    r.map_err(|e| fmt_err(vm, e))
}

/// The text of an exact `str` (not a subclass instance, whose `str()` may differ).
fn exact_str<'v>(vm: &Vm, v: &'v Value) -> Option<&'v str> {
    match v {
        Value::Obj(o) if o.class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types.str)) => v.as_str(),
        _ => None,
    }
}

fn unsupported(vm: &mut Vm, tn: &str) -> PyErr {
    vm.type_error(format!("unsupported format string passed to {tn}.__format__"))
}

// ---------------------------------------------------------------------------
// str.format / str.format_map
// ---------------------------------------------------------------------------

/// Where `str.format` finds named fields.
#[derive(Clone, Copy)]
pub enum Kwargs<'a> {
    /// `format(**kwargs)`: keyword names and their values.
    Names {
        /// Keyword names (str values).
        names: &'a [Value],
        /// Values, parallel to `names`.
        values: &'a [Value],
    },
    /// `format_map(mapping)`: looked up with `mapping[name]`.
    Mapping(&'a Value),
}

/// Error of the resolver: a Python exception or a template error.
enum Fail {
    Py(PyErr),
    Fmt(FormatError),
}

impl From<FormatError> for Fail {
    fn from(e: FormatError) -> Self {
        Fail::Fmt(e)
    }
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Self {
        Fail::Py(e)
    }
}

struct Resolver<'a, 'v> {
    vm: &'a mut Vm,
    args: &'v [Value],
    kw: Kwargs<'v>,
}

impl FieldResolver for Resolver<'_, '_> {
    type Value = Value;
    type Error = Fail;

    fn lookup(&mut self, key: FieldKey<'_>, path: FieldPath<'_>) -> Result<Value, Fail> {
        let mut obj = match key {
            FieldKey::Index(_) if matches!(self.kw, Kwargs::Mapping(_)) => {
                return Err(Fail::Py(
                    self.vm.value_error("Format string contains positional fields"),
                ));
            }
            FieldKey::Index(i) => match self.args.get(i) {
                Some(v) => v.clone(),
                None => return Err(Fail::Fmt(fs::replacement_index_error(i))),
            },
            FieldKey::Name(n) => match self.kw {
                Kwargs::Names { names, values } => {
                    match names
                        .iter()
                        .position(|k| k.as_str() == Some(n))
                        .and_then(|p| values.get(p))
                    {
                        Some(v) => v.clone(),
                        None => {
                            let k = self.vm.new_str(n);
                            return Err(Fail::Py(self.vm.key_error(k)));
                        }
                    }
                }
                Kwargs::Mapping(m) => {
                    let k = self.vm.new_str(n);
                    self.vm.getitem(m, &k)?
                }
            },
        };
        for acc in path {
            obj = match acc? {
                FieldAccess::Attr(a) => self.vm.get_attr_str(&obj, a)?,
                FieldAccess::Index(i) => {
                    let k = Value::Int(i64::try_from(i).unwrap_or(i64::MAX));
                    self.vm.getitem(&obj, &k)?
                }
                FieldAccess::Key(k) => {
                    let k = self.vm.new_str(k);
                    self.vm.getitem(&obj, &k)?
                }
            };
        }
        Ok(obj)
    }

    fn convert(&mut self, value: Value, conversion: Conversion) -> Result<Value, Fail> {
        let s = match conversion {
            Conversion::Str => self.vm.str(&value)?,
            Conversion::Repr => self.vm.repr(&value)?,
            Conversion::Ascii => crate::repr::ascii(self.vm, &value)?,
        };
        Ok(self.vm.new_str(s))
    }

    fn format(&mut self, value: Value, spec: &str, out: &mut String) -> Result<(), Fail> {
        if spec.is_empty()
            && let Some(s) = exact_str(self.vm, &value)
        {
            out.push_str(s);
            return Ok(());
        }
        let spec_v = self.vm.new_str(spec);
        let r = self.vm.format(&value, &spec_v)?;
        let piece = r.as_str().unwrap_or("");
        // a failed allocation is a MemoryError, not an abort
        if out.try_reserve(piece.len()).is_err() {
            let t = self.vm.exc.memory_error.clone();
            return Err(Fail::Py(crate::vm::PyErr(self.vm.new_exception(&t, vec![]))));
        }
        out.push_str(piece);
        crate::builtins::str::check_size(self.vm, out.len())?;
        Ok(())
    }
}

/// `template.format(*args, **kwargs)` / `template.format_map(mapping)`.
/// Errors: the template errors of `support::format_spec` (ValueError,
/// IndexError "Replacement index 1 out of range for positional args tuple",
/// KeyError of a missing name) and whatever field lookup or formatting
/// raises.
pub fn str_format(vm: &mut Vm, template: &str, args: &[Value], kw: Kwargs<'_>) -> PyResult<String> {
    let r = {
        let mut res = Resolver { vm: &mut *vm, args, kw };
        fs::render_format(template, &mut res)
    };
    match r {
        Ok(s) => Ok(s),
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::Fmt(e)) => Err(fmt_err(vm, e)),
    }
}

// ---------------------------------------------------------------------------
// printf-style formatting
// ---------------------------------------------------------------------------

/// The right operand of `%` and the per-conversion work, for
/// `support::percent::percent_format`. In bytes mode the template and
/// results are Latin-1 views of bytes (see `bytes.rs`).
struct PercentOperand<'a> {
    vm: &'a mut Vm,
    operand: Value,
    items: Option<Vec<Value>>,
    mapping: bool,
    bytes_mode: bool,
}

impl PercentOperand<'_> {
    /// `int(v)` for `%d`: ints, floats (truncated) and objects with
    /// `__index__`/`__int__`. Errors: TypeError "%d format: a real number is
    /// required, not str", float conversion errors.
    fn int_for(&mut self, v: &Value, conversion: char) -> Result<PyInt, Fail> {
        if let Some(i) = to_pyint(v) {
            return Ok(i);
        }
        let vm = &mut *self.vm;
        let float = match v {
            Value::Float(f) => Some(*f),
            Value::Obj(o) => match o.kind {
                ObjKind::Float(f) => Some(f),
                _ => None,
            },
            _ => None,
        };
        let tn = vm.type_name(v);
        if conversion == 'd' || conversion == 'i' || conversion == 'u' {
            if let Some(f) = float {
                return PyInt::from_f64(f).map_err(|e| Fail::Py(crate::numops::num_err(vm, e)));
            }
            if vm.lookup_special(v, "__index__").is_some() || vm.lookup_special(v, "__int__").is_some() {
                let int_t = Value::Obj(vm.types.int.clone());
                let r = vm.call(&int_t, std::slice::from_ref(v))?;
                return to_pyint(&r).ok_or_else(|| Fail::Fmt(percent::real_number_required(conversion, &tn)));
            }
            return Err(Fail::Fmt(percent::real_number_required(conversion, &tn)));
        }
        if float.is_none() && vm.lookup_special(v, "__index__").is_some() {
            let r = vm.call_special(v, "__index__", &[])?.unwrap_or(Value::None);
            if let Some(i) = to_pyint(&r) {
                return Ok(i);
            }
            let rn = vm.type_name(&r);
            return Err(Fail::Py(
                vm.type_error(format!("__index__ returned non-int (type {rn})")),
            ));
        }
        Err(Fail::Fmt(percent::integer_required(conversion, &tn)))
    }

    /// `float(v)` for `%f` & co. Error: TypeError "must be real number, not str".
    fn float_for(&mut self, v: &Value) -> Result<f64, Fail> {
        let vm = &mut *self.vm;
        if let Some(r) = crate::numops::to_f64_lossy(vm, v) {
            return Ok(r?);
        }
        if v.as_str().is_none()
            && (vm.lookup_special(v, "__float__").is_some() || vm.lookup_special(v, "__index__").is_some())
        {
            let float_t = Value::Obj(vm.types.float.clone());
            let r = vm.call(&float_t, std::slice::from_ref(v))?;
            if let Some(f) = crate::numops::to_f64_lossy(vm, &r) {
                return Ok(f?);
            }
        }
        let tn = vm.type_name(v);
        Err(Fail::Fmt(percent::float_required(&tn)))
    }

    /// The text of `%s` (str mode: `str(v)`; bytes mode: the bytes of a
    /// bytes-like or `__bytes__` result, as Latin-1).
    fn text_for(&mut self, v: &Value) -> Result<String, Fail> {
        let vm = &mut *self.vm;
        if !self.bytes_mode {
            if let Some(s) = exact_str(vm, v) {
                return Ok(s.to_string());
            }
            return Ok(vm.str(v)?);
        }
        if let Some(d) = crate::builtins::bytes::bytes_data(v) {
            return Ok(d.iter().map(|b| char::from(*b)).collect());
        }
        if let Some(m) = vm.lookup_special(v, "__bytes__") {
            let r = vm.call(&m, std::slice::from_ref(v))?;
            if let Some(ObjKind::Bytes(b)) = r.kind() {
                return Ok(b.iter().map(|b| char::from(*b)).collect());
            }
            let rn = vm.type_name(&r);
            return Err(Fail::Py(
                vm.type_error(format!("__bytes__ returned non-bytes (type {rn})")),
            ));
        }
        let tn = vm.type_name(v);
        Err(Fail::Py(vm.type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
        ))))
    }

    /// The character of `%c`.
    fn char_for(&mut self, v: &Value) -> Result<char, Fail> {
        let vm = &mut *self.vm;
        if self.bytes_mode {
            if let Some(i) = to_pyint(v) {
                return match i.as_i64().and_then(|x| u8::try_from(x).ok()) {
                    Some(b) => Ok(char::from(b)),
                    None => Err(Fail::Py(vm.overflow_error("%c arg not in range(256)"))),
                };
            }
            if let Some([b]) = crate::builtins::bytes::bytes_data(v).as_deref() {
                return Ok(char::from(*b));
            }
            return Err(Fail::Py(
                vm.type_error("%c requires an integer in range(256) or a single byte"),
            ));
        }
        if let Some(s) = v.as_str() {
            let mut it = s.chars();
            return match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(Fail::Fmt(percent::char_required())),
            };
        }
        if let Some(i) = to_pyint(v) {
            return Ok(percent::char_from_int(&i.to_ibig())?);
        }
        if vm.lookup_special(v, "__index__").is_some() {
            let i = vm.to_index(v)?;
            return Ok(percent::char_from_int(&dashu_int::IBig::from(i))?);
        }
        Err(Fail::Fmt(percent::char_required()))
    }
}

impl PercentArgs for PercentOperand<'_> {
    type Value = Value;
    type Error = Fail;

    fn is_mapping(&self) -> bool {
        self.mapping
    }

    fn tuple_len(&self) -> Option<usize> {
        self.items.as_ref().map(|v| v.len())
    }

    fn tuple_item(&mut self, i: usize) -> Value {
        self.items
            .as_ref()
            .and_then(|v| v.get(i))
            .cloned()
            .unwrap_or(Value::None)
    }

    fn whole(&mut self) -> Value {
        self.operand.clone()
    }

    fn lookup(&mut self, key: &str) -> Result<Value, Fail> {
        let k = if self.bytes_mode {
            self.vm.new_bytes(
                key.chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                    .collect(),
            )
        } else {
            self.vm.new_str(key)
        };
        let operand = self.operand.clone();
        Ok(self.vm.getitem(&operand, &k)?)
    }

    fn star(&mut self, value: Value) -> Result<Option<i64>, Fail> {
        match to_pyint(&value) {
            Some(i) => Ok(i.as_i64()),
            None => Err(Fail::Fmt(percent::star_wants_int())),
        }
    }

    fn convert(&mut self, value: Value, spec: &PercentSpec<'_>, out: &mut String) -> Result<(), Fail> {
        let text = match spec.conversion {
            's' => {
                let t = self.text_for(&value)?;
                percent::format_str_percent(&t, spec)?
            }
            'r' | 'a' => {
                let t = if spec.conversion == 'a' || self.bytes_mode {
                    crate::repr::ascii(self.vm, &value)?
                } else {
                    self.vm.repr(&value)?
                };
                percent::format_str_percent(&t, spec)?
            }
            'c' => {
                let c = self.char_for(&value)?;
                percent::format_char_percent(c, spec)?
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match self.int_for(&value, spec.conversion)? {
                PyInt::Small(i) => percent::format_i64_percent(i, spec)?,
                PyInt::Big(b) => {
                    if matches!(spec.conversion, 'd' | 'i' | 'u') {
                        check_int_digits(self.vm, &PyInt::Big(b.clone()), "")?;
                    }
                    percent::format_int_percent(&b, spec)?
                }
            },
            _ => {
                let x = self.float_for(&value)?;
                percent::format_float_percent(x, spec)?
            }
        };
        if out.try_reserve(text.len()).is_err() {
            let t = self.vm.exc.memory_error.clone();
            return Err(Fail::Py(crate::vm::PyErr(self.vm.new_exception(&t, vec![]))));
        }
        out.push_str(&text);
        crate::builtins::str::check_size(self.vm, out.len())?;
        Ok(())
    }
}

/// CPython's "is a mapping" test for `%` operands: has `__getitem__` and is
/// neither a tuple nor a str (bytes mode: nor a bytes).
fn percent_is_mapping(vm: &mut Vm, v: &Value, bytes_mode: bool) -> bool {
    match v.kind() {
        Some(ObjKind::Tuple(_)) => false,
        Some(ObjKind::Str(_)) => bytes_mode,
        Some(ObjKind::Bytes(_)) => !bytes_mode,
        Some(ObjKind::Dict(_) | ObjKind::List(_) | ObjKind::ByteArray(_) | ObjKind::Range { .. }) => true,
        Some(_) => vm.lookup_special(v, "__getitem__").is_some(),
        None => false,
    }
}

fn run_percent(vm: &mut Vm, template: &str, args: &Value, bytes_mode: bool) -> PyResult<String> {
    let items = match args.kind() {
        Some(ObjKind::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    };
    let mapping = percent_is_mapping(vm, args, bytes_mode);
    let r = {
        let mut op = PercentOperand {
            vm: &mut *vm,
            operand: args.clone(),
            items,
            mapping,
            bytes_mode,
        };
        percent::percent_format(template, &mut op)
    };
    match r {
        Ok(s) => Ok(s),
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::Fmt(e)) => Err(fmt_err(vm, e)),
    }
}

/// `fmt % args` for a str `fmt` (CPython `PyUnicode_Format`): a tuple
/// supplies the arguments in order, a mapping serves `%(name)s`, anything
/// else is the single argument. Errors: see `support::percent`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let template = fmt.as_str().unwrap_or("");
    let s = run_percent(vm, template, args, false)?;
    Ok(vm.new_str(s))
}

/// `fmt % args` for a bytes or bytearray `fmt` (PEP 461): `%s`/`%b` take
/// bytes-like objects (or `__bytes__`), `%r`/`%a` give `ascii()`, `%c` an int
/// in `range(256)` or one byte. The result has the type of `fmt`.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let data = crate::builtins::bytes::bytes_data(fmt).unwrap_or_default();
    let template = bytes_template(&data);
    let s = run_percent(vm, &template, args, true)?;
    let out: Vec<u8> = s.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
    if matches!(fmt.kind(), Some(ObjKind::ByteArray(_))) {
        return Ok(Value::new_obj(
            &vm.types.bytearray.clone(),
            ObjKind::ByteArray(std::cell::RefCell::new(out)),
        ));
    }
    Ok(vm.new_bytes(out))
}

/// A bytes template as Latin-1 text, with each `%b` conversion rewritten to
/// the equivalent `%s` (the shared parser knows only the str conversions).
fn bytes_template(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len());
    let mut i = 0usize;
    while let Some(&c) = data.get(i) {
        out.push(char::from(c));
        i += 1;
        if c != b'%' {
            continue;
        }
        // Copy the spec up to its conversion character.
        if data.get(i) == Some(&b'(') {
            let mut depth = 0usize;
            while let Some(&k) = data.get(i) {
                out.push(char::from(k));
                i += 1;
                match k {
                    b'(' => depth += 1,
                    b')' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        while let Some(&k) = data.get(i) {
            if k.is_ascii_digit() || matches!(k, b'-' | b'+' | b' ' | b'#' | b'*' | b'.' | b'h' | b'l' | b'L') {
                out.push(char::from(k));
                i += 1;
            } else {
                break;
            }
        }
        if let Some(&k) = data.get(i) {
            out.push(if k == b'b' { 's' } else { char::from(k) });
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// __format__ methods of int and float
// ---------------------------------------------------------------------------

fn number_format(vm: &mut Vm, args: &[Value], kwnames: &[Value], ty: &str) -> PyResult<Value> {
    crate::builtins::str::check_pos(
        vm,
        ty,
        "__format__",
        args.get(1..).unwrap_or(&[]),
        kwnames,
        1,
        1,
        crate::builtins::str::Style::One,
    )?;
    let spec = match args[1].as_str() {
        Some(s) => s.to_string(),
        None => {
            let tn = vm.type_name(&args[1]);
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        }
    };
    let r = format_builtin(vm, &args[0], &spec)?;
    Ok(vm.new_str(r))
}

fn int_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.first().is_none_or(|v| to_pyint(v).is_none()) {
        return Err(vm.type_error("descriptor '__format__' for 'int' objects doesn't apply to this object"));
    }
    number_format(vm, args, kwnames, "int")
}

fn float_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ok = matches!(args.first(), Some(Value::Float(_)))
        || matches!(args.first().and_then(|v| v.kind()), Some(ObjKind::Float(_)));
    if !ok {
        return Err(vm.type_error("descriptor '__format__' for 'float' objects doesn't apply to this object"));
    }
    number_format(vm, args, kwnames, "float")
}

/// Registers `int.__format__` and `float.__format__` (str's is in `str.rs`).
pub fn init(vm: &mut Vm) {
    let t = vm.types.clone_refs();
    vm.add_method(&t.int, "__format__", int_format);
    vm.add_method(&t.float, "__format__", float_format);
}
