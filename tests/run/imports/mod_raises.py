def fail(x):
    return 10 // x
def check(v):
    if v < 0:
        raise ValueError(f"mod_raises got {v}")
    return v
