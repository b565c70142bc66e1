def f():
    try:
        return "try"
    finally:
        return "finally"
def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallows"
def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
    return i
def k():
    x = 1
    try:
        return x
    finally:
        x = 2
print(f(), g(), h(), k())
def c():
    for i in range(3):
        try:
            continue
        finally:
            print("cont finally", i)
c()
