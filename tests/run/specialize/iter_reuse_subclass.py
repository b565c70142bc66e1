# for over lists, tuples, ranges and a list subclass: the exhausted iterator is reused by
# the next loop's iter() only when nothing else holds it; a subclass that overrides
# __iter__ (or gets one later) takes the protocol

class OC(list):
    pass


oc = OC([1, 2, 3])
for k in range(3):
    total = 0
    for x in oc:
        for y in (x, x * 10):
            for z in range(2):
                total += y + z
    print(k, total)

# an iterator kept alive by the program is not reused: it stays exhausted
kept = []
for k in range(3):
    it = iter([k, k + 1])
    for v in it:
        pass
    kept.append(it)
print([list(i) for i in kept], [next(i, "done") for i in kept])
print(type(iter(oc)).__name__, type(iter(())).__name__, type(iter(range(2))).__name__)

# break leaves a live iterator; a fresh loop starts from the beginning
for x in oc:
    break
print([x for x in oc], sum(oc), list(reversed(oc)))


class Loud(OC):
    def __iter__(self):
        print("Loud.__iter__")
        return iter([9, 8])


print([x for x in Loud([1, 2])])
print([x for x in oc])
OC.__iter__ = lambda self: iter(["patched"])
print([x for x in oc])
del OC.__iter__
print([x for x in oc])


class Bad(list):
    def __iter__(self):
        return 42


try:
    for x in Bad([1]):
        pass
except TypeError as e:
    print("TypeError:", e)
it = iter(oc)
print(next(it), list(it), list(it))
