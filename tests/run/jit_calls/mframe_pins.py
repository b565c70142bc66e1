# Opaque calls inside inlined calls while the inlined callees hold objects only an
# attribute kept alive: the opaque callee drops that last reference (and the garbage is
# reused), then the callee goes on using the object. The interpreter's frames keep it
# alive; the trace pins such words until its run ends. A richards-like task queue: methods
# three levels deep, packets moved between queues by an opaque lookup.
import sys


class Node:
    def __init__(self, v):
        self.v = v
        self.tag = "n%d" % v


class Holder:
    def __init__(self):
        self.item = None


def swap(h, unused=None):
    h.item = Node(h.item.v + 1)       # the last reference to the old node goes
    junk = [Node(-1) for _ in range(3)]   # (memory reused)
    if h.item.v % 150 == 0:
        return 2.5                    # a result of another type: exits mid-callee
    return len(junk)


def use(h):
    n = h.item
    k = swap(h)
    return n.v + k + len(n.tag)


def run(count):
    h = Holder()
    h.item = Node(0)
    t = 0
    for i in range(count):
        t += use(h)
    return t


print(run(300))


class Packet:
    def __init__(self, ident, datum):
        self.ident = ident
        self.datum = datum
        self.link = None


class Task:
    def __init__(self, ident):
        self.ident = ident
        self.input = None
        self.count = 0

    def find(self, ident, unused=None):
        return TASKS[ident]

    def send(self, pkt):
        t = self.find(pkt.ident)      # depth 3: opaque (a default argument)
        pkt.ident = self.ident
        return t.accept(pkt, self)

    def accept(self, pkt, old):
        if self.input is None:
            self.input = pkt
        else:
            pkt.link = self.input
            self.input = pkt
        self.count += pkt.datum
        return old

    def step(self):
        pkt = self.input
        if pkt is None:
            return self
        self.input = pkt.link
        pkt.link = None
        pkt.datum += 1
        return self.forward(pkt)

    def forward(self, pkt):
        return self.send(pkt)


TASKS = [Task(0), Task(1), Task(2)]


def schedule(rounds):
    for k in range(6):
        TASKS[k % 3].input = Packet((k + 1) % 3, k)
    t = TASKS[0]
    steps = 0
    while steps < rounds:
        t.step()
        t = TASKS[(t.ident + 1) % 3]
        steps += 1
    return [(x.count, x.input is None) for x in TASKS]


print(schedule(500))
print(schedule(37))
