import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, repr(e))
try:
    raise GeneratorExit
except Exception:
    print("not Exception")
except BaseException as e:
    print("BaseException", type(e).__name__)
try:
    raise KeyError("x")
except LookupError as e:
    print("LookupError catches", type(e).__name__)
try:
    raise ArithmeticError("a")
except (ZeroDivisionError, OverflowError):
    print("no")
except ArithmeticError as e:
    print("ArithmeticError", e)
try:
    try:
        raise ValueError
    except:
        print("bare except")
        raise
except ValueError:
    print("propagated")
