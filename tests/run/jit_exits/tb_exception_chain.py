# Chained tracebacks (implicit context) from inside a loop.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError(s)

vals = [str(i) for i in range(100)] + ["oops"]
total = 0
for v in vals:
    total += parse(v)
