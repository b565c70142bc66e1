# Function traces: RecursionError at the same depth as without the JIT.
import sys


def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


for i in range(200):
    deep(20)
print(deep(500))
try:
    deep(5000)
except RecursionError as e:
    print("RecursionError", e)


def count(n):
    return count(n + 1) + 1


try:
    count(0)
except RecursionError:
    print("again")
sys.setrecursionlimit(200)
try:
    deep(300)
except RecursionError:
    print("limit 200")
print(deep(150))
deep(250)
