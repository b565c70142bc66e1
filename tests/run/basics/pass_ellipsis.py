def f():
    pass
class C:
    pass
for i in range(3):
    pass
print(f(), C.__name__)
print(...)
print(Ellipsis, Ellipsis is ..., type(...).__name__)
def g():
    ...
print(g())
x = [1, ..., 3]
print(x)
