# Crossing -2**63 downwards and then coming back up.
def main():
    x = -2**63 + 50
    seen = []
    for i in range(120):
        x -= 1
        if -2**63 - 2 <= x <= -2**63 + 1:
            seen.append((i, x))
    print(seen)
    for i in range(120):
        x += 1
    print(x, x == -2**63 + 50)
    m = -9223372036854775807
    for k in range(5):
        m = m - 1
        print(k, m, m < -2**63)


main()
