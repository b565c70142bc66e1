cases = [ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("k"), KeyError(), OSError(2, "No such file"),
         Exception(None), Exception([1, 2]), StopIteration(5), IndexError("idx"), SyntaxError("bad syntax")]
for e in cases:
    print(repr(e), "|", str(e), "|", e.args)
e = OSError(2, "No such file", "/tmp/x")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(FileNotFoundError(2, "missing").errno, type(OSError(2, "x")).__name__)
