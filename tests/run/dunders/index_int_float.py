class Idx:
    def __index__(self):
        return 2
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
    def __round__(self, n=None):
        return "rounded" if n is None else f"rounded {n}"
print([10, 20, 30][Idx()], "abcd"[Idx()], range(10)[Idx()], bin(Idx()), [1, 2, 3, 4][Idx():])
print(int(Num()), float(Num()), complex(Num()), round(Num()), round(Num(), 2))
print(operator_mul := 3 * [0] if False else [0] * Idx())
try:
    [1][Num()]
except TypeError as e:
    print("TypeError:", e)
