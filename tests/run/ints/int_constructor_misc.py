print(int(), int(0), int("0"), int(-0.0))
print(int(" \t42\n"))
print(int(1e20), int(-1e20), int(1.5e19))
print(int(2**70 + 0.0 if False else 2.0**70))
class N:
    def __int__(self):
        return 7
class I:
    def __index__(self):
        return 9
print(int(N()), int(I()), bin(I()), hex(I()), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10][I()])
print(int("1" * 100) % 97)
print(type(int("5")) is int)
