# float -> int -> float through values that are exact and inexact.
def main():
    out = []
    f = 1.0
    for i in range(70):
        f *= 2.0
        n = int(f)
        out.append(n == f)
    print(all(out), int(f), float(int(f)) == f)
    print(int(1e19), int(-1e19), int(9.223372036854776e18), int(2.0**63 - 1024))
    for v in (float("inf"), float("nan")):
        try:
            int(v)
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)


main()
