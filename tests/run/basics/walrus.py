data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long", n)
result = [y for x in data if (y := x * 2) > 10]
print(result, y)
i = 0
while (i := i + 1) < 5:
    print(i, end=" ")
print()
print((z := 10) + z)
def f():
    if any((w := v) > 10 for v in data):
        return w
print(f())
