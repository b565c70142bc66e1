def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("cleanup")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed")
g2 = gen()
print(next(g2))
g2.close()
print(list(g2))
g3 = gen()
try:
    g3.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(s))
