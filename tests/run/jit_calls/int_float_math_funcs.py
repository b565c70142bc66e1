# math functions called in loops with int and float arguments.
def main():
    import math
    s = 0.0
    for i in range(1, 200):
        s += math.sqrt(i) + math.floor(i / 3) + math.ceil(-i / 7)
    print(round(s, 6))
    print(math.gcd(2**64, 2**40 * 3), math.isqrt(2**70 + 5), math.factorial(25))
    print(math.copysign(1, -0.0), math.isinf(1e308 * 10), math.isnan(float("nan")), math.fmod(-7, 3))
    print(math.floor(-0.5), math.trunc(-2.7), math.ceil(2**63 + 0.0))


main()
