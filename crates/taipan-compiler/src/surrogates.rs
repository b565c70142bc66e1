//! Lone surrogates in string literals (`'\ud800'`).
//!
//! ruff's parser decodes a `\uD800`..`\uDFFF` (or `\U0000D800`..) escape to U+FFFD, since a
//! Rust `str` cannot hold a surrogate. CPython keeps the surrogate; taipan stores it as its
//! stand-in (see `taipan_bytecode::surrogate`). This pass recovers them: when a decoded
//! literal contains U+FFFD, the literal's source text is scanned for everything that can
//! produce a U+FFFD (a literal U+FFFD character, a `\u`/`\U` escape of a surrogate or of
//! U+FFFD, `\N{REPLACEMENT CHARACTER}`), in order, and each U+FFFD of the decoded value is
//! replaced by the stand-in when its source was a surrogate escape. When the scan does not
//! account for exactly the U+FFFDs of the value, the value is kept as ruff decoded it.

use std::borrow::Cow;

use taipan_bytecode::surrogate::{char_for, is_surrogate};

/// What produced one U+FFFD of a decoded literal: `None` for a genuine U+FFFD, else the
/// stand-in of a surrogate escape.
type Origin = Option<char>;

/// Parses `n` hex digits from `it`.
fn hex(it: &mut std::str::Chars<'_>, n: usize) -> Option<u32> {
    let mut v = 0u32;
    for _ in 0..n {
        let d = it.next()?.to_digit(16)?;
        v = v.checked_mul(16)?.checked_add(d)?;
    }
    Some(v)
}

/// The origins of the U+FFFDs the (non-raw) literal source `text` decodes to, in order.
/// `None` when an escape is malformed (the parser reported it already).
fn origins(text: &str) -> Option<Vec<Origin>> {
    let mut out = Vec::new();
    let mut it = text.chars();
    while let Some(c) = it.next() {
        if c == '\u{fffd}' {
            out.push(None);
            continue;
        }
        if c != '\\' {
            continue;
        }
        let cp = match it.next()? {
            'u' => hex(&mut it, 4)?,
            'U' => hex(&mut it, 8)?,
            '\u{fffd}' => 0xfffd,
            'N' => {
                if it.next()? != '{' {
                    return None;
                }
                let mut name = String::new();
                for c in it.by_ref() {
                    if c == '}' {
                        break;
                    }
                    name.push(c);
                }
                if name.eq_ignore_ascii_case("replacement character") {
                    0xfffd
                } else {
                    0
                }
            }
            // Any other escape (or escaped backslash / quote) yields no U+FFFD.
            _ => 0,
        };
        if cp == 0xfffd {
            out.push(None);
        } else if is_surrogate(cp) {
            out.push(char_for(cp));
        }
    }
    Some(out)
}

/// A decoded literal `value` with its surrogates restored from its source `text` (the
/// whole literal token, prefix and quotes included); `raw` literals have no escapes.
pub fn restore<'v>(value: &'v str, text: &str, raw: bool) -> Cow<'v, str> {
    if raw || !value.contains('\u{fffd}') {
        return Cow::Borrowed(value);
    }
    let Some(found) = origins(text) else {
        return Cow::Borrowed(value);
    };
    if found.iter().all(Option::is_none) || found.len() != value.matches('\u{fffd}').count() {
        return Cow::Borrowed(value);
    }
    let mut origin = found.into_iter();
    let out: String = value
        .chars()
        .map(|c| {
            if c == '\u{fffd}' {
                origin.next().flatten().unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_escapes() {
        let sd800 = char_for(0xd800).unwrap_or('?');
        let sdfff = char_for(0xdfff).unwrap_or('?');
        let r = restore(
            "a\u{fffd}\u{fffd}\u{fffd}",
            r#""a\ud800\N{Replacement Character}\U0000DFFF""#,
            false,
        );
        assert_eq!(r, format!("a{sd800}\u{fffd}{sdfff}"));
        assert_eq!(restore("\u{fffd}", r#"'\ufffd'"#, false), "\u{fffd}");
        assert_eq!(restore("\\\u{fffd}", r#"'\\\ud800'"#, false), format!("\\{sd800}"));
        assert_eq!(restore("\\ud800", r#"r'\ud800'"#, true), "\\ud800");
    }
}
