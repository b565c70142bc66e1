# len(x) called directly for exact list/tuple/str/dict/set, and every fallback:
# subclasses with __len__, rebinding len globally and in builtins, wrong arguments.
import builtins


class MyList(list):
    def __len__(self):
        return 42


class Sized:
    def __len__(self):
        return 7


def lens(items):
    out = []
    for x in items:
        out.append(len(x))
    return out


data = [[1, 2, 3], (1, 2), "héllo", {1: 2, 3: 4}, {1, 2, 3, 4}, frozenset([1]), b"ab",
        range(5), MyList([1]), Sized(), []]
for _ in range(20):
    r = lens(data)
print(r)

for bad in [(), ([], []), 5, None]:
    try:
        print(len(*bad) if isinstance(bad, tuple) else len(bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    len(obj=[])
except TypeError as e:
    print("TypeError:", e)


class Bad:
    def __len__(self):
        return -1


try:
    len(Bad())
except ValueError as e:
    print("ValueError:", e)

# rebinding: a module global first, then builtins itself
len = lambda x: "global len"
print(lens([[1], "ab"]))
del len
print(lens([[1], "ab"]))
orig = builtins.len
builtins.len = lambda x: -1
print(lens([[1], "ab"]))
builtins.len = orig
print(lens([[1], "ab"]))
