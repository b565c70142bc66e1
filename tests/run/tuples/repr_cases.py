print((1,), (1, 2), ((),), ((1,),), (None,), ("a",), (1.5, "x", [1]))
print(repr(tuple()), str((1, "a")), tuple([[]]))
print(tuple("x"), (1, 2) + (), () * 5, (0,) * 3)
