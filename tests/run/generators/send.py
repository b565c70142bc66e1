def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "done"
g = echo()
print(next(g))
print(g.send(1), g.send("two"), g.send(None))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration value:", e.value)
def avg():
    total, n, cur = 0, 0, None
    while True:
        v = yield cur
        total += v
        n += 1
        cur = total / n
a = avg()
next(a)
print([a.send(x) for x in [10, 20, 30, 40]])
g2 = echo()
try:
    g2.send(5)
except TypeError as e:
    print("TypeError:", e)
