# AssertionError raised and caught at various iterations.
def main():
    fails = []
    for i in range(200):
        try:
            assert i % 45 != 44, "i=%d" % i
            assert i < 190
        except AssertionError as e:
            fails.append(str(e) or "<empty>")
    print(fails)


main()
