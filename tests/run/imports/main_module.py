import sys
print(__name__, sys.modules["__main__"] is sys.modules[__name__])
import mod_util
print(mod_util.__name__ == "mod_util")
main = sys.modules["__main__"]
x_global = 5
print(main.x_global)
