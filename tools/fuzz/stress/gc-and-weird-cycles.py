import gc
class A:
    def __del__(self):
        global saved
        saved = self
        raise KeyError('in del')
a = A(); a.self = a
del a
gc.collect()
print('saved' in globals())
class B:
    def __del__(self): 1/0
b = B()
del b
l = [B() for _ in range(3)]
del l
print(gc.collect() >= 0, gc.isenabled())
gc.disable(); gc.enable()
for i in range(10000):
    x = []; x.append(x); d = {}; d['d'] = d
print(gc.collect() >= 0)
class R:
    def __del__(self):
        R.inst = self
r = R(); del r
print(hasattr(R, 'inst'))
