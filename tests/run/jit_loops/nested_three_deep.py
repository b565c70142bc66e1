# Three nested loops with break/continue at each level.
def main():
    count = 0
    pairs = []
    for a in range(20):
        for b in range(20):
            if b > a:
                break
            for c in range(20):
                if c == b:
                    continue
                if a + b + c > 30:
                    break
                count += 1
        if a == 17:
            pairs.append((a, count))
    print(count, pairs)
    m = [[[i * j * k for k in range(5)] for j in range(5)] for i in range(5)]
    print(sum(x for p in m for q in p for x in q))


main()
