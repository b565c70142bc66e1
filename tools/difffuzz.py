#!/usr/bin/env python3
"""Differential fuzzer: random small Python programs, run by CPython and by taipan in several modes.

Usage:
    tools/difffuzz.py [--taipan PATH] [--seed N] [--count N | --seconds S] [--out DIR]
                      [--modes LIST] [--keep-going] [--no-minimize] [--timeout S]
    tools/difffuzz.py --show SEED:INDEX        # print one generated program and exit

Each program is generated from ``random.Random("<seed>:<index>")``, so ``--seed 7`` always
produces the same programs in the same order and ``--show 7:12`` reprints program 12.

What the programs look like: a few global constants, 1-3 helper functions (int/number
parameters, loops with early returns), optionally a bounded recursive function, a
tree-recursive one (function traces and their direct self-calls: base cases of every result
type, big ints, None, a ZeroDivisionError at some depth), a generator
and a small class with attributes and methods, then ``def main():`` whose body is a sequence
of blocks (``for`` loops over ranges -- some near 2**63 -- lists, dicts, strs, enumerate,
zip and the generator; ``while`` loops with a counter and a compound condition; if/elif
chains; try/except around operations that may raise ZeroDivisionError, IndexError,
KeyError, ValueError, TypeError or OverflowError; calls; attribute updates; a variable
whose type changes at a chosen iteration; a global rebound mid-loop; ``break``/``continue``
at random points). With moderate probability a block (or a statement inside a loop) is
one of the constructs the JIT's newer paths handle: a ``for`` over ``enumerate(seq)`` /
``enumerate(seq, start)`` (start small, negative, or near 2**63 so the count overflows into
a big int mid-loop) or ``zip`` of 2-3 lists/tuples/ranges of unequal lengths, unpacked in
the target or kept as a tuple, whose body appends to / pops from / assigns into the lists
being iterated, changes element types (int -> float -> str -> list) at a chosen iteration,
breaks, continues or raises, and may build an inner enumerate/zip from the outer values; a
helper ``ezf0(xs, ys, st)`` looping over enumerate/zip of its arguments with early returns,
called in a loop with arguments changing type; a loop (> 5 iterations) with a 50-300
statement straight-line body of ``la, lb, lc = tu`` unpacks and arithmetic, where ``tu``
turns from a tuple into a list and then into a wrong-length or str sequence at chosen
iterations; and loops calling functions (``df0``, ``df1``; some lambdas) whose
``__defaults__`` / ``__kwdefaults__`` are reassigned at chosen iterations (to other tuples,
None, more values than parameters, invalid non-tuples), with positional, keyword and
default-relying calls. About half of the enumerate/zip bodies hold only what the trace JIT
records (int/float arithmetic, list loads/stores, len, append, min/max/abs, inner
enumerate/zip loops), with the type changes, breaks and raises behind ``k == K`` branches,
and the long bodies use mostly small ints, so jit1/stress compile them and exit from the
machine code. Every loop is bounded (trip counts <= 300, nesting <= 3, an iteration
budget per program), values are clamped after each assignment (ints to about 2**70,
numbers to +-1e100, strs to 40 characters, lists to 40 items), so a program runs in
milliseconds under CPython. Programs print their variables inside loops (every few dozen
iterations) and after each block; exceptions that are caught print their type and
message. The hot code is inside functions, so its variables are fast locals (what the
trace JIT records).

Programs avoid behaviour taipan may legitimately not share with CPython: no ``id()``, no
``hash()``, no sets of strs, no object reprs with addresses, no recursion-limit depths,
no ints with more than 4300 digits printed (CPython's str() limit).

Each program is run once with ``python3`` and once per mode with taipan, in a private
temporary directory as ``prog.py`` (working directory = that directory), with stdin empty,
``PYTHON*`` variables removed from the environment and ``PYTHONIOENCODING=utf-8
PYTHONUTF8=1 PYTHONHASHSEED=0`` set (taipan ignores them). Compared: stdout, stderr and
the exit status, byte for byte, after one normalization: every occurrence of
``<temporary directory>/`` is removed (CPython prints ``__main__``'s path absolute in
tracebacks). A program CPython itself does not finish within the timeout is skipped
(counted as "skipped"); taipan timing out where CPython finished is a difference.

Modes (``--modes``, comma separated; default ``plain,spec0,jit1,stress``):
    plain   -- no extra variables
    spec0   -- TAIPAN_SPECIALIZE_WARMUP=0
    jit1    -- TAIPAN_JIT=on TAIPAN_JIT_THRESHOLD=1
    stress  -- TAIPAN_JIT=on TAIPAN_JIT_THRESHOLD=1 TAIPAN_JIT_STRESS=3
or a custom mode written as space-separated NAME=VALUE assignments, e.g.
``--modes plain,"TAIPAN_JIT=on TAIPAN_JIT_THRESHOLD=5"``.

On the first difference (every difference with ``--keep-going``) the program is shrunk
(top-level blocks of ``main`` and whole helper definitions are removed while the same
modes still differ; ``--no-minimize`` skips this), then written to ``--out`` (default: a
new ``/tmp/difffuzz-*`` directory) as ``NNNN.py`` (the shrunk program),
``NNNN.orig.py`` (as generated), ``NNNN.python.txt`` and ``NNNN.<mode>.txt`` (status,
stdout, stderr), and a summary is printed. Exit status: 0 when every program agreed,
1 when a difference was found, 2 on usage errors (e.g. taipan binary not found).
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))

NAMED_MODES = {
    "plain": {},
    "spec0": {"TAIPAN_SPECIALIZE_WARMUP": "0"},
    "jit1": {"TAIPAN_JIT": "on", "TAIPAN_JIT_THRESHOLD": "1"},
    "stress": {"TAIPAN_JIT": "on", "TAIPAN_JIT_THRESHOLD": "1", "TAIPAN_JIT_STRESS": "3"},
}
DEFAULT_MODES = "plain,spec0,jit1,stress"

COMMON_ENV = {"PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1", "PYTHONHASHSEED": "0",
              "PYTHONDONTWRITEBYTECODE": "1"}

# ------------------------------------------------------------------------------------------
# Program generator
# ------------------------------------------------------------------------------------------

INT_LITERALS = ["0", "1", "-1", "2", "3", "5", "7", "10", "57", "100", "255", "-17", "1000003",
                "2**31", "2**53", "2**62", "2**63 - 1", "-2**63", "2**63", "2**64 + 3", "10**20",
                "-(2**63) + 1", "9223372036854775806", "3037000499"]
NUM_LITERALS = ["0.0", "-0.0", "0.5", "1.5", "-2.25", "3.14159", "1e10", "1e-5", "2.5e15",
                "123.456", "-7.0", "0.1"]
STR_LITERALS = ["''", "'a'", "'xyz'", "'Hello'", "'12'", "'-7'", "'3.5'", "'é☃'", "' pad '",
                "'abc' * 3"]
INT_CLAMP = 2**70


class Gen:
    """Generates one program from a `random.Random`."""

    def __init__(self, rng):
        self.rng = rng
        self.budget = 2000  # loop body executions left (product of trip counts)
        self.funcs = []  # (name, arity, cost) helper functions callable from main
        self.has_class = False
        self.has_rec = False
        self.has_trec = False
        self.has_gen = False
        self.has_closure = rng.random() < 0.3  # main's c is a cell read by a nested function
        self.loop_vars = []  # int loop variables currently in scope
        self.str_loop_vars = []
        self.depth = 0  # loop nesting
        self.indent = 1
        self.in_helper = False  # helpers read the global G but never assign it
        self.iter_base = {}  # loop variable -> (first value, step) for range loops
        self.int_vars = ["a", "b", "c"]
        self.num_vars = ["f", "g"]
        self.ez_funcs = []  # enumerate/zip helpers (xs, ys, st)
        self.def_funcs = []  # functions whose defaults main reassigns
        self.has_pts = False  # the PD (dict) and PS (__slots__) point classes exist

    # -------------------------------------------------------------- helpers

    def r(self, n):
        return self.rng.randrange(n)

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    # -------------------------------------------------------------- expressions

    def int_atom(self):
        k = self.r(10)
        if k < 3:
            lit = self.pick(INT_LITERALS) if self.chance(0.5) else str(self.r(200) - 50)
            return "(%s)" % lit if not lit.isdigit() else lit
        if k < 7 or not self.loop_vars:
            return self.pick(self.int_vars + ["G"])
        return self.pick(self.loop_vars)

    def int_expr(self, d=0):
        if d >= 3 or self.chance(0.3):
            return self.int_atom()
        k = self.r(26)
        a = lambda: self.int_expr(d + 1)  # noqa: E731
        if k == 22:
            return "pow(%s, %d, %s)" % (a(), self.r(70), self.pick(["97", "1000003", "2**61 - 1", "-7"]))
        if k == 23:
            return self.pick(["sum(lst)", "lst.count(%s)" % self.int_atom(), "(%s in lst)" % self.int_atom(),
                              "s.find(%s)" % self.pick(STR_LITERALS), "len(s.split('a'))",
                              "sum(v for v in dct.values())", "len([v for v in lst if v > %s])" % self.int_atom()])
        if k == 24 and self.has_closure and not self.in_helper:
            return "bump(%s)" % a()
        if k == 25:
            return "divmod(%s, %s)[%d]" % (a(), self.pick(["3", "-7", "2**64 + 1"]), self.r(2))
        if k < 5:
            return "(%s %s %s)" % (a(), self.pick(["+", "-", "*", "+", "-"]), a())
        if k == 5:
            return "(%s // %s)" % (a(), self.pick(["3", "7", "-2", "1000", "-5", "2**40"]))
        if k == 6:
            return "(%s %% %s)" % (a(), self.pick(["3", "7", "-2", "97", "-5", "2**33"]))
        if k == 7:
            return "(%s << %d)" % (self.int_atom(), self.r(67))
        if k == 8:
            return "(%s >> %d)" % (a(), self.r(70))
        if k == 9:
            return "(%s %s %s)" % (a(), self.pick(["&", "|", "^"]), a())
        if k == 10:
            return "(%s%s)" % (self.pick(["-", "~", "+"]), a())
        if k == 11:
            return "abs(%s)" % a()
        if k == 12:
            return "(%s ** %d)" % (self.int_atom(), self.r(4))
        if k == 13:
            return "len(%s)" % self.pick(["s", "lst", "dct", "s + 'ab'"])
        if k == 14:
            return "int(%s)" % self.pick(self.num_vars)
        if k == 15:
            return "round(%s)" % self.pick(self.num_vars)
        if k == 16:
            return "(%s if %s else %s)" % (a(), self.cond(d + 1), a())
        if k == 17 and self.callable_funcs():
            return "int(%s)" % self.call_expr(d)
        if k == 18:
            return "%s(%s, %s)" % (self.pick(["min", "max"]), a(), a())
        if k == 19:
            return "dct.get(%s %% 16, %s)" % (a(), self.int_atom())
        if k == 20 and self.has_class:
            return "obj.v"
        if k == 21:
            return "(%s %s %s)" % (a(), self.pick(["<", "==", ">=", "!="]), a())  # bool as int
        return self.int_atom()

    def num_atom(self):
        k = self.r(10)
        if k < 3:
            lit = self.pick(NUM_LITERALS)
            return "(%s)" % lit if lit.startswith("-") else lit
        if k < 8:
            return self.pick(self.num_vars)
        return self.int_atom()

    def num_expr(self, d=0):
        if d >= 3 or self.chance(0.3):
            return self.num_atom()
        k = self.r(16)
        a = lambda: self.num_expr(d + 1)  # noqa: E731
        if k == 14:
            return "divmod(%s, %s)[%d]" % (a(), self.pick(["3.5", "-2", "0.25"]), self.r(2))
        if k == 15:
            return "max(%s, %s, %s)" % (a(), a(), self.num_atom())
        if k < 5:
            return "(%s %s %s)" % (a(), self.pick(["+", "-", "*"]), a())
        if k == 5:
            return "(%s / %s)" % (a(), self.pick(["3", "-2.5", "7", "0.1", "2**20", "1e3"]))
        if k == 6:
            return "(%s // %s)" % (a(), self.pick(["3.0", "-2", "0.5", "7"]))
        if k == 7:
            return "(%s %% %s)" % (a(), self.pick(["3.0", "-2", "0.75", "7"]))
        if k == 8:
            return "float(%s)" % self.int_atom()
        if k == 9:
            return "abs(%s)" % a()
        if k == 10:
            return "round(%s, %d)" % (a(), self.r(4))
        if k == 11:
            return "(%s if %s else %s)" % (a(), self.cond(d + 1), a())
        if k == 12 and self.has_class:
            return "obj.w"
        if k == 13:
            return "(-%s)" % a()
        return self.int_atom()

    def str_expr(self, d=0):
        k = self.r(16)
        if k == 12 and d < 2:
            return "%s %% (%s,)" % (self.pick(["'%.3f'", "'%e'", "'%g'", "'%5.1f|'", "'%r'", "'%d'"]),
                                    self.num_expr(d + 1))
        if k == 13 and d < 2:
            return "format(%s, %s)" % (self.num_expr(d + 1), self.pick(["'.4g'", "'>10.2f'", "','", "'.2%'", "'e'", "''"]))
        if k == 14:
            return self.pick(["'-'.join(map(str, lst[:4]))", "s[::-1]", "s[::2]", "s.replace('a', 'bb')",
                              "str(sorted(lst)[:3])", "str(list(dct.items())[:2])", "' '.join(s.split())"])
        if k == 15 and d < 2:
            return "format(%s, %s)" % (self.int_expr(d + 1), self.pick(["'x'", "'b'", "','", "'_'", "'>8'", "'+'", "'#o'"]))
        if d >= 2 or k < 3:
            return self.pick(STR_LITERALS + ["s", "s"] + self.str_loop_vars)
        if k == 3:
            return "(s + str(%s))" % self.int_expr(d + 1)
        if k == 4:
            return "(%s + %s)" % (self.str_expr(d + 1), self.str_expr(d + 1))
        if k == 5:
            return "s[%s:%s]" % (self.pick(["", "1", "-3", "2"]), self.pick(["", "5", "-1"]))
        if k == 6:
            return "(%s).%s()" % (self.str_expr(d + 1), self.pick(["upper", "lower", "strip", "title"]))
        if k == 7:
            return "repr(%s)" % self.num_expr(d + 1)
        if k == 8:
            return "'%%d|%%s' %% (%s, %s)" % (self.int_expr(d + 1), self.str_expr(d + 1))
        if k == 9:
            return "(%s * %d)" % (self.str_expr(d + 1), self.r(3))
        if k == 10:
            return "str(%s)" % self.pick(["lst[-3:]", "x", "(a, f)", "dct.get(3)"])
        return 'f"{%s}-{%s:.3f}"' % (self.int_expr(d + 1), self.num_expr(d + 1))

    def cond(self, d=0):
        k = self.r(12)
        if k < 4:
            return "%s %s %s" % (self.int_expr(d + 1), self.pick(["<", "<=", ">", ">=", "==", "!="]),
                                 self.int_expr(d + 1))
        if k < 6:
            return "%s %s %s" % (self.num_expr(d + 1), self.pick(["<", "<=", ">", ">="]),
                                 self.num_expr(d + 1))
        if k == 6 and d < 2:
            return "(%s %s %s)" % (self.cond(d + 1), self.pick(["and", "or"]), self.cond(d + 1))
        if k == 7 and d < 2:
            return "not (%s)" % self.cond(d + 1)
        if k == 8:
            return "%s %% %d == %d" % (self.int_expr(d + 1), 2 + self.r(9), self.r(2))
        if k == 9:
            return "(%s) in dct" % self.int_expr(d + 1)
        if k == 10:
            return "isinstance(x, %s)" % self.pick(["int", "float", "str", "(int, float)"])
        return "%s < %s < %s" % (self.int_atom(), self.int_expr(d + 1), self.int_atom())

    def callable_funcs(self):
        return [fn for fn in self.funcs if fn[2] <= max(1, self.budget // 2)]

    def call_expr(self, d):
        name, arity, cost = self.pick(self.callable_funcs())
        self.budget = max(0, self.budget - cost)
        args = [self.int_expr(d + 1) if i == 0 else self.num_expr(d + 1) for i in range(arity)]
        return "%s(%s)" % (name, ", ".join(args))

    # -------------------------------------------------------------- statements

    def line(self, out, text):
        out.append("    " * self.indent + text)

    def clamp_int(self, out, v):
        self.line(out, "if not -%d <= %s <= %d: %s %%= 1000003" % (INT_CLAMP, v, INT_CLAMP, v))

    def clamp_num(self, out, v):
        self.line(out, "if not -1e100 < %s < 1e100: %s = 0.5" % (v, v))

    def assign(self, out):
        k = self.r(11)
        if k < 3:
            v = self.pick(self.int_vars)
            op = self.pick(["=", "+=", "-=", "*=", "^=", "="])
            self.line(out, "%s %s %s" % (v, op, self.int_expr()))
            self.clamp_int(out, v)
        elif k < 6:
            v = self.pick(self.num_vars)
            op = self.pick(["=", "+=", "-=", "*="])
            self.line(out, "%s %s %s" % (v, op, self.num_expr()))
            self.clamp_num(out, v)
        elif k == 6:
            self.line(out, "s %s %s" % (self.pick(["=", "+="]), self.str_expr()))
            self.line(out, "s = s[-40:]")
        elif k == 7:
            kk = self.r(4)
            if kk == 0:
                self.line(out, "lst.append(%s)" % self.int_expr())
            elif kk == 1:
                self.line(out, "if lst: lst[%s %% len(lst)] = %s" % (self.int_expr(), self.int_expr()))
            elif kk == 2:
                self.line(out, "if lst: %s = lst.pop(%s)" % (self.pick(self.int_vars),
                                                              self.pick(["", "0", "-1"])))
            else:
                self.line(out, "lst[%s:%s] = [%s]" % (self.r(4), self.r(6), self.int_expr()))
            self.line(out, "if len(lst) > 40: del lst[:20]")
            self.line(out, "lst = [v if -%d <= v <= %d else v %% 1000003 for v in lst]"
                      % (INT_CLAMP, INT_CLAMP) if self.chance(0.1) else "pass")
        elif k == 8:
            kk = self.r(3)
            key = "(%s) %% 16" % self.int_expr()
            if kk == 0:
                self.line(out, "dct[%s] = %s" % (key, self.int_expr()))
            elif kk == 1:
                self.line(out, "dct.pop(%s, None)" % key)
            else:
                v = self.pick(self.int_vars)
                self.line(out, "%s = dct.get(%s, %s) + %s" % (v, key, self.int_atom(), self.int_atom()))
                self.clamp_int(out, v)
            self.line(out, "for _k in [k for k in dct if not -%d <= dct[k] <= %d]: dct[_k] %%= 97"
                      % (INT_CLAMP, INT_CLAMP))
        elif k == 9 and self.has_class:
            kk = self.r(4)
            if kk == 0:
                self.line(out, "%s = obj.step(%s)" % (self.pick(self.int_vars), self.int_expr()))
            elif kk == 1:
                self.line(out, "obj.w = %s" % self.num_expr())
                self.clamp_num(out, "obj.w")
            elif kk == 2:
                self.line(out, "obj.extra = getattr(obj, 'extra', 0) + 1")
            else:
                self.line(out, "%s = obj.total() %% 1000003" % self.pick(self.num_vars))
        else:
            kk = self.r(3)
            if kk == 0:
                iv, nv = self.pick(self.int_vars), self.pick(self.num_vars)
                self.line(out, "t = (%s, %s)" % (self.int_expr(), self.num_expr()))
                self.line(out, "%s, %s = t" % (iv, nv))
                self.clamp_int(out, iv)
                self.clamp_num(out, nv)
            elif kk == 1:
                self.line(out, "x = %s" % self.pick([self.int_expr(), self.num_expr(), self.str_expr()]))
                self.line(out, "x = x[-20:] if isinstance(x, str) else (x if -1e100 < x < 1e100 else 7)")
            else:
                self.line(out, "s2 = str(x) + '/' + repr(x)")
                self.line(out, "s = (s + s2)[-40:]")

    def risky(self, out):
        """A statement that may raise, wrapped in try/except printing the exception."""
        self.line(out, "try:")
        self.indent += 1
        k = self.r(9)
        iv = self.pick(self.int_vars)
        nv = self.pick(self.num_vars)
        if k == 0:
            self.line(out, "%s = %s %s (%s)" % (iv, self.int_expr(), self.pick(["//", "%"]), self.int_expr()))
        elif k == 1:
            self.line(out, "%s = %s / (%s)" % (nv, self.num_expr(), self.num_expr()))
        elif k == 2:
            self.line(out, "%s = lst[%s]" % (iv, self.int_expr()))
        elif k == 3:
            self.line(out, "%s = dct[%s]" % (iv, self.int_expr()))
        elif k == 4:
            self.line(out, "%s = int(%s)" % (iv, self.str_expr()))
        elif k == 5:
            self.line(out, "%s = float(%s) ** %d" % (nv, self.num_expr(), 2 + self.r(60)))
        elif k == 6:
            self.line(out, "x = x + %s" % self.pick([self.int_expr(), self.str_expr(), self.num_expr()]))
            self.line(out, "x = x[-20:] if isinstance(x, str) else (x if -1e100 < x < 1e100 else 7)")
        elif k == 7:
            self.line(out, "if %s: raise %s(%s)" % (self.cond(), self.pick(["ValueError", "KeyError", "RuntimeError"]),
                                                      self.int_expr()))
        else:
            self.line(out, "%s = float(%s)" % (nv, self.int_expr()))
        self.clamp_int(out, iv)
        self.clamp_num(out, nv)
        self.indent -= 1
        k = self.r(4)
        if k == 0:
            self.line(out, "except (ZeroDivisionError, OverflowError) as e:")
        elif k == 1:
            self.line(out, "except (IndexError, KeyError) as e:")
        else:
            self.line(out, "except Exception as e:")
        self.indent += 1
        self.line(out, "print('caught', type(e).__name__, e)")
        if self.depth and self.chance(0.2):
            self.line(out, self.pick(["break", "continue"]))
        self.indent -= 1
        if k == 0 or k == 1:
            self.line(out, "except Exception as e:")
            self.indent += 1
            self.line(out, "print('other', type(e).__name__, e)")
            self.indent -= 1
        if self.chance(0.3):
            self.line(out, "else:")
            self.indent += 1
            self.line(out, "%s += 1" % self.pick(self.int_vars))
            self.indent -= 1
        if self.chance(0.2):
            self.line(out, "finally:")
            self.indent += 1
            self.line(out, "s = (s + '.')[-40:]")
            self.indent -= 1

    def print_state(self, out):
        self.line(out, "print(%s)" % ", ".join(self.int_vars + self.num_vars + ["repr(s)", "lst[-5:]", "len(dct)", "repr(x)"]
                                              + ["G"] + self.loop_vars[-1:] + (["obj.v", "obj.w"] if self.has_class else [])))

    def loop_header(self, out):
        """Emits a loop header; returns (trip count, loop variable or None, is_while)."""
        if self.budget < 20:
            return None
        maxtrip = max(2, min(300, self.budget // 3))
        trip = 1 + self.r(maxtrip)
        if self.chance(0.5):
            trip = max(trip, min(maxtrip, 60 + self.r(150)))
        var = "i%d" % self.depth
        k = self.r(10)
        if k < 4:
            start = self.pick(["0", "0", "1", "-50", "2**63 - 40", "-2**63 + 3", "2**62", "10**18"])
            step = self.pick(["1", "1", "1", "2", "3", "-1", "-3"])
            stepv = int(step)
            self.iter_base[var] = ("(%s)" % start, stepv)
            if stepv > 0:
                self.line(out, "for %s in range(%s, %s + %d, %s):" % (var, start, start, trip * stepv, step))
            else:
                self.line(out, "for %s in range(%s, %s - %d, %s):" % (var, start, start, trip * -stepv, step))
            return trip, var, False
        self.iter_base.pop(var, None)
        if k == 4:
            self.line(out, "for %s in range(%d):" % (var, trip))
            return trip, var, False
        if k == 5:
            trip = min(trip, 40)
            self.line(out, "for %s, %s in enumerate(lst[:%d] + list(range(%d))):" % (var, "e%d" % self.depth, trip, trip))
            self.extra_int = "e%d" % self.depth
            return 2 * trip, var, False
        if k == 6:
            self.line(out, "for %s in list(dct) + [%d] * %d:" % (var, self.r(20), trip))
            return trip + 16, var, False
        if k == 7:
            cv = "ch%d" % self.depth
            self.line(out, "for %s, %s in zip(range(%d), (s * %d) or 'z'):" % (var, cv, trip, 1 + trip // 3))
            self.extra_str = cv
            return trip, var, False
        if k == 8 and self.has_gen:
            self.line(out, "for %s in gen(%d):" % (var, trip))
            return trip, var, False
        w = "w%d" % self.depth
        self.iter_base[w] = ("1", 1)
        self.line(out, "%s = 0" % w)
        self.line(out, "while %s < %d and (%s):" % (w, trip, self.cond() if self.chance(0.6) else "True"))
        self.indent += 1
        self.line(out, "%s += 1" % w)
        self.indent -= 1
        return trip, w, True

    def numeric_loop(self, out):
        """A loop the trace JIT records today: int/float arithmetic and branches on locals
        only (no calls, containers, globals or attributes), with overflow into big ints and
        int/float mixing, so the jit1 and stress modes run machine code."""
        if self.budget < 20:
            self.assign(out)
            return
        trip = 20 + self.r(280)
        var = "i%d" % self.depth
        a, b = self.pick(self.int_vars), self.pick(self.int_vars)
        f = self.pick(self.num_vars)
        if self.chance(0.7):
            start = self.pick(["0", "1", "-7", "100", "4611686018427387904", "-4611686018427387904"])
            step = self.pick(["1", "1", "2", "-1", "5"])
            stepv = int(step)
            self.line(out, "for %s in range(%s, %s %s %d, %s):" % (var, start, start, "+" if stepv > 0 else "-", trip * abs(stepv), step))
            counter = None
        else:
            counter = "w%d" % self.depth
            self.line(out, "%s = 0" % counter)
            self.line(out, "while %s < %d:" % (counter, trip))
        self.indent += 1
        it = counter or var
        if counter:
            self.line(out, "%s += 1" % counter)
        for _ in range(1 + self.r(4)):
            k = self.r(6)
            if k == 0:
                self.line(out, "%s = %s %s %s * %d" % (a, a, self.pick(["+", "-"]), it, 1 + self.r(9)))
            elif k == 1:
                self.line(out, "%s = %s * %s + %s" % (f, f, self.pick(["0.5", "0.75", "1.0", "2", "-1"]), self.pick([a, it, "1", "0.25"])))
            elif k == 2:
                self.line(out, "if %s %s %s:" % (a, self.pick(["<", ">", "<=", "==", "!="]), self.pick([b, it, str(self.r(100))])))
                self.indent += 1
                self.line(out, "%s = %s %s %d" % (b, b, self.pick(["+", "-", "*"]), 1 + self.r(5)))
                self.indent -= 1
                self.line(out, "else:")
                self.indent += 1
                self.line(out, "%s = %s - %s" % (f, f, self.pick(["1", "0.5", a])))
                self.indent -= 1
            elif k == 3:
                self.line(out, "%s = %s * %s" % (a, a, self.pick(["3", "1024", "1048576", it])))
            elif k == 4:
                self.line(out, "%s = (%s + %s) %% %d" % (b, b, it, 2 + self.r(1000)))
            else:
                self.line(out, "if %s > %d: %s" % (it, self.r(trip), self.pick(["break", "continue", "%s = %s + 0.5" % (a, a)])))
        # small literal bounds (a big-int constant would abort the recording)
        self.line(out, "if not -1000000000000 <= %s <= 1000000000000: %s %%= 1000003" % (a, a))
        self.line(out, "if not -1000000000000 <= %s <= 1000000000000: %s %%= 1000003" % (b, b))
        self.line(out, "if not -1e100 < %s < 1e100: %s = 0.5" % (f, f))
        self.indent -= 1
        self.budget -= min(self.budget, 10)
        if not self.in_helper:
            self.print_state(out)

    def loop(self, out):
        self.extra_int = None
        self.extra_str = None
        hdr = self.loop_header(out)
        if hdr is None:
            self.assign(out)
            return
        trip, var, _ = hdr
        outer_budget = self.budget
        self.budget = outer_budget // max(1, trip)
        self.indent += 1
        self.depth += 1
        self.loop_vars.append(var)
        extra_i, extra_s = self.extra_int, self.extra_str
        if extra_i:
            self.loop_vars.append(extra_i)
        if extra_s:
            self.str_loop_vars.append(extra_s)
        # a type change / global rebinding / attribute change at a chosen iteration
        if self.chance(0.5):
            at = self.r(max(1, trip))
            if var.startswith("w") or not var.startswith("i"):
                pass
            k = self.r(4)
            if k == 0:
                self.line(out, "if %s == %s: x = %s" % (var, self.iter_value(var, at), self.pick([self.num_expr(), self.str_expr(), self.int_expr()])))
                self.line(out, "x = x[-20:] if isinstance(x, str) else (x if -1e100 < x < 1e100 else 7)")
            elif k == 1 and not self.in_helper:
                self.line(out, "if %s == %s: G = %s" % (var, self.iter_value(var, at), self.int_expr()))
                self.clamp_int(out, "G")
            elif k == 2 and self.has_class:
                self.line(out, "if %s == %s: Box.scale = %s" % (var, self.iter_value(var, at), self.pick(["2", "0", "-1", "3"])))
            else:
                nv = self.pick(self.num_vars)
                self.line(out, "if %s == %s: %s = %s" % (var, self.iter_value(var, at), nv, self.pick(NUM_LITERALS + ["1", "2**62"])))
        if not self.in_helper and self.chance(0.04):
            # an uncaught exception from a loop that has run for a while: traceback + status 1
            self.line(out, "if %s == %s: print(%s)" % (var, self.iter_value(var, self.r(max(1, trip))), self.pick(
                ["1 // (%s - %s)" % (var, var), "lst[len(lst) + 3]", "dct[-1]", "int('z' + s)", "s + %s" % var,
                 "1.5 %% (%s * 0.0)" % var])))
        n = 1 + self.r(4)
        for _ in range(n):
            self.stmt(out)
            if self.chance(0.15):
                self.line(out, "if %s: %s" % (self.cond(), self.pick(["break", "continue", "break"])))
        if self.chance(0.6) and not self.in_helper:
            self.line(out, "if %s %% %d == 0:" % (self.progress_expr(var), 7 + self.r(60)))
            self.indent += 1
            self.print_state(out)
            self.indent -= 1
        if extra_i:
            self.loop_vars.pop()
        if extra_s:
            self.str_loop_vars.pop()
        self.loop_vars.pop()
        self.depth -= 1
        self.indent -= 1
        self.budget = max(0, outer_budget - trip)
        if self.chance(0.2):
            self.line(out, "else:")
            self.indent += 1
            self.line(out, "s = (s + 'E')[-40:]")
            self.indent -= 1

    def iter_value(self, var, at):
        """The value `var` has at iteration `at` (0-based) when known, so a change can be
        placed at a chosen iteration; otherwise `at` itself."""
        base = self.iter_base.get(var)
        if base is None:
            return str(at)
        start, step = base
        return "%s + %d" % (start, at * step) if at * step >= 0 else "%s - %d" % (start, -at * step)

    def progress_expr(self, var):
        return "abs(%s)" % var

    def if_chain(self, out):
        self.line(out, "if %s:" % self.cond())
        self.indent += 1
        self.stmt(out)
        self.indent -= 1
        for _ in range(self.r(3)):
            self.line(out, "elif %s:" % self.cond())
            self.indent += 1
            self.stmt(out)
            self.indent -= 1
        if self.chance(0.5):
            self.line(out, "else:")
            self.indent += 1
            self.stmt(out)
            self.indent -= 1

    def unbind(self, out):
        """Deletes `x` under a condition, then re-binds it when it is unbound."""
        self.line(out, "if %s: del x" % self.cond())
        self.line(out, "try:")
        self.line(out, "    x")
        self.line(out, "except NameError as e:")
        self.line(out, "    print('unbound', type(e).__name__, e)")
        self.line(out, "    x = %s" % self.pick(["0", "1.5", "'u'", "G"]))

    def list_op(self, out):
        self.line(out, self.pick(["lst.sort()", "lst.reverse()", "lst = sorted(lst, reverse=True)",
                                  "lst = lst[::2] + lst[1::2]", "lst.extend(range(3))",
                                  "lst = [v * 2 for v in lst if v %% 3 != %d]" % self.r(3),
                                  "lst.insert(%s %% 5, %s)" % (self.int_atom(), self.int_atom())]))
        self.line(out, "if len(lst) > 40: del lst[:20]")

    def stmt(self, out):
        if self.depth < 2 and self.budget >= 60 and self.indent <= 5 and self.chance(0.05):
            self.enum_zip_loop(out, allow_return=self.in_helper)
            return
        k = self.r(12)
        if k == 10:
            self.unbind(out)
            return
        if k == 11:
            self.list_op(out)
            return
        if k < 4 or self.indent > 6:
            self.assign(out)
        elif k < 6 and self.depth < 3 and self.budget >= 20:
            if self.chance(0.6):
                self.numeric_loop(out)
            else:
                self.loop(out)
        elif k < 8:
            self.risky(out)
        elif k == 8:
            self.if_chain(out)
        else:
            if self.has_trec and self.chance(0.4):
                v = self.pick(self.num_vars)
                self.line(out, "try:")
                self.line(out, "    %s = trec(%d, %s)" % (v, self.r(13), self.int_atom()))
                self.line(out, "except ZeroDivisionError:")
                self.line(out, "    %s = -1" % v)
                self.clamp_num(out, v)
            elif self.callable_funcs():
                v = self.pick(self.num_vars)
                self.line(out, "%s = %s" % (v, self.call_expr(0)))
                self.clamp_num(out, v)
            elif self.has_rec:
                self.line(out, "%s = rec(%d, %s)" % (self.pick(self.int_vars), self.r(40), self.int_atom()))
            else:
                self.assign(out)

    # -------------------------------------------------------------- enumerate / zip loops

    def seq_literal(self, allow_str=True):
        """(expression, kind) for a short sequence: kind is 'list', 'tuple' or 'range'."""
        n = self.r(9)
        k = self.r(6)
        if k == 0:
            st = self.r(20) - 5
            return "range(%d, %d, %d)" % (st, st + n * 2 + self.pick([0, 0, 30]), self.pick([1, 1, 2])), "range"
        if k == 1 and self.chance(0.5):  # a longer list, so the loop runs long enough to be traced
            return self.pick(["list(range(%d))" % (10 + self.r(35)),
                              "[%d, %s] * %d" % (self.r(9), self.pick(["1.5", "3", "2**63"] + (["'v'"] if allow_str else [])),
                                                 5 + self.r(15))]), "list"
        items = []
        for _ in range(n):
            kk = self.r(40)
            if kk < 30:
                items.append(str(self.r(60) - 10))
            elif kk < 35:
                items.append(self.pick(["0.5", "-2.25", "1e3", "3.0"]))
            elif kk < 38 and allow_str:
                items.append(self.pick(["'p'", "'qq'", "''"]))
            else:
                items.append(self.pick(["2**63 - 1", "2**64", "-2**63", "2**62"]))
        if k < 4:
            return "[%s]" % ", ".join(items), "list"
        return "(%s)" % "".join(v + ", " for v in items).rstrip(" "), "tuple"

    def elem_value(self):
        """A value of a random type for storing into a sequence mid-loop."""
        return self.pick([str(self.r(50)), str(self.r(50) - 25), "%d.5" % self.r(9), "'s%d'" % self.r(9),
                          "2**63 + %d" % self.r(5), "-1.0"])

    def use_elem(self, out, e):
        k = self.r(6)
        nv, iv = self.pick(self.num_vars), self.pick(self.int_vars)
        if k == 0:
            self.line(out, "s = (s + str(%s))[-40:]" % e)
        elif k == 1:
            self.line(out, "%s = %s + (len(%s) if isinstance(%s, str) else %s * %s)" % (nv, nv, e, e, e,
                                                                                      self.pick(["2", "0.5", "-1"])))
            self.clamp_num(out, nv)
        elif k == 2:
            self.line(out, "%s = (%s + (%s if isinstance(%s, int) else len(repr(%s)))) %% 1000003" % (iv, iv, e, e, e))
        elif k == 3:
            self.line(out, "x = %s" % e)
            self.line(out, "x = x[-20:] if isinstance(x, str) else (x if -1e100 < x < 1e100 else 7)")
        elif k == 4:
            self.line(out, "if isinstance(%s, (int, float)) and %s %s %s: %s" % (
                e, e, self.pick(["<", ">", "=="]), self.r(40), self.pick(["continue", "break", "s = s[1:]"])))
        else:
            self.line(out, "s = (s + repr(%s * 2))[-40:]" % e)

    def mutate_seq(self, out, name):
        """A mutation of list `name` while it is iterated (growth bounded)."""
        k = self.r(5)
        if k == 0:
            self.line(out, "if len(%s) < 50: %s.append(%s)" % (name, name, self.elem_value()))
        elif k == 1:
            self.line(out, "if %s: %s.pop(%s)" % (name, name, self.pick(["", "0", "-1"])))
        elif k == 2:
            self.line(out, "if %s: %s[%s %% len(%s)] = %s" % (name, name, self.int_atom(), name, self.elem_value()))
        elif k == 3:
            self.line(out, "if len(%s) > 1: %s[-1] = %s(%s[-1]) if not isinstance(%s[-1], str) else 0" % (
                name, name, self.pick(["float", "str", "float"]), name, name))
        else:
            self.line(out, "if len(%s) < 50: %s.insert(0, %s)" % (name, name, self.elem_value()))

    def enum_zip_loop(self, out, allow_return=False):
        """A ``for`` over enumerate(...) or zip(...) of lists/tuples/ranges of unequal lengths,
        unpacked or not, whose body mutates the iterated lists, changes element types at a
        chosen iteration, breaks/continues/raises (returns in functions), and may hold an
        inner enumerate/zip built from the outer loop's values."""
        d = self.depth
        k_var = "k%d" % d
        use_try = self.chance(0.5)
        seqs = []
        for nm in ("xs%d" % d, "ys%d" % d, "zs%d" % d):
            expr, kind = self.seq_literal(allow_str=use_try or self.chance(0.2))
            self.line(out, "%s = %s" % (nm, expr))
            seqs.append((nm, kind))
        self.line(out, "%s = 0" % k_var)
        if use_try:
            self.line(out, "try:")
            self.indent += 1
        cnt, elems, tup = self.enum_zip_header(out, seqs, d)
        self.budget = max(0, self.budget - 60)
        self.indent += 1
        self.depth += 1
        self.line(out, "%s += 1" % k_var)
        if cnt:
            self.loop_vars.append(cnt)
        lists = [nm for nm, kind in seqs if kind == "list"]
        traceable = self.chance(0.55)
        if traceable:
            # traceable: only what the trace JIT records (arithmetic, subscripts, len,
            # append, min/max/abs), so jit1/stress run machine code and exit from it
            self.traceable_ez_body(out, k_var, cnt, elems, tup, lists, use_try, allow_return)
        for _ in range(0 if traceable else 2 + self.r(5)):
            kk = self.r(12)
            if kk < 3 and lists:
                self.mutate_seq(out, self.pick(lists))
            elif kk < 6 and elems:
                self.use_elem(out, self.pick(elems))
            elif kk == 6 and tup:
                self.line(out, "s = (s + str(len(%s)) + repr(%s[%d]))[-40:]" % (tup, tup, self.r(2)))
            elif kk == 7:
                self.line(out, "if %s == %d: %s" % (k_var, 1 + self.r(12), self.pick(
                    ["break", "continue", "raise ValueError('stop %d' % " + k_var + ")" if use_try else "continue"]
                    + (["return %s" % (tup or cnt or k_var)] if allow_return else []))))
            elif kk == 8 and lists:
                nm = self.pick(lists)
                self.line(out, "if %s == %d and %s: %s[0] = %s" % (k_var, self.r(8), nm, nm,
                                                                   self.pick(["float(%s[0]) if not isinstance(%s[0], str) else 1.5" % (nm, nm),
                                                                              "str(%s[0])" % nm, "[%s[0]]" % nm])))
            elif kk == 9 and self.depth < 3 and self.budget >= 20:
                self.inner_enum_zip(out, seqs, cnt, elems)
            elif kk == 10 and cnt:
                iv = self.pick(self.int_vars)
                self.line(out, "%s = (%s * 3 + %s) %% %s" % (iv, iv, cnt, self.pick(["1000003", "2**61 - 1", "97"])))
            else:
                self.stmt(out)
        if not self.in_helper or self.chance(0.3):
            self.line(out, "if %s %s: print('ez', %s, %s)" % (
                k_var, "== %d" % self.r(20) if traceable or self.chance(0.5) else "%% %d == 0" % (1 + self.r(5)), k_var, ", ".join(["repr(%s)" % e for e in elems] + ([tup] if tup else []) + ([cnt] if cnt else []))))
        if cnt:
            self.loop_vars.pop()
        self.depth -= 1
        self.indent -= 1
        if use_try:
            self.indent -= 1
            self.line(out, "except (ValueError, TypeError, IndexError) as e:")
            self.line(out, "    print('caught', type(e).__name__, e)")
        self.line(out, "print('ez-end', %s, %s)" % (k_var, ", ".join(nm for nm, _ in seqs)))

    def traceable_ez_body(self, out, k_var, cnt, elems, tup, lists, use_try, allow_return):
        """Statements the trace JIT records: int/float arithmetic on the counter and the
        elements, list loads/stores with int indexes, len, append, min/max/abs; element
        type changes, breaks and raises sit behind `k == K` branches (guard exits)."""
        iv, iv2 = self.pick(self.int_vars), self.pick(self.int_vars)
        nv = self.pick(self.num_vars)
        for _ in range(2 + self.r(6)):
            kk = self.r(11)
            e = self.pick(elems) if elems else k_var
            if kk == 0 and cnt:
                self.line(out, "%s = (%s + %s * %d) %% %s" % (iv, iv, cnt, 1 + self.r(5), self.pick(["1000003", "97", "65536"])))
            elif kk == 1:
                self.line(out, "%s = %s * 0.5 + %s" % (nv, nv, e))
            elif kk == 2 and lists:
                nm = self.pick(lists)
                self.line(out, "if len(%s) < 50: %s.append(%s)" % (nm, nm, self.pick([k_var, e, cnt or k_var, "%s + 1" % k_var])))
            elif kk == 3 and lists:
                nm = self.pick(lists)
                self.line(out, "if %s: %s[%s %% len(%s)] = %s" % (nm, nm, k_var, nm, self.pick([e, "%s * 2" % k_var, "%s - 1" % e])))
            elif kk == 4 and lists:
                nm = self.pick(lists)
                val = self.pick(["1.5", "-0.25", "2**63", "0"] + (["'s'", "'t'"] if use_try else []))
                self.line(out, "if %s == %d and %s: %s[%s] = %s" % (k_var, 1 + self.r(15), nm, nm, self.pick(["0", "-1", "len(%s) // 2" % nm]), val))
            elif kk == 5:
                self.line(out, "if %s == %d: %s" % (k_var, 2 + self.r(20), self.pick(
                    ["break", "continue"] + (["raise ValueError(%s)" % k_var] if use_try else [])
                    + (["return %s" % k_var] if allow_return else []))))
            elif kk == 6:
                self.line(out, "%s = %s(%s, %s)" % (iv2, self.pick(["min", "max"]), iv2, self.pick([k_var, cnt or k_var, str(self.r(100))])))
            elif kk == 7 and tup:
                self.line(out, "%s = %s + %s[0]" % (nv, nv, tup))
            elif kk == 8:
                self.line(out, "if %s %s %s: %s = %s + 1" % (e, self.pick(["<", ">", ">="]), self.r(40), iv, iv))
            elif kk == 9 and len(elems) > 1:
                self.line(out, "%s = %s - %s * %s" % (nv, nv, elems[0], elems[1]))
            elif kk == 9 and lists and self.depth < 3:
                # an inner enumerate/zip made in the outer body, over the (mutated) lists
                dd, nm = self.depth, self.pick(lists)
                if self.chance(0.5):
                    self.line(out, "for ej%d, ev%d in enumerate(%s, %s):" % (dd, dd, nm, self.pick([k_var, cnt or "0", "-1"])))
                    self.line(out, "    %s = (%s + ej%d) %% 1000003" % (iv2, iv2, dd))
                else:
                    other = self.pick([x for x in lists if x != nm] or [nm])
                    self.line(out, "for ev%d, ej%d in zip(%s, %s):" % (dd, dd, nm, other))
                    self.line(out, "    %s = %s - ej%d * 0.5" % (nv, nv, dd))
                self.line(out, "    %s = %s * 0.5 + ev%d" % (nv, nv, dd))
                if self.chance(0.3):
                    self.line(out, "    if ev%d %s %d: break" % (dd, self.pick(["<", ">", "=="]), self.r(30)))
            else:
                self.line(out, "%s = abs(%s - %s)" % (iv, iv, k_var))
        self.line(out, "if not -1000000000000 <= %s <= 1000000000000: %s %%= 1000003" % (iv, iv))
        self.line(out, "if not -1000000000000 <= %s <= 1000000000000: %s %%= 1000003" % (iv2, iv2))
        self.line(out, "if not -1e100 < %s < 1e100: %s = 0.5" % (nv, nv))

    def enum_zip_header(self, out, seqs, d):
        """Emits the for header; returns (int counter var or None, element vars, tuple var or None)."""
        (xs, _), (ys, _), (zs, _) = seqs
        k = self.r(10)
        if k < 5:
            start = self.pick(["", "", ", 1", ", -3", ", 7", ", start=2", ", 2**63 - 2", ", -2**63 + 1",
                               ", 2**62", ", 2**64"])
            src = self.pick([xs, xs, ys, "%s[1:]" % xs, zs])
            if self.chance(0.8):
                cnt, e = "ei%d" % d, "ex%d" % d
                self.line(out, "for %s, %s in enumerate(%s%s):" % (cnt, e, src, start))
                return cnt, [e], None
            t = "et%d" % d
            self.line(out, "for %s in enumerate(%s%s):" % (t, src, start))
            return None, ["%s[1]" % t], t
        if self.chance(0.8):
            if self.chance(0.6):
                a, b = "ex%d" % d, "ey%d" % d
                self.line(out, "for %s, %s in zip(%s, %s):" % (a, b, self.pick([xs, ys]), self.pick([ys, zs, "range(%d)" % self.r(12)])))
                return None, [a, b], None
            a, b, c = "ex%d" % d, "ey%d" % d, "ez%d" % d
            self.line(out, "for %s, %s, %s in zip(%s, %s, %s):" % (a, b, c, xs, ys, zs))
            return None, [a, b, c], None
        t = "et%d" % d
        self.line(out, "for %s in zip(%s, %s):" % (t, xs, self.pick([ys, zs, "'abcdefg'"])))
        return None, ["%s[0]" % t, "%s[1]" % t], t

    def inner_enum_zip(self, out, seqs, cnt, elems):
        """An inner enumerate/zip loop created in the outer body from the outer values."""
        d = self.depth
        (xs, _), (ys, _), _ = seqs
        start = cnt or str(self.r(5))
        if self.chance(0.5):
            a, b = "ej%d" % d, "ev%d" % d
            self.line(out, "for %s, %s in enumerate(%s[:%d], %s):" % (a, b, self.pick([xs, ys]), 1 + self.r(6), start))
        else:
            a, b = "ev%d" % d, "ej%d" % d
            self.line(out, "for %s, %s in zip(%s, range(%s %% 5 + 1)):" % (a, b, self.pick([xs, ys]), start))
        self.indent += 1
        self.use_elem(out, b if a.startswith("ej") else a)
        if self.chance(0.5):
            iv = self.pick(self.int_vars)
            self.line(out, "%s = (%s + %s) %% 1000003" % (iv, iv, "ej%d" % d))
        if self.chance(0.3):
            self.line(out, "if ej%d %% 3 == 1: %s" % (d, self.pick(["break", "continue"])))
        self.indent -= 1

    def ez_helper(self, out, name):
        """A function looping over enumerate/zip of its arguments, with early returns."""
        out.append("def %s(xs, ys, st):" % name)
        saved = (self.int_vars, self.num_vars, self.indent, self.budget, self.has_class, self.funcs, self.depth)
        self.in_helper = True
        self.int_vars, self.num_vars = ["p", "r1"], ["q", "r2"]
        self.indent, self.budget, self.has_class, self.funcs, self.depth = 1, 200, False, [], 0
        self.line(out, "p = r1 = 0; q = r2 = 0.5")
        self.line(out, "s = 'h'; lst = [1, 2, 3]; dct = {1: 2}; x = 0")
        if self.chance(0.5):
            self.line(out, "for i, e in enumerate(xs, st):")
        else:
            self.line(out, "for i, (e, e2) in enumerate(zip(xs, ys), st):")
        self.indent += 1
        self.loop_vars.append("i")
        for _ in range(1 + self.r(3)):
            kk = self.r(5)
            if kk == 0:
                self.line(out, "if %s: return (%s, i, e)" % (self.cond(), self.pick(["'r'", "p", "q"])))
            elif kk == 1:
                self.mutate_seq(out, "xs")
            elif kk == 2:
                self.line(out, "if isinstance(e, str): return e * 2")
            elif kk == 3:
                self.line(out, "p = (p + i %% 1000) * %s %% 1000003" % self.pick(["3", "1", "7"]))
            else:
                self.use_elem(out, "e")
        self.loop_vars.pop()
        self.indent -= 1
        self.line(out, "return (p, q, s, len(xs))")
        self.int_vars, self.num_vars, self.indent, self.budget, self.has_class, self.funcs, self.depth = saved
        self.in_helper = False
        out.append("")

    def ez_call_loop(self, out):
        """Calls an enumerate/zip helper in a loop with arguments whose types change."""
        name = self.pick(self.ez_funcs)
        n = 6 + self.r(30)
        at = self.r(n)
        var = "i%d" % self.depth
        xs, _ = self.seq_literal()
        ys, _ = self.seq_literal()
        self.line(out, "xa, ya = %s, %s" % (xs, ys))
        self.line(out, "for %s in range(%d):" % (var, n))
        self.indent += 1
        self.line(out, "if %s == %d: xa = %s" % (var, at, self.pick(["list(xa) + [1.5]", "tuple(xa)", "['w'] + list(xa)",
                                                                       "list(range(%d))" % self.r(9), "[2**63] * 3"])))
        self.line(out, "try:")
        self.line(out, "    rv = %s(list(xa) if %s %% 2 else xa, ya, %s)" % (
            name, var, self.pick([var, "-%s" % var, "2**63 - 2 + %s" % var, "0", "start=%s" % var, "st=%s" % var]).replace("start=", "st=")))
        self.line(out, "except (TypeError, ValueError, IndexError, AttributeError) as e:")
        self.line(out, "    rv = type(e).__name__ + ': ' + str(e)")
        self.line(out, "print('ezc', %s, rv, xa)" % var)
        self.indent -= 1
        self.budget = max(0, self.budget - n * 20)

    # -------------------------------------------------------------- long straight-line bodies

    def long_body_loop(self, out):
        """A loop (> 5 iterations) whose body is 50-300 straight-line statements (repeated
        tuple unpacks or arithmetic), with the unpacked sequence changing type (tuple ->
        list -> wrong length / str) at chosen iterations."""
        n = 6 + self.r(30)
        var = "i%d" % self.depth
        arity = 2 + self.r(3)
        names = ["la", "lb", "lc", "ld"][:arity]
        def vals(more):  # mostly small ints, so the arithmetic stays in 64 bits (traceable)
            return ", ".join(self.pick(["2**62", "2**63 - 1"]) if self.chance(0.05) else
                             self.pick(["1", "2", "-3", "7", "11", "40", "0"] + more) for _ in range(arity))
        self.line(out, "tu = (%s)" % vals([]))
        self.line(out, "la = lb = lc = ld = 0; acc = 0; facc = 0.0")
        self.line(out, "try:")
        self.indent += 1
        self.line(out, "for %s in range(%d):" % (var, n))
        self.indent += 1
        t1, t2 = sorted((self.r(n), self.r(n)))
        self.line(out, "if %s == %d: tu = [%s]" % (var, t1, vals(["0.5", "-1.25"])))
        if self.chance(0.7):
            bad = self.pick(["(%s)" % ", ".join(["1"] * (arity + 1)), "(%s,)" % ", ".join(["1"] * (arity - 1)),
                             "'%s'" % "abcd"[:arity], "'%s'" % "abcde"[:arity + 1], "range(%d)" % arity,
                             "(1.5,) * %d" % arity, "['z'] * %d" % arity])
            self.line(out, "if %s == %d: tu = %s" % (var, t2 if t2 > t1 else t1 + 1, bad))
        stmts = 50 + self.r(250)
        pool = ["%s = tu" % ", ".join(names),
                "acc = (acc + la * 3 - lb) % 1000003" if self.chance(0.7) else "acc = (acc + %s) %% 1000003" % self.pick(names),
                "facc = facc * 0.5 + %s" % self.pick(names),
                "%s, %s = %s, %s" % (names[0], names[1], names[1], names[0]),
                "acc = (acc * 7 - %s) %% 97" % self.pick(names)]
        weights = [5, 2, 2, 1, 1] if self.chance(0.5) else [1, 3, 2, 1, 1]
        for _ in range(stmts):
            self.line(out, self.rng.choices(pool, weights)[0])
            if self.chance(0.02):
                self.line(out, "if not -1000000000000 <= acc <= 1000000000000: acc %= 1000003")
                self.line(out, "if not -1e100 < facc < 1e100: facc = 0.5")
        self.line(out, "if not -1000000000000 <= acc <= 1000000000000: acc %= 1000003")
        self.line(out, "if not -1e100 < facc < 1e100: facc = 0.5")
        self.line(out, "if %s %s: print('lb', %s, acc, facc, %s)" % (
            var, self.pick(["%% %d == 0" % (1 + self.r(6)), "== %d" % (n - 1)]), var, ", ".join(names)))
        self.indent -= 2
        self.line(out, "except Exception as e:")
        self.line(out, "    print('caught', type(e).__name__, e)")
        self.line(out, "print('lb-end', acc, facc, %s, tu)" % ", ".join(names))
        self.budget = max(0, self.budget - n * 10)

    # -------------------------------------------------------------- defaults reassigned at run time

    def defaults_helper(self, out, name):
        """A function with positional and keyword-only defaults."""
        self.def_funcs.append(name)
        if self.chance(0.3):
            out.append("%s = lambda p, q=%s, *, r=%s: (p, q, r)" % (name, self.pick(["3", "0.5", "'d'"]),
                                                                   self.pick(["1", "2.5", "None"])))
            out.append("")
            return
        if self.chance(0.35):  # numeric only: traceable calls (inlined when all positionals are given)
            out.append("def %s(p, q=%s, r=%s):" % (name, self.pick(["3", "-1", "0.5", "7"]), self.pick(["1.5", "2", "0"])))
            out.append("    return p * %d + q - r" % (1 + self.r(3)))
            out.append("")
            return
        out.append("def %s(p, q=%s, *, r=%s, s=%s):" % (name, self.pick(["3", "-1", "0.5", "2**63"]),
                                                       self.pick(["1.5", "2", "'r'"]), self.pick(["'k'", "0", "None"])))
        k = self.r(3)
        if k == 0:
            out.append("    return (p, q, r, s)")
        elif k == 1:
            out.append("    return p * 2 + q if not isinstance(q, str) else (q, r, s)")
        else:
            out.append("    v = p")
            out.append("    for _ in range(3):")
            out.append("        v = v + (q if isinstance(q, (int, float)) else len(q))")
            out.append("    return (v, r, s)")
        out.append("")

    def defaults_loop(self, out):
        """A loop calling a function whose __defaults__/__kwdefaults__ are reassigned at
        chosen iterations, with keyword calls and calls that rely on the defaults."""
        name = self.pick(self.def_funcs)
        n = 6 + self.r(40)
        var = "i%d" % self.depth
        self.line(out, "for %s in range(%d):" % (var, n))
        self.indent += 1
        for _ in range(1 + self.r(3)):
            at = self.r(n)
            k = self.r(8)
            if k < 3:
                val = self.pick(["(%s,)" % self.pick(["7", "1.5", "'q'", "2**64", "None", "[1]"]), "(1, 2)", "()",
                                 "None", "(%s, %s)" % (var, var), "(3,)"])
                self.line(out, "if %s == %d: %s.__defaults__ = %s" % (var, at, name, val))
            elif k < 5:
                val = self.pick(["{'r': 7}", "{'r': 'x', 's': 2.5}", "None", "{}", "{'r': %s}" % var,
                                 "{'r': 1, 's': 2, 't': 3}"])
                self.line(out, "if %s == %d: %s.__kwdefaults__ = %s" % (var, at, name, val))
            elif k == 5:
                self.line(out, "if %s == %d:" % (var, at))
                self.line(out, "    try:")
                self.line(out, "        %s.__defaults__ = %s" % (name, self.pick(["[1]", "5", "'ab'"])))
                self.line(out, "    except TypeError as e:")
                self.line(out, "        print('caught', type(e).__name__, e)")
            elif k == 6:
                self.line(out, "if %s == %d: print('defs', %s.__defaults__, %s.__kwdefaults__)" % (var, at, name, name))
            else:
                self.line(out, "if %s == %d: %s.__defaults__, %s.__kwdefaults__ = (%s,), {'r': %s, 's': %s}" % (
                    var, at, name, name, var, self.pick(["0", "1.5", "'w'"]), self.pick(["0", "''"])))
        self.line(out, "try:")
        call = self.pick(["%s(%s)" % (name, var), "%s(%s, %s)" % (name, var, self.int_atom()),
                          "%s(%s, %s, %s)" % (name, var, self.pick(["2", "0.5", var]), self.pick(["1", "-0.5"])),
                          "%s(%s, r=%s)" % (name, var, self.pick(["1", "0.5", "'k'"])),
                          "%s(p=%s)" % (name, var), "%s(%s, q=2.5)" % (name, var),
                          "%s(q=%s, p=1)" % (name, var), "%s(*[%s])" % (name, var),
                          "%s(%s, **{'r': 4})" % (name, var)])
        self.line(out, "    rv = %s" % call)
        self.line(out, "except TypeError as e:")
        self.line(out, "    rv = 'TypeError: ' + str(e)")
        if self.chance(0.5):
            self.line(out, "try:")
            self.line(out, "    rv = (rv, %s(%s))" % (name, self.pick(["1", "c", "G"])))
            self.line(out, "except TypeError as e:")
            self.line(out, "    rv = (rv, str(e))")
        if self.chance(0.5):
            self.line(out, "if %s %% %d == 0 or %s == %d: print('df', %s, rv)" % (var, 1 + self.r(5), var, n - 1, var))
        else:  # no print on most iterations: the loop can be traced
            self.line(out, "if %s == %d or %s == %d: print('df', %s, rv)" % (var, self.r(n), var, n - 1, var))
        self.indent -= 1
        self.line(out, "print('df-end', %s.__defaults__, %s.__kwdefaults__)" % (name, name))
        self.budget = max(0, self.budget - n * 5)

    # -------------------------------------------------------------- top level

    def helper(self, out, name):
        arity = 1 + self.r(2)
        params = ["p", "q"][:arity]
        out.append("def %s(%s):" % (name, ", ".join(params)))
        saved = (self.int_vars, self.num_vars, self.indent, self.budget, self.has_class, self.funcs)
        self.in_helper = True
        cost0 = 60 if self.chance(0.5) else 0
        self.int_vars = ["p", "r1"]
        self.num_vars = ["q", "r2"] if arity == 2 else ["r2", "r2"]
        self.indent = 1
        self.budget = cost0
        self.has_class = False
        self.funcs = []
        self.line(out, "r1 = p % 1000")
        self.line(out, "r2 = %s" % ("q" if arity == 2 else "0.5"))
        self.line(out, "s = 'h'; lst = [1, 2, 3]; dct = {1: 2}; x = 0")
        body = []
        for _ in range(1 + self.r(3)):
            if cost0 and self.chance(0.5):
                self.loop(body)
            else:
                self.stmt(body)
        out.extend(body)
        self.line(out, "ret = %s" % (self.int_expr() if self.chance(0.3) else self.num_expr()))
        self.line(out, "return ret if -1e100 < ret < 1e100 else 0.5")
        self.int_vars, self.num_vars, self.indent, self.budget, self.has_class, self.funcs = saved
        self.in_helper = False
        self.funcs = self.funcs + [(name, arity, 1 if cost0 == 0 else cost0)]
        out.append("")

    PT_CLASSES = [
        "class PD:",
        "    k = 2",
        "",
        "    def __init__(self, x, y):",
        "        self.x = x",
        "        self.y = y",
        "        self.n = 0",
        "",
        "    def norm(self):",
        "        return self.x * self.x + self.y * self.k",
        "",
        "    def bump(self, d):",
        "        self.n += 1",
        "        self.x = self.x + d",
        "        return self.x",
        "",
        "    def mx(self, other):",
        "        self.x = self.x if self.x > other.x else other.x",
        "        self.y = self.y if self.y > other.y else other.y",
        "        return self",
        "",
        "    def div(self, d):",
        "        self.y = self.y / d",
        "        return self.helper(d)",
        "",
        "    def helper(self, d):",
        "        return self.x // d",
        "",
        "",
        "class PS(PD):",
        "    __slots__ = ('x', 'y', 'n')",
        "",
        "",
        "class PT:",
        "    __slots__ = ('x', 'y', 'n')",
        "    k = 3",
        "",
        "    def __init__(self, x, y):",
        "        self.x = x",
        "        self.y = y",
        "        self.n = 0",
        "",
        "    def norm(self):",
        "        return self.x - self.y",
        "",
        "    def bump(self, d):",
        "        self.n -= 1",
        "        self.x = self.x - d",
        "        return self.x",
        "",
        "    def mx(self, other):",
        "        self.x = self.x if self.x < other.x else other.x",
        "        return other",
        "",
        "    def div(self, d):",
        "        return self.x % d",
        "",
    ]

    def attr_loop(self, out):
        """A ``for`` over a list of points (instances of a dict class, a __slots__ subclass of
        it and an unrelated __slots__ class) whose body loads and stores attributes and calls
        methods that load and store them; at chosen iterations an attribute changes type,
        an instance gains or loses an attribute, a class gets a method or a class attribute
        replaced, or a method raises (ZeroDivisionError, TypeError)."""
        d = self.depth
        k_var = "k%d" % d
        pts = "pts%d" % d
        kinds = self.pick([["PD"], ["PS"], ["PT"], ["PD", "PS"], ["PD", "PT"], ["PD", "PS", "PT"]])
        n = 3 + self.r(10)
        vals = []
        for i in range(n):
            x = self.pick(["%d" % (self.r(50) - 10), "%d.5" % self.r(9), "%d" % self.r(7)])
            y = self.pick(["%d" % (self.r(30) + 1), "%d.25" % self.r(9), "1"])
            vals.append("%s(%s, %s)" % (self.pick(kinds), x, y))
        self.line(out, "%s = [%s]" % (pts, ", ".join(vals)))
        self.line(out, "%s = 0" % k_var)
        self.line(out, "acc = %s" % self.pick(["0", "0.0"]))
        self.line(out, "q = %s[0]" % pts)
        self.line(out, "try:")
        self.indent += 1
        self.line(out, "for _rep in range(%d):" % (1 + self.r(4)))
        self.indent += 1
        self.line(out, "for p in %s:" % pts)
        self.indent += 1
        self.depth += 1
        self.budget = max(0, self.budget - 60)
        self.line(out, "%s += 1" % k_var)
        for _ in range(2 + self.r(5)):
            kk = self.r(16)
            if kk < 3:
                self.line(out, "acc = acc + p.%s" % self.pick(["x", "y", "n", "k", "norm()", "x * p.y"]))
            elif kk < 5:
                self.line(out, "acc = acc + p.bump(%s)" % self.pick(["1", "2.5", "-1", k_var]))
            elif kk < 7:
                self.line(out, "q = q.mx(%s)" % self.pick(["p", "q", "p"]))
            elif kk == 7:
                self.line(out, "p.%s = %s" % (self.pick(["x", "y"]), self.pick(["p.x + 1", "p.y * 0.5", "-p.x", "True", "p.x > p.y"])))
            elif kk == 8:
                self.line(out, "acc = acc + p.div(%s)" % self.pick(["2", "p.n", "%s %% 3" % k_var, "0.5"]))
            elif kk == 9:
                self.line(out, "if %s == %d: p.x = %s" % (k_var, 1 + self.r(12), self.pick(
                    ["'s'", "2**64", "1.5", "None", "[1]", "p.y"])))
            elif kk == 10:
                self.line(out, "if %s == %d and hasattr(p, '__dict__'): p.%s" % (k_var, 1 + self.r(12), self.pick(
                    ["z = 1", "__dict__['x'] = 7", "__dict__.pop('n')", "__dict__.clear()"])))
            elif kk == 11:
                self.line(out, "if %s == %d: %s" % (k_var, 1 + self.r(12), self.pick(
                    ["PD.k = 2.5", "PT.k = 'k'", "PD.norm = lambda self: 1", "PT.bump = lambda self, d: 0",
                     "PD.k = property(lambda self: 4)", "PD.x = property(lambda self: 4)", "PD.k = 2"])))
            elif kk == 12:
                self.line(out, "if p.n %s: acc = acc - p.norm()" % self.pick(["> 2", "== 1", "< 0"]))
            elif kk == 13:
                self.line(out, "p.mx(p)")
            elif kk == 14:
                self.line(out, "p.n = %s" % self.pick(["p.n + 1", "0", "p.n * 2", k_var]))
            else:
                self.line(out, "%s = (%s + %s) %% 1000003" % (self.pick(self.int_vars), self.pick(self.int_vars), k_var))
        self.line(out, "if %s %% %d == 0: print('at', %s, acc)" % (k_var, 3 + self.r(9), k_var))
        self.depth -= 1
        self.indent -= 3
        self.line(out, "except (ZeroDivisionError, TypeError, AttributeError) as e:")
        self.line(out, "    print('caught', type(e).__name__, e)")
        self.line(out, "print('pts', %s, acc, [(p.x, p.y, p.n) for p in %s])" % (k_var, pts))
        # undo class mutations, so later blocks see the original classes
        self.line(out, "PD.k, PT.k, PD.norm, PT.bump = 2, 3, PD_NORM, PT_BUMP")
        self.line(out, "if 'x' in PD.__dict__: del PD.x")

    def program(self):
        """Returns the program as a list of top-level chunks (each a list of lines)."""
        chunks = []
        chunks.append(["G = %s" % self.pick(["3", "7", "2**62", "-5", "100"]), ""])
        if self.chance(0.4):
            self.has_rec = True
            chunks.append(["def rec(n, acc):",
                           "    if n <= 0:",
                           "        return acc",
                           "    return rec(n - 1, (acc * 3 + n) %% %s)" % self.pick(["1000003", "2**61 - 1", "2**64"]),
                           ""])
        if self.chance(0.35):
            # tree recursion (function traces, direct self-calls): base cases of every
            # result type, big ints, a division by zero at some depth
            self.has_trec = True
            base = self.pick(["x", "x * 1.5", "n * 2**62", "x if n % 3 else 0.5",
                              "1 // (n + x % 3 - 1)", "-x", "x % 7", "None if x == 3 else x"])
            chunks.append(["def trec(n, x):",
                           "    if n <= %s:" % self.pick(["0", "1", "2"]),
                           "        return %s" % base,
                           "    a = trec(n - 1, x + n)",
                           "    if a is None:",
                           "        return 0",
                           "    b = trec(n - %s, x)" % self.pick(["1", "2"]),
                           "    if b is None:",
                           "        return 1",
                           "    return a %s b" % self.pick(["+", "-"]),
                           ""])
        if self.chance(0.4):
            self.has_gen = True
            chunks.append(["def gen(n):",
                           "    for k in range(n):",
                           "        yield k * %s - %s" % (self.pick(["1", "3", "-2"]), self.pick(["0", "1", "7"])),
                           ""])
        for i in range(self.r(4)):
            out = []
            self.helper(out, "fn%d" % i)
            chunks.append(out)
        if self.chance(0.3):
            out = []
            self.ez_helper(out, "ezf0")
            self.ez_funcs.append("ezf0")
            chunks.append(out)
        for i in range(1 + self.r(2) if self.chance(0.4) else 0):
            out = []
            self.defaults_helper(out, "df%d" % i)
            chunks.append(out)
        if self.chance(0.5):
            self.has_class = True
            chunks.append(["class Box:",
                           "    scale = 1",
                           "",
                           "    def __init__(self, v):",
                           "        self.v = v",
                           "        self.w = 0.25",
                           "",
                           "    def step(self, d):",
                           "        self.v = (self.v + d * Box.scale) % 1000003",
                           "        return self.v",
                           "",
                           "    def total(self):",
                           "        return self.v + self.w + getattr(self, 'extra', 0)",
                           ""])
        if self.chance(0.45):
            self.has_pts = True
            chunks.append(list(self.PT_CLASSES) + [
                "PD_NORM = PD.norm",
                "PT_BUMP = PT.bump",
                ""])
        main_head = ["def main():",
                     "    global G",
                     "    a, b, c = %s, %s, %s" % (self.pick(INT_LITERALS), self.pick(INT_LITERALS), self.pick(INT_LITERALS)),
                     "    f, g = %s, %s" % (self.pick(NUM_LITERALS), self.pick(NUM_LITERALS + ["7"])),
                     "    s = %s" % self.pick(STR_LITERALS),
                     "    lst = [%s]" % ", ".join(str(self.r(100) - 20) for _ in range(self.r(8))),
                     "    dct = {%s}" % ", ".join("%d: %d" % (self.r(16), self.r(1000)) for _ in range(self.r(6))),
                     "    x = %s" % self.pick(["0", "'x'", "1.5", "2**63"]),
                     "    t = ()"]
        if self.has_class:
            main_head.append("    obj = Box(%s)" % self.pick(["0", "5", "2**40"]))
        if self.has_closure:
            main_head.append("    def bump(v):")
            main_head.append("        return (v * 2 + c) % 1000003")
        blocks = []
        for _ in range(2 + self.r(4)):
            out = []
            self.indent = 1
            self.depth = 0
            kind = self.r(100)
            if kind < 14:
                self.enum_zip_loop(out)
            elif kind < 20 and self.has_pts:
                self.attr_loop(out)
            elif kind < 21:
                self.long_body_loop(out)
            elif kind < 32 and self.def_funcs:
                self.defaults_loop(out)
            elif kind < 40 and self.ez_funcs:
                self.ez_call_loop(out)
            elif self.chance(0.7):
                self.loop(out)
            else:
                self.stmt(out)
            if self.chance(0.5):
                self.print_state(out)
            blocks.append(out)
        main_tail = []
        self.indent = 1
        self.print_state(main_tail)
        return chunks, main_head, blocks, main_tail


def render(chunks, main_head, blocks, main_tail):
    lines = ["# generated by tools/difffuzz.py"]
    for c in chunks:
        lines.extend(c)
    lines.extend(main_head)
    for b in blocks:
        lines.extend(b)
    lines.extend(main_tail)
    lines.append("")
    lines.append("main()")
    return "\n".join(lines) + "\n"


def generate(seed, index):
    rng = random.Random("%s:%s" % (seed, index))
    return Gen(rng).program()


# ------------------------------------------------------------------------------------------
# Running and comparing
# ------------------------------------------------------------------------------------------


def child_env(extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and not k.startswith("TAIPAN_")}
    env.update(COMMON_ENV)
    env.update(extra)
    return env


def run_one(argv, workdir, env, timeout):
    """Runs argv + ['prog.py'] in workdir; returns (status, stdout, stderr) or None on timeout."""
    try:
        p = subprocess.run(argv + ["prog.py"], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    prefix = (os.path.realpath(workdir) + "/").encode()
    prefix2 = (workdir + "/").encode()
    norm = lambda b: b.replace(prefix, b"").replace(prefix2, b"")  # noqa: E731
    return (p.returncode, norm(p.stdout), norm(p.stderr))


def run_all(source, taipan, modes, workdir, timeout):
    """Returns (cpython result or None if it timed out, {mode: result})."""
    with open(os.path.join(workdir, "prog.py"), "w", encoding="utf-8") as f:
        f.write(source)
    want = run_one([sys.executable if sys.version_info[:2] == (3, 11) else "python3"], workdir, child_env({}), timeout)
    if want is None:
        return None, {}
    got = {}
    for name, env in modes:
        got[name] = run_one([taipan], workdir, child_env(env), timeout * 3)
    return want, got


def differing(want, got):
    return [m for m, r in got.items() if r != want]


def minimize(parts, taipan, modes, workdir, timeout, bad_modes, want_status):
    """Drops helper chunks and main blocks while the same modes still differ and CPython's
    exit status stays `want_status` (so a NameError from a dropped helper does not count)."""
    chunks, head, blocks, tail = parts
    sel_modes = [(n, e) for n, e in modes if n in bad_modes]

    def still_bad(c, b):
        want, got = run_all(render(c, head, b, tail), taipan, sel_modes, workdir, timeout)
        return want is not None and want[0] == want_status and bool(differing(want, got))

    changed = True
    while changed:
        changed = False
        for i in range(len(blocks) - 1, -1, -1):
            trial = blocks[:i] + blocks[i + 1:]
            if still_bad(chunks, trial):
                blocks = trial
                changed = True
        for i in range(len(chunks) - 1, 0, -1):
            trial = chunks[:i] + chunks[i + 1:]
            if still_bad(trial, blocks):
                chunks = trial
                changed = True
    return chunks, head, blocks, tail


def describe(result):
    if result is None:
        return "TIMEOUT\n"
    status, out, err = result
    return "status: %d\n--- stdout\n%s--- stderr\n%s" % (status, out.decode("utf-8", "replace"),
                                                         err.decode("utf-8", "replace"))


def first_diff(a, b):
    """A short description of where two results first differ."""
    if a is None or b is None:
        return "timeout"
    if a[0] != b[0]:
        return "exit status %d vs %d" % (a[0], b[0])
    for name, x, y in (("stdout", a[1], b[1]), ("stderr", a[2], b[2])):
        if x != y:
            xl, yl = x.decode("utf-8", "replace").splitlines(), y.decode("utf-8", "replace").splitlines()
            for n, (p, q) in enumerate(zip(xl, yl)):
                if p != q:
                    return "%s line %d:\n    python: %s\n    taipan: %s" % (name, n + 1, p[:200], q[:200])
            return "%s: %d vs %d lines" % (name, len(xl), len(yl))
    return "same"


def parse_modes(text):
    modes = []
    for item in [m.strip() for m in text.split(",") if m.strip()]:
        if item in NAMED_MODES:
            modes.append((item, NAMED_MODES[item]))
            continue
        env = {}
        for assignment in item.split():
            if "=" not in assignment:
                raise ValueError("mode %r: not a known mode name (%s) nor NAME=VALUE assignments"
                                 % (item, ", ".join(NAMED_MODES)))
            k, v = assignment.split("=", 1)
            env[k] = v
        modes.append(("_".join(item.split()).replace("=", "-"), env))
    if not modes:
        raise ValueError("no modes given")
    return modes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--taipan", default=os.path.join(ROOT, "target", "debug", "taipan"),
                    help="taipan executable (default: target/debug/taipan)")
    ap.add_argument("--seed", default="1", help="seed (any string; default 1)")
    ap.add_argument("--count", type=int, default=None, help="number of programs (default 100)")
    ap.add_argument("--seconds", type=float, default=None, help="run for this long instead of --count")
    ap.add_argument("--start", type=int, default=0, help="first program index (default 0)")
    ap.add_argument("--out", default=None, help="directory for findings (default: new /tmp/difffuzz-*)")
    ap.add_argument("--modes", default=DEFAULT_MODES, help="comma-separated modes (default %s)" % DEFAULT_MODES)
    ap.add_argument("--timeout", type=float, default=10.0, help="CPython time limit per program in seconds "
                    "(taipan gets 3x; default 10)")
    ap.add_argument("--keep-going", action="store_true", help="continue after a difference")
    ap.add_argument("--no-minimize", action="store_true", help="save differing programs as generated")
    ap.add_argument("--show", metavar="SEED:INDEX", help="print one generated program and exit")
    ap.add_argument("-v", "--verbose", action="store_true", help="print one line per program")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # findings show up at once in a log file

    if args.show:
        seed, _, index = args.show.rpartition(":")
        if not seed or not index.isdigit():
            print("difffuzz: --show wants SEED:INDEX", file=sys.stderr)
            return 2
        sys.stdout.write(render(*generate(seed, int(index))))
        return 0
    try:
        modes = parse_modes(args.modes)
    except ValueError as e:
        print("difffuzz: %s" % e, file=sys.stderr)
        return 2
    taipan = os.path.abspath(args.taipan)
    if not os.access(taipan, os.X_OK):
        print("difffuzz: taipan executable not found: %s" % taipan, file=sys.stderr)
        return 2
    count = args.count if args.count is not None else (None if args.seconds else 100)
    deadline = time.monotonic() + args.seconds if args.seconds else None

    workdir = tempfile.mkdtemp(prefix="difffuzz-run-")
    out_dir = args.out
    found = 0
    ran = skipped = 0
    t0 = time.monotonic()
    try:
        index = args.start
        while True:
            if count is not None and ran + skipped >= count:
                break
            if deadline is not None and time.monotonic() >= deadline:
                break
            parts = generate(args.seed, index)
            source = render(*parts)
            try:
                compile(source, "prog.py", "exec")
            except SyntaxError as e:  # a generator bug: say so, do not count it as a finding
                print("difffuzz: generator produced invalid syntax in %s:%d: %s" % (args.seed, index, e))
                skipped += 1
                index += 1
                continue
            want, got = run_all(source, taipan, modes, workdir, args.timeout)
            if want is None:
                skipped += 1
                if args.verbose:
                    print("%s:%d skipped (CPython timed out)" % (args.seed, index))
                index += 1
                continue
            ran += 1
            bad = differing(want, got)
            if args.verbose:
                print("%s:%d %s" % (args.seed, index, "DIFF " + ",".join(bad) if bad else "ok"))
            if bad:
                found += 1
                if out_dir is None:
                    out_dir = tempfile.mkdtemp(prefix="difffuzz-")
                os.makedirs(out_dir, exist_ok=True)
                small = parts if args.no_minimize else minimize(parts, taipan, modes, workdir, args.timeout, bad, want[0])
                small_src = render(*small)
                want2, got2 = run_all(small_src, taipan, modes, workdir, args.timeout)
                if want2 is None or not differing(want2, got2):
                    small_src, want2, got2 = source, want, got
                stem = os.path.join(out_dir, "%04d" % index)
                with open(stem + ".py", "w", encoding="utf-8") as f:
                    f.write(small_src)
                with open(stem + ".orig.py", "w", encoding="utf-8") as f:
                    f.write(source)
                with open(stem + ".python.txt", "w", encoding="utf-8") as f:
                    f.write(describe(want2))
                for m, r in got2.items():
                    with open("%s.%s.txt" % (stem, m), "w", encoding="utf-8") as f:
                        f.write(describe(r))
                print("DIFFERENCE in program %s:%d (modes %s); saved %s.py" % (args.seed, index, ", ".join(bad), stem))
                for m in differing(want2, got2):
                    print("  %s: %s" % (m, first_diff(want2, got2[m])))
                print("  reproduce: python3 tools/difffuzz.py --show %s:%d > p.py" % (args.seed, index))
                if not args.keep_going:
                    break
            index += 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - t0
    print("difffuzz: seed %s, %d programs compared in %d modes (%s), %d skipped, %d with differences, %.1f s"
          % (args.seed, ran, len(modes), ",".join(m for m, _ in modes), skipped, found, elapsed))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
