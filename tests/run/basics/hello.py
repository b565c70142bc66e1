print("Hello, world!")
print()
print("a", "b", "c")
print(1, 2.5, None, True, "x")
