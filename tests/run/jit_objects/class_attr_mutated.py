# A class attribute read through instances is changed in the middle of a hot loop.
class Cfg:
    rate = 2

objs = [Cfg() for _ in range(3)]
acc = 0
for i in range(200):
    if i == 100:
        Cfg.rate = 0.5
    if i == 150:
        Cfg.rate = 3
    acc += objs[i % 3].rate
print(acc)
Cfg.extra = "new"
print(objs[0].extra, hasattr(Cfg(), "extra"))
del Cfg.extra
print(hasattr(objs[0], "extra"))
