import sys
class W:
    def write(self, s): raise ValueError
sys.stderr = W()
1/0
