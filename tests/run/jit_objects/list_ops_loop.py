# insert/pop/sort/reverse/extend on a list inside a hot loop.
def main():
    xs = []
    for i in range(200):
        if i % 5 == 0:
            xs.insert(0, i)
        elif i % 5 == 1 and xs:
            xs.pop()
        elif i % 5 == 2:
            xs.extend([i, -i])
        elif i % 5 == 3:
            xs.sort()
        else:
            xs.reverse()
    print(len(xs), xs[:6], xs[-3:])
    ys = [3, 1, 2] * 40
    ys.sort(key=lambda v: -v)
    print(ys[:5], ys.index(1), ys.count(2))


main()
