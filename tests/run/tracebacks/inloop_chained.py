# Chained exceptions across in-loop frames: an exception raised in a callee while the
# caller handles another ("During handling...") and an explicit cause, each traceback
# listing its own frames.


def parse(text):
    return int(text)


def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise LookupError("cannot load %r" % text) from e


def report(err):
    return err.missing_attribute


def run(items):
    total = 0
    for t in items:
        try:
            total += load(t)
        except LookupError as e:
            report(e)
    return total


print(run(["1", "2"]))
run(["3", "x"])
