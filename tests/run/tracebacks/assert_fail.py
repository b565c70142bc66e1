def check(values):
    for v in values:
        assert v % 2 == 0, f"odd value {v}"
    return True
print(check([2, 4]))
check([2, 3])
