def gen():
    yield 1
    return 5
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
def early():
    return
    yield
print(list(early()))
def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally runs")
for v in with_finally():
    print(v)
g = with_finally()
for v in g:
    print(v)
    break
print("after break")
g.close()
print("after close")
