def build(n):
    return [] if n == 0 else [build(n - 1)]
print(build(5))
d = {}
cur = d
for i in range(5):
    cur[i] = {}
    cur = cur[i]
print(d)
def nest_tuple(n):
    return () if n == 0 else (n, nest_tuple(n - 1))
print(nest_tuple(4))
