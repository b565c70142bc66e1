# The 'except ... as e' name is deleted at the end of the handler, every iteration.
def f():
    count = 0
    for i in range(120):
        try:
            if i % 30 == 0:
                raise ValueError(i)
        except ValueError as e:
            count += 1
        try:
            e
        except UnboundLocalError:
            count += 100
    return count

print(f())
e = "global e"
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)
