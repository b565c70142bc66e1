# crashhunt finding 012 (category deep) -- OPEN: crates/taipan-vm/src/object.rs (no Drop for Object)
# Happened: freeing a deeply nested structure while the native stack is already deep (here:
#           at the recursion limit) overflows the stack: "thread 'taipan-main' has overflowed
#           its stack", SIGABRT. Rc drops recurse once per nesting level; CPython avoids this
#           with its "trashcan" (Py_TRASHCAN_BEGIN) that defers deep deallocations.
#           At top level a 10**6-deep list frees fine (the 1 GiB stack is enough), so this
#           needs both deep data and deep recursion -- or a structure deeper than ~10**7.
# Fix idea: impl Drop for Object that moves the children of deep objects to a thread-local
#           list and frees them iteratively from the outermost drop.
import sys
sys.setrecursionlimit(10**6)
chain = []
for i in range(10**6):
    chain = [chain]
def f(n):
    global chain
    try:
        f(n + 1)
    except RecursionError:
        if chain is not None:
            chain = None          # frees 10**6 nested lists here, near the stack limit
f(0)
print("ok")
