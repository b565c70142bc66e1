def check(x):
    assert x > 0, f"x must be positive, got {x}"
    assert isinstance(x, int)
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    check(2.5)
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
try:
    assert False
except AssertionError as e:
    print("plain", repr(e))
