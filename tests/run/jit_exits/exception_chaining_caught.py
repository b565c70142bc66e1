# __context__ and __cause__ observed on exceptions caught inside a loop.
def main():
    info = []
    for i in range(120):
        try:
            try:
                if i % 40 == 39:
                    1 // 0
            except ZeroDivisionError as inner:
                if i == 79:
                    raise ValueError("explicit") from inner
                raise KeyError(i)
        except (KeyError, ValueError) as e:
            info.append((type(e).__name__, type(e.__context__).__name__, type(e.__cause__).__name__, e.__suppress_context__))
    print(info)
    try:
        try:
            raise IndexError("a")
        except IndexError:
            raise TypeError("b") from None
    except TypeError as e:
        print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)


main()
