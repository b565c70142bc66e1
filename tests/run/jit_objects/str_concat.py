# str + str in hot loops: words built by concatenation (a fresh str each time, kept in
# a list, overwritten, concatenated again), += on strs, a str subclass with and without
# __add__, an operand turning into an int mid-loop (TypeError caught), non-ASCII text,
# and surrogates that must not pair up.

PUNCT = [",", ".", ";", ""]


def build(n):
    out = []
    w = ""
    for i in range(n):
        w = "w" + str(i % 7)
        w = w + PUNCT[i % len(PUNCT)]
        out.append(w)
    return len(out), out[:6], w


print(build(200))


def grow(n):
    s = ""
    for i in range(n):
        s += "ab"[i % 2]
        if len(s) > 20:
            s = s[10:]
    return s


print(grow(300))


class S(str):
    pass


class T(str):
    def __add__(self, other):
        return "T+" + str(other)


def mixed(parts, n):
    acc = []
    for i in range(n):
        p = parts[i % len(parts)]
        try:
            acc.append(p + "!")
        except TypeError as e:
            acc.append("E:" + str(e))
    return acc[:8], len(acc)


print(mixed(["a", "bé", "日本"], 100))
print(mixed(["a", S("sub"), "c"], 100))
print(mixed(["a", T("t"), "c"], 100))
print(mixed(["x", "y", 3], 100))


def surrogates(n):
    r = []
    for i in range(n):
        r.append("\ud800" + "\udc00")
    return len(r[0]), r[0] == "\U00010000", ascii(r[-1])


print(surrogates(100))


def chain(n):
    w = "start"
    total = 0
    for i in range(n):
        w = w + "x" + str(i % 3)
        total += len(w)
        if len(w) > 30:
            w = "s"
    return total, w


print(chain(500))


def digits(n):
    out = []
    big = 2**62
    for i in range(n):
        v = (i * 7919 - 400) * (big if i % 50 == 49 else 1)
        out.append(str(v) + "|" + str(i % 2 == 0) + str(-i))
    return out[:3], out[49], out[-1], len("".join(out))


print(digits(120))


def int_to_str_growing(n):
    v = 1
    last = ""
    for i in range(n):
        v = v * 3
        last = str(v)
    return len(last), last[:10]


print(int_to_str_growing(60))
