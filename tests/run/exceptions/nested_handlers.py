def level3():
    raise IndexError("deep")
def level2():
    try:
        level3()
    except KeyError:
        print("not here")
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except IndexError as e:
        print("level1 caught", e)
        return "handled"
print(level1())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("from handler")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer", e, type(e.__context__).__name__)
