def accumulator():
    total = 0
    count = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
        count += 1
    return total, count
acc = accumulator()
print(next(acc))
for v in [5, 10, 20]:
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)
def wrapper():
    result = yield from accumulator()
    yield f"result={result}"
w = wrapper()
next(w)
w.send(1)
w.send(2)
print(w.send(None))
