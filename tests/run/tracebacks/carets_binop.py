x = 10
y = 0
values = [1, 2, 3]
result = values[0] + values[1] * (x // y)
