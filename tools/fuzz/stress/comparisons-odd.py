class A:
    def __eq__(self, o): raise ValueError('eq')
    __hash__ = object.__hash__
a = A()
for op in ('[a] == [a]', '[a] == [A()]', 'a in [1, 2]', '(a,) < (a,)', '{a: 1}[a]', '{a: 1} == {a: 2}', 'a in {a}',
           '[1, a].index(a)', '[A()].count(A())', '[A()].remove(1)', 'max([A(), A()])', 'sorted([1, "a"])',
           '1 < "a"', 'None < None', '[] < ()', 'float("nan") in [float("nan")]', 'object() == object()'):
    try:
        print(op, eval(op))
    except BaseException as e:
        print(op, type(e).__name__, e)
class B:
    def __lt__(self, o): return B()
    def __bool__(self): raise ZeroDivisionError
try:
    sorted([B(), B()])
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    print(1 < B() < 2)
except ZeroDivisionError:
    print('zde chained')
