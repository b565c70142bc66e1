# Lone surrogates in str (taipan stores them as Plane-16 stand-ins; see
# docs/decisions/str-surrogates.md): every visible code point must be CPython's.
s = "\ud800"
print(len(s), ord(s), repr(s), ascii(s), hex(ord(chr(0xDFFF))))
t = chr(0xD800) + "x" + chr(0xDC80)
print(len(t), [hex(ord(c)) for c in t], repr(t), t[0] == s, t[-1] == "\udc80")
print(repr("\U0000dbff"), repr(f"a\udc00{1}b"), repr("a" "\ud834"), repr(r"\ud800"))
print(repr("\N{REPLACEMENT CHARACTER}\ud800\ufffd"), len("\ufffd\ud800"))
# ordering by code point: surrogates lie between U+D7FF and U+E000
print("\ud800" < "\ue000", "\ud800" > "\ud7ff", "\udfff" < "\U00010000", sorted(["\ue000", "\ud800", "a", "\U0001f600"]) == ["a", "\ud800", "\ue000", "\U0001f600"])
print(max("\ud800", "\ue000") == "\ue000", min(["\U00010000", "\udc00"]) == "\udc00")
print("\ud800".__lt__("\ue000"), "\udfff" >= "\ud800")
# generic algorithms work on them
u = "ab\ud800cd\ud800ef"
print(u.split("\ud800"), u.find("\ud800"), u.rfind("\ud800"), u.count("\ud800"), repr(u.replace("\ud800", "-")))
print(repr(u[2:5]), repr(u[::-1]), "\ud800" in u, u.index("c"), repr(u.upper()), hash(s) == hash(chr(0xd800)))
print({s: 1}[chr(0xD800)], repr(s * 3), repr("-".join([s, s])), repr(s.center(5, "*")))
print(s.isprintable(), s.isalpha(), s.isidentifier(), s.isspace(), s.isdecimal(), s.isalnum(), s.islower())
print(repr(s.translate({0xD800: "X"})), repr("abc".translate(str.maketrans("b", "\udc00"))))
print(repr("%c" % 0xD800), repr("{:c}".format(0xDABC)), repr(f"{s!a}"), repr("%a" % s), repr("%r" % s))
print(repr(str.maketrans({"\ud800": "y"})))
# encoding
for errors in ["strict", "surrogatepass", "surrogateescape", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
    for text in ["a\ud800b", "\udcff\udc80", "x\ud800\udc00y"]:
        for enc in ["utf-8", "utf-16-le", "utf-32-be", "ascii", "latin-1"]:
            try:
                print(errors, ascii(text), enc, text.encode(enc, errors))
            except UnicodeEncodeError as e:
                print(errors, ascii(text), enc, "UnicodeEncodeError:", e)
for text, enc in [("\ud800\ud801", "utf-8"), ("\xe9\ud800", "ascii"), ("\udc80\xe9", "ascii"), ("\udc80\xe9a\udcff", "latin-1"),
                  ("\udc80\ud800\ud801", "utf-8"), ("z\xe9\udc80", "latin-1"), ("a\udcff\ud800", "utf-8")]:
    try:
        print(ascii(text), enc, text.encode(enc, "surrogateescape"))
    except UnicodeEncodeError as e:
        print(ascii(text), enc, e.start, e.end, e)
with open("/tmp/taipan_surrogates_test.txt", "w") as f:
    try:
        f.write("a\ud800")
    except UnicodeEncodeError as e:
        print("file:", e)
print(sorted(["b\ud800", "b\ue000", "b\u00ff", "b"]) == ["b", "b\u00ff", "b\ud800", "b\ue000"])
print(repr(f"{chr(0xd800)!r:>8}"), "%-5a|" % "\udc00", format("\udc00", "*^5") == "**\udc00**")
# decoding
for data, enc in [(b"a\xffb\x80", "utf-8"), (b"\xed\xa0\x80", "utf-8"), (b"\xed\xb0\x80\xed\xa0\x80z", "utf-8"),
                  (b"\x00\xd8", "utf-16-le"), (b"\xd8\x00a\x00", "utf-16-be"), (b"\x00\xdc\x00\x00", "utf-32-le"),
                  (b"\xff\x7f", "ascii"), (b"\xed\xa0", "utf-8")]:
    for errors in ["strict", "surrogateescape", "surrogatepass", "replace"]:
        if errors == "surrogateescape" and enc.startswith("utf-16"):
            continue  # CPython's handler fails oddly on mixed bytes (not mirrored)
        try:
            print(errors, data, enc, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(errors, data, enc, "UnicodeDecodeError:", e)
# round trips
raw = bytes(range(0x70, 0x100))
print(raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == raw)
print(str(b"\xed\xa0\x80", "utf-8", "surrogatepass") == "\ud800", "\ud800\udfff".encode("utf-16", "surrogatepass"))
# exceptions carry the surrogate
try:
    "\ud800".encode()
except UnicodeEncodeError as e:
    print(repr(e), e.start, e.end, e.reason, ascii(e.object))
try:
    int("\ud800")
except ValueError as e:
    print(ascii(str(e)))
# printing: stdout is strict utf-8 (PYTHONIOENCODING=utf-8), stderr backslashreplace
print("escaped \udcff\udce9 ok".encode("utf-8", "surrogateescape"))
print("can print \udc41"[:9])
try:
    print("a\ud800b")
except UnicodeEncodeError as e:
    print("print:", e)
import sys
print(sys.stdout.errors, sys.stderr.errors)
sys.stderr.write("stderr \ud800 backslashreplaced\n")
raise ValueError("\udcff end")
