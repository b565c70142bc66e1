names = ["a", "b", "c"]
scores = [1, 2]
for n, s in zip(names, scores, strict=True):
    print(n, s)
