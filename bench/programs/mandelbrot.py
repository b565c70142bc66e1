"""Mandelbrot set: iterate z = z*z + c on an n-by-n grid of the complex plane.

Size: grid side n. Floats only (no complex type). Prints how many points stay
bounded after 50 iterations and a checksum of the escape counts.
"""
import sys


def escape_count(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return limit


def main():
    n = 400
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    limit = 50
    inside = 0
    checksum = 0
    for y in range(n):
        ci = -1.25 + 2.5 * y / n
        for x in range(n):
            cr = -2.0 + 2.5 * x / n
            k = escape_count(cr, ci, limit)
            if k == limit:
                inside += 1
            checksum = (checksum * 31 + k) % 1000000007
    print("inside:", inside)
    print("checksum:", checksum)


main()
