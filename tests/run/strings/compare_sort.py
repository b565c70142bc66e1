words = ["banana", "Apple", "cherry", "apple", "Banana", "", "a", "ab", "aB"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words), "a" < "B", "é" > "z", "abc" == "abc")
print(sorted(["b2", "a10", "a2", "a1"]), "Z" < "a" < "z")
