# len(x) of instances of list/tuple/str/dict/set subclasses: the built-in length while
# the class keeps the built-in __len__ (remembered per class version), the override
# when one is added or inherited, errors from a bad __len__.
class Coll(list):
    pass

class Name(str):
    pass

class Pairs(tuple):
    pass

class Table(dict):
    pass

class Bag(set):
    pass

class Counted(list):
    def __len__(self):
        return 42

def sizes(xs):
    total = []
    for x in xs:
        total.append(len(x))
    return total

values = [Coll([1, 2, 3]), Name("héllo"), Pairs((1, 2)), Table(a=1), Bag({1, 2, 3, 4}), Counted([1])]
for _ in range(10):
    r = sizes(values)
print(r)
Coll.__len__ = lambda self: -1
try:
    sizes(values)
except ValueError as e:
    print("ValueError:", e)
Coll.__len__ = lambda self: 7
print(sizes(values))
del Coll.__len__
print(sizes(values))
class Sub(Coll):
    pass
s = Sub([0] * 5)
print(sizes([s, s]))
Coll.__len__ = lambda self: "x"
try:
    print(sizes([s]))
except TypeError as e:
    print("TypeError:", e)
todo = Coll(range(6))
n = 0
del Coll.__len__
while len(todo):
    todo.pop(0)
    n += 1
print(n, len(todo))
