# range() with positive, negative and empty step/bound combinations.
def main():
    cases = [(0, 10, 1), (10, 0, -1), (0, 10, 3), (10, 0, -3), (5, 5, 1), (5, 5, -1), (0, -10, 1),
             (-10, 0, -2), (-5, 5, 2), (5, -5, -2), (0, 100, 7), (100, 0, -7), (3, 4, 100), (4, 3, -100)]
    for a, b, c in cases:
        total = 0
        count = 0
        last = None
        for i in range(a, b, c):
            total += i
            count += 1
            last = i
        print(a, b, c, count, total, last, len(range(a, b, c)))
    try:
        range(1, 2, 0)
    except ValueError as e:
        print("ValueError", e)


main()
