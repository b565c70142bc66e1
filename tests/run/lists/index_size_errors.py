# Item indexes beyond a machine-sized int (CPython: IndexError "cannot fit ... into an
# index-sized integer"), including __index__ results and ranges (which report out of range).
l = [1, 2]
t = (1, 2)
s = "ab"
class I:
    def __index__(self):
        return 2**70
for c in (l, t, s, range(3), b"ab", bytearray(b"ab")):
    for k in (2**63, -2**63 - 1, 2**100, I(), True, -1, 5):
        try:
            print(type(c).__name__, c[k])
        except Exception as e:
            print(type(c).__name__, type(e).__name__, e)
for k in (2**63, I(), 5):
    try:
        l[k] = 0
    except Exception as e:
        print("set", type(e).__name__, e)
    try:
        del l[k]
    except Exception as e:
        print("del", type(e).__name__, e)
