import sys
class E:
    def __str__(self): return 'strange'
sys.exit(E())
