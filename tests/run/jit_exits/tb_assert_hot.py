# AssertionError with a message after 150 passing iterations.
def check(i, v):
    assert v < 150 * 149, f"value too big at {i}: {v}"
    return v

v = 0
for i in range(1000):
    v = check(i, v + i)
