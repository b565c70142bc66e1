# IndexError when the loop index runs past a list that shrinks during the loop.
def main():
    xs = list(range(100))
    got = []
    i = 0
    try:
        while True:
            got.append(xs[i])
            if i % 10 == 9:
                xs.pop()
            i += 1
    except IndexError as e:
        print("IndexError", e, i, len(got))
    t = tuple(range(10))
    for j in range(-12, 12):
        try:
            t[j]
        except IndexError as e:
            print(j, e)
    s = "abc"
    try:
        for k in range(150):
            s[k % 4]
    except IndexError as e:
        print(k, e)


main()
