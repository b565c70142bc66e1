# inf, nan and -0.0 flowing through a loop that compares and accumulates.
def main():
    inf = float("inf")
    nan = float("nan")
    vals = [1.0, -0.0, 0.0, inf, -inf, nan, 2.5, -1e308, 1e308]
    for rep in range(30):
        lt = [a < b for a in vals for b in vals]
        eq = [a == b for a in vals for b in vals]
    print(sum(lt), sum(eq))
    print([v * 0 for v in vals])
    print([v + v for v in vals])
    print(nan == nan, nan != nan, nan < 1, inf > 1e308, -0.0 == 0.0, str(-0.0), repr(0.0 * -1))
    x = 1e300
    for i in range(5):
        x *= 1e5
        print(x)
    print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0), abs(-0.0))


main()
