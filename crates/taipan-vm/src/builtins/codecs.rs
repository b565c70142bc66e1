//! Codecs behind `str.encode` and `bytes.decode` (CPython 3.11 `Objects/unicodeobject.c`
//! and the `encodings` package): UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with or without
//! byte order), error handlers `strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace` (encoding) and `surrogateescape` (decoding; strs cannot hold lone
//! surrogates, so it substitutes U+FFFD). Decoding errors follow CPython's UTF-8 decoder:
//! each maximal invalid subsequence is one error.

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
    let n = u32::from(c);
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `s.encode(encoding, errors)`. Errors: LookupError for an unknown
/// encoding (or, when needed, error handler); UnicodeEncodeError "'ascii'
/// codec can't encode character '\xe9' in position 1: ordinal not in
/// range(128)" under `strict`.
pub fn encode_str(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let mut out = Vec::with_capacity(s.len());
    match codec {
        Codec::Utf8 => out.extend_from_slice(s.as_bytes()),
        Codec::Utf16(order) => {
            let le = order.unwrap_or(true);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
        }
        Codec::Utf32(order) => {
            let le = order.unwrap_or(true);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                let u = u32::from(c);
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
        }
        Codec::Ascii | Codec::Latin1 => {
            let limit: u32 = if codec == Codec::Ascii { 0x80 } else { 0x100 };
            let chars: Vec<char> = s.chars().collect();
            let mut i = 0usize;
            while let Some(&c) = chars.get(i) {
                if u32::from(c) < limit {
                    out.push(u8::try_from(u32::from(c)).unwrap_or(b'?'));
                    i += 1;
                    continue;
                }
                let mut end = i + 1;
                while chars.get(end).is_some_and(|c| u32::from(*c) >= limit) {
                    end += 1;
                }
                match errors {
                    "strict" | "surrogateescape" | "surrogatepass" => {
                        let reason = format!("ordinal not in range({limit})");
                        let name = codec_name(codec);
                        let msg = if end - i == 1 {
                            format!(
                                "'{name}' codec can't encode character '{}' in position {i}: {reason}",
                                char_escape(c)
                            )
                        } else {
                            format!(
                                "'{name}' codec can't encode characters in position {i}-{}: {reason}",
                                end - 1
                            )
                        };
                        let t = vm.exc.unicode_encode_error.clone();
                        return Err(vm.new_error(&t, msg));
                    }
                    "ignore" => {}
                    "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
                    "xmlcharrefreplace" => {
                        for c in chars.get(i..end).unwrap_or_default() {
                            out.extend_from_slice(format!("&#{};", u32::from(*c)).as_bytes());
                        }
                    }
                    "backslashreplace" => {
                        for c in chars.get(i..end).unwrap_or_default() {
                            out.extend_from_slice(char_escape(*c).as_bytes());
                        }
                    }
                    _ => return Err(unknown_handler(vm, errors)),
                }
                i = end;
            }
        }
    }
    Ok(out)
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
    match errors {
        "strict" => {
            let msg = match bad {
                [b] => format!(
                    "'{codec}' codec can't decode byte 0x{b:02x} in position {}: {}",
                    e.start, e.reason
                ),
                _ => format!(
                    "'{codec}' codec can't decode bytes in position {}-{}: {}",
                    e.start,
                    e.end.saturating_sub(1),
                    e.reason
                ),
            };
            let t = vm.exc.unicode_decode_error.clone();
            Err(vm.new_error(&t, msg))
        }
        "ignore" => Ok(()),
        "replace" | "surrogateescape" => {
            if errors == "replace" {
                out.push('\u{fffd}');
            } else {
                out.extend(std::iter::repeat_n('\u{fffd}', bad.len()));
            }
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
