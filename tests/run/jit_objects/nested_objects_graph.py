# A linked list of objects built and walked by loops; attributes changed along the way.
def main():
    class Cell:
        def __init__(self, v, nxt):
            self.v = v
            self.next = nxt

    head = None
    for i in range(200):
        head = Cell(i, head)
    n = 0
    c = head
    while c is not None:
        if c.v % 50 == 0:
            c.v = float(c.v)
        n += c.v
        c = c.next
    print(n, type(n).__name__)
    c = head
    while c.next is not None and c.next.v != 100:
        c = c.next
    c.next = c.next.next
    length = 0
    c = head
    while c:
        length += 1
        c = c.next
    print(length)


main()
