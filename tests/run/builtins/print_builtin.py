import sys
print("a", 1, None, [1], sep=" | ")
print("x", end="")
print("y", end="\n\n")
print()
print("", end="")
print("to", "stderr", sep="_", file=sys.stderr)
print(file=sys.stdout)
print("flush", flush=True)
print(*range(5), sep="")
print("é", "日本", "\u2603")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
class W:
    def write(self, s):
        sys.stdout.write(f"[{s}]")
print("custom", "file", file=W())
print()
