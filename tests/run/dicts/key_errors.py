d = {"a": 1, 2: "b", (1, 2): "t"}
print(d[(1, 2)], d[2])
for key in ["missing", 3, (1,), None]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}]
except TypeError as e:
    print("TypeError:", e)
