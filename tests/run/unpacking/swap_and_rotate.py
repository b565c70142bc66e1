a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [0, 1, 2, 3]
lst[0], lst[3] = lst[3], lst[0]
print(lst)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99
print(i, arr)
x = [1, 2, 3]
x[0], x[1:] = "a", ["b"]
print(x)
