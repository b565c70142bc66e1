nothing = None
one = 1
tests = [
    lambda: None.attr,
    lambda: (1).foo,
    lambda: [].nope,
    lambda: undefined_thing,
    lambda: int.nope,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: len(5),
    lambda: [1, 2][5],
    lambda: (1,)[2],
    lambda: "abc"[9],
    lambda: {"a": 1}["b"],
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: int("x"),
    lambda: [].index(1),
    lambda: (lambda x: x)(),
    lambda: nothing(),
    lambda: nothing[0],
    lambda: one[0],
    lambda: {}.keys()[0],
    lambda: abs("x"),
    lambda: sum(["a", "b"]),
    lambda: max([]),
    lambda: min(1),
    lambda: sorted(1),
    lambda: float("x"),
    lambda: chr("a"),
    lambda: hash([]),
    lambda: dict(1),
    lambda: [1, 2, 3][1:2:0],
    lambda: "x" * [],
    lambda: [x for x in 5],
    lambda: "%d" % "s",
    lambda: tuple(1),
    lambda: list(None),
    lambda: divmod(1, 0),
    lambda: 2 ** "x",
    lambda: -[1],
    lambda: setattr(1, "x", 2),
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
