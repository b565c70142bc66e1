print(tuple(), tuple("abc"), tuple([1, 2]), tuple({3: 4}), tuple(x * 2 for x in range(3)), tuple(range(2, 5)))
print(tuple(zip("ab", "cd")), tuple(enumerate("xy")), tuple(reversed((1, 2, 3))))
t = (1, 2, 3)
it = iter(t)
print(next(it), list(it))
print(tuple(t) is t, t + t, t * 0, (t,) * 2)
try:
    tuple(5)
except TypeError as e:
    print("TypeError:", e)
