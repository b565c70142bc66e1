import sys, os
if 'prog' not in sys.modules:
    import prog
print(__name__)
