try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from mod_util import not_there
except ImportError as e:
    print("ImportError:", type(e).__name__, str(e).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import mod_broken
except RuntimeError as e:
    print("RuntimeError:", e)
import sys
print("mod_broken" in sys.modules)
