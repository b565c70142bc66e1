# Uncaught ZeroDivisionError from a loop that has run many times first.
def ratio(a, b):
    return a // b

total = 0
for i in range(200, -5, -1):
    total += ratio(1000, i)
print("unreachable", total)
