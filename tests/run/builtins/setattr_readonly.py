# setattr/delattr on objects without an instance dict: read-only methods, unwritable
# native attributes, missing names; __class__ assignment errors
for obj, name in [([], "append"), ([], "foo"), ({}, "get"), ("s", "upper"), (1, "real"), (1.5, "hex"), ((), "count"), (object(), "x"), (object(), "__class__"), (5, "__class__")]:
    try:
        setattr(obj, name, 4)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        delattr(obj, name)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


class A:
    pass


a = A()
for v in [5, "A", None]:
    try:
        a.__class__ = v
    except TypeError as e:
        print("TypeError", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError", e)
print(type(a).__name__)
