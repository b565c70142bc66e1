import sys
before = len(sys.path)
sys.path.insert(0, "tests/run/imports")
import mod_star
print(mod_star.helper(), len(sys.path) == before + 1)
