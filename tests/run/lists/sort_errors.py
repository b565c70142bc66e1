try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{}, {}])
except TypeError as e:
    print("TypeError:", e)
lst = [3, 1, 2]
try:
    lst.sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
print(lst)
print(sorted([[2, 1], [1, 2], [1, 1, 1], []]))
print(sorted([(1, None), (0, None)]))
try:
    sorted([(1, None), (1, None)])
except TypeError as e:
    print("TypeError:", e)
