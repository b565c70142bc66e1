class A:
    def __del__(self):
        print('del A')
        raise SystemExit(3)
a = A()
del a
print('after')
