x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 2; print(x)
x %= 3; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0001; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 2; print(y)
lst = [1, 2]
lst *= 2
print(lst)
d = {"k": 1}
d["k"] += 10
print(d)
class C:
    v = 1
c = C()
c.v += 1
print(c.v, C.v)
arr = [[0] * 2 for _ in range(2)]
arr[1][0] -= 7
print(arr)
