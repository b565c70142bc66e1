# while in while in for (the flipping loops of fannkuch): the inner loop's trace, the
# middle loop's linking trace, side traces at the inner and middle loops' ends that link
# back, and an outer for loop whose trace links into them.


def flips(n):
    perm = [3, 1, 4, 0, 2, 5, 7, 6]
    total = 0
    for it in range(n):
        count = 0
        k = perm[0]
        while k != 0:
            lo = 0
            hi = k
            while lo < hi:
                t = perm[lo]
                perm[lo] = perm[hi]
                perm[hi] = t
                lo += 1
                hi -= 1
            count += 1
            k = perm[0]
        total += count
        x = perm[0]
        perm[0] = perm[it % 8]
        perm[it % 8] = x
    return total, perm


def countdown(n):
    s = 0
    i = n
    while i > 0:
        j = i
        while j > 0:
            j -= 2
            s += 1
        if s > 100000:
            s -= 100000
        i -= 1
    return s, i, j


print(flips(3000))
print(countdown(700))
