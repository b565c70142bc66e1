# A builtin used in a hot loop is shadowed by a global midway, then unshadowed.
def measure(x):
    return len(x)

out = []
for i in range(150):
    if i == 60:
        len = lambda s: -1
    if i == 120:
        del len
    out.append(measure("abc"))
print(out[58:62], out[118:122], out.count(-1))

def absolutes(n):
    return [abs(i - 50) for i in range(n)][::25]

print(absolutes(100))
import builtins
saved = builtins.abs
builtins.abs = lambda v: "shadowed"
print(absolutes(60))
builtins.abs = saved
print(absolutes(60))
