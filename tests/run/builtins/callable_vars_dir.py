class K:
    a = 1
    def m(self):
        pass
    def __call__(self):
        pass
k = K()
k.x = 5
print(callable(K), callable(k), callable(k.m), callable(len), callable(1), callable("s"), callable(None))
print(vars(k), sorted(n for n in vars(K) if not n.startswith("__")))
print([n for n in dir(k) if not n.startswith("__")], "__init__" in dir(K), "m" in dir(K))
print(sorted(d for d in dir([]) if not d.startswith("_")))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
def f():
    local_a = 1
    local_b = 2
    return sorted(dir())
print(f())
