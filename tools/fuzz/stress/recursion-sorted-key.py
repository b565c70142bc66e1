def k(x): return sorted([x, x], key=k)
try:
    sorted([1, 2], key=k)
except RecursionError:
    print('RecursionError')
class A:
    def __lt__(self, o): return sorted([self, o])[0] is self
try:
    sorted([A(), A()])
except RecursionError:
    print('RecursionError')
