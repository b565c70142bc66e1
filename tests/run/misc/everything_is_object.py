def f():
    pass
things = [1, 1.5, "s", [], (), {}, set(), None, True, f, len, int, type, object, Exception("e"), range(1), b""]
for t in things:
    print(type(t).__name__, isinstance(t, object), callable(t))
print(type(type(type)).__name__, int.__class__.__name__, (1).__class__.__name__)
