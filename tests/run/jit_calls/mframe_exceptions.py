# Exceptions around opaque calls made inside inlined calls (multi-frame snapshots): raised
# inside the opaque callee and caught at several levels, raised after the call in the
# inlined callee (a ZeroDivisionError mid-callee), and uncaught (the traceback lists every
# level, as CPython's).
def risky(x, k=3):
    if x % 17 == 16:
        raise ValueError("bad %d" % x)
    return x + k


def level1(x):
    y = risky(x)
    return 100 // (y - 40)   # ZeroDivisionError when y == 40 (x == 37): after the call


def level2(x):
    return level1(x) + 1


def caught_in_loop(n):
    t = 0
    for i in range(n):
        try:
            t += level2(i)
        except ValueError as e:
            t -= 1000
        except ZeroDivisionError:
            t -= 7
    return t


def catch_mid(x):
    try:
        return level1(x)
    except ValueError:
        return -1


def caught_mid(n):
    t = 0
    for i in range(n):
        try:
            t += catch_mid(i)
        except ZeroDivisionError:
            t += 500
    return t


def outside(n):
    t = 0
    try:
        for i in range(n):
            t += level2(i)
    except (ValueError, ZeroDivisionError) as e:
        print("outside:", t, type(e).__name__, e)
    return t


print(caught_in_loop(120))
print(caught_mid(120))
print(outside(120))
print(outside(10))


def fails_late(x, k=1):
    if x == 90:
        raise KeyError(x)
    return x


def top(x):
    return fails_late(x) * 2


def main(n):
    t = 0
    for i in range(n):
        t += top(i)
    return t


print(main(50))
print(main(100))
