# Long counting loops in both directions with a change of behaviour halfway.
def main():
    acc = 0
    for i in range(1000, -1000, -3):
        acc += i if i > 0 else -i * 2
    print(acc)
    acc = 0
    for i in range(-500, 500, 7):
        if i == 3:
            acc = float(acc)
        acc += i
    print(acc)
    n = 0
    for i in range(10**18, 10**18 + 300):
        n += i & 7
    print(n)


main()
