# str + str: the exact-str concatenation path and the cases it leaves alone
class S(str):
    def __add__(self, other):
        return "S.__add__(%s)" % other
    def __radd__(self, other):
        return "S.__radd__(%s)" % other

class T(str):
    pass

a = "".join(["ab", "c"])
parts = [a, "", "é", "日本", "\udc80", "\U0001f600", "!"]
for x in parts:
    for y in parts[:4]:
        r = x + y
        print(repr(r), len(r), ascii(r[-1:]) if r else "-", type(r).__name__)
r = a + ""
print(r == a, len(a + "" + a))
s = "x"
s += "yz"
s += a
print(s, len(s), s.upper(), s[::-1])
print(S("s") + "t", "t" + S("s"), S("p") + S("q"))
print(repr(T("a") + "b"), type(T("a") + "b").__name__, type("b" + T("a")).__name__)
u = "\ud83d" + "\ude00"
print(len(u), ascii(u), u == "\U0001f600")
d = {}
for w in ["ab", "c"]:
    d[w + "!"] = len(w + "!")
print(d, "ab!" in d, hash("c!") == hash("c" + "!"))
for bad in (1, None, b"x", ["x"]):
    try:
        "a" + bad
    except TypeError as e:
        print("TypeError:", e)
