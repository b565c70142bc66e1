import sys
def g():
    try:
        yield
    finally:
        sys.exit(4)
x = g(); next(x); x.close()
