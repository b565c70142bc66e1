m = __import__("math")
print(m.sqrt(16), m.__name__)
s = __import__("sys")
print(s is __import__("sys"), type(s.argv).__name__)
import math as mm
from math import pi as PI, floor
print(mm is m, PI, floor(2.7))
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
