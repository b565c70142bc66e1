# A loop whose trace covers one branch while the other calls a method the recorder cannot
# follow (it stores an object into an attribute): most runs exit inside the inlined call and
# the interpreter redoes it; the trace is dropped and the results stay exact.
class Task:
    def __init__(self, ident, nxt):
        self.ident = ident
        self.link = nxt
        self.count = 0
        self.held = ident % 4 != 0
        self.log = None

    def is_held(self):
        return self.held

    def run(self):
        self.count = self.count + 1
        self.log = [self.ident, self.count]
        self.held = self.count % 5 != 0
        return self.link


def schedule(head, steps):
    t = head
    n = 0
    while n < steps:
        n += 1
        if t.is_held():
            t.held = False
            t = t.link
        else:
            t = t.run()
    return n


last = Task(6, None)
head = last
for i in range(5, 0, -1):
    head = Task(i, head)
last.link = head
print(schedule(head, 3000))
t = head
for i in range(6):
    print(t.ident, t.count, t.held, t.log)
    t = t.link
