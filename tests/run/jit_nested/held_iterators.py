# Nests whose inner loops run over iterators the program also holds (a break leaves them
# half consumed), over lists and tuples made or named in the outer body, and inner loops
# whose end is followed by another inner loop at the same depth.


def held_range(n):
    out = []
    for step in range(n):
        it = iter(range(6))
        for a in it:
            if a == 2:
                break
        for c in range(6):
            out.append(c * step)
        out.append(next(it))
    return sum(out), out[-8:]


def held_list(n):
    data = [10, 20, 30, 40, 50]
    total = 0
    for step in range(n):
        it = iter(data)
        for x in it:
            total += x
            if x == 20 + 10 * (step % 3):
                break
        for y in data:
            total += y // 10
        total += next(it, -1)
    return total


def tuples_and_lists(n):
    pairs = [(i, i * i) for i in range(7)]
    s = 0
    for step in range(n):
        for p in pairs:
            for v in p:
                s += v * step
        for q in (1, 2, 3):
            s -= q
    return s


def siblings(n):
    s = 0
    for i in range(n):
        for j in range(i % 5):
            s += j
        for k in range(3, i % 7, -1):
            s += k * 2
        for m in [i, i + 1]:
            s ^= m
    return s


print(held_range(60))
print(held_list(80))
print(tuples_and_lists(50))
print(siblings(300))
