words = ["apple", "avocado", "banana", "blueberry", "cherry"]
first = {w[0] for w in words}
print(sorted(first), len(first))
lengths = {len(w) for w in words}
print(lengths)
nums = [1, 2, 2, 3, 3, 3, 4]
print(sorted(set(nums)), len(set(nums)) == len(nums))
seen = set()
uniq = []
for n in nums:
    if n not in seen:
        seen.add(n)
        uniq.append(n)
print(uniq, seen)
print({n for n in range(20) if n % 3 == 0} - {n for n in range(20) if n % 2 == 0})
