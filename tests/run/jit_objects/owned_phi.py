# Locals that carry an instance, tuple or list made in the loop into the next iteration
# (owned phis): returned from inside the loop, left by break, deleted, shared by two
# locals, replaced by None or a number (a type change), and alive around an inner loop.


class Node:
    def __init__(self, val, nxt):
        self.val = val
        self.nxt = nxt


def chain(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    while head is not None:
        total += head.val
        head = head.nxt
    return total


def early_return(n):
    cur = Node(0, None)
    for i in range(n):
        cur = Node(i, None)
        if i == n - 7:
            return cur.val
    return -1


def leave_by_break(n):
    pair = (0, 0)
    for i in range(n):
        pair = (i, pair[0])
        if pair[1] > n // 2:
            break
    return pair


def shared(n):
    a = b = [0]
    for i in range(n):
        a = [i]
        b = a
    return a is b, a, b


def type_change(n):
    v = Node(0, None)
    for i in range(n):
        v = Node(i, None) if i < n - 5 else i
    return v


def with_inner(n):
    acc = [0]
    for i in range(n):
        acc = [acc[0] + 1]
        for j in range(3):
            acc[0] += j
    return acc


def deleted(n):
    out = 0
    for i in range(n):
        t = (i, i)
        out += t[0]
        if i == n - 2:
            del t
    return out


print(chain(300))
print(early_return(300))
print(leave_by_break(300))
print(shared(300))
print(type_change(300))
print(with_inner(300))
print(deleted(300))
