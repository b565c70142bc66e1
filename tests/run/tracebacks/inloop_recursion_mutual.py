# An uncaught RecursionError from mutual recursion through a method call and a keyword
# call: the repeated pairs of frames are printed in full (no repeated-line elision for
# alternating frames) and the depth is the same as CPython's.
import sys

sys.setrecursionlimit(60)


class Walker:
    def step(self, n):
        return hop(self, n=n + 1)


def hop(w, n, unused=None):
    return w.step(n)


def start():
    return Walker().step(0)


start()
