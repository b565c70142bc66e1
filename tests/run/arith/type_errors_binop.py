pairs = [(1, "a"), ("a", 1.5), ([1], (1,)), (None, 1), ({}, {})]
for a, b in pairs:
    try:
        print(a + b)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("a" * 2.5)
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] - [1])
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 @ 2)
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < None)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x" ** 2)
except TypeError as e:
    print("TypeError:", e)
