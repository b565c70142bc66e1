# A value is an int for a while, then becomes a str; + means concatenation from then on.
def main():
    v = 0
    for i in range(150):
        if i == 100:
            v = str(v)
        if isinstance(v, int):
            v += i
        else:
            v += str(i % 10)
    print(type(v).__name__, len(v), v[:20], v[-10:])
    parts = []
    x = 1
    for i in range(120):
        x = x * 2 if i < 60 else str(x)[:5] + "!"
        if i in (59, 60, 61):
            parts.append(repr(x))
    print(parts)


main()
