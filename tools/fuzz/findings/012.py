# crashhunt finding 012 (category deep) -- FIXED by e6e0701 (trashcan Drop for Object in
# crates/taipan-vm/src/object.rs, by the object model's owner)
# Happened: freeing a deeply nested structure while the native stack is already deep (here:
#           at the recursion limit) overflows the stack: "thread 'taipan-main' has overflowed
#           its stack", SIGABRT. Rc drops recurse once per nesting level; CPython avoids this
#           with its "trashcan" (Py_TRASHCAN_BEGIN) that defers deep deallocations.
#           At top level a 10**6-deep list frees fine (the 1 GiB stack is enough), so this
#           needs both deep data and deep recursion -- or a structure deeper than ~10**7.
# Now:      objects freed more than 50 destructors deep are freed iteratively; prints ok.
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
