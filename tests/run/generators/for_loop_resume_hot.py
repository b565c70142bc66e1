# Hot loops inside generators resumed by `for` (traced by the JIT in its modes), type
# changes of the yielded values, a generator abandoned mid-loop, nested generator loops.
def inner(n):
    i = 0
    acc = 0
    while i < n:
        acc += i * i
        if i % 7 == 3:
            yield acc
        i += 1
    yield float(acc)
    yield "end"

def middle(k):
    for j in range(k):
        for v in inner(j * 5):
            if isinstance(v, str):
                yield v + str(j)
            else:
                yield v

total = 0
strs = []
for v in middle(40):
    if isinstance(v, str):
        strs.append(v)
    else:
        total += v
print(total, len(strs), strs[:3], strs[-1])

def squares():
    n = 0
    while True:
        yield n * n
        n += 1

s = 0
for q in squares():
    if q > 100000:
        break
    s += q
print(s)

def pairs(xs):
    for a in xs:
        for b in xs:
            yield a, b

print(sum(a * b for a, b in pairs(list(range(60)))))
count = 0
for a, b in pairs("abc"):
    count += 1
print(count)
