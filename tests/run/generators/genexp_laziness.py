def source():
    for i in range(5):
        print("produce", i)
        yield i
g = (x * 10 for x in source() if x % 2 == 0)
print("before")
print(next(g))
print(next(g))
print(list(g))
nums = [1, 2, 3]
ge = (n * 2 for n in nums)
nums.append(4)
print(list(ge))
try:
    (1 / x for x in [1, 0])
    print("no error yet")
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
