# List and tuple subclasses that override __iter__: every consumer that iterates
# (extend, +=, slice assignment, list(), tuple(), unpacking) must call the override;
# only concatenation with + reads the items directly, as CPython.

class L(list):
    def __iter__(self):
        return iter([9, 9])

class T(tuple):
    def __iter__(self):
        return iter([8, 8])

print([*L([1, 2])], list(L([1, 2])), tuple(T((1, 2))), list(T((1, 2))))
x = [0, 0]
x[:] = L([1, 2])
print(x)
x[::-1] = T((3, 4, 5))
print(x)
y = [0]
y.extend(L([1, 2]))
y.extend(T((1, 2)))
y += L([5])
y += T((5,))
print(y, y + L([1]), L([1]) + L([2]), T((1,)) + T((2,)))
# a length that differs from the items: the override decides
a, b = L([1, 2, 3])
print(a, b)
a, b = T((1, 2, 3))
print(a, b)
try:
    a, b, c = L([1, 2])
except ValueError as e:
    print("ValueError", e)
