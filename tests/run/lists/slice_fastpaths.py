# Slicing, slice assignment and slice deletion on list/tuple/str/bytes/bytearray:
# the direct paths (step 1 and -1, same- and different-length replacement,
# self-assignment) must match CPython's generic behaviour exactly.

a = list(range(10))
for s in [slice(None), slice(2, 5), slice(5, 2), slice(-3, None), slice(None, -3),
          slice(None, None, -1), slice(7, None, -1), slice(7, 2, -1), slice(2, 7, -1),
          slice(None, None, 2), slice(1, None, 3), slice(None, None, -2), slice(-1, -11, -1),
          slice(-100, 100), slice(100, -100, -1), slice(3, 3), slice(0, 1, -1)]:
    print(s, a[s], tuple(a)[s], "abcdefghij"[s], bytes(range(10))[s], bytearray(range(10))[s])

t = (1, 2, 3)
print(t[:] is t, t[0:3] is t, t[::1] is t, t[:2] is t, t[::-1])
s = "hello"
print(s[:] is s, s[0:] is s, s[:4])
u = "héllo wörld ✓"
for sl in [slice(None), slice(1, 4), slice(None, None, -1), slice(2, None, 2), slice(-3, None), slice(5, 100)]:
    print(repr(u[sl]))
print(u[1], u[-1], u[12])

class T(tuple):
    pass

tt = T((1, 2))
print(type(tt[:]).__name__, tt[:] is tt)

# slice assignment
def show(label, x):
    print(label, x)

b = list(range(6)); b[1:3] = ["x", "y"]; show("same", b)
b = list(range(6)); b[1:3] = []; show("shorter", b)
b = list(range(6)); b[1:3] = "abcd"; show("longer", b)
b = list(range(6)); b[5:2] = [9, 9]; show("reversed bounds", b)
b = list(range(6)); b[:] = b; show("self", b)
b = list(range(6)); b[1:3] = b; show("self grow", b)
b = list(range(6)); b[::-1] = b; show("self reversed", b)
b = list(range(6)); b[:3] = b[2::-1]; show("flip", b)
b = list(range(6)); b[:] = (7, 8); show("tuple", b)
b = list(range(6)); b[2:4] = (x * 10 for x in range(3)); show("gen", b)
b = list(range(6)); b[::2] = "abc"; show("ext", b)
b = list(range(6)); b[::-2] = (1, 2, 3); show("ext neg", b)
b = list(range(6)); b[100:] = [1]; show("append end", b)
b = list(range(6)); b[-100:-99] = [1]; show("insert front", b)
for bad in [lambda: b.__setitem__(slice(None, None, 2), [1, 2]),
            lambda: b.__setitem__(slice(None, None, -1), []),
            lambda: b.__setitem__(slice(1, 2), 5),
            lambda: b.__setitem__(slice(1, 2, 2), 5),
            lambda: b.__setitem__(slice(1, 2, 0), [1]),
            lambda: b.__getitem__(slice(1, 2, 0)),
            lambda: b.__getitem__(slice("a", 2)),
            lambda: b.__setitem__(slice(None, 2.5), [])]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(b)

# an empty extended slice accepts an empty sequence
b = [1, 2, 3]; b[5::2] = []; print(b)

# __index__ of the bounds runs before the length is read
class Shrink:
    def __init__(self, lst, v):
        self.lst = lst
        self.v = v
    def __index__(self):
        del self.lst[3:]
        return self.v

b = list(range(8)); print(b[Shrink(b, 1):6])
b = list(range(8)); b[Shrink(b, 1):6] = ["z"]; print(b)
b = list(range(8)); del b[Shrink(b, 1):6]; print(b)

# a source generator that mutates the target
b = list(range(5))
def grow():
    b.append(99)
    yield "g"
b[1:3] = grow(); print(b)

# list subclasses: an overridden __iter__ is used when the subclass is the source;
# overridden __getitem__/__setitem__ on the target are called
class Rev(list):
    def __iter__(self):
        return iter(list.__getitem__(self, slice(None, None, -1)))

b = [0, 0, 0]; b[:] = Rev([1, 2, 3]); print(b)
b = [0, 0, 0]; b[::1] = Rev([1, 2, 3]); print(b)
b = [0, 0, 0]; b[::-1] = Rev([1, 2, 3]); print(b)

class Loud(list):
    def __getitem__(self, k):
        print("get", k)
        return list.__getitem__(self, k)
    def __setitem__(self, k, v):
        print("set", k, v)
        list.__setitem__(self, k, v)
    def __delitem__(self, k):
        print("del", k)
        list.__delitem__(self, k)

l = Loud(range(5))
print(l[1:3], l[::-1], type(l[:]).__name__)
l[1:2] = [7, 7]
del l[::2]
print(l, list.__getitem__(l, slice(None)))

# deletion
for s in [slice(None), slice(2, 5), slice(5, 2), slice(None, None, -1), slice(1, None, 2),
          slice(None, None, -3), slice(8, 1, -2), slice(-2, None), slice(3, 4, -1), slice(7, 2, -1)]:
    b = list(range(10))
    del b[s]
    ba = bytearray(range(10))
    del ba[s]
    print(s, b, list(ba))

# int indices
c = [1, 2, 3]
tu, st, by, ba = (1,), "x", b"x", bytearray(b"x")
print(c[-1], c[-3], (1, 2)[-2], "ab"[-1], b"ab"[-1], bytearray(b"ab")[-2])
for bad in [lambda: c[3], lambda: c[-4], lambda: tu[1], lambda: st[5], lambda: by[1],
            lambda: ba[1], lambda: c.__setitem__(3, 0), lambda: c["a"],
            lambda: tu["a"], lambda: st[1.0], lambda: by[None], lambda: ba["a"]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

class Idx:
    def __index__(self):
        return 1

print(c[Idx()], (5, 6)[Idx()], "xy"[Idx()], c[Idx():], "xyz"[:Idx()])

# concatenation, including of a list with itself
c = [1, 2]
print(c + c, c + [], [] + c, (1,) + (2, 3), () + (), c)
c += c
print(c)

# reversed() over lists and tuples; the list shrinking or growing meanwhile
r = [1, 2, 3, 4]
it = reversed(r)
print(next(it), type(it).__name__)
r.pop()
r.pop()
print(list(it), list(it))
r = [1, 2, 3]
it = reversed(r)
r.append(4)
print(list(it))
print(list(reversed((1, 2, 3))), list(reversed([])), list(reversed(())))

class G(list):
    def __getitem__(self, i):
        return "override"

print(list(reversed(G([1, 2]))), type(reversed(G())).__name__)

class TG(tuple):
    def __getitem__(self, i):
        return ("tuple override", i)

print(list(reversed(TG((1, 2)))))

# iteration sees appends; an exhausted list iterator stays exhausted
r = [1]
it = iter(r)
out = []
for x in it:
    out.append(x)
    if x < 4:
        r.append(x + 1)
r.append(9)
print(out, list(it))

# generators: next() on a running generator, StopIteration inside, send/throw
def gen():
    x = yield 1
    yield x
    yield next(gen_it)

gen_it = gen()
print(next(gen_it), gen_it.send("sent"))
try:
    next(gen_it)
except ValueError as e:
    print("ValueError", e)
print(list(gen_it))

def stopper():
    yield 1
    raise StopIteration

try:
    print(list(stopper()))
except RuntimeError as e:
    print("RuntimeError", e)

g = (x * x for x in range(4))
print(next(g), list(g), list(g))
