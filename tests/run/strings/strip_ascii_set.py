# str.strip with an ASCII character set: one pass from each end, identity kept
class S(str):
    pass

for s in ["", ",", ",.;", "word", ",word.", "..a,b..", "héllo!", "!héllo", "!!é!!", "\udc80,", "日本,", ",,日本"]:
    r = s.strip(",.;!?")
    print(repr(r), r is s, repr(s.lstrip(",.!")), repr(s.rstrip(",.!")))
w = "".join(["ab", "c"])
print(w.strip(",.") is w, w.strip("") is w, w.strip("x") is w, w.strip() is w)
print(w.lower() is w, w.upper() is w)
t = S("..sub..")
r = t.strip(".")
print(repr(r), type(r).__name__, r is t)
u = S("sub")
print(type(u.strip(".")).__name__, u.strip(".") is u)
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("  \t hi \n".strip()))
print(repr("äbä".strip("ä")), repr("abc".strip("cba")), repr("abc".strip("")))
try:
    "a".strip(5)
except TypeError as e:
    print("TypeError:", e)
try:
    "a".strip(".", ",")
except TypeError as e:
    print("TypeError:", e)
