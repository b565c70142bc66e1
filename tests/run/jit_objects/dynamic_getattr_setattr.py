# getattr/setattr/hasattr/delattr with computed names in loops (many shapes).
def main():
    class Bag:
        pass

    b = Bag()
    for i in range(120):
        setattr(b, "a%d" % (i % 30), i)
    print(sorted(vars(b).items())[:5], len(vars(b)))
    s = 0
    for i in range(60):
        name = "a%d" % i
        if hasattr(b, name):
            s += getattr(b, name)
            if i % 2:
                delattr(b, name)
    print(s, len(vars(b)), getattr(b, "missing", "dflt"))


main()
