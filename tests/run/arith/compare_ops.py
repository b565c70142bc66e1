print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 5 == 5, 5 != 5)
print("abc" < "abd", "Z" < "a", "" < "a", "abc" < "ab")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [])
print((1, 2) == (1, 2), (1, 2) == [1, 2], {1: 2} == {1: 2})
print(float("nan") == float("nan"), float("nan") != float("nan"), float("nan") < 1)
try:
    print(1 < "a")
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
try:
    print({1: 2} < {1: 3})
except TypeError as e:
    print(e)
print(1 == "1", None == 0, [1] != [1])
