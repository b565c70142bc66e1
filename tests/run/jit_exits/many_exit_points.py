# A function whose loop can leave through many different returns.
def classify(n):
    i = 0
    while True:
        i += 1
        if n == 0:
            return "zero"
        if i > 150:
            return "long"
        if n % 2 == 0 and i == 3:
            return "even3"
        if n % 3 == 0 and i == 5:
            return "three5"
        if n < 0:
            return "neg"
        if n == i * i:
            return "square%d" % i
        if n % 7 == 0 and i == 100:
            return "seven100"

counts = {}
for n in range(-5, 300):
    c = classify(n)
    counts[c] = counts.get(c, 0) + 1
print(counts)
