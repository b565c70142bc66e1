print("before class")
class C:
    print("in class body")
    x = 1
    y = x + 1
    for i in range(3):
        x += i
    def m(self):
        return self.x
    print("end body", x, y)
print("after class", C.x, C.y, C.i, C().m())
