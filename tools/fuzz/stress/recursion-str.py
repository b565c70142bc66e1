class A:
    def __str__(self): return str(self)
try:
    print(A())
except RecursionError:
    print('RecursionError')
