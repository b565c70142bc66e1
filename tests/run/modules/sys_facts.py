import sys
print(sys.maxsize, sys.maxsize == 2**63 - 1, type(sys.maxsize).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), sys.version_info < (3, 12))
print(type(sys.version).__name__, sys.version.startswith("3.11"))
print(sys.getrecursionlimit())
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print("sys" in sys.modules, "builtins" in sys.modules, type(sys.modules).__name__)
print(sys.byteorder, sys.platform, sys.implementation.name in ("cpython", "taipan"))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
