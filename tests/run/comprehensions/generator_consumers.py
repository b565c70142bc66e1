nums = [5, 3, 8, 1]
print(max(x * 2 for x in nums), min((x for x in nums), default=0), sorted(x % 4 for x in nums))
print(list(zip((x for x in "abc"), (y for y in range(10)))), dict((str(n), n) for n in nums))
print(any(n > 7 for n in nums), all(n > 0 for n in nums), sum(n for n in nums if n % 2))
print(", ".join(f"{n}!" for n in nums), tuple(n for n in nums if n > 2), set(n % 2 for n in nums))
g = (n for n in nums)
print(5 in g, list(g))
