# reversed() over lists, ranges, strings and dict keys in loops.
def main():
    acc = []
    for x in reversed(range(0, 150, 7)):
        acc.append(x)
    print(acc[:5], acc[-3:])
    s = 0
    for i, v in enumerate(reversed([1, 2, 3] * 50)):
        s += i * v
    print(s)
    print("".join(reversed("stressed")), list(reversed({1: 2, 3: 4, 5: 6})))
    r = reversed(range(2**63 - 3, 2**63 + 2))
    print(list(r))


main()
