it = iter([1, 2])
while True:
    try:
        v = next(it)
    except StopIteration:
        print("exhausted")
        break
    print(v)
class Gen:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("custom")
print(list(Gen()))
try:
    next(Gen())
except StopIteration as e:
    print(repr(e), e.value)
