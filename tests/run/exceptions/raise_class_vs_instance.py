try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except 5:
        pass
    raise ValueError("x")
except ValueError:
    print("ok")
try:
    try:
        raise ValueError("y")
    except "notaclass":
        pass
except TypeError as e:
    print("TypeError:", e)
