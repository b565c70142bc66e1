try:
    raise ValueError("x")
except ValueError as e:
    saved = e
try:
    print(e)
except NameError as err:
    print("NameError:", err)
print(repr(saved))
e = "rebound"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("e" in dir())
