def print_twice(*a):
    __builtins_print(*a)
    __builtins_print(*a)
__builtins_print = print
print = print_twice
print("hello")
del print
print("restored")
import builtins
orig = builtins.abs
builtins.abs = lambda x: "patched"
print(abs(-1))
builtins.abs = orig
print(abs(-1))
