x = 5
print(1 < x < 10)
print(1 < x > 10)
print(1 < 2 < 3 < 4 < 5)
print(1 == 1.0 == True)
print(3 > 2 > 1 > 0 > -1)
print("a" < "b" <= "b" != "c")

def f(v):
    print("eval", v)
    return v

print(f(1) < f(2) < f(0) < f(3))
print(f(5) < f(3) < f(10))
print(1 < 2 == 2 > 1)
print(1 is not None is not False)
print(2 in [1, 2] in [[1, 2]])
