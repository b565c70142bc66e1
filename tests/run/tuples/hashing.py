t = (1, 2, (3, 4))
d = {t: "val", (1,): "one"}
print(d[(1, 2, (3, 4))], d[1,], hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print((1, 2) in {(1, 2), (3, 4)}, {(1, 2): 1}.get((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {(1, [2]): 3}
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2.0)) == hash((1, 2)), hash((True,)) == hash((1,)))
