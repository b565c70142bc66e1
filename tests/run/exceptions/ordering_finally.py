def f(x):
    try:
        print("try", x)
        if x == 1:
            raise ValueError
        if x == 2:
            return "returned from try"
    except ValueError:
        print("except")
        return "returned from except"
    else:
        print("else")
    finally:
        print("finally")
    print("after")
    return "end"
for i in range(3):
    print(f(i))
