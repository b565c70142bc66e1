# Exceptions raised inside compiled loops: ZeroDivisionError from / // % caught outside
# the loop and inside it, and an uncaught one with its traceback.


def divide_down(n):
    i = n
    s = 0
    while True:
        s += 1000 // i
        i -= 1


def mod_down(n):
    i = n
    s = 0.0
    try:
        while True:
            s += 1.0 / i
            i -= 1
    except ZeroDivisionError as e:
        return "caught", str(e), i, round(s, 6)


def inside(n):
    i = -n
    bad = 0
    s = 0
    while i < n:
        try:
            s += 100 % i
        except ZeroDivisionError:
            bad += 1
        i += 1
    return s, bad


try:
    divide_down(300)
except ZeroDivisionError as e:
    print("outside:", e)
print(mod_down(400))
print(inside(300))


def last(n):
    i = n
    while True:
        i = i - 1
        _ = 5 % i


last(250)
