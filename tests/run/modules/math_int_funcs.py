import math
print(math.factorial(0), math.factorial(5), math.factorial(20), len(str(math.factorial(1000))))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27), math.gcd(2**100, 6**50))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2, 3, 4, 5))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.comb(5, 5))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(10, 10), math.perm(20, 3))
for f, args in [(math.factorial, (-1,)), (math.comb, (-1, 2)), (math.comb, (5, -1)), (math.perm, (-2, 1)),
                (math.perm, (3, -1))]:
    try:
        f(*args)
    except ValueError as e:
        print(f.__name__, args, "ValueError:", e)
for f, args in [(math.factorial, (1.5,)), (math.factorial, (5.0,)), (math.gcd, (1.5, 2)), (math.comb, (5.0, 2))]:
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, args, "TypeError:", e)
