# A side trace's link stores a word loaded from an attribute (`t = holder.link`) into the
# entry buffer; the root trace then makes an opaque call that drops the attribute's
# reference. The link keeps the word (the run is not marked), so `t` stays alive and the
# opaque calls are made by the trace.


class N:
    def __init__(self, v):
        self.v = v
        self.link = None


def unlink(holder, pool, i):
    # drops every other reference to the object the side trace's link stored
    for k in range(len(pool)):
        pool[k] = N(i + k)
    holder.link = None


def run(n):
    pool = [N(k) for k in range(5)]
    holder = N(-1)
    t = N(0)
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 3 == 0:
            holder.link = pool[i % 5]
            t = holder.link
        else:
            unlink(holder, pool, i)
            total += t.v
    return total, t.v


print(run(3000))


class Task:
    def __init__(self, name, nxt):
        self.name = name
        self.link = nxt
        self.runs = 0

    def step(self):
        self.runs += 1
        return self.link


def tick(tasks):
    n = 0
    for t in tasks:
        n += t.runs
    return n


def schedule(head, rounds, tasks):
    t = head
    k = 0
    seen = 0
    while k < rounds:
        k += 1
        if t is None:
            t = head
            seen += tick(tasks)
        else:
            t = t.step()
    return seen, [x.runs for x in tasks]


tasks = []
head = None
for j in range(5):
    head = Task("t%d" % j, head)
    tasks.append(head)
print(schedule(head, 2000, tasks))


def rebind(nodes, n):
    # the opaque call replaces the list item the link stored: the kept reference holds it
    cur = nodes[0]
    acc = 0
    for i in range(n):
        if i % 4 == 1:
            cur = nodes[i % len(nodes)]
        else:
            nodes[i % len(nodes)] = N(i)
            acc += cur.v
    return acc


print(rebind([N(k) for k in range(7)], 2000))
