"""Fannkuch-redux: flip prefixes of every permutation of 1..n until 1 comes first.

Size: n. Permutations are generated in the counting order of the benchmarks-game
version; prints the checksum (alternating sum of flip counts) and the maximum flips.
"""
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    perm = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        for i in range(n):
            perm[i] = perm1[i]
        flips = 0
        k = perm[0]
        while k != 0:
            # reverse perm[0..k]
            lo = 0
            hi = k
            while lo < hi:
                t = perm[lo]
                perm[lo] = perm[hi]
                perm[hi] = t
                lo += 1
                hi -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += sign * flips
        sign = -sign
        # next permutation: rotate the first r+1 elements until a counter is left
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = 9
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    result = fannkuch(n)
    print("checksum:", result[0])
    print("Pfannkuchen(" + str(n) + ") =", result[1])


main()
