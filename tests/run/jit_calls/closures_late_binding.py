# Late-binding closures created in a loop see the final value of the variable.
fs = []
for i in range(120):
    fs.append(lambda: i)
print(fs[0](), fs[50](), fs[-1]())

def outer():
    fns = []
    x = 0
    for j in range(100):
        x = j * 2
        fns.append(lambda: x)
    x = "changed"
    return fns

print({f() for f in outer()})
gs = [(lambda k: (lambda: k))(k) for k in range(5)]
print([g() for g in gs])
