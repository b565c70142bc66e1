# str.lower: ASCII fast path, non-ASCII text, subclasses, identity and errors
class S(str):
    def lower(self):
        return "S.lower"

words = ["abc", "ABC", "MiXeD 123!", "ÀÉÎ", "İstanbul", "ΣΑΣ", "straße", "\udc80A", "日本X"]
for w in words:
    r = w.lower()
    print(repr(r), len(r), r is w, type(r).__name__)
a = "".join(["lo", "wer"])
print(a.lower() is a, a.lower() == a, a.lower() is a.lower())
s = S("HeLLo")
print(s.lower(), str.lower(s), type(str.lower(s)).__name__, len(str.lower(s)))
print(str.lower("QQ"), "Abc".lower().upper(), "ABC".lower()[1:], "ABC".lower().isascii())
d = {}
for w in ["The", "the", "THE", "tHe"]:
    k = w.lower()
    d[k] = d.get(k, 0) + 1
print(d, hash("the") == hash("THE".lower()))
try:
    "A".lower(1)
except TypeError as e:
    print("TypeError:", e)
try:
    str.lower(5)
except TypeError as e:
    print("TypeError:", e)
try:
    "A".lower(x=1)
except TypeError as e:
    print("TypeError:", e)
