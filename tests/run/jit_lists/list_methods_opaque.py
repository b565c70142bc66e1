# List methods other than append in loop traces (called opaquely with the list first):
# pop, insert, index, remove, extend, reverse, sort, count; their results kept by
# locals across iterations; errors they raise caught inside and outside the loop.


def queue(n):
    todo = list(range(10))
    seen = []
    while todo:
        v = todo.pop(0)
        seen.append(v)
        if v < n:
            todo.append(v + 10)
    return len(seen), seen[-3:]


def misc(n):
    xs = [5, 3, 8]
    out = 0
    for i in range(n):
        xs.insert(0, i)
        out += xs.index(i) + xs.count(3)
        if i % 3 == 0:
            xs.remove(i)
        if i % 50 == 0:
            xs.sort()
            xs.reverse()
            xs.extend([1, 2])
    return out, len(xs), xs[:5]


def errors(n):
    xs = [1, 2, 3]
    got = 0
    for i in range(n):
        try:
            xs.pop()
            got += 1
        except IndexError as e:
            got -= 100
            xs.extend([i, i])
    try:
        for i in range(n):
            xs.remove(-1)
    except ValueError as e:
        print("ValueError:", e)
    return got, xs[-4:]


print(queue(300))
print(misc(300))
print(errors(300))
ys = [1]
for i in range(300):
    ys.pop()
    if i < 299:
        ys.append(i)
ys.pop()
