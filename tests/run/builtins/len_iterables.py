print(len("hello"), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({1, 2, 3}), len(range(10)), len(b"ab"))
print(len(""), len([]), len(dict()), len(frozenset([1, 1])), len(bytearray(5)), len("日本語"))
class L:
    def __len__(self):
        return 42
print(len(L()))
for bad in [5, 1.5, None, iter([])]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
