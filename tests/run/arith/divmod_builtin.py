print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(17.5, 5), divmod(-17.5, 5), divmod(5, 0.75))
print(divmod(10**30, 7), divmod(-10**30, 7))
print(divmod(True, 2))
try:
    divmod(1, "a")
except TypeError as e:
    print(e)
try:
    divmod(1 + 2j, 2)
except TypeError as e:
    print(e)
