for a in (7.5, -7.5, 0.0, -0.0, 1e10):
    for b in (2.0, -2.0, 0.3):
        print(a, b, a // b, a % b, divmod(a, b))
print(5 // 0.5, 5 % 0.5, -1 % 1e100, 1 % -1e100)
print(3.0 % float("inf"), -3.0 % float("inf"))
