# A while-loop counter starts just below 2**63 and keeps counting.
def main():
    i = 2**63 - 60
    n = 0
    while i < 2**63 + 60:
        i += 1
        n += 1
    print(i, n)
    j = -2**63 + 30
    steps = 0
    while j > -2**63 - 30:
        j -= 2
        steps += 1
    print(j, steps)


main()
