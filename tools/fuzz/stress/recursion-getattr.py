class A:
    def __getattr__(self, n): return getattr(self, n)
try:
    A().x
except RecursionError:
    print('RecursionError')
class B:
    def __getattribute__(self, n): return self.y
try:
    B().x
except RecursionError:
    print('RecursionError')
class C:
    def __setattr__(self, n, v): setattr(self, n, v)
try:
    C().x = 1
except RecursionError:
    print('RecursionError')
