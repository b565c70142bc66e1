# `Class.name(...)` through LOAD_METHOD_CLASS's inline hit: class methods (bound to the
# class), static methods and plain functions (no self), and the miss paths: the method
# rebound, the class swapped at the same instruction, a non-callable class attribute.
class Strength:
    LEVEL = 3

    @classmethod
    def stronger(cls, a, b):
        return (cls.__name__, a < b)

    @staticmethod
    def weaker(a, b):
        return a > b

    def plain(x):
        return x * 2

class Other(Strength):
    @classmethod
    def stronger(cls, a, b):
        return (cls.__name__, a >= b)

def run(k, n):
    out = []
    for i in range(n):
        out.append((k.stronger(i, 2), k.weaker(i, 2), k.plain(i)))
    return out[-1], len(out)

print(run(Strength, 12))
print(run(Other, 12))
print(run(Strength, 3), run(Other, 3))
Strength.stronger = classmethod(lambda cls, a, b: ("lambda", cls.__name__, a + b))
print(run(Strength, 12), run(Other, 12))
Strength.weaker = staticmethod(max)
print(run(Strength, 12))
del Strength.plain
try:
    run(Strength, 12)
except AttributeError as e:
    print("AttributeError", e)
Strength.plain = 7
try:
    run(Strength, 12)
except TypeError as e:
    print("TypeError", e)
for i in range(10):
    c = Strength if i % 3 else Other
    print(i, c.stronger(i, 5))
