# `Global.name` of a class attribute (LOAD_GLOBAL_MODULE fused with LOAD_ATTR_CLASS) and
# its miss paths: the attribute rebound, the global rebound to another class, to an
# instance and to an object without the attribute, the global deleted and re-added.
class Direction:
    NONE = 0
    FORWARD = 1
    NAME = "dir"

class Other:
    NONE = 10
    FORWARD = 11

class Holder:
    def __init__(self):
        self.NONE = 20
        self.FORWARD = 21

def probe(n):
    total = 0
    for i in range(n):
        if i % 2 == Direction.FORWARD:
            total += Direction.FORWARD
        total += Direction.NONE
    return total, Direction.NAME if hasattr(Direction, "NAME") else "-"

print(probe(20))
Direction.NONE = 5
print(probe(20))
Direction = Other
print(probe(20))
Direction = Holder()
print(probe(20))
del Direction
class Direction:
    NONE = 100
    FORWARD = 1
print(probe(20))
Direction.FORWARD = staticmethod(len)
try:
    print(probe(4))
except TypeError as e:
    print("TypeError", e)
Direction = 42
def last():
    return Direction.NONE
for i in range(10):
    try:
        last()
    except AttributeError as e:
        print(i, e)
last()
