# The recursion limit counts every Python frame the same way, whatever the call form
# (positional, defaults, keywords, methods, bound methods, *args), and the depth is
# restored exactly after each RecursionError is caught.
import sys


def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n


def probe_kw(n, step=1):
    try:
        return probe_kw(n=n + step)
    except RecursionError:
        return n


def probe_default(n, step=1):
    try:
        return probe_default(n + step)
    except RecursionError:
        return n


def probe_star(*args):
    try:
        return probe_star(args[0] + 1)
    except RecursionError:
        return args[0]


def probe_cell(n):
    def inner():
        return n

    try:
        return probe_cell(inner() + 1)
    except RecursionError:
        return n


class A:
    def m(self, n):
        try:
            return self.m(n + 1)
        except RecursionError:
            return n

    def via_bound(self, n):
        f = self.via_bound
        try:
            return f(n + 1)
        except RecursionError:
            return n


print(probe(0))
print(probe_kw(0))
print(probe_default(0))
print(probe_star(0))
print(probe_cell(0))
print(A().m(0))
print(A().via_bound(0))
# the same limit again after all of those: nothing leaked
print(probe(0))
# through a native caller and a generator
print(sorted([3, 1, 2], key=lambda x: probe(0) * 0 + x))


def g():
    yield probe(0)
    yield probe_kw(0)


print(list(g()))
sys.setrecursionlimit(200)
print(probe(0), probe_kw(0), A().m(0))
sys.setrecursionlimit(1000)


# RecursionError raised at the bottom, caught at several levels above
def down(n, catch_at):
    if n == catch_at:
        try:
            return down(n + 1, catch_at)
        except RecursionError as e:
            return "caught at %d: %s" % (n, e)
    return down(n + 1, catch_at)


print(down(0, 10))
print(down(0, 500))
print(down(0, 950))


# mutual recursion through a method, a function with defaults and a keyword call
class Node:
    def walk(self, n):
        return visit(self, n + 1)


def visit(node, n, extra=0):
    return node.walk(n=n + extra)


try:
    Node().walk(0)
except RecursionError as e:
    print("mutual:", e)
print(probe(0))
