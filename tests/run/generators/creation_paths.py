# Generator creation (plain positional binding, defaults, keywords, *args, cells) and
# finished generator frames being reused by later calls and generators.


def plain(a, b):
    yield a
    yield b


def defaults(a, b=10):
    yield a + b


def kwonly(a, *, k=3):
    yield a * k


def star(*args, **kw):
    yield args
    yield sorted(kw.items())


def cell(a):
    def get():
        return a

    yield get()
    a += 1
    yield get()


def closure_user(n):
    base = 100
    return [x + base for x in (i * 2 for i in range(n))]


print(list(plain(1, 2)), list(defaults(1)), list(defaults(1, 2)), list(defaults(b=5, a=1)))
print(list(kwonly(2)), list(kwonly(2, k=5)), list(star(1, 2, z=3)), list(cell(7)))
print(closure_user(4))
try:
    plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    plain(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

# many short generators interleaved with suspended ones: pooled frames never leak state
held = [plain(i, -i) for i in range(5)]
firsts = [next(h) for h in held]
total = 0
for rep in range(200):
    total += sum(x for x in range(rep % 7))
    total += len(set(i % 3 for i in range(rep % 5)))
print(firsts, total, [list(h) for h in held])


# a generator that finishes with an exception, then its frame's reuse
def bad(n):
    yield n
    raise ValueError(n)


for i in range(3):
    gb = bad(i)
    try:
        for v in gb:
            print("got", v)
    except ValueError as e:
        print("ValueError", e)
    print(list(gb), sum(j for j in range(i + 3)))


# generator locals are independent per generator object
def counter(start):
    n = start
    while n < start + 3:
        yield n
        n += 1


c1, c2 = counter(0), counter(10)
print(next(c1), next(c2), next(c1), next(c2), list(c1), list(c2))
print(tuple(x * y for x in range(3) for y in range(3) if x != y))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)), sorted(x % 4 for x in range(9)))
print(",".join(str(x) for x in range(5)), max(x for x in [3, 1, 2]), min((x for x in "bca")))
