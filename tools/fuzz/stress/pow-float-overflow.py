for a, b in ((10.0, 400), (2, -10**10), (-8, 1/3), (0.0, -1), (10**400, 0.5), (2, 10**400)):
    try:
        print(a ** b)
    except (OverflowError, ZeroDivisionError, ValueError, MemoryError) as e:
        print(type(e).__name__, e)
print(pow(3, 10**100, 7), pow(2, -1, 7), pow(-1, 10**100))
for args in ((2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3, 10**30)):
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
