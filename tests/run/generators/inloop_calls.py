# Generator frames calling Python functions (which run in the generator's dispatch loop):
# values, exceptions raised by callees and caught in the generator or by the consumer,
# throw() and close() while callees have returned, recursion limits reached from inside
# a generator, and generators created by in-loop frames.


def square(x):
    return x * x


def check(x):
    if x == 3:
        raise ValueError("three")
    return x


def gen(n):
    for i in range(n):
        try:
            yield square(check(i))
        except ValueError as e:
            yield "handled %s" % e


print(list(gen(5)))


def gen_raises(n):
    for i in range(n):
        yield check(i)


def consume():
    out = []
    try:
        for v in gen_raises(5):
            out.append(square(v))
    except ValueError as e:
        out.append(str(e))
    return out


print(consume())


def echo():
    received = []
    try:
        while True:
            try:
                v = yield square(len(received))
                received.append(check(v))
            except KeyError as e:
                received.append("thrown %s" % e)
    finally:
        print("closed with", received)


g = echo()
print(next(g), g.send(1), g.send(2), g.throw(KeyError("k")))
try:
    g.send(3)
except ValueError as e:
    print("send raised:", e)
g2 = echo()
next(g2)
g2.close()


def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n


def gen_probe():
    yield probe(0)
    yield probe(0)


def nested_gens(depth):
    if depth == 0:
        yield from gen_probe()
    else:
        yield from nested_gens(depth - 1)


print(list(gen_probe()), list(nested_gens(5)))


def make_and_use(n):
    # generator objects created and drained by plain in-loop frames
    def g():
        for i in range(n):
            yield square(i)

    return sum(g()) + sum(square(x) for x in range(n))


print(make_and_use(10))
