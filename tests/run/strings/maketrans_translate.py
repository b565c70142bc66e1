t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t), t[97])
t2 = str.maketrans("ab", "12", "c")
print("abcabc".translate(t2))
t3 = str.maketrans({"a": "AA", "b": None, "c": "z"})
print("abcd".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): None}))
print(sorted(str.maketrans("xy", "pq").items()))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
