import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("err", 42, sep=":", file=sys.stderr, flush=True)
sys.stdout.write("written\n")
n = sys.stderr.write("raw err\n")
print(n)
