# A context manager inside a loop, suppressing some exceptions and not others.
def main():
    class Guard:
        entered = 0
        def __enter__(self):
            Guard.entered += 1
            return self
        def __exit__(self, et, ev, tb):
            return et is ZeroDivisionError

    s = 0
    for i in range(150):
        with Guard():
            s += 100 // (i % 25)
    print(s, Guard.entered)
    try:
        for i in range(150):
            with Guard():
                if i == 120:
                    raise KeyError(i)
    except KeyError as e:
        print("escaped", e, Guard.entered)


main()
