# __eq__/__lt__ used by sorted, min, max and ==/< in loops.
def main():
    class Item:
        def __init__(self, k, v):
            self.k, self.v = k, v
        def __lt__(self, o):
            return self.k < o.k
        def __eq__(self, o):
            return isinstance(o, Item) and self.k == o.k
        def __repr__(self):
            return "I(%d,%s)" % (self.k, self.v)

    items = [Item(i * 7 % 23, i) for i in range(60)]
    s = sorted(items)
    print(s[:4], min(items), max(items))
    eq = 0
    for i in range(len(items) - 1):
        eq += items[i] == items[i + 1]
        eq += items[i] == 5
    print(eq, Item(1, 0) in items, Item(1, 0) != Item(1, 9))


main()
