# // and % with every sign combination, inside a loop that runs both signs.
def main():
    acc = []
    for a in range(-60, 61, 7):
        for b in (-7, -3, -1, 1, 2, 5):
            acc.append((a // b, a % b))
    print(acc[:12])
    print(sum(q for q, r in acc), sum(r for q, r in acc))
    big = -2**63
    print(big // -1, big % -1, big // 7, big % 7, divmod(big, -3))
    for i in range(3):
        print((-2**64 + i) // 3, (-2**64 + i) % 3)


main()
