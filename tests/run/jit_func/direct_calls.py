# Direct calls between function traces (a function trace calling its own function):
# results of every type, type changes deep in the recursion, exceptions at depth,
# object results, rebinding during the recursion, deep recursion and the limit.
import sys


def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def mixed(n):
    # the base case returns a float when n is odd: the caller's type guard fails
    if n <= 0:
        return 0.5 if n % 2 else 0
    return mixed(n - 2) + 1


def obj_base(n):
    # an object from the base case, then a number
    if n == 0:
        return [n]
    r = obj_base(n - 1)
    return r


def boom(n, at):
    if n == at:
        raise ValueError("boom at " + str(n))
    if n == 0:
        return 0
    return boom(n - 1, at) + 1


def caught(n, at):
    if n == 0:
        return 0
    if n == at:
        try:
            return boom(n - 1, 3)
        except ValueError as e:
            return -100 - len(str(e))
    return caught(n - 1, at) + 1


def big(n):
    # crosses into big ints deep in the recursion
    if n == 0:
        return 2 ** 62
    return big(n - 1) * 2 if n < 3 else big(n - 1) + 1


for i in range(300):
    assert count(i) == i
print(count(50), fib(20))
print([mixed(k) for k in range(10)])
for i in range(200):
    mixed(i)
print(mixed(41), mixed(40))
print(obj_base(5), obj_base(0))
for i in range(150):
    try:
        boom(20, 5)
    except ValueError as e:
        last = str(e)
print(last)
print([caught(k, 7) for k in range(12)])
for i in range(120):
    big(i % 6)
print(big(5), big(2), big(1))


def rebind(n):
    global target
    if n == 5:
        target = lambda k: 1000
    if n == 0:
        return 0
    return target(n - 1) + 1


target = rebind
for i in range(100):
    target = rebind
    r = rebind(10)
print(r)

# deep recursion: beyond the native budget of direct calls, then beyond the limit
sys.setrecursionlimit(5000)
for i in range(200):
    count(30)
print(count(4000))
try:
    count(6000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
try:
    count(995)
except RecursionError as e:
    print("RecursionError at 995")
print(count(900))


def deep_fail(n):
    if n == 0:
        return 1 // 0
    return deep_fail(n - 1) + 1


for i in range(110):
    try:
        deep_fail(4)
    except ZeroDivisionError:
        pass
deep_fail(6)
