def make():
    fs = []
    for i in range(3):
        def f(k=i):
            return k, i
        fs.append(f)
    return fs
print([f() for f in make()])
def make_while():
    fs = []
    j = 0
    while j < 3:
        fs.append(lambda: j)
        j += 1
    return fs
print([f() for f in make_while()])
