def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())
def make_acc(start):
    total = [start]
    def add(x):
        total[0] += x
        return total[0]
    return add
a = make_acc(10)
print(a(5), a(5))
print(c1.__closure__ is not None, len(c1.__closure__), c1.__closure__[0].cell_contents)
