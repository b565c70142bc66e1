# Generators driven by send() and throw() in a loop.
def main():
    def averager():
        total = 0.0
        n = 0
        avg = None
        while True:
            try:
                v = yield avg
            except ValueError:
                total = 0.0
                n = 0
                avg = None
                continue
            total += v
            n += 1
            avg = total / n

    g = averager()
    next(g)
    out = []
    for i in range(150):
        if i == 100:
            g.throw(ValueError)
        out.append(g.send(i))
    print(out[98:103], out[-1])
    g.close()


main()
