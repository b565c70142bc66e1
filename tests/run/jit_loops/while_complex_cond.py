# while conditions combining and/or/not, chained comparisons and calls.
def main():
    a, b, n = 0, 100, 0
    while a < b and (n % 7 != 3 or a < 50) and not (a == 60 and b == 70):
        a += 1
        b -= (n % 2)
        n += 1
    print(a, b, n)
    x = 0
    items = list(range(300))
    while items and 0 <= x < 10**6 and len(items) > 100:
        x += items.pop()
    print(x, len(items))
    i = 0
    while 1 < i + 2 < 250:
        i += 3
    print(i)


main()
