# SystemExit with a status code raised from inside a hot loop.
import sys
total = 0
for i in range(300):
    total += i
    if total > 20000:
        print("exiting at", i, total)
        sys.exit(3)
print("unreachable")
