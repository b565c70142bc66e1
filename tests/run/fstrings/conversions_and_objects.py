class P:
    def __repr__(self):
        return "P-repr"
    def __str__(self):
        return "P-str"
p = P()
s = "quote'd"
print(f"{p}", f"{p!r}", f"{p!s}", f"{s!r}", f"{s!a}", f"{'ü'!a}", f"{p!r:>10}")
print(f"{None}", f"{True:>6}", f"{[p]}", f"{(p, s)}", f"{ {1: p} }")
print(f"{3 + 4j}", f"{1e100}", f"{-0.0}", f"{float('nan')}", f"{b'bytes'}")
