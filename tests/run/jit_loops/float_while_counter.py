# A float loop counter; exact binary fractions and inexact ones.
def main():
    x = 0.0
    n = 0
    while x < 10.0:
        x += 0.1
        n += 1
    print(n, x)
    y = 0.0
    m = 0
    while y != 16.0:
        y += 0.125
        m += 1
    print(m, y)
    z = 1.0
    k = 0
    while z > 1e-300:
        z /= 3.0
        k += 1
    print(k, z)


main()
