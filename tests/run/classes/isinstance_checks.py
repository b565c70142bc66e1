class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, A), issubclass(bool, int))
print(isinstance(1, (str, int)), isinstance("s", str), isinstance(None, type(None)), isinstance(int, type))
print(isinstance([], list), isinstance({}, dict), isinstance(1.0, int), issubclass(int, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
