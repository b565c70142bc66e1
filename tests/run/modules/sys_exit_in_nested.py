import sys
def level2():
    sys.exit(4)
def level1():
    try:
        level2()
    except Exception:
        print("Exception does not catch SystemExit")
    finally:
        print("level1 finally")
level1()
