# An exception raised by __bool__ in a condition, several in-loop calls deep, caught two
# frames up, also from a nested __bool__ (POP_JUMP_IF_* reads the condition in place
# before popping it; the frames are unwound as before). (Not printed as an uncaught
# traceback: taipan prints a caret line under `if f:` that CPython 3.11 leaves out.)


class Flag:
    def __init__(self, ok):
        self.ok = ok

    def __bool__(self):
        if not self.ok:
            raise RuntimeError("undecidable")
        return bool(self.ok)


def check(f):
    if f:
        return 1
    return 0


def run(flags):
    n = 0
    for f in flags:
        n += check(f)
    return n


def guarded(flags):
    try:
        return run(flags)
    except RuntimeError as e:
        return "caught: " + str(e)


print(run([Flag(True)] * 20))
print(guarded([Flag(True)] * 5 + [Flag(False)]))
print(guarded([Flag(True)] * 3))
x = Flag(False)
print(guarded([Flag(True)] * 5 + [Flag(x)]))
