# Exceptions raised in the inner loop and caught in the outer loop (or outside).


def div_rows(n):
    s = 0
    errors = 0
    for i in range(n):
        try:
            for j in range(10):
                s += 100 // (j - i % 12)
        except ZeroDivisionError:
            errors += 1
    return s, errors


def index_errors(n):
    data = [1, 2, 3, 4, 5]
    s = 0
    misses = 0
    for i in range(n):
        try:
            for j in range(i % 8):
                s += data[j]
        except IndexError:
            misses += 1
    return s, misses


def raise_out(n):
    try:
        for i in range(n):
            for j in range(n):
                if i * n + j == 777:
                    raise ValueError("stop at %d %d" % (i, j))
    except ValueError as e:
        return str(e)


print(div_rows(300))
print(index_errors(400))
print(raise_out(100))
