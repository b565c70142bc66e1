# Strings built by += and join in loops, with the piece type varying.
def main():
    s = ""
    for i in range(300):
        s += chr(97 + i % 26)
        if i % 100 == 99:
            s += "|"
    print(len(s), s[95:110])
    parts = []
    for i in range(150):
        parts.append(str(i) if i % 2 else repr(i / 4))
    print(",".join(parts)[:80])
    out = ""
    for w in "the rain in spain stays mainly".split() * 20:
        out = out + w[0].upper()
    print(out[:30], len(out))
    b = b""
    for i in range(100):
        b += bytes([65 + i % 26])
    print(b[:30])


main()
