# Mutually recursive even/odd and a three-way cycle.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print([is_even(n) for n in range(0, 300, 37)], is_odd(301))

def a(n):
    return 0 if n <= 0 else 1 + b(n - 1)

def b(n):
    return 0 if n <= 0 else 2 + c(n - 2)

def c(n):
    return 0 if n <= 0 else 3 + a(n - 3)

print([a(n) for n in range(0, 200, 19)])
