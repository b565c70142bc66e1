import sys
for arg in [None, 0, 5, "msg", (1, 2)]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code, e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("two args", e.code)
print("still running")
