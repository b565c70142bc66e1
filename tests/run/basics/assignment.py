a = 1
b = c = 2
x, y = 3, 4
x, y = y, x
print(a, b, c, x, y)
a += 5
b -= 1
c *= 10
print(a, b, c)
s = "ab"
s *= 3
print(s)
lst = [1]
lst2 = lst
lst2 += [2]
print(lst, lst is lst2)
t = (1,)
t2 = t
t2 += (2,)
print(t, t2, t is t2)
n = 7
n //= 2
print(n)
n **= 3
print(n)
n %= 5
print(n)
n <<= 4
n |= 1
n ^= 3
n &= 0xFF
n >>= 1
print(n)
