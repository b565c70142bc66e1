import sys
class E:
    def __str__(self): raise ValueError
sys.exit(E())
