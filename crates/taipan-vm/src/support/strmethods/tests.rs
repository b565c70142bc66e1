//! Unit tests for `strmethods`; expected values were produced by python3
//! (CPython 3.11.7).
#![allow(clippy::type_complexity)]
use super::*;

#[test]
fn case_mappings() {
    // (input, lower, upper, title, capitalize, swapcase, casefold)
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
        ("abc", "abc", "ABC", "Abc", "Abc", "ABC", "abc"),
        ("Hello World", "hello world", "HELLO WORLD", "Hello World", "Hello world", "hELLO wORLD", "hello world"),
        ("they're bill's", "they're bill's", "THEY'RE BILL'S", "They'Re Bill'S", "They're bill's", "THEY'RE BILL'S", "they're bill's"),
        ("\u{391}\u{3a3} \u{391}\u{3a3}\u{391}", "\u{3b1}\u{3c2} \u{3b1}\u{3c3}\u{3b1}", "\u{391}\u{3a3} \u{391}\u{3a3}\u{391}", "\u{391}\u{3c2} \u{391}\u{3c3}\u{3b1}", "\u{391}\u{3c2} \u{3b1}\u{3c3}\u{3b1}", "\u{3b1}\u{3c2} \u{3b1}\u{3c3}\u{3b1}", "\u{3b1}\u{3c3} \u{3b1}\u{3c3}\u{3b1}"),
        ("\u{1c6}emal", "\u{1c6}emal", "\u{1c4}EMAL", "\u{1c5}emal", "\u{1c5}emal", "\u{1c4}EMAL", "\u{1c6}emal"),
        ("\u{df}tra\u{df}e", "\u{df}tra\u{df}e", "SSTRASSE", "Sstra\u{df}e", "Sstra\u{df}e", "SSTRASSE", "sstrasse"),
        ("\u{fb01}sh \u{fb02}y", "\u{fb01}sh \u{fb02}y", "FISH FLY", "Fish Fly", "Fish \u{fb02}y", "FISH FLY", "fish fly"),
        ("\u{130}stanbul", "i\u{307}stanbul", "\u{130}STANBUL", "\u{130}stanbul", "\u{130}stanbul", "i\u{307}STANBUL", "i\u{307}stanbul"),
        ("hello wORLD 123", "hello world 123", "HELLO WORLD 123", "Hello World 123", "Hello world 123", "HELLO World 123", "hello world 123"),
        ("\u{38c}\u{3a3}\u{39f}\u{3a3}", "\u{3cc}\u{3c3}\u{3bf}\u{3c2}", "\u{38c}\u{3a3}\u{39f}\u{3a3}", "\u{38c}\u{3c3}\u{3bf}\u{3c2}", "\u{38c}\u{3c3}\u{3bf}\u{3c2}", "\u{3cc}\u{3c3}\u{3bf}\u{3c2}", "\u{3cc}\u{3c3}\u{3bf}\u{3c3}"),
        ("a\u{3a3}.", "a\u{3c2}.", "A\u{3a3}.", "A\u{3c2}.", "A\u{3c2}.", "A\u{3c2}.", "a\u{3c3}."),
        ("a\u{301}\u{3a3} b", "a\u{301}\u{3c2} b", "A\u{301}\u{3a3} B", "A\u{301}\u{3a3} B", "A\u{301}\u{3c2} b", "A\u{301}\u{3c2} B", "a\u{301}\u{3c3} b"),
        ("\u{1c5}ungla", "\u{1c6}ungla", "\u{1c4}UNGLA", "\u{1c5}ungla", "\u{1c5}ungla", "\u{1c5}UNGLA", "\u{1c6}ungla"),
        ("\u{1ff3} \u{1fb3}", "\u{1ff3} \u{1fb3}", "\u{3a9}\u{399} \u{391}\u{399}", "\u{1ffc} \u{1fbc}", "\u{1ffc} \u{1fb3}", "\u{3a9}\u{399} \u{391}\u{399}", "\u{3c9}\u{3b9} \u{3b1}\u{3b9}"),
        ("\u{13a0}\u{ab70}", "\u{ab70}\u{ab70}", "\u{13a0}\u{13a0}", "\u{13a0}\u{ab70}", "\u{13a0}\u{ab70}", "\u{ab70}\u{13a0}", "\u{13a0}\u{13a0}"),
        ("\u{131}", "\u{131}", "I", "I", "I", "I", "\u{131}"),
        ("\u{1e9e}", "\u{df}", "\u{1e9e}", "\u{1e9e}", "\u{1e9e}", "\u{df}", "ss"),
        ("\u{1c5}1", "\u{1c6}1", "\u{1c4}1", "\u{1c5}1", "\u{1c5}1", "\u{1c5}1", "\u{1c6}1"),
        ("A1 B2", "a1 b2", "A1 B2", "A1 B2", "A1 b2", "a1 b2", "a1 b2"),
    ];
    for &(s, lo, up, ti, ca, sw, cf) in cases {
        assert_eq!(lower(s), lo, "lower {s:?}");
        assert_eq!(upper(s), up, "upper {s:?}");
        assert_eq!(title(s), ti, "title {s:?}");
        assert_eq!(capitalize(s), ca, "capitalize {s:?}");
        assert_eq!(swapcase(s), sw, "swapcase {s:?}");
        assert_eq!(casefold(s), cf, "casefold {s:?}");
    }
}

#[test]
fn predicates() {
    // Flags: isalpha isdecimal isdigit isnumeric isalnum isspace isupper islower istitle isidentifier isprintable isascii, T/F each.
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("", "FFFFFFFFFFTT"),
        (" ", "FFFFFTFFFFTT"),
        ("\u{9}\u{a}\u{b}\u{c}\u{d}\u{1c}\u{1f} \u{85}\u{a0}\u{1680}\u{2000}\u{2028}\u{3000}", "FFFFFTFFFFFF"),
        ("\u{200b}", "FFFFFFFFFFFF"),
        ("\u{b2}\u{b3}\u{b9}", "FFTTTFFFFFTF"),
        ("\u{bd}\u{2153}", "FFFTTFFFFFTF"),
        ("\u{2163}", "FFFTTFTFTTTF"),
        ("\u{e53}", "FTTTTFFFFFTF"),
        ("\u{1d7d8}\u{1d7d9}", "FTTTTFFFFFTF"),
        ("_x", "FFFFFFFTFTTT"),
        ("x_1", "FFFFFFFTFTTT"),
        ("1x", "FFFFTFFTFFTT"),
        ("a-b", "FFFFFFFTFFTT"),
        ("\u{3b1}\u{3b2}\u{3b3}", "TFFFTFFTFTTF"),
        ("\u{301}a", "FFFFFFFTFFTF"),
        ("a\u{301}", "FFFFFFFTFTTF"),
        ("\u{7f}", "FFFFFFFFFFFT"),
        ("\u{ad}", "FFFFFFFFFFFF"),
        ("\u{feff}", "FFFFFFFFFFFF"),
        ("\u{1f600}", "FFFFFFFFFFTF"),
        ("\u{e000}", "FFFFFFFFFFFF"),
        ("\u{aa}", "TFFFTFFTFTTF"),
        ("\u{2b0}", "TFFFTFFTFTTF"),
        ("\u{1c5}\u{1c6}", "TFFFTFFFTTTF"),
        ("AbC", "TFFFTFFFFTTT"),
        ("ABC", "TFFFTFTFFTTT"),
        ("abc", "TFFFTFFTFTTT"),
        ("Hello World", "FFFFFFFFTFTT"),
        ("Hello world", "FFFFFFFFFFTT"),
        ("\u{1c5}a", "TFFFTFFFTTTF"),
        ("A1", "FFFFTFTFTTTT"),
        ("1", "FTTTTFFFFFTT"),
        ("HELLO1", "FFFFTFTFFTTT"),
        ("\u{663}", "FTTTTFFFFFTF"),
        ("123abc", "FFFFTFFTFFTT"),
    ];
    for &(s, want) in cases {
        let got: String = [
            isalpha(s),
            isdecimal(s),
            isdigit(s),
            isnumeric(s),
            isalnum(s),
            isspace(s),
            isupper(s),
            islower(s),
            istitle(s),
            isidentifier(s),
            isprintable(s),
            isascii(s),
        ]
        .iter()
        .map(|&b| if b { 'T' } else { 'F' })
        .collect();
        assert_eq!(got, want, "{s:?}");
    }
}

#[test]
fn find_count_affixes() {
    // (s, sub, start, end, find, rfind, count, startswith, endswith)
    #[rustfmt::skip]
    let cases: &[(&str, &str, Option<i64>, Option<i64>, Option<usize>, Option<usize>, usize, bool, bool)] = &[
        ("hello world hello", "", Some(2), Some(10), Some(2), Some(10), 9, true, true),
        ("hello world hello", "", Some(5), Some(2), None, None, 0, false, false),
        ("hello world hello", "l", Some(-3), None, Some(14), Some(15), 2, true, false),
        ("hello world hello", "l", Some(-100), Some(100), Some(2), Some(15), 5, false, false),
        ("hello world hello", "lo", Some(100), None, None, None, 0, false, false),
        ("hello world hello", "lo", Some(4), None, Some(15), Some(15), 1, false, true),
        ("hello world hello", "hello", Some(100), None, None, None, 0, false, false),
        ("hello world hello", "hello", Some(1), None, Some(12), Some(12), 1, false, true),
        ("hello world hello", "aa", Some(4), None, None, None, 0, false, false),
        ("hello world hello", "aa", Some(0), Some(-1), None, None, 0, false, false),
        ("aaaa", "", Some(4), None, Some(4), Some(4), 1, true, true),
        ("aaaa", "", Some(5), Some(2), None, None, 0, false, false),
        ("aaaa", "l", Some(4), None, None, None, 0, false, false),
        ("aaaa", "l", Some(3), Some(3), None, None, 0, false, false),
        ("aaaa", "aa", Some(5), Some(2), None, None, 0, false, false),
        ("aaaa", "aa", Some(3), Some(3), None, None, 0, false, false),
        ("aaaa", "x", Some(1), None, None, None, 0, false, false),
        ("aaaa", "x", Some(-3), None, None, None, 0, false, false),
        ("aaaa", "\u{65e5}\u{672c}", Some(100), None, None, None, 0, false, false),
        ("aaaa", "\u{65e5}\u{672c}", None, None, None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "", Some(0), Some(-1), Some(0), Some(16), 17, true, true),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "", None, None, Some(0), Some(17), 18, true, true),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "l", Some(0), Some(-1), Some(2), Some(15), 5, false, true),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "l", Some(4), None, Some(9), Some(15), 3, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "lo", Some(100), None, None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "lo", Some(3), Some(3), None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "hello", Some(3), Some(3), None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "hello", Some(100), None, None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "\u{f6}", Some(100), None, None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "\u{f6}", Some(4), None, Some(7), Some(7), 1, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "aa", Some(-3), None, None, None, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "aa", Some(-100), Some(100), None, None, 0, false, false),
        ("", "", Some(2), Some(10), None, None, 0, false, false),
        ("", "", Some(0), Some(-1), Some(0), Some(0), 1, true, true),
        ("", "l", Some(3), Some(3), None, None, 0, false, false),
        ("", "l", Some(0), Some(-1), None, None, 0, false, false),
        ("", "hello", Some(100), None, None, None, 0, false, false),
        ("", "hello", Some(-100), Some(100), None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "", None, None, Some(0), Some(5), 6, true, true),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "", Some(0), Some(-1), Some(0), Some(4), 5, true, true),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "l", Some(-3), None, None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "l", Some(-100), Some(100), None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "lo", Some(100), None, None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "lo", Some(1), None, None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "hello", Some(2), Some(10), None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "hello", Some(0), Some(-1), None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "x", Some(4), None, None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "x", Some(1), None, None, None, 0, false, false),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "\u{65e5}\u{672c}", Some(-100), Some(100), Some(0), Some(3), 2, true, true),
        ("\u{65e5}\u{672c}\u{8a9e}\u{65e5}\u{672c}", "\u{65e5}\u{672c}", Some(1), None, Some(3), Some(3), 1, false, true),
    ];
    for &(s, sub, st, en, f, rf, n, sw, ew) in cases {
        let what = format!("{s:?}.x({sub:?}, {st:?}, {en:?})");
        assert_eq!(find(s, sub, st, en), f, "find {what}");
        assert_eq!(rfind(s, sub, st, en), rf, "rfind {what}");
        assert_eq!(count(s, sub, st, en), n, "count {what}");
        assert_eq!(startswith(s, sub, st, en), sw, "startswith {what}");
        assert_eq!(endswith(s, sub, st, en), ew, "endswith {what}");
    }
}

#[test]
fn splitting() {
    // (s, maxsplit, split(), rsplit())
    #[rustfmt::skip]
    let ws: &[(&str, Option<usize>, &[&str], &[&str])] = &[
        ("", None, &[], &[]),
        ("", Some(0), &[], &[]),
        ("", Some(1), &[], &[]),
        ("  ", None, &[], &[]),
        ("  ", Some(0), &[], &[]),
        ("  ", Some(1), &[], &[]),
        (" a  b ", None, &["a", "b"], &["a", "b"]),
        (" a  b ", Some(0), &["a  b "], &[" a  b"]),
        (" a  b ", Some(1), &["a", "b "], &[" a", "b"]),
        ("a b c d", None, &["a", "b", "c", "d"], &["a", "b", "c", "d"]),
        ("a b c d", Some(0), &["a b c d"], &["a b c d"]),
        ("a b c d", Some(1), &["a", "b c d"], &["a b c", "d"]),
        ("\u{3000}x\u{1c}y\u{85}z  ", None, &["x", "y", "z"], &["x", "y", "z"]),
        ("\u{3000}x\u{1c}y\u{85}z  ", Some(0), &["x\u{1c}y\u{85}z  "], &["\u{3000}x\u{1c}y\u{85}z"]),
        ("\u{3000}x\u{1c}y\u{85}z  ", Some(1), &["x", "y\u{85}z  "], &["\u{3000}x\u{1c}y", "z"]),
        ("a,b,,c,", None, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(0), &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(1), &["a,b,,c,"], &["a,b,,c,"]),
        ("a::b::c", None, &["a::b::c"], &["a::b::c"]),
        ("a::b::c", Some(0), &["a::b::c"], &["a::b::c"]),
        ("a::b::c", Some(1), &["a::b::c"], &["a::b::c"]),
        ("h\u{e9}llo w\u{f6}rld", None, &["h\u{e9}llo", "w\u{f6}rld"], &["h\u{e9}llo", "w\u{f6}rld"]),
        ("h\u{e9}llo w\u{f6}rld", Some(0), &["h\u{e9}llo w\u{f6}rld"], &["h\u{e9}llo w\u{f6}rld"]),
        ("h\u{e9}llo w\u{f6}rld", Some(1), &["h\u{e9}llo", "w\u{f6}rld"], &["h\u{e9}llo", "w\u{f6}rld"]),
    ];
    for &(s, m, sp, rsp) in ws {
        assert_eq!(split_whitespace(s, m), sp, "{s:?}.split(None, {m:?})");
        assert_eq!(rsplit_whitespace(s, m), rsp, "{s:?}.rsplit(None, {m:?})");
    }
    // (s, sep, maxsplit, split(sep), rsplit(sep))
    #[rustfmt::skip]
    let by_sep: &[(&str, &str, Option<usize>, &[&str], &[&str])] = &[
        ("a,b,,c,", ",", None, &["a", "b", "", "c", ""], &["a", "b", "", "c", ""]),
        ("a,b,,c,", ",", Some(0), &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", ",", Some(1), &["a", "b,,c,"], &["a,b,,c", ""]),
        (",", ",", None, &["", ""], &["", ""]),
        (",", ",", Some(0), &[","], &[","]),
        (",", ",", Some(1), &["", ""], &["", ""]),
        ("a::b::c", "::", None, &["a", "b", "c"], &["a", "b", "c"]),
        ("a::b::c", "::", Some(0), &["a::b::c"], &["a::b::c"]),
        ("a::b::c", "::", Some(1), &["a", "b::c"], &["a::b", "c"]),
        ("h\u{e9}llo w\u{f6}rld", "\u{f6}", None, &["h\u{e9}llo w", "rld"], &["h\u{e9}llo w", "rld"]),
        ("h\u{e9}llo w\u{f6}rld", "\u{f6}", Some(0), &["h\u{e9}llo w\u{f6}rld"], &["h\u{e9}llo w\u{f6}rld"]),
        ("h\u{e9}llo w\u{f6}rld", "\u{f6}", Some(1), &["h\u{e9}llo w", "rld"], &["h\u{e9}llo w", "rld"]),
        ("", ",", None, &[""], &[""]),
        ("", ",", Some(0), &[""], &[""]),
        ("", ",", Some(1), &[""], &[""]),
        ("", "::", None, &[""], &[""]),
        ("", "::", Some(0), &[""], &[""]),
        ("", "::", Some(1), &[""], &[""]),
        ("", "\u{f6}", None, &[""], &[""]),
        ("", "\u{f6}", Some(0), &[""], &[""]),
        ("", "\u{f6}", Some(1), &[""], &[""]),
    ];
    for &(s, sep, m, sp, rsp) in by_sep {
        assert_eq!(split_sep(s, sep, m).as_deref(), Ok(sp), "{s:?}.split({sep:?}, {m:?})");
        assert_eq!(
            rsplit_sep(s, sep, m).as_deref(),
            Ok(rsp),
            "{s:?}.rsplit({sep:?}, {m:?})"
        );
    }
    // (s, splitlines(), splitlines(True))
    #[rustfmt::skip]
    let lines: &[(&str, &[&str], &[&str])] = &[
        ("", &[], &[]),
        ("a", &["a"], &["a"]),
        ("\u{a}", &[""], &["\u{a}"]),
        ("a\u{d}\u{a}b\u{d}c\u{a}\u{a}d", &["a", "b", "c", "", "d"], &["a\u{d}\u{a}", "b\u{d}", "c\u{a}", "\u{a}", "d"]),
        ("x\u{b}y\u{c}z\u{1c}\u{1d}\u{1e}\u{85}\u{2028}\u{2029}e", &["x", "y", "z", "", "", "", "", "", "e"], &["x\u{b}", "y\u{c}", "z\u{1c}", "\u{1d}", "\u{1e}", "\u{85}", "\u{2028}", "\u{2029}", "e"]),
        ("a\u{d}", &["a"], &["a\u{d}"]),
        ("\u{d}\u{a}\u{d}\u{a}", &["", ""], &["\u{d}\u{a}", "\u{d}\u{a}"]),
        ("trail\u{a}", &["trail"], &["trail\u{a}"]),
    ];
    for &(s, plain, keep) in lines {
        assert_eq!(splitlines(s, false), plain, "{s:?}");
        assert_eq!(splitlines(s, true), keep, "{s:?} keepends");
    }
    // (s, sep, partition, rpartition)
    #[rustfmt::skip]
    let parts: &[(&str, &str, (&str, &str, &str), (&str, &str, &str))] = &[
        ("", "-", ("", "", ""), ("", "", "")),
        ("", "--", ("", "", ""), ("", "", "")),
        ("", "\u{f6}", ("", "", ""), ("", "", "")),
        ("a-b-c", "-", ("a", "-", "b-c"), ("a-b", "-", "c")),
        ("a-b-c", "--", ("a-b-c", "", ""), ("", "", "a-b-c")),
        ("a-b-c", "\u{f6}", ("a-b-c", "", ""), ("", "", "a-b-c")),
        ("-", "-", ("", "-", ""), ("", "-", "")),
        ("-", "--", ("-", "", ""), ("", "", "-")),
        ("-", "\u{f6}", ("-", "", ""), ("", "", "-")),
        ("abc", "-", ("abc", "", ""), ("", "", "abc")),
        ("abc", "--", ("abc", "", ""), ("", "", "abc")),
        ("abc", "\u{f6}", ("abc", "", ""), ("", "", "abc")),
        ("a--b", "-", ("a", "-", "-b"), ("a-", "-", "b")),
        ("a--b", "--", ("a", "--", "b"), ("a", "--", "b")),
        ("a--b", "\u{f6}", ("a--b", "", ""), ("", "", "a--b")),
        ("h\u{e9}llo-w\u{f6}rld-x", "-", ("h\u{e9}llo", "-", "w\u{f6}rld-x"), ("h\u{e9}llo-w\u{f6}rld", "-", "x")),
        ("h\u{e9}llo-w\u{f6}rld-x", "--", ("h\u{e9}llo-w\u{f6}rld-x", "", ""), ("", "", "h\u{e9}llo-w\u{f6}rld-x")),
        ("h\u{e9}llo-w\u{f6}rld-x", "\u{f6}", ("h\u{e9}llo-w", "\u{f6}", "rld-x"), ("h\u{e9}llo-w", "\u{f6}", "rld-x")),
    ];
    for &(s, sep, p, rp) in parts {
        assert_eq!(partition(s, sep), Ok(p), "{s:?}.partition({sep:?})");
        assert_eq!(rpartition(s, sep), Ok(rp), "{s:?}.rpartition({sep:?})");
    }
    assert_eq!(partition("a", ""), Err("empty separator".to_string()));
    assert_eq!(split_sep("a", "", None), Err("empty separator".to_string()));
}

#[test]
fn strip_replace() {
    // (s, chars, strip, lstrip, rstrip)
    #[rustfmt::skip]
    let strips: &[(&str, Option<&str>, &str, &str, &str)] = &[
        ("", None, "", "", ""),
        ("", Some("x"), "", "", ""),
        ("", Some("h\u{e9}"), "", "", ""),
        ("", Some("cba"), "", "", ""),
        ("  a b  ", None, "a b", "a b  ", "  a b"),
        ("  a b  ", Some("x"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some("h\u{e9}"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some("cba"), "  a b  ", "  a b  ", "  a b  "),
        ("\u{9}\u{a} x\u{3000}", None, "x", "x\u{3000}", "\u{9}\u{a} x"),
        ("\u{9}\u{a} x\u{3000}", Some("x"), "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}"),
        ("\u{9}\u{a} x\u{3000}", Some("h\u{e9}"), "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}"),
        ("\u{9}\u{a} x\u{3000}", Some("cba"), "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}", "\u{9}\u{a} x\u{3000}"),
        ("xxhixx", None, "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some("x"), "hi", "hixx", "xxhi"),
        ("xxhixx", Some("h\u{e9}"), "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some("cba"), "xxhixx", "xxhixx", "xxhixx"),
        ("h\u{e9}h", None, "h\u{e9}h", "h\u{e9}h", "h\u{e9}h"),
        ("h\u{e9}h", Some("x"), "h\u{e9}h", "h\u{e9}h", "h\u{e9}h"),
        ("h\u{e9}h", Some("h\u{e9}"), "", "", ""),
        ("h\u{e9}h", Some("cba"), "h\u{e9}h", "h\u{e9}h", "h\u{e9}h"),
        ("abc", None, "abc", "abc", "abc"),
        ("abc", Some("x"), "abc", "abc", "abc"),
        ("abc", Some("h\u{e9}"), "abc", "abc", "abc"),
        ("abc", Some("cba"), "", "", ""),
    ];
    for &(s, chars, both, left, right) in strips {
        assert_eq!(strip(s, chars), both, "{s:?}.strip({chars:?})");
        assert_eq!(lstrip(s, chars), left, "{s:?}.lstrip({chars:?})");
        assert_eq!(rstrip(s, chars), right, "{s:?}.rstrip({chars:?})");
    }
    // (s, old, new, count, result)
    #[rustfmt::skip]
    let repl: &[(&str, &str, &str, Option<usize>, &str)] = &[
        ("", "", "-", None, "-"),
        ("", "", "-", Some(0), ""),
        ("", "", "-", Some(2), "-"),
        ("", "a", "xy", None, ""),
        ("", "a", "xy", Some(0), ""),
        ("", "aa", "b", None, ""),
        ("", "aa", "b", Some(0), ""),
        ("", ".", "", None, ""),
        ("", ".", "", Some(0), ""),
        ("", "\u{e9}", "e", None, ""),
        ("", "\u{e9}", "e", Some(0), ""),
        ("abc", "", "-", None, "-a-b-c-"),
        ("abc", "", "-", Some(0), "abc"),
        ("abc", "", "-", Some(2), "-a-bc"),
        ("abc", "a", "xy", None, "xybc"),
        ("abc", "a", "xy", Some(0), "abc"),
        ("abc", "a", "xy", Some(2), "xybc"),
        ("abc", "aa", "b", None, "abc"),
        ("abc", "aa", "b", Some(0), "abc"),
        ("abc", ".", "", None, "abc"),
        ("abc", ".", "", Some(0), "abc"),
        ("abc", "\u{e9}", "e", None, "abc"),
        ("abc", "\u{e9}", "e", Some(0), "abc"),
        ("aaa", "", "-", None, "-a-a-a-"),
        ("aaa", "", "-", Some(0), "aaa"),
        ("aaa", "", "-", Some(2), "-a-aa"),
        ("aaa", "a", "xy", None, "xyxyxy"),
        ("aaa", "a", "xy", Some(0), "aaa"),
        ("aaa", "a", "xy", Some(2), "xyxya"),
        ("aaa", "aa", "b", None, "ba"),
        ("aaa", "aa", "b", Some(0), "aaa"),
        ("aaa", "aa", "b", Some(2), "ba"),
        ("aaa", ".", "", None, "aaa"),
        ("aaa", ".", "", Some(0), "aaa"),
        ("aaa", "\u{e9}", "e", None, "aaa"),
        ("aaa", "\u{e9}", "e", Some(0), "aaa"),
        ("h\u{e9}llo", "", "-", None, "-h-\u{e9}-l-l-o-"),
        ("h\u{e9}llo", "", "-", Some(0), "h\u{e9}llo"),
        ("h\u{e9}llo", "", "-", Some(2), "-h-\u{e9}llo"),
        ("h\u{e9}llo", "a", "xy", None, "h\u{e9}llo"),
        ("h\u{e9}llo", "a", "xy", Some(0), "h\u{e9}llo"),
        ("h\u{e9}llo", "aa", "b", None, "h\u{e9}llo"),
        ("h\u{e9}llo", "aa", "b", Some(0), "h\u{e9}llo"),
        ("h\u{e9}llo", ".", "", None, "h\u{e9}llo"),
        ("h\u{e9}llo", ".", "", Some(0), "h\u{e9}llo"),
        ("h\u{e9}llo", "\u{e9}", "e", None, "hello"),
        ("h\u{e9}llo", "\u{e9}", "e", Some(0), "h\u{e9}llo"),
        ("h\u{e9}llo", "\u{e9}", "e", Some(2), "hello"),
        ("a.b.c", "", "-", None, "-a-.-b-.-c-"),
        ("a.b.c", "", "-", Some(0), "a.b.c"),
        ("a.b.c", "", "-", Some(2), "-a-.b.c"),
        ("a.b.c", "a", "xy", None, "xy.b.c"),
        ("a.b.c", "a", "xy", Some(0), "a.b.c"),
        ("a.b.c", "a", "xy", Some(2), "xy.b.c"),
        ("a.b.c", "aa", "b", None, "a.b.c"),
        ("a.b.c", "aa", "b", Some(0), "a.b.c"),
        ("a.b.c", ".", "", None, "abc"),
        ("a.b.c", ".", "", Some(0), "a.b.c"),
        ("a.b.c", ".", "", Some(2), "abc"),
        ("a.b.c", "\u{e9}", "e", None, "a.b.c"),
        ("a.b.c", "\u{e9}", "e", Some(0), "a.b.c"),
    ];
    for &(s, old, new, n, want) in repl {
        assert_eq!(replace(s, old, new, n), want, "{s:?}.replace({old:?}, {new:?}, {n:?})");
    }
}

#[test]
fn padding_tabs() {
    // (s, width, fill, center, ljust, rjust, zfill)
    #[rustfmt::skip]
    let pads: &[(&str, i64, char, &str, &str, &str, &str)] = &[
        ("", -1, '*', "", "", "", ""),
        ("", 4, '\u{e9}', "\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}", "0000"),
        ("", 5, '*', "*****", "*****", "*****", "00000"),
        ("", 6, '\u{e9}', "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "000000"),
        ("a", -1, '*', "a", "a", "a", "a"),
        ("a", 4, '\u{e9}', "\u{e9}a\u{e9}\u{e9}", "a\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}a", "000a"),
        ("a", 5, '*', "**a**", "a****", "****a", "0000a"),
        ("a", 6, '\u{e9}', "\u{e9}\u{e9}a\u{e9}\u{e9}\u{e9}", "a\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}a", "00000a"),
        ("ab", -1, '*', "ab", "ab", "ab", "ab"),
        ("ab", 4, '\u{e9}', "\u{e9}ab\u{e9}", "ab\u{e9}\u{e9}", "\u{e9}\u{e9}ab", "00ab"),
        ("ab", 5, '*', "**ab*", "ab***", "***ab", "000ab"),
        ("ab", 6, '\u{e9}', "\u{e9}\u{e9}ab\u{e9}\u{e9}", "ab\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}ab", "0000ab"),
        ("abc", -1, '*', "abc", "abc", "abc", "abc"),
        ("abc", 4, '\u{e9}', "abc\u{e9}", "abc\u{e9}", "\u{e9}abc", "0abc"),
        ("abc", 5, '*', "*abc*", "abc**", "**abc", "00abc"),
        ("abc", 6, '\u{e9}', "\u{e9}abc\u{e9}\u{e9}", "abc\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}abc", "000abc"),
        ("h\u{e9}llo", -1, '*', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 4, '\u{e9}', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 5, '*', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("h\u{e9}llo", 6, '\u{e9}', "h\u{e9}llo\u{e9}", "h\u{e9}llo\u{e9}", "\u{e9}h\u{e9}llo", "0h\u{e9}llo"),
        ("-42", -1, '*', "-42", "-42", "-42", "-42"),
        ("-42", 4, '\u{e9}', "-42\u{e9}", "-42\u{e9}", "\u{e9}-42", "-042"),
        ("-42", 5, '*', "*-42*", "-42**", "**-42", "-0042"),
        ("-42", 6, '\u{e9}', "\u{e9}-42\u{e9}\u{e9}", "-42\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}-42", "-00042"),
        ("+a", -1, '*', "+a", "+a", "+a", "+a"),
        ("+a", 4, '\u{e9}', "\u{e9}+a\u{e9}", "+a\u{e9}\u{e9}", "\u{e9}\u{e9}+a", "+00a"),
        ("+a", 5, '*', "**+a*", "+a***", "***+a", "+000a"),
        ("+a", 6, '\u{e9}', "\u{e9}\u{e9}+a\u{e9}\u{e9}", "+a\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}+a", "+0000a"),
        ("-", -1, '*', "-", "-", "-", "-"),
        ("-", 4, '\u{e9}', "\u{e9}-\u{e9}\u{e9}", "-\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}-", "-000"),
        ("-", 5, '*', "**-**", "-****", "****-", "-0000"),
        ("-", 6, '\u{e9}', "\u{e9}\u{e9}-\u{e9}\u{e9}\u{e9}", "-\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}-", "-00000"),
    ];
    for &(s, w, f, c, l, r, z) in pads {
        assert_eq!(center(s, w, f), c, "{s:?}.center({w}, {f:?})");
        assert_eq!(ljust(s, w, f), l, "{s:?}.ljust({w}, {f:?})");
        assert_eq!(rjust(s, w, f), r, "{s:?}.rjust({w}, {f:?})");
        assert_eq!(zfill(s, w), z, "{s:?}.zfill({w})");
    }
    // (s, tabsize, expandtabs)
    #[rustfmt::skip]
    let tabs: &[(&str, i64, &str)] = &[
        ("\u{9}", -1, ""),
        ("\u{9}", 0, ""),
        ("\u{9}", 3, "   "),
        ("\u{9}", 8, "        "),
        ("a\u{9}b", -1, "ab"),
        ("a\u{9}b", 0, "ab"),
        ("a\u{9}b", 3, "a  b"),
        ("a\u{9}b", 8, "a       b"),
        ("abcdefgh\u{9}i", -1, "abcdefghi"),
        ("abcdefgh\u{9}i", 0, "abcdefghi"),
        ("abcdefgh\u{9}i", 3, "abcdefgh i"),
        ("abcdefgh\u{9}i", 8, "abcdefgh        i"),
        ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", -1, "ab\u{a}c\u{d}d"),
        ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", 0, "ab\u{a}c\u{d}d"),
        ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", 3, "a  b\u{a}   c\u{d}   d"),
        ("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d", 8, "a       b\u{a}        c\u{d}        d"),
        ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", -1, "h\u{e9}llow\u{f6}rld!"),
        ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", 0, "h\u{e9}llow\u{f6}rld!"),
        ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", 3, "h\u{e9}llo w\u{f6}rld !"),
        ("h\u{e9}llo\u{9}w\u{f6}rld\u{9}!", 8, "h\u{e9}llo   w\u{f6}rld   !"),
    ];
    for &(s, t, want) in tabs {
        assert_eq!(expandtabs(s, t), want, "{s:?}.expandtabs({t})");
    }
}

#[test]
fn slicing() {
    // (s, start, stop, step, adjusted (start, stop, len), s[start:stop:step])
    #[rustfmt::skip]
    let cases: &[(&str, Option<i64>, Option<i64>, i64, (i64, i64, usize), &str)] = &[
        ("abcdefghij", Some(0), Some(3), 3, (0, 3, 1), "a"),
        ("abcdefghij", Some(-3), Some(-100), 2, (7, 0, 0), ""),
        ("abcdefghij", Some(100), Some(8), 1, (10, 8, 0), ""),
        ("abcdefghij", Some(-3), Some(3), -1, (7, 3, 4), "hgfe"),
        ("abcdefghij", Some(2), None, 3, (2, 10, 3), "cfi"),
        ("abcdefghij", Some(2), Some(3), -3, (2, 3, 0), ""),
        ("abcdefghij", None, Some(8), -1, (9, 8, 1), "j"),
        ("abcdefghij", Some(-100), Some(8), -1, (-1, 8, 0), ""),
        ("abcdefghij", Some(5), Some(0), 2, (5, 0, 0), ""),
        ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(-100), 1, (0, 0, 0), ""),
        ("h\u{e9}llo w\u{f6}rld", None, Some(-100), -2, (10, -1, 6), "drwolh"),
        ("h\u{e9}llo w\u{f6}rld", Some(100), Some(3), 1, (11, 3, 0), ""),
        ("h\u{e9}llo w\u{f6}rld", Some(100), Some(8), -1, (10, 8, 2), "dl"),
        ("h\u{e9}llo w\u{f6}rld", Some(100), Some(8), 1, (11, 8, 0), ""),
        ("h\u{e9}llo w\u{f6}rld", Some(-3), Some(-100), -3, (8, -1, 3), "r l"),
        ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(8), -1, (-1, 8, 0), ""),
        ("h\u{e9}llo w\u{f6}rld", None, Some(100), 3, (0, 11, 4), "hlwl"),
        ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(0), 3, (0, 0, 0), ""),
        ("", Some(-3), Some(100), 1, (0, 0, 0), ""),
        ("", Some(-100), Some(8), 1, (0, 0, 0), ""),
        ("", Some(0), None, -1, (-1, -1, 0), ""),
        ("", Some(100), Some(0), 2, (0, 0, 0), ""),
        ("", None, Some(-100), -1, (-1, -1, 0), ""),
        ("", Some(5), Some(100), 1, (0, 0, 0), ""),
        ("", Some(2), None, 1, (0, 0, 0), ""),
        ("", Some(100), Some(3), 2, (0, 0, 0), ""),
        ("", Some(100), Some(-100), 3, (0, 0, 0), ""),
    ];
    for &(s, start, stop, step, adjusted, want) in cases {
        let n = char_len(s);
        assert_eq!(
            adjust_slice(n, start, stop, step),
            adjusted,
            "{s:?}[{start:?}:{stop:?}:{step}]"
        );
        let (a, b, _) = adjusted;
        assert_eq!(slice_str(s, a, b, step), want, "{s:?}[{start:?}:{stop:?}:{step}]");
    }
    assert_eq!(slice_str("abc", -5, 99, 1), "abc");
    assert_eq!(slice_str("abc", 99, -5, -1), "cba");
}

#[test]
fn char_classes() {
    assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
    assert_eq!(decimal_value('\u{663}'), Some(3));
    assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
    assert_eq!(decimal_value('x'), None);
    assert_eq!(decimal_value('\u{b2}'), None);
    assert!(is_printable('\u{e9}') && !is_printable('\u{a0}') && !is_printable('\u{378}'));
    assert!(is_xid_start('\u{3b1}') && !is_xid_start('1') && is_xid_continue('1'));
    assert_eq!(repeat_str("ab", 3), Ok("ababab".to_string()));
    assert_eq!(repeat_str("ab", -2), Ok(String::new()));
    assert_eq!(
        repeat_str("ab", i64::MAX).map_err(|e| e.kind),
        Err(ErrorKind::OverflowError)
    );
    assert_eq!(char_at("h\u{e9}llo", 1), Some('\u{e9}'));
    assert_eq!(char_at("abc", 3), None);
    assert_eq!(char_len("h\u{e9}llo"), 5);
    assert_eq!(byte_offset("h\u{e9}llo", 2), 3);
}
