"""Random *valid* Python 3.11 programs for crashhunt's `gen` category.

The generator walks a small grammar: statements (assignments, augmented assignments,
if/elif/else, bounded while/for loops with break/continue/else, try/except/else/finally,
with, def with defaults/*args/**kwargs/keyword-only parameters, generators, classes
with methods and properties, optionally match, del, assert, raise)
and expressions (literals, containers with starred items, arithmetic on small operands,
chained comparisons, and/or, conditional expressions, calls of built-ins, subscripts
and slices, lambdas, comprehensions of every kind, f-strings, walrus).

Programs are deterministic and cheap: loops run at most a few times, exponents and
shifts are small, recursion is bounded by the recursion limit, only ints go into sets,
and every top-level statement runs inside `try/except Exception` printing the exception
type only. So CPython's output is an oracle: `crashhunt --diff` compares the two.
"""

import re

BUILTINS = ["len", "abs", "str", "repr", "sorted", "list", "tuple", "min", "max", "sum", "int", "bool",
            "reversed", "enumerate", "zip", "any", "all", "divmod", "round", "hash", "type", "isinstance",
            "chr", "ord", "bin", "hex", "float", "set", "dict", "frozenset", "iter", "next", "format", "range"]


def rename(expr, old, new):
    """`expr` with the identifier `old` replaced by `new` (whole words only)."""
    return re.sub(r"(?<![\w.'])%s(?![\w'])" % re.escape(old), new, expr)


class Gen:
    def __init__(self, rng, match=False):
        self.rng = rng
        self.names = ["a", "b", "c"]
        self.funcs = []
        self.classes = []
        self.counter = 0
        self.loop_depth = 0
        self.func_depth = 0
        self.in_generator = False
        self.in_comp = False
        self.match = match

    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def pick(self, seq):
        return self.rng.choice(seq)

    # ------------------------------------------------------------------ expressions

    def atom(self):
        r = self.rng.random()
        if r < 0.3:
            return self.pick(self.names)
        if r < 0.5:
            return str(self.pick([0, 1, 2, 3, -1, 7, 10, 255, 2**31, 2**63, -2**63, 10**20]))
        if r < 0.6:
            return self.pick(["0.5", "-1.25", "3.0", "1e10", "0.1", "float('inf')"])
        if r < 0.75:
            return self.pick(["'x'", "'abc'", "''", "'h\\u00e9'", "'a b'", "'\\n'", "'%s'", "'{}'"])
        if r < 0.85:
            return self.pick(["None", "True", "False"])
        if r < 0.9:
            return self.pick(["b'xy'", "b''"])
        return self.pick(["[]", "()", "{}", "[1, 2, 3]", "(1, 'a')", "{1: 'x'}", "{3, 1, 2}", "range(5)"])

    def expr(self, d=0):
        if d > 3 or self.rng.random() < 0.3:
            return self.atom()
        k = self.rng.randrange(22)
        e = lambda: self.expr(d + 1)
        if k == 0:
            op = self.pick(["+", "-", "*", "//", "%", "&", "|", "^", "/"])
            return "(%s %s %s)" % (e(), op, e())
        if k == 1:
            return "(%s ** %d)" % (e(), self.rng.randrange(0, 9))
        if k == 2:
            return "(%s %s %d)" % (e(), self.pick(["<<", ">>"]), self.rng.randrange(0, 70))
        if k == 3:
            return "(%s %s)" % (self.pick(["-", "+", "~", "not "]), e())
        if k == 4:
            ops = [self.pick(["<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in"]) for _ in range(self.rng.randrange(1, 4))]
            parts = [e()]
            for op in ops:
                parts += [op, e()]
            return "(%s)" % " ".join(parts)
        if k == 5:
            return "(%s %s %s)" % (e(), self.pick(["and", "or"]), e())
        if k == 6:
            return "(%s if %s else %s)" % (e(), e(), e())
        if k == 7:
            f = self.pick(BUILTINS)
            return "%s(%s)" % (f, ", ".join(e() for _ in range(self.rng.randrange(0, 3))))
        if k == 8:
            return "%s[%s]" % (e(), e())
        if k == 9:
            parts = [self.pick(["", e()]) for _ in range(self.rng.randrange(2, 4))]
            return "%s[%s]" % (e(), ":".join(parts))
        if k == 10:
            p = self.pick(["x", "x, y=2", "*a", "x, *, k=1", "**kw", ""])
            body = rename(self.expr(d + 1), self.pick(self.names), "x") if "x" in p else self.expr(d + 1)
            args = {"x": e(), "x, y=2": e(), "*a": "%s, %s" % (e(), e()), "x, *, k=1": e(), "**kw": "q=%s" % e(), "": ""}[p]
            return "(lambda %s: %s)(%s)" % (p, body, args)
        if k == 11:
            v = self.fresh("v")
            saved_comp, self.in_comp = self.in_comp, True
            it = self.pick(["range(4)", "'abc'", "[1, 2, 3]", e(), "(1, 2)"])
            cond = " if %s" % rename(self.expr(d + 1), self.pick(self.names), v) if self.rng.random() < 0.4 else ""
            body = rename(self.expr(d + 1), self.pick(self.names), v)
            self.in_comp = saved_comp
            form = self.pick(["[%s for %s in %s%s]", "list(%s for %s in %s%s)", "{%s for %s in %s%s}" if False else "sorted({hash(%s) for %s in %s%s})",
                              "{%s: 0 for %s in %s%s}"])
            return form % (body, v, it, cond) if "%s: 0" not in form else "list(" + form % (body, v, it, cond) + ")"
        if k == 12:
            inner = [e() for _ in range(self.rng.randrange(0, 4))]
            if inner and self.rng.random() < 0.3:
                inner.append("*" + self.pick(["[1, 2]", "'ab'", "range(3)", e()]))
            return self.pick(["[%s]", "(%s,)", "[%s][::-1]"]) % ", ".join(inner) if inner else "[]"
        if k == 13:
            return "{%s}" % ", ".join("%s: %s" % (self.pick(["1", "'k'", "2", "None", "(1,)"]), e()) for _ in range(self.rng.randrange(0, 3)))
        if k == 14:
            spec = self.pick(["", "!r", ":>5", ":05d", ":.2f", ":x", ":,", "!s:^7", "=", ":{a!r:.3}"])
            inner = self.pick(self.names + ["1", "2.5", "-3", "None", "b"])
            return "f'<{(%s)%s}>'" % (inner, spec)
        if k == 15 and not self.in_comp:
            w = self.fresh("w")
            self.names.append(w)
            return "(%s := %s)" % (w, e())
        if k == 16 and self.funcs:
            f = self.pick(self.funcs)
            return "%s(%s)" % (f, ", ".join(e() for _ in range(self.rng.randrange(0, 3))))
        if k == 17:
            return "(%s).%s" % (e(), self.pick(["__class__.__name__", "real", "imag", "upper()", "count(1)", "index(0)", "keys()", "bit_length()", "strip()", "split()", "copy()", "append(1)", "pop()", "get(1)"]))
        if k == 18 and self.classes:
            c = self.pick(self.classes)
            return "%s(%s).%s" % (c, e(), self.pick(["m()", "p", "v", "__repr__()", "s(1)"]))
        if k == 19:
            return "%s %% %s" % (self.pick(["'%s'", "'%r %s'", "'%d'", "'%5.1f'", "'%(x)s'"]), e())
        if k == 20:
            return "(%s)" % ", ".join(e() for _ in range(self.rng.randrange(2, 4)))
        return self.atom()

    def target(self):
        r = self.rng.random()
        if r < 0.7:
            n = self.pick(self.names) if self.rng.random() < 0.5 else self.fresh("n")
            if n not in self.names:
                self.names.append(n)
            return n
        if r < 0.85:
            x, y = self.fresh("t"), self.fresh("t")
            self.names += [x, y]
            return self.pick(["%s, %s" % (x, y), "[%s, *%s]" % (x, y), "(%s, (%s))" % (x, y)])
        return "%s[%s]" % (self.pick(self.names), self.expr(3))

    # ------------------------------------------------------------------ statements

    def block(self, ind, n=None):
        n = n or self.rng.randrange(1, 4)
        lines = []
        for _ in range(n):
            lines += self.stmt(ind)
        return lines or [ind + "pass"]

    def stmt(self, ind, d=0):
        k = self.rng.randrange(24)
        deep = len(ind) > 12
        e = self.expr
        if k < 4 or deep:
            return [ind + "%s = %s" % (self.target(), e())]
        if k == 4:
            return [ind + "%s %s= %s" % (self.pick(self.names), self.pick(["+", "-", "*", "//", "%", "|", "&", "^"]), e())]
        if k == 5:
            return [ind + "print(%s)" % ", ".join(e() for _ in range(self.rng.randrange(1, 3)))]
        if k == 6:
            lines = [ind + "if %s:" % e()] + self.block(ind + "    ")
            for _ in range(self.rng.randrange(0, 2)):
                lines += [ind + "elif %s:" % e()] + self.block(ind + "    ")
            if self.rng.random() < 0.5:
                lines += [ind + "else:"] + self.block(ind + "    ")
            return lines
        if k == 7:
            v = self.fresh("i")
            self.loop_depth += 1
            body = self.block(ind + "    ")
            self.loop_depth -= 1
            lines = [ind + "for %s in %s:" % (v, self.pick(["range(3)", "'ab'", "[1, 2]", "reversed(range(2))", "enumerate('xy')", "zip('ab', 'cd')", "{1: 2, 3: 4}"]))]
            lines += body
            if self.rng.random() < 0.3:
                lines += [ind + "else:"] + self.block(ind + "    ")
            self.names.append(v)
            return lines
        if k == 8:
            v = self.fresh("k")
            self.loop_depth += 1
            body = self.block(ind + "    ")
            self.loop_depth -= 1
            return [ind + "%s = 0" % v, ind + "while %s < %d:" % (v, self.rng.randrange(1, 4)), ind + "    %s += 1" % v] + body
        if k == 9 and self.loop_depth:
            return [ind + self.pick(["break", "continue"])]
        if k == 10:
            lines = [ind + "try:"] + self.block(ind + "    ")
            for _ in range(self.rng.randrange(1, 3)):
                exc = self.pick(["ValueError", "(TypeError, KeyError)", "ZeroDivisionError", "Exception", "IndexError", "ArithmeticError"])
                lines += [ind + "except %s%s:" % (exc, self.pick(["", " as ex"]))] + self.block(ind + "    ")
            if self.rng.random() < 0.3:
                lines += [ind + "else:"] + self.block(ind + "    ")
            if self.rng.random() < 0.4:
                lines += [ind + "finally:"] + self.block(ind + "    ")
            return lines
        if k == 11 and d < 2 and self.func_depth < 3:
            return self.funcdef(ind)
        if k == 12 and self.func_depth:
            return [ind + "return %s" % e()]
        if k == 13 and self.func_depth and not self.in_generator and self.rng.random() < 0.3:
            return [ind + "yield %s" % e()]
        if k == 14 and d < 2 and self.func_depth == 0:
            return self.classdef(ind)
        if k == 15:
            return [ind + "raise %s" % self.pick(["ValueError(%s)" % e(), "KeyError", "TypeError('t') from None", "StopIteration"])]
        if k == 16:
            return [ind + "assert %s, %s" % (e(), e())]
        if k == 17:
            n = self.pick(self.names)
            return [ind + "del %s" % self.pick([n, "%s[0]" % n, "%s[1:]" % n])]
        if k == 18 and self.match:
            v = self.fresh("m")
            lines = [ind + "match %s:" % e()]
            pats = self.rng.sample(["0", "1 | 2", "'x'", "None", "[%s, *_]" % v, "(%s, _)" % v, "{'k': %s}" % v, "int(%s)" % v,
                                    "str() if %s" % e(), "[]", "{1: _, **%s}" % v, "%s if %s" % (v, e())], self.rng.randrange(1, 4))
            if self.rng.random() < 0.3:
                pats.append(self.pick(["_", v]))  # irrefutable: only last
            for pat in pats:
                lines += [ind + "    case %s:" % pat] + self.block(ind + "        ")
            self.names.append(v)
            return lines
        if k == 19:
            return [ind + "with %s as %s:" % (self.pick(["open('/dev/null')", "CM()"]), self.target())] + self.block(ind + "    ")
        if k == 21:
            return [ind + "print(%s)" % e()]
        return [ind + "%s = %s" % (self.target(), e())]

    def funcdef(self, ind):
        name = self.fresh("f")
        params = self.pick(["", "x", "x, y=1", "*args", "x, *rest, k=2, **kw", "x, /, y=3", "a=[]"])
        gen = self.rng.random() < 0.2
        saved = (self.names, self.in_generator, self.loop_depth)
        self.loop_depth = 0
        self.names = list(self.names) + [p.split("=")[0].strip("*/ ") for p in params.split(",") if p.strip(" /*")]
        self.func_depth += 1
        self.in_generator = gen
        body = self.block(ind + "    ", self.rng.randrange(1, 5))
        if gen:
            body.append(ind + "    yield %s" % self.expr(2))
        else:
            body.append(ind + "    return %s" % self.expr(2))
        self.func_depth -= 1
        self.names, self.in_generator, self.loop_depth = saved
        lines = []
        if self.rng.random() < 0.2:
            lines.append(ind + "@" + self.pick(["deco", "(lambda f: f)", "staticmethod" if False else "deco"]))
        lines += [ind + "def %s(%s):" % (name, params)] + body
        self.funcs.append(name if not gen else "list(%s())" % name if params in ("", "*args", "a=[]") else name)
        call = "%s(%s)" % (name, self.pick(["", "1", "1, 2", "*[3]", "x=4"]))
        lines.append(ind + "print(%s)" % ("list(%s)" % call if gen else call))
        return lines

    def classdef(self, ind):
        name = self.fresh("C")
        base = self.pick(["", "(Base)", "(Exception)", "(list)", "(int)" if False else "(Base)"])
        lines = [ind + "class %s%s:" % (name, base),
                 ind + "    v = %s" % self.expr(2),
                 ind + "    def __init__(self, x=0):",
                 ind + "        self.x = x",
                 ind + "    def m(self):",
                 ind + "        return %s" % rename(self.expr(2), self.pick(self.names), "self.x"),
                 ind + "    @property",
                 ind + "    def p(self):",
                 ind + "        return self.x",
                 ind + "    @staticmethod",
                 ind + "    def s(y):",
                 ind + "        return y",
                 ind + "    def __repr__(self):",
                 ind + "        return '%s(%%r)' %% (self.x,)" % name]
        if self.rng.random() < 0.5:
            lines += [ind + "    def __eq__(self, o):", ind + "        return %s" % self.expr(2),
                      ind + "    __hash__ = object.__hash__" if self.rng.random() < 0.5 else ind + "    pass"]
        self.classes.append(name)
        return lines


HEADER = """\
class Base:
    pass
class CM:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)
        return False
def deco(f):
    return f
a, b, c = 1, 'two', [3]
"""


def generate(rng, match=False):
    """A random program (str); `match` statements only if `match` (taipan's compiler
    does not support them yet)."""
    g = Gen(rng, match)
    out = [HEADER]
    for _ in range(rng.randrange(3, 15)):
        lines = g.stmt("    ")
        out.append("try:")
        out += lines
        out.append("except Exception as e:")
        out.append("    print('E', type(e).__name__)")
    out.append("print('end')")
    return "\n".join(out) + "\n"
