class A:
    def __len__(self): return len(self)
    def __bool__(self): return bool(self)
    def __iter__(self): return iter(self)
    def __getitem__(self, i): return self[i]
    def __contains__(self, x): return x in self
    def __lt__(self, o): return self < o
    def __add__(self, o): return self + o
    def __call__(self): return self()
    def __index__(self): return self.__index__() + 0
    def __format__(self, s): return format(self, s)
    def __neg__(self): return -self
    def __int__(self): return int(self)
    def __float__(self): return float(self)
for expr in ('len(a)', 'bool(a)', 'iter(a)', 'a[0]', '1 in a', 'a < a', 'a + 1', 'a()',
             '[1][a]', 'format(a, "")', '-a', 'int(a)', 'float(a)', 'sorted([a, a])',
             'max(a, a)', 'range(a)', '"%d" % a', 'f"{a}"', 'hash(a)'):
    try:
        eval(expr, {'a': A()})
        print(expr, 'ok')
    except (RecursionError, TypeError) as e:
        print(expr, type(e).__name__)
