# The "has no setter/deleter/getter" messages name the property by the attribute name
# __set_name__ gave it (none when it was attached after the class was made) and the
# class by its qualified name.


class Outer:
    class Inner:
        @property
        def x(self):
            return 1


for action in ("set", "del"):
    try:
        if action == "set":
            Outer.Inner().x = 2
        else:
            del Outer.Inner().x
    except AttributeError as e:
        print(e)


def getter(self):
    return 1


p = property(getter)


class Late:
    pass


Late.y = p
try:
    Late().y = 2
except AttributeError as e:
    print(e)


class Early:
    y = p


for cls in (Early, Late):
    try:
        cls().y = 2
    except AttributeError as e:
        print(e)


class NoGet:
    z = property(None)
    w = property(getter).setter(None)


try:
    NoGet().z
except AttributeError as e:
    print(e)
try:
    NoGet().w = 1
except AttributeError as e:
    print(e)
q = property(getter)
q.__set_name__(Late, "renamed")
Late.q = q
try:
    Late().q = 1
except AttributeError as e:
    print(e)
print(hasattr(property, "__set_name__"))
