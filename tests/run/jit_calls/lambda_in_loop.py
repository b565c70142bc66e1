# Lambdas created and called on every iteration; map/filter/sorted with keys.
s = 0
for i in range(200):
    f = (lambda x: x * 2) if i % 2 else (lambda x: x - 1)
    s += f(i)
print(s)
print(list(map(lambda x: x ** 2, range(10))))
print(list(filter(lambda x: x % 3 == 0, range(30))))
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(range(-10, 10), key=abs))
