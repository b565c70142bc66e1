# NameError after a global used by a hot loop is deleted.
scale = 3

def f(x):
    return x * scale

acc = 0
for i in range(200):
    if i == 160:
        del scale
    acc += f(i)
print(acc)
