# The value of the loop variable after normal exit, break, and an empty iteration.
def main():
    for i in range(137):
        pass
    print(i)
    for j in range(10, 0, -1):
        if j == 4:
            break
    print(j)
    k = "unchanged"
    for k in []:
        pass
    print(k)
    for a, b in [(1, 2), (3, 4)] * 60:
        pass
    print(a, b)


main()
