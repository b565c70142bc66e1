# Generator state visible while builtins consume it: exception being handled inside and
# outside, try/finally and close(), send()/throw() before and after a consumer, a
# generator consumed by two loops in turn, deep nesting of generator expressions.
import sys

def handler_gen():
    try:
        raise KeyError("inside")
    except KeyError:
        for i in range(3):
            yield (i, repr(sys.exc_info()[1]))

try:
    raise IndexError("outside")
except IndexError:
    print(list(handler_gen()))
    print(repr(sys.exc_info()[1]))
print(sys.exc_info())

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

print(tuple(fin()))
g = fin()
print(next(g))
g.close()
print(list(g))

def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            return
        got.append(x)

e = echo()
print(next(e), e.send("a"), e.send("b"))
print(list(e))
e2 = echo()
next(e2)
try:
    e2.throw(ValueError("thrown"))
except ValueError as exc:
    print("thrown out:", exc)
print(list(e2))

g = (i for i in range(6))
for a in g:
    if a == 2:
        break
for b in g:
    print("second loop", b)
print(list(g), a)

def deep(n):
    if n == 0:
        yield from range(3)
    else:
        yield from (x + 1 for x in deep(n - 1))

print(list(deep(30)), sum(deep(10)), set(deep(5)))
nested = list(x for x in (y * 2 for y in (z + 1 for z in range(4))))
print(nested)
