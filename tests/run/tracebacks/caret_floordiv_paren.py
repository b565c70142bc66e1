# A ')' directly before a two-character operator, and nested parentheses on the left.
def f(a, b):
    return ((a + 1)) //b

print(f(3, 2))
print(f(3, 0))
