class Node:
    __slots__ = ("other", "value")
    def __init__(self, value):
        self.value = value
        self.other = None
total = 0
for i in range(1_000_000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
    total += a.other.value - b.other.value
print(total)
print("cycles created:", 1_000_000)
