def t(name):
    print("t", name)
    return True
def f(name):
    print("f", name)
    return False
print(t(1) or f(2))
print(f(1) or t(2))
print(t(1) and f(2))
print(f(1) and t(2))
print(f(1) or f(2) or t(3) or t(4))
print(t(1) and t(2) and f(3) and t(4))
x = f(1) or "fallback"
print(x)
