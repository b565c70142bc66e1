# append on instances of a list subclass (bm_deltablue's OrderedCollection) in loop
# traces: the builtin append under a class and instance-dict guard; the name shadowed in
# the instance dict mid-loop, the class overriding append mid-loop, a subclass with its own
# append in the same loop.


class OrderedCollection(list):
    pass


class Counting(list):
    def append(self, x):
        list.append(self, x * 10)


class Other(list):
    pass


def fill(colls, n):
    for i in range(n):
        c = colls[i % len(colls)]
        c.append(i)
    return [len(c) for c in colls], [sum(c) for c in colls]


def shadow(n):
    a = OrderedCollection()
    got = []
    for i in range(n):
        a.append(i)
        if i == 200:
            a.append = got.append
    return len(a), len(got), sum(got)


def override(n):
    b = Other()
    for i in range(n):
        b.append(i)
        if i == 150:
            Other.append = lambda self, x: list.append(self, -x)
    return len(b), sum(b)


def main():
    print(fill([OrderedCollection(), OrderedCollection()], 300))
    print(fill([OrderedCollection(), Counting(), []], 300))
    print(shadow(300))
    print(override(300))


main()
