class A:
    def __eq__(self, o): return self == o
try:
    A() == A()
except RecursionError:
    print('RecursionError')
try:
    [A()] == [A()]
except RecursionError:
    print('RecursionError')
try:
    A() in [A(), 1]
except RecursionError:
    print('RecursionError')
