import sys
sys.setrecursionlimit(5)
try:
    print([1, 2, 3], sorted([3, 1]), {'a': [1]})
except RecursionError:
    print('RecursionError')
