# list.append inside inlined calls: an effect, so exits after it resume mid-callee (the
# append is never redone) and the room guard before it resumes at the call.


class Plan:
    def __init__(self):
        self.v = []

    def add(self, c):
        self.v.append(c)
        return len(self.v)

    def add_checked(self, c):
        self.v.append(c)
        if c % 7 == 0:
            return -c  # a branch an exit takes after the append
        return c * 2


def build(n):
    p = Plan()
    s = 0
    for i in range(n):
        s += p.add(i)
        s += p.add_checked(i)
        if len(p.v) > 64:
            p.v = []
    return s, len(p.v), p.v[:6]


print(build(1000))


class Coll(list):
    pass


def collect(n):
    out = Coll()
    p = Plan()
    t = 0
    for i in range(n):
        t += p.add_checked(i if i % 5 else 1.5)  # a type change after the append
        out.append(t)
        if len(p.v) > 10:
            p.v = Coll()
    return t, len(out), out[-3:]


print(collect(600))


def boom(xs, i):
    xs.append(i)
    return 10 // (i % 50)  # raises after the append


def catch(n):
    xs = []
    caught = 0
    for i in range(n):
        try:
            boom(xs, i)
        except ZeroDivisionError:
            caught += 1
    return caught, len(xs), xs[-2:]


print(catch(500))
