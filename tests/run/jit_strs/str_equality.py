# == and != of strs in loop traces: constants, items of a global tuple, a str subclass
# with its own __eq__ appearing mid-loop, and a non-str operand mid-loop.
WORDS = ("spam", "eggs", "ham", "spam", "", "eggs")


class Loud(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


def count(words, n):
    spam = other = empty = 0
    for i in range(n):
        w = words[i % len(words)]
        if w == "spam":
            spam += 1
        elif w != "eggs":
            other += 1
        if not w:
            empty += 1
    return spam, other, empty


def count_global(n):
    hits = 0
    for i in range(n):
        if WORDS[i % 6] == "ham":
            hits += 1
    return hits


print(count(list(WORDS), 600))
print(count_global(600))
mixed = list(WORDS) * 50 + [Loud("x")] + list(WORDS) * 10
print(count(mixed, len(mixed)))
odd = list(WORDS) * 50 + [3, 4.5, None] + list(WORDS) * 10
try:
    print(count(odd, len(odd)))
except TypeError as e:
    print("TypeError", e)
# a str built at run time equals a constant
parts = ["sp", "am"]
built = [parts[0] + parts[1] for _ in range(3)]
print(count(built * 100, 300))
# non-ASCII text and a lone surrogate compare by code points
uni = ["é", "e\u0301", "\ud800", "é"] * 100
same = 0
for u in uni:
    if u == "é":
        same += 1
    if u != "\ud800":
        same += 10
print(same)
