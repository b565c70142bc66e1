# OverflowError from float operations and int->float conversion, caught mid-loop.
def main():
    import math
    vals = []
    x = 2.0
    for i in range(20):
        try:
            x = x ** 3
            vals.append(x > 1e100)
        except OverflowError as e:
            vals.append(str(e))
            x = 2.0
    print(vals)
    res = []
    for e in range(300, 320):
        try:
            res.append(math.exp(e * 2.4))
        except OverflowError as err:
            res.append("overflow: " + str(err))
    print(res[-2:])
    c = 0
    for k in range(1020, 1030):
        try:
            float(2 ** k)
            c += 1
        except OverflowError:
            c += 100
    print(c)


main()
