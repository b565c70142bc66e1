# Exceptions crossing Python frames: handlers in callers at various distances, finally
# blocks run innermost first, the exception being handled (sys.exc_info) saved and
# restored per frame, argument-binding errors raised at the call site, generators and
# native callers in the middle of the chain.
import sys

log = []


def level3(x):
    try:
        if x < 0:
            raise ValueError("negative: %d" % x)
        return x * 2
    finally:
        log.append("finally3")


def level2(x, scale=1):
    try:
        return level3(x) * scale
    finally:
        log.append("finally2")


def level1(x):
    r = level2(x, scale=3)
    log.append("after level2")
    return r


def top(x):
    try:
        return level1(x)
    except ValueError as e:
        log.append("handled in top")
        return "error: %s" % e


print(top(5), log)
log.clear()
print(top(-1), log)
log.clear()


# the caller's operand stack survives an exception handled in the callee
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")


print([1, 2, safe_div(1, 0), safe_div(6, 3), (safe_div(1, 2), safe_div(2, 0))])


# exc_info inside a callee that handles its own exception, called from a handler
def inner_handles():
    try:
        raise KeyError("inner")
    except KeyError:
        return sys.exc_info()[0].__name__


def outer_handler():
    try:
        raise TypeError("outer")
    except TypeError:
        name = inner_handles()
        return name, sys.exc_info()[0].__name__


print(outer_handler(), sys.exc_info())


# a callee that returns from inside its except block
def returns_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        return sys.exc_info()[0].__name__


def caller_in_except():
    try:
        [][1]
    except IndexError:
        r = returns_in_except()
        return r, sys.exc_info()[0].__name__


print(caller_in_except(), sys.exc_info())


# implicit chaining: an exception raised in a callee while the caller handles another
def fails():
    raise RuntimeError("second")


def chains():
    try:
        raise ValueError("first")
    except ValueError:
        fails()


try:
    chains()
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))


# explicit re-raise through several frames
def reraiser(n):
    try:
        if n == 0:
            raise LookupError("deep")
        reraiser(n - 1)
    except LookupError:
        log.append(n)
        raise


try:
    reraiser(4)
except LookupError as e:
    print("reraised:", e, log)
log.clear()


# argument binding errors belong to the call site, where the caller can catch them
def two(a, b):
    return a + b


def kw_only(*, k):
    return k


def binding_errors():
    out = []
    for thunk in (lambda: two(1), lambda: two(1, 2, 3), lambda: two(1, c=2), lambda: kw_only(1), lambda: two(1, a=1)):
        try:
            thunk()
        except TypeError as e:
            out.append(str(e))
    return out


for m in binding_errors():
    print(m)


# a generator called from an in-loop frame; the generator calls functions that raise
def gen(n):
    for i in range(n):
        yield level3(i - 2)


def consume():
    out = []
    try:
        for v in gen(5):
            out.append(v)
    except ValueError as e:
        out.append(str(e))
    return out


print(consume())


# Python -> native -> Python -> exception -> caught in the outer Python frame
def key(x):
    if x == 3:
        raise KeyError(x)
    return -x


def sorts(items):
    try:
        return sorted(items, key=key)
    except KeyError as e:
        return "key failed: %r" % (e.args,)


print(sorts([1, 2, 4]), sorts([1, 2, 3]))


# exceptions from methods and bound methods
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient")
        self.balance -= amount
        return self.balance

    def withdraw_all(self, *amounts):
        w = self.withdraw
        return [w(a) for a in amounts]


acc = Account(10)
try:
    acc.withdraw_all(3, 3, 3, 3)
except ValueError as e:
    print(e, acc.balance)


# StopIteration raised by a plain function called from a generator becomes RuntimeError
def stop():
    raise StopIteration


def bad_gen():
    yield 1
    stop()


try:
    list(bad_gen())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)


# an exception escaping a finally that replaced the original one
def replaces():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


def replaces2():
    try:
        level3(-5)
    finally:
        raise OSError("replaced")


print(replaces())
try:
    replaces2()
except OSError as e:
    print(repr(e), repr(e.__context__))
print(log)
