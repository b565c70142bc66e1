class A:
    def __lt__(self, o):
        global L
        del L
        return False
L = [A(), A(), A()]
try:
    L.sort()
    print('sorted')
except NameError as e:
    print(e)
class B:
    def __lt__(self, o):
        M.__init__([1, 2, 3])
        M.sort()
        return True
M = [B(), B(), B(), B()]
try:
    M.sort()
except ValueError as e:
    print(e)
print(len(M))
