class A:
    def __del__(self):
        1 / 0
x = A()
y = [A(), A()]
print('end')
