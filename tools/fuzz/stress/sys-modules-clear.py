import sys
sys.modules.clear()
import math
print(math.pi)
