def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42)])
x = 7
if x % 2:
    print("odd")
if not x > 10:
    print("not big")
if x:
    pass
else:
    print("never")
y = "yes" if x > 5 else "no"
print(y)
if 0 < x < 5 or x == 7 and not False:
    print("compound true")
