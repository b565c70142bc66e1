# 'is' comparisons on objects, small ints, None and booleans in loops.
def main():
    a = object()
    b = a
    c = object()
    n = 0
    for i in range(200):
        x = a if i % 3 else c
        n += (x is b) + (x is not c)
    print(n)
    sentinel = object()
    vals = [None, True, False, sentinel, 0]
    print([[v is w for w in vals] for v in vals][3])


main()
