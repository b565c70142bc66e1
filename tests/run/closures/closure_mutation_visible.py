def make():
    data = []
    def add(x):
        data.append(x)
        return len(data)
    def view():
        return list(data)
    return add, view
add, view = make()
add(1); add(2)
print(view())
add(3)
print(view())
def rebinding():
    x = 1
    def get():
        return x
    r1 = get()
    x = 2
    r2 = get()
    return r1, r2
print(rebinding())
