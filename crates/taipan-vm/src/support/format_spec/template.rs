//! The `str.format` template side of PEP 3101, as CPython 3.11
//! (`Objects/stringlib/unicode_format.h`): [`TemplateParser`] yields literal
//! text plus raw replacement fields (`{name!conversion:spec}`, nested braces
//! allowed in the spec); [`parse_field_name`] splits a field name into its
//! first part (automatic or manual index, or a keyword name) and a lazy
//! [`FieldPath`] of `.attr` / `[key]` accessors (an all-digit key is an int);
//! [`render_format`] runs a whole `str.format` call through a
//! [`FieldResolver`] supplied by the VM, in CPython's order: look the field
//! up, convert (`!r`/`!s`/`!a`), expand a nested spec (at most two levels,
//! sharing the auto-numbering), then `format()`.
//!
//! Errors are `ValueError`s with CPython's messages, raised at the point
//! CPython meets them (accessor errors only when the chain gets there).

use super::super::strmethods::decimal_value;
use super::{ErrorKind, FormatError};

/// A replacement field as written: `{name!conversion:spec}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawField<'a> {
    /// Field name (`0`, `x.attr[key]`, empty for auto-numbering).
    pub name: &'a str,
    /// Conversion character after `!`, unchecked.
    pub conversion: Option<char>,
    /// Format spec, possibly containing nested `{...}` fields.
    pub spec: &'a str,
    /// The spec contains `{` and must be expanded before use.
    pub spec_needs_expanding: bool,
}

/// One step of a template: literal text, then optionally a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplatePiece<'a> {
    /// Literal text (a doubled brace contributes one brace).
    pub literal: &'a str,
    /// The replacement field that follows, if any.
    pub field: Option<RawField<'a>>,
}

/// Iterator over a `str.format` template (also what
/// `_string.formatter_parser` exposes). Errors (ValueError): "Single '}'
/// encountered in format string", "Single '{' encountered in format string",
/// "unexpected '{' in field name", "end of string while looking for conversion
/// specifier", "expected ':' after conversion specifier", "unmatched '{' in
/// format spec", "expected '}' before end of string". After an error the
/// iterator is exhausted.
#[derive(Clone, Debug)]
pub struct TemplateParser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> TemplateParser<'a> {
    /// Start parsing `text`.
    pub fn new(text: &'a str) -> Self {
        TemplateParser { text, pos: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|t| t.chars().next())
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    fn step(&mut self) -> Result<TemplatePiece<'a>, FormatError> {
        let start = self.pos;
        let mut brace = None;
        while let Some(c) = self.bump() {
            if c == '{' || c == '}' {
                brace = Some(c);
                break;
            }
        }
        let Some(b) = brace else {
            return Ok(TemplatePiece {
                literal: self.slice(start, self.pos),
                field: None,
            });
        };
        let next = self.peek();
        if b == '}' && next != Some('}') {
            return Err(FormatError::value("Single '}' encountered in format string"));
        }
        if next.is_none() {
            return Err(FormatError::value("Single '{' encountered in format string"));
        }
        if next == Some(b) {
            // Escaped brace: the literal keeps one copy.
            let literal = self.slice(start, self.pos);
            self.pos += 1;
            return Ok(TemplatePiece { literal, field: None });
        }
        let literal = self.slice(start, self.pos - 1);
        let field = self.parse_field()?;
        Ok(TemplatePiece {
            literal,
            field: Some(field),
        })
    }

    /// Parse a field after its `{`, up to and including the closing `}`.
    fn parse_field(&mut self) -> Result<RawField<'a>, FormatError> {
        let name_start = self.pos;
        let mut terminator = None;
        while let Some(c) = self.bump() {
            match c {
                '{' => return Err(FormatError::value("unexpected '{' in field name")),
                '[' => {
                    while self.peek().is_some_and(|n| n != ']') {
                        self.bump();
                    }
                }
                '}' | ':' | '!' => {
                    terminator = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let name = match terminator {
            Some(_) => self.slice(name_start, self.pos - 1),
            None => return Err(FormatError::value("expected '}' before end of string")),
        };
        let mut field = RawField {
            name,
            conversion: None,
            spec: "",
            spec_needs_expanding: false,
        };
        if terminator == Some('}') {
            return Ok(field);
        }
        if terminator == Some('!') {
            let Some(conv) = self.bump() else {
                return Err(FormatError::value(
                    "end of string while looking for conversion specifier",
                ));
            };
            field.conversion = Some(conv);
            match self.bump() {
                Some('}') => return Ok(field),
                Some(':') | None => {}
                Some(_) => {
                    return Err(FormatError::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1usize;
        while let Some(c) = self.bump() {
            match c {
                '{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = self.slice(spec_start, self.pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err(FormatError::value("unmatched '{' in format spec"))
    }
}

impl<'a> Iterator for TemplateParser<'a> {
    type Item = Result<TemplatePiece<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let item = self.step();
        if item.is_err() {
            self.pos = self.text.len();
        }
        Some(item)
    }
}

/// Auto-numbering state shared by one `str.format` call (nested specs
/// included).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldNumbering {
    mode: Option<bool>,
    next: usize,
}

impl FieldNumbering {
    /// Fresh state (no field numbered yet).
    pub fn new() -> Self {
        Self::default()
    }
}

/// First part of a field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey<'a> {
    /// Positional argument index (explicit or automatic).
    Index(usize),
    /// Keyword argument name.
    Name(&'a str),
}

/// One accessor after the first part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldAccess<'a> {
    /// `.name`: `getattr(obj, name)`.
    Attr(&'a str),
    /// `[123]`: `obj[123]` with an int key.
    Index(usize),
    /// `[key]`: `obj['key']` with a str key.
    Key(&'a str),
}

/// Parse a field's integer part: all decimal digits (any script). `Ok(None)`
/// when empty or not all digits. Error: "Too many decimal digits in format
/// string".
fn field_integer(s: &str) -> Result<Option<usize>, FormatError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut value: i64 = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d)))
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
    }
    Ok(usize::try_from(value).ok())
}

/// Lazy accessor chain of a field name; yields errors (ValueError) "Empty
/// attribute in format string", "Missing ']' in format string", "Only '.' or
/// '[' may follow ']' in format field specifier", "Too many decimal digits in
/// format string" at the point CPython meets them.
#[derive(Clone, Debug)]
pub struct FieldPath<'a> {
    rest: &'a str,
}

impl<'a> FieldPath<'a> {
    fn step(&mut self) -> Result<FieldAccess<'a>, FormatError> {
        let rest = self.rest;
        let mut chars = rest.chars();
        let first = chars.next().unwrap_or(' ');
        let after = chars.as_str();
        let empty = || FormatError::value("Empty attribute in format string");
        match first {
            '.' => {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                let name = after.get(..end).unwrap_or("");
                self.rest = after.get(end..).unwrap_or("");
                if name.is_empty() {
                    return Err(empty());
                }
                Ok(FieldAccess::Attr(name))
            }
            '[' => {
                let Some(end) = after.find(']') else {
                    return Err(FormatError::value("Missing ']' in format string"));
                };
                let key = after.get(..end).unwrap_or("");
                self.rest = after.get(end + 1..).unwrap_or("");
                let index = field_integer(key)?;
                if key.is_empty() {
                    return Err(empty());
                }
                Ok(index.map_or(FieldAccess::Key(key), FieldAccess::Index))
            }
            _ => Err(FormatError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            )),
        }
    }
}

impl<'a> Iterator for FieldPath<'a> {
    type Item = Result<FieldAccess<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let item = self.step();
        if item.is_err() {
            self.rest = "";
        }
        Some(item)
    }
}

/// Split a field name into its first part and accessor chain, numbering
/// empty first parts automatically. Errors (ValueError): "cannot switch from
/// manual field specification to automatic field numbering", "cannot switch
/// from automatic field numbering to manual field specification", "Too many
/// decimal digits in format string".
pub fn parse_field_name<'a>(
    name: &'a str,
    numbering: &mut FieldNumbering,
) -> Result<(FieldKey<'a>, FieldPath<'a>), FormatError> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = name.get(..end).unwrap_or("");
    let path = FieldPath {
        rest: name.get(end..).unwrap_or(""),
    };
    let index = field_integer(first)?;
    let key = if first.is_empty() {
        if numbering.mode == Some(false) {
            return Err(FormatError::value(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        numbering.mode = Some(true);
        let i = numbering.next;
        numbering.next = i.saturating_add(1);
        FieldKey::Index(i)
    } else if let Some(i) = index {
        if numbering.mode == Some(true) {
            return Err(FormatError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        numbering.mode = Some(false);
        FieldKey::Index(i)
    } else {
        FieldKey::Name(first)
    };
    Ok((key, path))
}

/// A `!` conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `!s`: `str()`.
    Str,
    /// `!r`: `repr()`.
    Repr,
    /// `!a`: `ascii()`.
    Ascii,
}

/// Check a conversion character. Error (ValueError): "Unknown conversion
/// specifier X" (`\xNN` form for characters outside `!`..=`~`).
pub fn parse_conversion(c: char) -> Result<Conversion, FormatError> {
    match c {
        's' => Ok(Conversion::Str),
        'r' => Ok(Conversion::Repr),
        'a' => Ok(Conversion::Ascii),
        _ => {
            let cp = c as u32;
            let shown = if cp > 32 && cp < 127 {
                c.to_string()
            } else {
                format!("\\x{cp:x}")
            };
            Err(FormatError::value(format!("Unknown conversion specifier {shown}")))
        }
    }
}

/// The IndexError for a positional field past the arguments:
/// "Replacement index N out of range for positional args tuple".
pub fn replacement_index_error(index: usize) -> FormatError {
    FormatError {
        kind: ErrorKind::IndexError,
        message: format!("Replacement index {index} out of range for positional args tuple"),
    }
}

/// What the VM supplies to [`render_format`]: object lookup, conversion and
/// `format()`.
pub trait FieldResolver {
    /// A Python object.
    type Value;
    /// The VM's exception type.
    type Error: From<FormatError>;

    /// Fetch the first part (`args[i]`, or `kwargs[name]`: a missing key is
    /// `KeyError(name)`, a missing index [`replacement_index_error`]), then
    /// apply each accessor of `path` in order (`getattr`, `obj[int]`,
    /// `obj[str]`), propagating the path's own errors as they come.
    fn lookup(&mut self, key: FieldKey<'_>, path: FieldPath<'_>) -> Result<Self::Value, Self::Error>;

    /// Apply `str()`, `repr()` or `ascii()`.
    fn convert(&mut self, value: Self::Value, conversion: Conversion) -> Result<Self::Value, Self::Error>;

    /// Append `format(value, spec)` to `out`.
    fn format(&mut self, value: Self::Value, spec: &str, out: &mut String) -> Result<(), Self::Error>;
}

/// Run `template.format(...)` with `resolver` providing the arguments.
/// Errors: the template errors above, "Max string recursion exceeded"
/// (ValueError) for specs nested more than two levels, and whatever the
/// resolver returns.
pub fn render_format<R: FieldResolver>(template: &str, resolver: &mut R) -> Result<String, R::Error> {
    let mut out = String::with_capacity(template.len());
    let mut numbering = FieldNumbering::new();
    render_into(template, resolver, &mut numbering, 2, &mut out)?;
    Ok(out)
}

fn render_into<R: FieldResolver>(
    template: &str,
    resolver: &mut R,
    numbering: &mut FieldNumbering,
    depth: u32,
    out: &mut String,
) -> Result<(), R::Error> {
    if depth == 0 {
        return Err(FormatError::value("Max string recursion exceeded").into());
    }
    for piece in TemplateParser::new(template) {
        let piece = piece?;
        out.push_str(piece.literal);
        let Some(field) = piece.field else { continue };
        let (key, path) = parse_field_name(field.name, numbering)?;
        let mut value = resolver.lookup(key, path)?;
        if let Some(c) = field.conversion {
            value = resolver.convert(value, parse_conversion(c)?)?;
        }
        if field.spec_needs_expanding {
            let mut spec = String::new();
            render_into(field.spec, resolver, numbering, depth - 1, &mut spec)?;
            resolver.format(value, &spec, out)?;
        } else {
            resolver.format(value, field.spec, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by python3 (CPython 3.11.7).
    use super::super::super::{float_repr, strrepr};
    use super::super::{format_float, format_i64, format_str};
    use super::*;

    #[test]
    fn template_pieces() {
        let pieces: Vec<_> = TemplateParser::new("a{{b{0!r:>{w}}c}}").collect();
        let field = RawField {
            name: "0",
            conversion: Some('r'),
            spec: ">{w}",
            spec_needs_expanding: true,
        };
        assert_eq!(
            pieces,
            vec![
                Ok(TemplatePiece {
                    literal: "a{",
                    field: None
                }),
                Ok(TemplatePiece {
                    literal: "b",
                    field: Some(field)
                }),
                Ok(TemplatePiece {
                    literal: "c}",
                    field: None
                }),
            ]
        );
        let mut numbering = FieldNumbering::new();
        let (key, path) =
            parse_field_name("x.y[3][k].z", &mut numbering).unwrap_or((FieldKey::Index(9), FieldPath { rest: "" }));
        assert_eq!(key, FieldKey::Name("x"));
        let accessors: Vec<_> = path.collect();
        assert_eq!(
            accessors,
            vec![
                Ok(FieldAccess::Attr("y")),
                Ok(FieldAccess::Index(3)),
                Ok(FieldAccess::Key("k")),
                Ok(FieldAccess::Attr("z"))
            ]
        );
        assert_eq!(
            parse_conversion('\u{7f}'),
            Err(FormatError::value("Unknown conversion specifier \\x7f"))
        );
    }

    /// Test values: the python side used `args = (1234, 'abc', 3.5, O())`,
    /// `kwargs = {name: 'bob', w: 10, o: O()}`, where `O().x == 'attr:x'`,
    /// `O()[k] == 'item:' + repr(k)`, `format(O(), s) == 'O[' + s + ']'`,
    /// `repr(O()) == 'O()'` and `str(O()) == 'O-str'`.
    #[derive(Clone, Debug)]
    enum Val {
        Int(i64),
        Float(f64),
        Str(String),
        Obj,
    }

    struct Mock;

    impl FieldResolver for Mock {
        type Value = Val;
        type Error = String;

        fn lookup(&mut self, key: FieldKey<'_>, path: FieldPath<'_>) -> Result<Val, String> {
            let mut v = match key {
                FieldKey::Index(0) => Val::Int(1234),
                FieldKey::Index(1) => Val::Str("abc".into()),
                FieldKey::Index(2) => Val::Float(3.5),
                FieldKey::Index(3) => Val::Obj,
                FieldKey::Index(i) => return Err(replacement_index_error(i).into()),
                FieldKey::Name("name") => Val::Str("bob".into()),
                FieldKey::Name("w") => Val::Int(10),
                FieldKey::Name("o") => Val::Obj,
                FieldKey::Name(n) => return Err(format!("KeyError:'{n}'")),
            };
            for access in path {
                let access = access?;
                let ty = match v {
                    Val::Int(_) => "int",
                    Val::Float(_) => "float",
                    Val::Str(_) => "str",
                    Val::Obj => "O",
                };
                match access {
                    FieldAccess::Attr(a) if ty != "O" => {
                        return Err(format!("AttributeError:'{ty}' object has no attribute '{a}'"));
                    }
                    _ if ty != "O" => {
                        return Err(format!("TypeError:'{ty}' object is not subscriptable"));
                    }
                    _ => {}
                }
                v = Val::Str(match access {
                    FieldAccess::Attr(a) => format!("attr:{a}"),
                    FieldAccess::Index(i) => format!("item:{i}"),
                    FieldAccess::Key(k) => format!("item:'{k}'"),
                });
            }
            Ok(v)
        }

        fn convert(&mut self, v: Val, c: Conversion) -> Result<Val, String> {
            Ok(Val::Str(match (v, c) {
                (Val::Int(i), _) => i.to_string(),
                (Val::Float(x), _) => float_repr::repr_f64(x),
                (Val::Str(s), Conversion::Str) => s,
                (Val::Str(s), Conversion::Repr) => strrepr::repr_str(&s),
                (Val::Str(s), Conversion::Ascii) => strrepr::ascii_str(&s),
                (Val::Obj, Conversion::Str) => "O-str".into(),
                (Val::Obj, _) => "O()".into(),
            }))
        }

        fn format(&mut self, v: Val, spec: &str, out: &mut String) -> Result<(), String> {
            let s = match v {
                Val::Int(i) => format_i64(i, spec, "int")?,
                Val::Float(x) => format_float(x, spec, "float")?,
                Val::Str(s) => format_str(&s, spec, "str")?,
                Val::Obj => format!("O[{spec}]"),
            };
            out.push_str(&s);
            Ok(())
        }
    }

    impl From<FormatError> for String {
        fn from(e: FormatError) -> String {
            format!("{:?}:{}", e.kind, e.message)
        }
    }

    #[test]
    fn render_templates() {
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            ("", "OK:"),
            ("plain", "OK:plain"),
            ("{}", "OK:1234"),
            ("{} {}", "OK:1234 abc"),
            ("{0} {0}", "OK:1234 1234"),
            ("{1}{0}", "OK:abc1234"),
            ("{0}{}", "ValueError:cannot switch from manual field specification to automatic field numbering"),
            ("{}{1}", "ValueError:cannot switch from automatic field numbering to manual field specification"),
            ("{name}", "OK:bob"),
            ("{name:>6}", "OK:   bob"),
            ("{nm}", "KeyError:'nm'"),
            ("{5}", "IndexError:Replacement index 5 out of range for positional args tuple"),
            ("{}{}{}{}{}", "IndexError:Replacement index 4 out of range for positional args tuple"),
            ("{{}}", "OK:{}"),
            ("{{{}}}", "OK:{1234}"),
            ("}}{{", "OK:}{"),
            ("{", "ValueError:Single '{' encountered in format string"),
            ("}", "ValueError:Single '}' encountered in format string"),
            ("a{", "ValueError:Single '{' encountered in format string"),
            ("a}", "ValueError:Single '}' encountered in format string"),
            ("{}}", "ValueError:Single '}' encountered in format string"),
            ("{{}", "ValueError:Single '}' encountered in format string"),
            ("{:{}}", "ValueError:Invalid format specifier 'abc' for object of type 'int'"),
            ("{0:{w}}", "OK:      1234"),
            ("{0:>{w},}", "OK:     1,234"),
            ("{2:{w}.{1}}", "ValueError:Format specifier missing precision"),
            ("{3:{}}", "ValueError:cannot switch from manual field specification to automatic field numbering"),
            ("{:{:{}}}", "ValueError:Max string recursion exceeded"),
            ("{!r}", "OK:1234"),
            ("{1!r}", "OK:'abc'"),
            ("{1!s:>5}", "OK:  abc"),
            ("{1!a}", "OK:'abc'"),
            ("{3!r}", "OK:O()"),
            ("{3!s}", "OK:O-str"),
            ("{!}", "ValueError:unmatched '{' in format spec"),
            ("{!x}", "ValueError:Unknown conversion specifier x"),
            ("{!rr}", "ValueError:expected ':' after conversion specifier"),
            ("{0!r:}", "OK:1234"),
            ("{0!}}", "ValueError:Unknown conversion specifier }"),
            ("{!r!s}", "ValueError:expected ':' after conversion specifier"),
            ("{0!r{}}", "ValueError:expected ':' after conversion specifier"),
            ("{3.x}", "OK:attr:x"),
            ("{3.x.y}", "AttributeError:'str' object has no attribute 'y'"),
            ("{3[0]}", "OK:item:0"),
            ("{3[key]}", "OK:item:'key'"),
            ("{3[-1]}", "OK:item:'-1'"),
            ("{3[ 1]}", "OK:item:' 1'"),
            ("{3[}]}", "OK:item:'}'"),
            ("{3[a}b]}", "OK:item:'a}b'"),
            ("{3.}", "ValueError:Empty attribute in format string"),
            ("{3[]}", "ValueError:Empty attribute in format string"),
            ("{3[0]x}", "ValueError:Only '.' or '[' may follow ']' in format field specifier"),
            ("{o.attr}", "OK:attr:attr"),
            ("{o[5]}", "OK:item:5"),
            ("{.x}", "AttributeError:'int' object has no attribute 'x'"),
            ("{[1]}", "TypeError:'int' object is not subscriptable"),
            ("{0[}", "ValueError:expected '}' before end of string"),
            ("{3.a[}", "ValueError:expected '}' before end of string"),
            ("{ }", "KeyError:' '"),
            ("{-1}", "KeyError:'-1'"),
            ("{00}", "OK:1234"),
            ("{0x}", "KeyError:'0x'"),
            ("{0{}}", "ValueError:unexpected '{' in field name"),
            ("{:}", "OK:1234"),
            ("{:}}}", "OK:1234}"),
            ("{0:}}", "ValueError:Single '}' encountered in format string"),
            ("{99999999999999999999}", "ValueError:Too many decimal digits in format string"),
            ("{3[99999999999999999999]}", "ValueError:Too many decimal digits in format string"),
            ("{\u{663}}", "OK:O[]"),
            ("{2:.1f} {2:e} {2:%}", "OK:3.5 3.500000e+00 350.000000%"),
            ("{0:,} {0:_x} {0:#b} {0:c}", "OK:1,234 4d2 0b10011010010 \u{4d2}"),
            ("{1:*^9} {1:.2}", "OK:***abc*** ab"),
            ("x{0:{1}}y", "ValueError:Invalid format specifier 'abc' for object of type 'int'"),
            ("{0:{1}{2}}", "ValueError:Invalid format specifier 'abc3.5' for object of type 'int'"),
            ("{:{0}}", "ValueError:cannot switch from automatic field numbering to manual field specification"),
            ("no {fields} here", "KeyError:'fields'"),
            ("{0:d}{1:d}", "ValueError:Unknown format code 'd' for object of type 'str'"),
            ("{2:x}", "ValueError:Unknown format code 'x' for object of type 'float'"),
            ("{w:{w}}", "OK:        10"),
            ("{0:=+{w}}", "OK:+     1234"),
            ("{o:{{}}}", "OK:O[{}]"),
            ("{o:a{}b}", "OK:O[a1234b]"),
            ("{o:x}", "OK:O[x]"),
        ];
        for &(template, want) in cases {
            let got = match render_format(template, &mut Mock) {
                Ok(s) => format!("OK:{s}"),
                Err(e) => e,
            };
            assert_eq!(got, want, "{template:?}.format(...)");
        }
    }
}
