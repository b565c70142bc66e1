# Object stores into instance attributes in loop traces (`self.x = obj`): a linked queue
# rotated by attribute stores (the old value is freed only by the store), stores into
# attributes the loop also reads, None over objects, __slots__, a shape change mid-loop,
# an exception right after a store.


class Node:
    def __init__(self, v, link):
        self.v = v
        self.link = link


class Queue:
    def __init__(self, n):
        self.head = None
        for i in range(n):
            self.head = Node(i, self.head)
        self.last = None

    def rotate(self):
        msg = self.head
        self.head = msg.link
        msg.link = None
        self.last = msg
        return msg


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = None
        self.b = 0


def walk(q):
    return chain(q.head)


def chain(n):
    out = []
    while n is not None:
        out.append(n.v)
        n = n.link
    return out


def main():
    q = Queue(6)
    total = 0
    for k in range(500):
        m = q.rotate()
        total += m.v
        # re-append at the tail by walking (the walk reads links the loop stored)
        t = q.head
        if t is None:
            q.head = m
        else:
            while t.link is not None:
                t = t.link
            t.link = m
    print(total, walk(q), q.last.v)

    s = Slotted()
    nodes = [Node(i, None) for i in range(5)]
    for k in range(400):
        s.a = nodes[k % 5]
        s.b = s.b + s.a.v
        if k % 7 == 0:
            s.a = None
    print(s.a is None, s.b)

    # a shape change mid-loop, then a type change of the stored attribute
    objs = [Node(i, None) for i in range(4)]
    for k in range(300):
        o = objs[k % 4]
        o.link = objs[(k + 1) % 4]
        if k == 150:
            objs[2].extra = 1
        if k == 200:
            objs[1].link = 5
    print([o.link if isinstance(o.link, int) else o.link.v for o in objs])

    # an exception right after the store: the store happened
    a = Node(0, None)
    caught = 0
    for k in range(300):
        a.link = Node(k, a.link if k % 50 else None)
        try:
            a.v = 10 // (k % 97 - 3)
        except ZeroDivisionError:
            caught += 1
    print(caught, a.v, a.link.v, len(chain(a)))


main()
