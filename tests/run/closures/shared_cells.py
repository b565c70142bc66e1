def pair():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
get, set_ = pair()
print(get())
set_(42)
print(get())
get2, set2 = pair()
print(get2(), get())
def loop_cells():
    out = []
    for i in range(3):
        x = i * 10
        out.append(lambda: x)
    return [f() for f in out]
print(loop_cells())
