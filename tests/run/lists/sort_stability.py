data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1), ("f", 2)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
data2 = list(data)
data2.sort(key=lambda t: t[0], reverse=True)
print(data2)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda x: -x))
words = ["pear", "Fig", "apple", "kiwi", "Date", "banana"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
words.sort()
print(words)
print(sorted([3, 1, 2], key=None), sorted([]), sorted("cba"), sorted((2, 1)), sorted({3: 0, 1: 0}))
recs = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
print(sorted(sorted(recs, key=lambda r: r[1]), key=lambda r: r[0]))
