# frozenset has its own __hash__ (the hash hash() gives), and the slot wrappers of set and
# frozenset check their receiver and arguments with CPython's slot-wrapper messages.
fs = frozenset({1, 2, 3})
print(frozenset.__hash__(fs) == hash(fs), fs.__hash__() == hash(fs))
print(frozenset.__hash__(frozenset()) == hash(frozenset()))


class FS(frozenset):
    pass


print(frozenset.__hash__(FS({1})) == hash(frozenset({1})))
print(set.__hash__ is None, "__hash__" in frozenset.__dict__)

cases = [
    lambda: frozenset.__hash__("abc"),
    lambda: frozenset.__hash__(fs, 1),
    lambda: frozenset.__hash__(fs, x=1),
    lambda: frozenset.__len__("abc"),
    lambda: set.__len__("abc"),
    lambda: frozenset.__len__(fs, 1),
    lambda: set.__iter__(frozenset()),
    lambda: frozenset.__eq__("a", 1),
    lambda: frozenset.__contains__("a", 1),
    lambda: frozenset.copy("a"),
    lambda: object.__hash__(1, 2),
    lambda: object.__hash__(1, x=2),
]
for f in cases:
    try:
        print("ok", f())
    except TypeError as e:
        print("TypeError:", e)
print(object.__hash__(fs) == object.__hash__(fs))
