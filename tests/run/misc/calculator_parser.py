class ParseError(Exception):
    pass
def tokenize(s):
    toks, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            toks.append(float(s[i:j]) if "." in s[i:j] else int(s[i:j]))
            i = j
        elif c in "+-*/()":
            toks.append(c)
            i += 1
        else:
            raise ParseError(f"bad character {c!r} at {i}")
    return toks
def parse(toks):
    pos = 0
    def peek():
        return toks[pos] if pos < len(toks) else None
    def eat():
        nonlocal pos
        pos += 1
        return toks[pos - 1]
    def expr():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if eat() == "+" else v - term()
        return v
    def term():
        v = factor()
        while peek() in ("*", "/"):
            v = v * factor() if eat() == "*" else v / factor()
        return v
    def factor():
        t = peek()
        if t == "(":
            eat()
            v = expr()
            if eat() != ")":
                raise ParseError("expected )")
            return v
        if t == "-":
            eat()
            return -factor()
        if isinstance(t, (int, float)):
            return eat()
        raise ParseError(f"unexpected {t!r}")
    v = expr()
    if pos != len(toks):
        raise ParseError("trailing tokens")
    return v
for src in ["1 + 2 * 3", "(1 + 2) * 3", "-4 / (2 - 4)", "2 * 3.5", "1 +", "2 $ 3", "10 / 0", "((2)"]:
    try:
        print(src, "=", parse(tokenize(src)))
    except (ParseError, ZeroDivisionError, IndexError) as e:
        print(src, "->", type(e).__name__, e)
