o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(object.__name__, object.__bases__, len([1]) is not None)
a = [1]
print(id(a) == id(a), id(a) != id([1]) or True)
print(NotImplemented.__class__.__name__, bool(None), Ellipsis.__class__.__name__)
