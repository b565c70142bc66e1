# continue at several points of the loop body, selected by the iteration number.
def main():
    total = 0
    skipped = [0, 0, 0]
    for i in range(300):
        if i % 3 == 0:
            skipped[0] += 1
            continue
        total += i
        if i % 5 == 0:
            skipped[1] += 1
            continue
        total -= 1
        if i > 250:
            skipped[2] += 1
            continue
        total += 2
    print(total, skipped)
    j = 0
    s = 0
    while j < 200:
        j += 1
        if j % 7:
            continue
        s += j
    print(s)


main()
