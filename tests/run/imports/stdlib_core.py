import sys, math, time
print(type(sys).__name__, math.__name__, time.__name__)
from sys import maxsize
from math import sqrt, pi
print(maxsize == sys.maxsize, sqrt(2) == math.sqrt(2), pi == math.pi)
import builtins
print(builtins.len is len, builtins.__name__, hasattr(builtins, "print"))
