# StopIteration from next() in a loop, and generators that stop early.
def take(it, n):
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            out.append("END")
            break
    return out

print(take(iter(range(120)), 5), len(take(iter(range(120)), 200)))

def g():
    yield 1
    return "retval"

it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("StopIteration value", e.value)

def bad():
    yield 1
    raise StopIteration

try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e)
