a = [1, 2]
a *= 3
print(a)
a *= 0
print(a)
b = [1]
b.extend(range(3))
b.extend("ab")
b.extend((5,))
b.extend({7: 0})
print(b)
b += "cd"
print(b)
try:
    b + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    b.extend(5)
except TypeError as e:
    print("TypeError:", e)
print([0] * -1, [1, 2] * True)
