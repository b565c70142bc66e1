# int / int in a loop, including huge ints that still convert and ones that do not.
def main():
    out = []
    for i in range(1, 120):
        out.append(i / 7)
    print(out[::20])
    print(2**63 / 2, (2**63 + 1) / 3, 10**30 / 10**10, -7 / 2, 7 / -2)
    print(10**400 / 10**399, (2**1100) / (2**1099))
    try:
        print(10**400 / 3)
    except OverflowError as e:
        print("OverflowError", e)
    try:
        float(10**400)
    except OverflowError as e:
        print("OverflowError", e)


main()
