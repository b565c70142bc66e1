# crashhunt finding 021 (session 10, stress case recursion-limit-huge): with
# `sys.setrecursionlimit(2**31 - 1)` a runaway recursion of in-loop frames (heap, not
# native stack) grew to ~3 GB and aborted ("memory allocation of 120 bytes failed") while
# the exception unwound and built its traceback. FIXED: every 65,536 levels the call
# checks (a fallible reservation) that the next frames and a traceback entry per level
# still fit, else MemoryError (CPython 3.11 fails here as well: SystemError "error return
# without exception set" under the same limit). Run with `ulimit -v 4194304`.
import sys
sys.setrecursionlimit(2**31 - 1)
def f(): return f()
try:
    f()
except (RecursionError, MemoryError) as e:
    print("stopped:", type(e).__name__)
