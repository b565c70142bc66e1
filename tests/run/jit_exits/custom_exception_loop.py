# A user exception class raised from a helper at chosen iterations.
class Stop(Exception):
    def __init__(self, where):
        super().__init__("stop at %d" % where)
        self.where = where

def check(i):
    if i % 41 == 40:
        raise Stop(i)
    return i

caught = []
s = 0
for i in range(300):
    try:
        s += check(i)
    except Stop as e:
        caught.append(e.where)
print(s, caught)
try:
    for i in range(300):
        check(i)
except Exception as e:
    print(type(e).__name__, e, e.args)
