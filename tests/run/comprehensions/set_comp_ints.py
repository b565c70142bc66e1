print({x * x % 10 for x in range(20)})
print({abs(x) for x in range(-5, 6)})
print({x // 3 for x in range(10)}, {len(w) for w in ["a", "bb", "cc", "d"]})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
