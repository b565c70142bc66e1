# str.zfill: a width at or below the length returns the str itself (exact str) or a
# plain str copy (subclass); padding keeps a leading sign first; non-ASCII lengths count
# characters.
class S(str):
    pass

s = "hello world" * 3
print(s.zfill(5) is s, s.zfill(len(s)) is s, s.zfill(-7) is s)
t = S("-12")
r = t.zfill(2)
print(type(r).__name__, r, type(t.zfill(6)).__name__, t.zfill(6))
print("-".zfill(3), "+".zfill(1), "".zfill(0), "ééé".zfill(5), "+ü".zfill(4))
print("12".zfill(True), "3".zfill(False))
for bad in ("5", 2.0, None):
    try:
        "x".zfill(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    "x".zfill(1 << 70)
except OverflowError as e:
    print("OverflowError:", e)
