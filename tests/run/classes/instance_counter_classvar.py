class Node:
    created = 0
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
        Node.created += 1
    def __iter__(self):
        node = self
        while node:
            yield node.val
            node = node.next
head = None
for v in [3, 2, 1]:
    head = Node(v, head)
print(list(head), Node.created, sum(head), max(head))
def reverse(node):
    prev = None
    while node:
        node.next, prev, node = prev, node, node.next
    return prev
print(list(reverse(head)))
