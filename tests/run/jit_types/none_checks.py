# A value that is sometimes None: identity tests and defaults in a hot loop.
def main():
    found = None
    hits = 0
    for i in range(300):
        v = None if i % 37 else i
        if v is not None:
            hits += 1
            found = v
        if found is None:
            continue
    print(hits, found)
    d = {}
    for i in range(200):
        cur = d.get(i % 13)
        d[i % 13] = 1 if cur is None else cur + 1
    print(d)


main()
