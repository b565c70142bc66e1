# del of a local inside a loop, then reads that fail until it is rebound.
def f():
    x = 0
    log = []
    for i in range(150):
        if i % 50 == 10:
            del x
        try:
            x += 1
        except UnboundLocalError:
            log.append(i)
            x = 1000
    return x, log

print(f())

def g():
    seen = 0
    for i in range(120):
        y = i
        if i % 2:
            del y
        if "y" in dir():
            seen += 1
    return seen

print(g())
