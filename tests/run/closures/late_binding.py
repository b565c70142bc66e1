fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = []
for i in range(3):
    def mk(j):
        return lambda: j
    fs.append(mk(i))
print([f() for f in fs])
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())
