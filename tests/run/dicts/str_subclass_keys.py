# Keys that are instances of str/int/tuple subclasses with __eq__ overrides: dict and set
# lookups must call the override (not compare the underlying text natively).


class LoudStr(str):
    def __eq__(self, other):
        print("LoudStr.__eq__", str(self), other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class AlwaysEq(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return hash("k")


class NeverEq(str):
    def __eq__(self, other):
        return False

    __hash__ = str.__hash__


class LoudInt(int):
    def __eq__(self, other):
        print("LoudInt.__eq__", int(self), other)
        return int.__eq__(self, other)

    __hash__ = int.__hash__


d = {LoudStr("a"): 1}
print("a" in d)
print(d.get("a"))
print(d["a"])
d["a"] = 2
print(d)
d2 = {"a": 1}
print(LoudStr("a") in d2)
print({LoudStr("b")} == {"b"})
print("b" in {LoudStr("b")})

d3 = {"k": "plain"}
print(d3.get(AlwaysEq("zzz")), AlwaysEq("zzz") in d3)
d4 = {NeverEq("x"): 1}
print("x" in d4, d4.get("x", "missing"))
n = NeverEq("y")
print(n in {n: 1})  # identity wins over __eq__

d5 = {LoudInt(5): "five"}
print(d5.get(5), 5 in d5)
s = {LoudInt(7)}
print(7 in s)

# plain str keys: identity, then length and text
words = "the cat the dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, "the" in counts, "th" in counts, "thee" in counts)
try:
    counts["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    for k in counts:
        counts[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
