//! Codecs behind `str.encode` and `bytes.decode` (CPython 3.11 `Objects/unicodeobject.c`
//! and the `encodings` package): UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with or without
//! byte order), error handlers `strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace` (encoding), `surrogateescape` and `surrogatepass` (both ways; lone
//! surrogates are held as stand-ins, see `taipan_bytecode::surrogate`). Decoding errors
//! follow CPython's UTF-8 decoder: each maximal invalid subsequence is one error.

use taipan_bytecode::surrogate as sg;

use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16; `None` = with BOM (native little-endian), else little-endian?
    Utf16(Option<bool>),
    /// UTF-32, as UTF-16.
    Utf32(Option<bool>),
}

/// Looks an encoding name up (case-insensitive; `-`, `_` and spaces are
/// interchangeable). Error: LookupError "unknown encoding: NAME".
fn lookup_codec(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    let n: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    let c = match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
            Codec::Latin1
        }
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(true)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(false)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(true)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(false)),
        _ => {
            let t = vm.exc.lookup_error.clone();
            return Err(vm.new_error(&t, format!("unknown encoding: {name}")));
        }
    };
    Ok(c)
}

fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(None) => "utf-16",
        Codec::Utf16(Some(true)) => "utf-16-le",
        Codec::Utf16(Some(false)) => "utf-16-be",
        Codec::Utf32(None) => "utf-32",
        Codec::Utf32(Some(true)) => "utf-32-le",
        Codec::Utf32(Some(false)) => "utf-32-be",
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    let t = vm.exc.lookup_error.clone();
    vm.new_error(&t, format!("unknown error handler name '{errors}'"))
}

fn char_escape(c: char) -> String {
    let n = sg::code_point(c);
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// True when `codec` can encode the Python code point `cp` itself.
fn encodable(codec: Codec, cp: u32) -> bool {
    match codec {
        Codec::Ascii => cp < 0x80,
        Codec::Latin1 => cp < 0x100,
        _ => !sg::is_surrogate(cp),
    }
}

/// Appends the encoding of code point `cp` (surrogates only via `surrogatepass`).
fn push_code_point(out: &mut Vec<u8>, codec: Codec, cp: u32) {
    match codec {
        Codec::Ascii | Codec::Latin1 => out.push(u8::try_from(cp).unwrap_or(b'?')),
        Codec::Utf8 => match char::from_u32(cp) {
            Some(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            // A surrogate (surrogatepass): the generalized 3-byte form ED A0..BF 80..BF.
            None => out.extend_from_slice(&[
                0xE0 | ((cp >> 12) & 0x0F) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]),
        },
        Codec::Utf16(order) => {
            let le = order.unwrap_or(true);
            let mut units = [0u16; 2];
            let units: &[u16] = match char::from_u32(cp) {
                Some(c) => c.encode_utf16(&mut units),
                None => {
                    units[0] = u16::try_from(cp).unwrap_or(0xFFFD);
                    &units[..1]
                }
            };
            for u in units {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
        }
        Codec::Utf32(order) => {
            let le = order.unwrap_or(true);
            out.extend_from_slice(&if le { cp.to_le_bytes() } else { cp.to_be_bytes() });
        }
    }
}

/// A UnicodeEncodeError / UnicodeDecodeError with CPython's five arguments
/// `(encoding, object, start, end, reason)` (its str() is the familiar message).
fn unicode_error(
    vm: &mut Vm,
    decode: bool,
    name: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let t = if decode {
        vm.exc.unicode_decode_error.clone()
    } else {
        vm.exc.unicode_encode_error.clone()
    };
    let to_int = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let args = [vm.new_str(name), object, to_int(start), to_int(end), vm.new_str(reason)];
    match vm.call(&Value::Obj(t), &args) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// UnicodeEncodeError for the characters `start..end` of `chars`.
fn encode_error(vm: &mut Vm, codec: Codec, chars: &[char], start: usize, end: usize) -> PyErr {
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    };
    let object: String = chars.iter().collect();
    let object = vm.new_str(object);
    unicode_error(vm, false, codec_name(codec), object, start, end, reason)
}

/// `s.encode(encoding, errors)`. Errors: LookupError for an unknown
/// encoding (or, when needed, error handler); UnicodeEncodeError "'ascii'
/// codec can't encode character '\xe9' in position 1: ordinal not in
/// range(128)" or "'utf-8' codec can't encode character '\ud800' in position
/// 0: surrogates not allowed" under `strict`. Lone surrogates (stored as
/// stand-ins, see `taipan_bytecode::surrogate`) are unencodable by every codec
/// except through `surrogatepass` (UTF codecs) and `surrogateescape`
/// (U+DC80..U+DCFF back to the bytes 0x80..0xFF).
pub fn encode_str(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let mut out = Vec::with_capacity(s.len());
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    if codec == Codec::Utf8 && !sg::has_standin(s) {
        out.extend_from_slice(s.as_bytes());
        return Ok(out);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        let cp = sg::code_point(c);
        if encodable(codec, cp) {
            push_code_point(&mut out, codec, cp);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        // CPython's UTF-16/32 encoders report (and hand to the handler) one character at a time.
        let per_char = matches!(codec, Codec::Utf16(_) | Codec::Utf32(_));
        while !per_char && chars.get(end).is_some_and(|c| !encodable(codec, sg::code_point(*c))) {
            end += 1;
        }
        let run = chars.get(i..end).unwrap_or_default();
        match errors {
            "strict" => return Err(encode_error(vm, codec, &chars, i, end)),
            "surrogateescape" if per_char => return Err(encode_error(vm, codec, &chars, i, end)),
            "surrogateescape" => {
                for (k, c) in run.iter().enumerate() {
                    match sg::code_point(*c) {
                        n @ 0xDC80..=0xDCFF => out.push(u8::try_from(n - 0xDC00).unwrap_or(b'?')),
                        // CPython raises for the rest of the run, from the failing character.
                        _ => return Err(encode_error(vm, codec, &chars, i + k, end)),
                    }
                }
            }
            "surrogatepass" => {
                let utf = !matches!(codec, Codec::Ascii | Codec::Latin1);
                if let Some(k) = run.iter().position(|c| !(utf && sg::is_standin(*c))) {
                    return Err(encode_error(vm, codec, &chars, i + k, end));
                }
                for c in run {
                    push_code_point(&mut out, codec, sg::code_point(*c));
                }
            }
            "ignore" => {}
            "replace" => {
                for _ in run {
                    push_code_point(&mut out, codec, u32::from('?'));
                }
            }
            "xmlcharrefreplace" | "backslashreplace" => {
                for c in run {
                    let text = if errors == "backslashreplace" {
                        char_escape(*c)
                    } else {
                        format!("&#{};", sg::code_point(*c))
                    };
                    for b in text.bytes() {
                        push_code_point(&mut out, codec, u32::from(b));
                    }
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// Decodes bytes as UTF-8 with `surrogateescape`, without a VM: how CPython turns
/// command-line arguments into `sys.argv` under a UTF-8 locale (each byte of an invalid
/// sequence becomes U+DC80..U+DCFF, held as its stand-in).
pub fn utf8_surrogateescape(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len());
    for chunk in data.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push(sg::char_for(0xDC00 + u32::from(*b)).unwrap_or('\u{fffd}'));
        }
    }
    out
}

/// One decoding error: byte range and reason.
struct DecodeError {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Handles a decoding error per `errors`: appends the replacement to `out`
/// or returns the exception.
fn decode_error(
    vm: &mut Vm,
    codec: &str,
    data: &[u8],
    e: &DecodeError,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    let bad = data.get(e.start..e.end).unwrap_or_default();
    // surrogateescape turns each byte 0x80..0xFF into U+DC80..U+DCFF; an ASCII byte
    // cannot be escaped, and the error is raised as under strict (so does surrogatepass
    // for the errors the codec itself did not resolve).
    let escapable = bad.iter().all(|b| *b >= 0x80);
    match errors {
        "surrogateescape" if escapable => {
            for b in bad {
                out.push(sg::char_for(0xDC00 + u32::from(*b)).unwrap_or('\u{fffd}'));
            }
            Ok(())
        }
        "strict" | "surrogateescape" | "surrogatepass" => {
            let object = vm.new_bytes(data.to_vec());
            Err(unicode_error(vm, true, codec, object, e.start, e.end, e.reason))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str, out: &mut String) -> PyResult<()> {
    let mut rest = data;
    let mut offset = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(());
            }
            Err(err) => {
                let good = err.valid_up_to();
                out.push_str(std::str::from_utf8(rest.get(..good).unwrap_or_default()).unwrap_or(""));
                let first = rest.get(good).copied().unwrap_or(0);
                if errors == "surrogatepass"
                    && let Some([0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF]) = rest.get(good..good + 3)
                {
                    // The generalized UTF-8 form of a surrogate.
                    let cp = 0xD000 | (u32::from(*b1 & 0x3F) << 6) | u32::from(*b2 & 0x3F);
                    out.push(sg::char_for(cp).unwrap_or('\u{fffd}'));
                    let skip = good + 3;
                    rest = rest.get(skip..).unwrap_or_default();
                    offset += skip;
                    continue;
                }
                let (len, reason) = match err.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) if (0xc2..=0xf4).contains(&first) => (n, "invalid continuation byte"),
                    Some(n) => (n, "invalid start byte"),
                };
                let e = DecodeError {
                    start: offset + good,
                    end: offset + good + len,
                    reason,
                };
                decode_error(vm, "utf-8", data, &e, errors, out)?;
                let skip = good + len.max(1);
                rest = rest.get(skip..).unwrap_or_default();
                offset += skip;
            }
        }
    }
}

fn decode_utf16(vm: &mut Vm, data: &[u8], order: Option<bool>, errors: &str, out: &mut String) -> PyResult<()> {
    let (mut pos, le) = match (order, data) {
        (None, [0xff, 0xfe, ..]) => (2, true),
        (None, [0xfe, 0xff, ..]) => (2, false),
        (None, _) => (0, true),
        (Some(le), _) => (0, le),
    };
    let name = if le { "utf-16-le" } else { "utf-16-be" };
    let unit = |p: usize| -> Option<u16> {
        let a = *data.get(p)?;
        let b = *data.get(p + 1)?;
        Some(if le {
            u16::from_le_bytes([a, b])
        } else {
            u16::from_be_bytes([a, b])
        })
    };
    while pos < data.len() {
        let Some(u) = unit(pos) else {
            let e = DecodeError {
                start: pos,
                end: data.len(),
                reason: "truncated data",
            };
            decode_error(vm, name, data, &e, errors, out)?;
            break;
        };
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u32::from(u)).unwrap_or('\u{fffd}'));
            pos += 2;
            continue;
        }
        let pass = |out: &mut String| out.push(sg::char_for(u32::from(u)).unwrap_or('\u{fffd}'));
        let next_is_low = unit(pos + 2).is_some_and(|lo| (0xdc00..0xe000).contains(&lo));
        if errors == "surrogatepass" && (u >= 0xdc00 || !next_is_low) {
            pass(out);
            pos += 2;
            continue;
        }
        if u >= 0xdc00 {
            let e = DecodeError {
                start: pos,
                end: pos + 2,
                reason: "illegal encoding",
            };
            decode_error(vm, name, data, &e, errors, out)?;
            pos += 2;
            continue;
        }
        match unit(pos + 2) {
            None => {
                let e = DecodeError {
                    start: pos,
                    end: data.len(),
                    reason: "unexpected end of data",
                };
                decode_error(vm, name, data, &e, errors, out)?;
                break;
            }
            Some(lo) if (0xdc00..0xe000).contains(&lo) => {
                let cp = 0x10000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(lo) - 0xdc00);
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                pos += 4;
            }
            Some(_) => {
                let e = DecodeError {
                    start: pos,
                    end: pos + 2,
                    reason: "illegal UTF-16 surrogate",
                };
                decode_error(vm, name, data, &e, errors, out)?;
                pos += 2;
            }
        }
    }
    Ok(())
}

fn decode_utf32(vm: &mut Vm, data: &[u8], order: Option<bool>, errors: &str, out: &mut String) -> PyResult<()> {
    let (mut pos, le) = match (order, data) {
        (None, [0xff, 0xfe, 0, 0, ..]) => (4, true),
        (None, [0, 0, 0xfe, 0xff, ..]) => (4, false),
        (None, _) => (0, true),
        (Some(le), _) => (0, le),
    };
    let name = if le { "utf-32-le" } else { "utf-32-be" };
    while pos < data.len() {
        let Some(w) = data.get(pos..pos + 4) else {
            let e = DecodeError {
                start: pos,
                end: data.len(),
                reason: "truncated data",
            };
            decode_error(vm, name, data, &e, errors, out)?;
            break;
        };
        let arr: [u8; 4] = w.try_into().unwrap_or([0; 4]);
        let cp = if le {
            u32::from_le_bytes(arr)
        } else {
            u32::from_be_bytes(arr)
        };
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None if errors == "surrogatepass" && sg::is_surrogate(cp) => {
                out.push(sg::char_for(cp).unwrap_or('\u{fffd}'));
            }
            None => {
                let reason = if (0xd800..0xe000).contains(&cp) {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                } else {
                    "code point not in range(0x110000)"
                };
                let e = DecodeError {
                    start: pos,
                    end: pos + 4,
                    reason,
                };
                decode_error(vm, name, data, &e, errors, out)?;
            }
        }
        pos += 4;
    }
    Ok(())
}

/// `data.decode(encoding, errors)`. Errors: LookupError for an unknown
/// encoding or error handler; UnicodeDecodeError "'utf-8' codec can't decode
/// byte 0xff in position 0: invalid start byte" under `strict`.
pub fn decode_bytes(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup_codec(vm, encoding)?;
    let mut out = String::with_capacity(data.len());
    match codec {
        Codec::Utf8 => decode_utf8(vm, data, errors, &mut out)?,
        Codec::Latin1 => out.extend(data.iter().map(|b| char::from(*b))),
        Codec::Ascii => {
            for (i, b) in data.iter().enumerate() {
                if b.is_ascii() {
                    out.push(char::from(*b));
                } else {
                    let e = DecodeError {
                        start: i,
                        end: i + 1,
                        reason: "ordinal not in range(128)",
                    };
                    decode_error(vm, "ascii", data, &e, errors, &mut out)?;
                }
            }
        }
        Codec::Utf16(order) => decode_utf16(vm, data, order, errors, &mut out)?,
        Codec::Utf32(order) => decode_utf32(vm, data, order, errors, &mut out)?,
    }
    Ok(out)
}
