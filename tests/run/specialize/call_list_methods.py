# list.append / list.pop / list.insert through LOAD_METHOD + CALL_METHOD and bound
# (perm_ins = perm.insert) fast paths, with subclasses, shadowing and errors.
class Logged(list):
    def append(self, x):
        super().append(x * 10)

    def pop(self, *a):
        return ("popped", super().pop(*a))


def churn(l):
    for i in range(6):
        l.append(i)
    a = l.pop()
    b = l.pop(0)
    c = l.pop(-2)
    return a, b, c, l


for _ in range(20):
    r1 = churn([])
    r2 = churn(Logged())
print(r1)
print(r2)

perm = list(range(6))
ins, pop = perm.insert, perm.pop
for r in range(1, 6):
    ins(r, pop(0))
print(perm, ins.__name__, pop.__self__ is perm)

for args in [(), (1, 2), ("a",), (10,)]:
    try:
        print([1, 2].pop(*args))
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
for l in [[], [1]]:
    try:
        l.pop()
        l.pop()
    except IndexError as e:
        print("IndexError:", e)
for call in [lambda: [].append(), lambda: [].append(1, 2), lambda: [].append(x=1),
             lambda: ins(1), lambda: pop(1, 2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Holder:
    pass


h = Holder()
h.append = lambda x: print("instance attr", x)
h.append(3)
l = [1]
print(l.append(2), list.append(l, 3), l, list.pop(l), l)
