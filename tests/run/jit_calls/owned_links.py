# Owned values handed to the next loop's trace through a link (kept for the run), swaps of
# object locals at links, and objects freed by opaque calls while the buffer holds them.
class Node:
    def __init__(self, v):
        self.v = v

def copies(src, rounds):
    best = 0
    total = 0
    for r in range(rounds):
        perm = src[:]
        k = perm[0]
        flips = 0
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        total += flips
        if flips > best:
            best = flips
        src[:2] = src[1::-1] if r % 3 else src[:2]
    return best, total, perm

def swaps(a, b, n):
    out = []
    push = out.append
    i = 0
    while i < n:
        a, b = b, a
        j = 0
        while j < 2:
            push(a.v - b.v)
            j += 1
        i += 1
    return out[-3:], a.v, b.v

def replaced(lst, n):
    clear = lst.clear
    extend = lst.extend
    seen = []
    i = 0
    while i < n:
        node = lst[i % len(lst)]
        copy = lst[:]
        j = 0
        while j < 2:
            if i % 4 == 3:
                clear()
                extend(map(Node, [i, i + 1, i + 2]))
            seen.append(node.v + len(copy))
            j += 1
        if i == n - 3:
            node = i
        i += 1
    return seen[-6:], getattr(node, "v", node), [x.v for x in lst]

def long_run(lst, n):
    # a borrowed item and an owned copy handed to the inner loop's trace at every link:
    # the run is marked, the replaced copies wait for its end (at most 256, then it ends)
    t = 0
    i = 0
    while i < n:
        row = lst[i % 3]
        copy = lst[:]
        j = 0
        while j < 30:
            t += len(row) + len(copy) + row[0]
            j += 1
        i += 1
    return t, len(copy), row

print(copies([3, 1, 0, 2, 4], 40))
print(long_run([[1, 2], [3], [4, 5, 6]], 1500))
print(swaps(Node(5), Node(2), 30))
print(replaced([Node(1), Node(2), Node(3)], 30))
