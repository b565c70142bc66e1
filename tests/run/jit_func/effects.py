# Function traces: effects before a local is first read (an append, a call) must not be
# redone at an exit; results of several types returned through calls in traces.


def val(tag, v, log):
    log.append(tag)
    return v


def walk(n, log):
    if n == 0:
        return val("leaf", 0.5, log)
    return walk(n - 1, log) + val(n, 1, log)


def flag(n):
    if n == 0:
        return True
    return not flag(n - 1)


def maybe(n):
    if n < 3:
        return None
    return maybe(n - 1)


log = []
for i in range(150):
    val(i, i, log)
print(len(log), log[-3:])
log = []
print(walk(12, log))
print(log)
print([flag(k) for k in range(6)])
print(maybe(20))
