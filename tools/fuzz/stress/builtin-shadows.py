import builtins
builtins.len = lambda x: 5
print(len([]))
builtins.isinstance = None
try:
    print(isinstance(1, int))
except TypeError as e:
    print(e)
def iter(x): raise KeyError('shadowed')
for x in [1]: print('for uses real iter', x)
class object: pass
print(object)
