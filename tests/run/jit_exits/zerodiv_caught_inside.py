# ZeroDivisionError raised at iteration 57 of a hot loop, caught inside the loop.
def main():
    acc = 0
    errs = []
    for i in range(200):
        d = i - 57
        try:
            acc += 1000 // d
        except ZeroDivisionError as e:
            errs.append((i, type(e).__name__, str(e)))
    print(acc, errs)
    facc = 0.0
    for i in range(200):
        try:
            facc += 1.0 / (i % 64)
        except ZeroDivisionError as e:
            facc -= 1
    print(round(facc, 9))


main()
