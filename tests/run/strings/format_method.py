print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{0}{0}".format("x"))
print("{name} is {age}".format(name="Ann", age=30), "{0[1]} {1[k]}".format([1, 2], {"k": "v"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:*^9}".format("mid"))
print("{!r} {!s} {!a}".format("x", "y", "é"), "{{literal}}".format(), "{:d}".format(42))
class P:
    x = 3
print("{0.x} {p.x}".format(P, p=P()))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2))
d = {"a": 1, "b": 2}
print("{a}-{b}".format_map(d), "{0:,}".format(1234567))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
