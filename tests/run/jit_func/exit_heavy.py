# A function trace recorded on one path (a leaf) and left at the other (an inner node) in
# half of its runs: after a window of runs it is dropped; results must not change, before,
# during or after the drop.


def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))


def count(node):
    left = node[0]
    if left is None:
        return 1
    return 1 + count(left) + count(node[1])


def weight(node, k):
    left = node[0]
    if left is None:
        return k % 7
    return weight(left, k + 1) * 3 - weight(node[1], k + 2)


total = 0
for d in range(2, 11):
    t = make(d)
    total += count(t)
    total += weight(t, d)
print(total)
for i in range(3000):
    total += count((None, None)) + count(((None, None), (None, None)))
print(total)
