import sys
try:
    sys.exit(0)
finally:
    print("finally runs before exit")
