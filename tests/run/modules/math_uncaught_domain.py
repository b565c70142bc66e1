import math
values = [4, 1, 0, -1]
for v in values:
    print(v, math.sqrt(v))
