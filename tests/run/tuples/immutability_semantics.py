t = (1, [2, 3], {"k": 4})
t[1].append(99)
t[2]["k"] = 5
print(t)
try:
    t[1] += [100]
except TypeError as e:
    print("TypeError:", e)
print(t)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
