class D(dict):
    def __getitem__(self, k): raise KeyError(k)
    def __missing__(self, k): return 7
g = D(__builtins__=__builtins__)
try:
    exec('print(x)', g)
except NameError as e:
    print(e)
class L(dict):
    def __getitem__(self, k): return 42
try:
    exec('print(y)', {}, L())
except NameError as e:
    print(e)
ns = {}
exec('def f(): return z', ns)
try:
    ns['f']()
except NameError as e:
    print(e)
ns['__builtins__'] = {}
try:
    ns['f']()
except NameError as e:
    print(e)
