print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1, 2.0]), sum(range(10**6)))
import math
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(sum([10**20, 1, -10**20]), sum([], 0.0))
