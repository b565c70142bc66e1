# `for x in gen` resumes the generator in the caller's dispatch loop (FOR_ITER in-loop
# resumption): yields, returns, exceptions (PEP 479), handled-exception state, break and
# later resumption, gi_running/gi_frame, re-entry, recursion limits, yield from, tracebacks.
import sys

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

def nested(n):
    for x in count(n):
        for y in count(x):
            yield (x, y)

print(sum(count(10)), list(nested(4)))
total = 0
for x in count(5):
    total += x
print(total)

# generator raising StopIteration -> RuntimeError (PEP 479)
def bad():
    yield 1
    raise StopIteration("oops")
try:
    for v in bad():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__, e.__cause__.args)

# exception escaping, caught outside; generator finished afterwards
def boom():
    yield 1
    1 / 0
g = boom()
try:
    for v in g:
        print("item", v)
except ZeroDivisionError as e:
    print("caught", e)
print(next(g, "exhausted"))

# exception handled inside the generator while the loop runs; sys.exc_info in both
def handler_gen():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

try:
    raise ValueError("outer")
except ValueError:
    for v in handler_gen():
        print(v, sys.exc_info()[0].__name__)
for v in handler_gen():
    print(v, sys.exc_info()[0])

# break out of the loop: generator left suspended, resumable
g = count(10)
for v in g:
    if v == 3:
        break
print(next(g), list(g))

# gi_running / gi_frame inside the body
def introspect():
    yield gen.gi_running
    yield gen.gi_frame is not None
gen = introspect()
print([v for v in gen], gen.gi_running, gen.gi_frame)

# re-entering a running generator
def reenter():
    yield 1
    try:
        next(me)
    except ValueError as e:
        yield str(e)
me = reenter()
print(list(me))

# send value ignored; return value dropped; recursion through generators
def tree(n):
    if n == 0:
        yield 0
        return
    for x in tree(n - 1):
        yield x + 1
    yield n
print(list(tree(5)))

def deep(n):
    if n:
        for x in deep(n - 1):
            yield x
    else:
        yield "bottom"
sys.setrecursionlimit(120)
try:
    for v in deep(200):
        print(v)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
print(list(deep(50)))

# yield from inside a loop-resumed generator
def outer():
    yield from count(3)
    r = yield from count(2)
    yield r
print(list(outer()))
for v in outer():
    print("o", v)

# traceback through a loop-resumed generator
def tb_gen():
    yield 1
    yield [][1]
def use():
    for x in tb_gen():
        pass
try:
    use()
except IndexError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

# close() after a partial loop, finally clauses run
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
g = fin()
for v in g:
    break
g.close()
for v in fin():
    pass
print("end")
