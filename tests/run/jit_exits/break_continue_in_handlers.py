# break and continue from except/else/finally clauses in hot loops.
def main():
    out = []
    for i in range(200):
        try:
            if i % 13 == 0:
                raise ValueError
        except ValueError:
            if i > 150:
                break
            continue
        else:
            if i % 29 == 0:
                out.append(i)
    print(out, i)
    n = 0
    while True:
        try:
            n += 1
            if n == 140:
                raise RuntimeError
        except RuntimeError:
            break
        finally:
            n += 0
    print(n)


main()
