# An exception raised inside a generator consumed by a hot for loop.
def numbers(limit):
    for i in range(limit):
        if i == 77:
            raise ValueError("bad item %d" % i)
        yield i

total = 0
try:
    for v in numbers(200):
        total += v
except ValueError as e:
    print("caught", e, total)

def safe(limit):
    for i in range(limit):
        try:
            yield 10 // (i % 20)
        except ZeroDivisionError:
            yield -1

print(sum(safe(150)))
