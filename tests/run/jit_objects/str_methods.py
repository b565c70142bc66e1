# str methods in hot loops: lower/upper/strip with and without characters, split with
# and without a separator, replace, capitalize/title, results kept and dropped, a str
# subclass receiver (its own method or str's), arguments of other types (TypeError), an
# empty separator (ValueError), and a receiver that stops being a str mid-loop.


def normalise(words, n):
    out = []
    for i in range(n):
        w = words[i % len(words)]
        out.append(w.strip(",.;!?").lower())
    return out[:6], len(out)


print(normalise(["Hello,", "WORLD!", " spaced ", "MiXeD;", "?"], 200))


def splits(lines, n):
    total = 0
    last = None
    for i in range(n):
        line = lines[i % len(lines)]
        parts = line.split()
        total += len(parts)
        last = line.split(",")
    return total, last, "a b".rsplit(), "x".upper()


print(splits(["a b c", "one,two,three", "  lead trail  ", ""], 150))


def edits(n):
    s = "the quick brown fox"
    acc = []
    for i in range(n):
        t = s.replace("quick", "slow").capitalize()
        acc.append(t.title() if i % 2 else t.swapcase())
    return acc[:2], len(acc)


print(edits(100))


class S(str):
    def lower(self):
        return "S.lower"


class U(str):
    pass


def receivers(items, n):
    out = []
    for i in range(n):
        x = items[i % len(items)]
        try:
            out.append(x.lower())
        except AttributeError as e:
            out.append("AE:" + str(e))
    return out[:8]


print(receivers(["Ab", S("Cd"), U("Ef"), "GH"], 100))
print(receivers(["Ab", "Cd", 5], 100))


def bad_args(n):
    out = []
    for i in range(n):
        try:
            out.append("a,b".split("" if i % 10 == 9 else ","))
        except ValueError as e:
            out.append(str(e))
        try:
            out.append("abc".strip(None if i % 3 else 5))
        except TypeError as e:
            out.append(str(e))
    return out[:6], len(out)


print(bad_args(60))


def counts(text, n):
    c = {}
    for k in range(n):
        for raw in text.split():
            word = raw.strip(",.;!?").lower()
            if not word:
                continue
            if word in c:
                c[word] += 1
            else:
                c[word] = 1
    return sorted(c.items())[:5], sum(c.values())


print(counts("The cat, the DOG; and the bird! ? a Cat.", 40))


class Seed(str):
    pass


def carry(seed, words, n):
    word = seed
    for i in range(n):
        if i % 5 == 4:
            word = word.upper()
        else:
            word = words[i % len(words)].strip(" ").lower()
    return word


for seed in ["x", Seed("y"), ["z"], "w", 7, "v"]:
    print(carry(seed, [" Ab ", "CD ", " ef"], 30), carry(seed, ["Q"], 0))


LOWER = str.lower


def unbound(words, n):
    out = []
    for i in range(n):
        out.append(LOWER(words[i % len(words)]) + str.upper(words[0]))
    return out[:3]


print(unbound(["Ab", "cD"], 50))
