import sys
for i, line in enumerate(sys.stdin):
    print(i, repr(line))
print("readline at EOF:", repr(sys.stdin.readline()))
