people = [("ann", 31, 5.5), ("bob", 25, 6.1), ("cy", 31, 5.9), ("dee", 25, 5.5), ("ed", 40, 6.1)]
by_age_then_name = sorted(people, key=lambda p: (p[1], p[0]))
print(by_age_then_name)
by_height_desc_age = sorted(people, key=lambda p: (-p[2], p[1]))
print(by_height_desc_age)
s = sorted(people, key=lambda p: p[0], reverse=True)
s.sort(key=lambda p: p[1])
print([p[0] for p in s])
groups = {}
for name, age, _ in people:
    groups.setdefault(age, []).append(name)
print(groups, {a: len(n) for a, n in sorted(groups.items())})
