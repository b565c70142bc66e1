# == and != of plain objects (object's __eq__/__ne__: identity) and of an object and None
# in loop traces; a class with __eq__ in the same loop, __eq__ added to the class
# mid-loop, and a subclass that defines __ne__.


class Node:
    def __init__(self, i):
        self.i = i


class Valued:
    def __init__(self, i):
        self.i = i

    def __eq__(self, other):
        return isinstance(other, Valued) and self.i == other.i


class Picky(Node):
    def __ne__(self, other):
        return True


def count(xs, target):
    eq = ne = none = 0
    for x in xs:
        if x == target:
            eq += 1
        if x != target:
            ne += 1
        if x != None:
            none += 1
        if None == x:
            none += 10
    return eq, ne, none


def main():
    a, b = Node(1), Node(2)
    xs = [a, b, a, None, b, a] * 50
    print(count(xs, a))
    print(count(xs, None))
    vs = [Valued(1), Valued(2), Valued(1)] * 40
    print(count(vs, Valued(1)))
    mixed = [a, Valued(1), b, Picky(3)] * 40
    print(count(mixed, a))
    ys = [a, b] * 200
    total = 0
    for k in range(len(ys)):
        if ys[k] == a:
            total += 1
        if k == 250:
            Node.__eq__ = lambda self, other: True
    print(total)


main()
