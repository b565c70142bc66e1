# Division by zero appears partway through float and int loops; caught each time.
def main():
    errs = 0
    acc = 0.0
    for i in range(200):
        d = (i % 50) - 0
        try:
            acc += 100.0 / d
        except ZeroDivisionError as e:
            errs += 1
            msg = str(e)
    print(errs, round(acc, 6), msg)
    for a, b in ((1, 0), (1.0, 0), (1, 0.0), (0, 0), (-1.5, -0.0)):
        for op in ("/", "//", "%"):
            try:
                r = eval("a %s b" % op)
            except ZeroDivisionError as e:
                print(a, op, b, "->", e)
    print(divmod(7.0, 2), divmod(-7.0, 2))


main()
