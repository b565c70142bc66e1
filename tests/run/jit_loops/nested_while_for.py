# A while loop around a for loop around a while loop, all with changing bounds.
def main():
    out = []
    n = 1
    while n < 40:
        row = 0
        for i in range(n):
            j = i
            while j > 0:
                row += j & 1
                j >>= 1
        out.append(row)
        n = n * 2 + 1
    print(out)


main()
