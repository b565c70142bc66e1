class A:
    def __hash__(self): return hash(self)
try:
    {A(): 1}
except RecursionError:
    print('RecursionError')
try:
    {A()}
except RecursionError:
    print('RecursionError')
