def a():
    v = 1
    def b():
        def c():
            nonlocal v
            v += 100
            return v
        r = c()
        return r, v
    r = b()
    return r, v
print(a())
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def down():
        nonlocal n
        n -= 1
        return n
    return up, down
up, down = counter_pair()
print(up(), up(), down(), up())
