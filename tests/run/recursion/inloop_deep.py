# Deep recursion with a raised limit: tens of thousands of Python frames, an exception
# raised at the bottom and caught at the top, finally blocks at every level, and the
# depth left correct afterwards.
import sys

sys.setrecursionlimit(60000)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(50000))


class Bottom(Exception):
    pass


unwound = []


def dive(n):
    try:
        if n == 0:
            raise Bottom("at the bottom")
        return dive(n - 1)
    finally:
        if n % 10000 == 0:
            unwound.append(n)


try:
    dive(40000)
except Bottom as e:
    print("caught:", e)
print(unwound)


def dive_catch(n, at):
    if n == at:
        try:
            return dive_catch(n + 1, at)
        except Bottom:
            return "caught at %d" % n
    if n == 30000:
        raise Bottom()
    return dive_catch(n + 1, at)


print(dive_catch(0, 29990))
print(dive_catch(0, 5))
print(depth(50000))


def build(n):
    # keyword calls and defaults all the way down
    if n == 0:
        return []
    rest = build(n=n - 1)
    rest.append(n)
    return rest


print(len(build(30000)), sum(build(n=100)))
