# Repeated float addition: the repr of every stage must match exactly.
def main():
    x = 0.0
    seen = []
    for i in range(1000):
        x += 0.1
        if i % 111 == 0:
            seen.append(repr(x))
    print(seen)
    print(x, sum([0.1] * 1000), 0.1 + 0.2, 1e16 + 1.0, 1 / 3)
    p = 1.0
    for i in range(200):
        p *= 1.0001
    print(p)


main()
