"""Computes the `# expect:` line of recorder filetests with CPython.

Usage: python3 tests/ir/record/expect.py tests/ir/record/*.rec

For each file: runs its Python part, calls the function named by `# call:`, and records
the return value (or the exception's type) and the function's locals at its return
(through sys.settrace), then rewrites the `# expect:` line. Files without `# expect:`
(aborts) are left alone.
"""
import sys

MARK = "\n; output:\n"


def fmt(v):
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "bool " + ("true" if v else "false")
    if isinstance(v, int):
        return "int %d" % v
    if isinstance(v, float):
        return "float " + repr(v)
    raise TypeError(type(v))


def expect_line(src):
    call = [l for l in src.splitlines() if l.startswith("# call:")][0][len("# call:"):].strip()
    name = call.split("(")[0]
    env = {}
    exec(compile(src, "rec.py", "exec"), env)
    code = env[name].__code__
    final = {}

    def tracer(frame, event, arg):
        if frame.f_code is code:
            if event == "return":
                final.update(frame.f_locals)
            return tracer
        return None

    sys.settrace(tracer)
    try:
        result = "return " + fmt(eval(call, env))
    except Exception as e:  # noqa: BLE001 - the exception is the expected outcome
        result = "raises " + type(e).__name__
    finally:
        sys.settrace(None)
    items = ["%s=%s" % (n, fmt(final[n])) for n in code.co_varnames if n in final]
    return "# expect: " + result + "; " + ", ".join(items)


def main(paths):
    for p in paths:
        text = open(p).read()
        src, sep, out = text.partition(MARK)
        if "# expect:" not in src:
            continue
        line = expect_line(src)
        lines = [line if l.startswith("# expect:") else l for l in src.splitlines()]
        open(p, "w").write("\n".join(lines) + "\n" + (sep[1:] + out if sep else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
