def read(lines):
    for line in lines:
        yield line
def strip(it):
    for s in it:
        yield s.strip()
def nonempty(it):
    for s in it:
        if s:
            yield s
def numbered(it):
    for i, s in enumerate(it, 1):
        yield f"{i}: {s}"
lines = ["  alpha ", "", "beta", "   ", " gamma"]
for out in numbered(nonempty(strip(read(lines)))):
    print(out)
def count(start, step):
    while True:
        yield start
        start += step
def islice(it, n):
    for _, v in zip(range(n), it):
        yield v
def chain(*its):
    for it in its:
        yield from it
print(list(islice(count(10, 5), 4)))
print(list(chain([1, 2], (3,), "ab")))
