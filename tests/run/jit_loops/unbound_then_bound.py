# A local is unbound for the first iterations and bound later.
def f(n):
    out = []
    for i in range(n):
        if i == 57:
            late = i * 2
        try:
            out.append(late)
        except UnboundLocalError as e:
            if i == 0:
                out.append(str(e))
    return out

r = f(120)
print(r[0], r[1:3], len(r), r[-1])

def g():
    total = 0
    for i in range(100):
        if i > 60:
            total += acc
        acc = i
    return total

print(g())
