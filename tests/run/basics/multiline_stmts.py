total = (1 +
         2 +
         3)
print(total)
items = [
    1,
    2,
    3,
]
print(items)
s = "abc" \
    "def"
print(s)
if (total > 1 and
        total < 10):
    print("in range")
x = 1; y = 2; print(x + y)
def f(a,
      b=2,
      *args):
    return a + b
print(f(1,
        3))
d = {
    "k": [1,
          2],
}
print(d)
