#!/usr/bin/env python3
"""crashhunt: look for inputs that make taipan panic, abort, crash or hang.

Usage:
    python3 tools/fuzz/crashhunt.py [--taipan PATH] [--seed N] [--count N] [--minutes M]
                                    [--only CATS] [--timeout S] [--jobs N] [--out DIR]
                                    [--minimize] [--list]

Every generated input is written to a scratch directory and run as
``taipan <file>`` (a few CLI cases use ``-c``, ``-`` or odd arguments instead) with a
timeout, no inherited ``PYTHON*``/``RUST_BACKTRACE`` variables, stdin from /dev/null
and an address-space limit (``--mem-mb``, default 4096: enough for the interpreter's
1 GiB stack reservation, small enough that a runaway allocation fails quickly).

A run is a *finding* when
- the exit status is 70 (taipan's "internal error (a Rust panic)") or >= 128, or the
  process was killed by a signal (segfault, abort after a failed allocation, stack
  overflow);
- stderr contains "panicked", "RUST_BACKTRACE", "internal error", "memory allocation of",
  "fatal runtime error" or "has overflowed its stack";
- it times out while CPython (``python3``, the oracle) finishes the same input within
  ``--cpython-timeout`` seconds (a hang; CPython is only consulted after a timeout).

Input categories (``--only`` takes a comma-separated subset; default all):
  cli    command-line edge cases (no arguments, missing file, directory, BOM, invalid
         UTF-8, non-UTF-8 argv, ``-c`` with a syntax error, ``-`` reading stdin)
  deep   deep nesting: 10^5 nested brackets, 5,000 nested ``if``, 10^5 chained ``+``,
         long ``not not ...``, nested lambdas/comprehensions/f-strings, deep data
  huge   huge literals: 100k-digit ints (hex and decimal), 10 MB strings, 10^6-element
         list literals, many constants/locals/arguments, very long lines
  stress runtime stress: deep recursion through dunders, self-referential containers,
         MemoryError/OverflowError paths, mutation during iteration/sort, generator
         misuse, odd sys.exit values
  trunc  every tests/run program truncated at random byte and line boundaries (random)
  bytes  random byte strings and random printable garbage (random)
  mutate token-level mutations of tests/run programs (random)
  soup   random token soup with indentation (random)
  api    random calls of built-in functions and methods with edge-case arguments,
         each in try/except (random)

The fixed categories (cli, deep, huge, stress) run once, first; the random ones then
run round-robin until ``--count`` random inputs ran or ``--minutes`` elapsed.  The
seed (``--seed``, default 1) makes the random inputs reproducible.

Findings are deduplicated by signature (panic location, signal, hang category).  For
each new signature the input is saved as ``<out>/<NNN>-<kind>.py`` (the exact bytes;
CLI cases as a ``.txt`` description) with ``<out>/<NNN>-<kind>.txt`` describing the
command, exit status and stderr tail.  ``--minimize`` shrinks each saved input first
(line-, then chunk-based delta debugging that keeps the same signature).  The default
``<out>`` is a fresh directory under /tmp; hand-minimized reproducers are kept in
tools/fuzz/findings/.
"""

import argparse
import hashlib
import io
import keyword
import os
import random
import re
import resource
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time
import tokenize
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PATTERNS = (
    "panicked",
    "RUST_BACKTRACE",
    "internal error",
    "memory allocation of",
    "fatal runtime error",
    "has overflowed its stack",
)


class Case:
    """One input: program bytes plus how to run it."""

    def __init__(self, category, name, data=b"", argv=None, stdin=None, timeout_scale=1.0, stdin_data=None):
        self.category = category
        self.name = name
        self.data = data  # bytes written to the program file
        # argv after the executable; "{file}" is replaced by the program path
        self.argv = argv if argv is not None else ["{file}"]
        self.stdin = stdin  # None: /dev/null; "file": the program file; "data": stdin_data
        self.stdin_data = stdin_data
        self.timeout_scale = timeout_scale


# ---------------------------------------------------------------------------------------
# running


def limit_memory(mem_mb):
    def apply():
        if mem_mb > 0:
            lim = mem_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.setsid()

    return apply


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "RUST_BACKTRACE"}
    env["RUST_BACKTRACE"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_one(exe, case, workdir, timeout, mem_mb):
    """Runs `exe` on `case`; returns (status, stderr_text, seconds, timed_out)."""
    prog = workdir / "prog.py"
    prog.write_bytes(case.data)
    argv = [exe] + [str(prog) if a == "{file}" else a for a in case.argv]
    argv = [a.encode("utf-8", "surrogateescape") if isinstance(a, str) else a for a in argv]
    out_path = workdir / "out.txt"
    err_path = workdir / "err.txt"
    if case.stdin == "file":
        stdin = open(prog, "rb")
    elif case.stdin == "data":
        (workdir / "stdin.txt").write_bytes(case.stdin_data or b"")
        stdin = open(workdir / "stdin.txt", "rb")
    else:
        stdin = open(os.devnull, "rb")
    start = time.monotonic()
    timed_out = False
    with stdin, open(out_path, "wb") as out, open(err_path, "wb") as err:
        p = subprocess.Popen(
            argv, stdin=stdin, stdout=out, stderr=err, cwd=workdir, env=child_env(), preexec_fn=limit_memory(mem_mb)
        )
        try:
            status = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            status = p.wait()
    elapsed = time.monotonic() - start
    with open(err_path, "rb") as f:
        errb = f.read(200_000)
    return status, errb.decode("utf-8", "replace"), elapsed, timed_out


def classify(status, stderr, timed_out):
    """Returns a short kind string when the run is suspicious, else None."""
    if timed_out:
        return "timeout"
    if status < 0:
        try:
            return "signal-" + signal.Signals(-status).name
        except ValueError:
            return "signal-%d" % -status
    if status == 70:
        return "exit70"
    if status >= 128:
        return "exit%d" % status
    for pat in PATTERNS:
        if pat in stderr:
            return "stderr-" + pat.split()[0].lower().replace("_", "")
    return None


def signature(kind, stderr, case):
    """Deduplication key for a finding."""
    m = re.search(r"panicked at ([^\n]*?:\d+):\d+", stderr)
    if m:
        return "panic " + m.group(1)
    if "has overflowed its stack" in stderr:
        return "stack-overflow " + case.category
    m = re.search(r"memory allocation of \d+ bytes failed", stderr)
    if m:
        return "alloc-failure " + case.category
    if kind == "hang":
        return "hang " + case.category + " " + case.name.split(":")[0]
    return kind + " " + case.category


def cpython_status(case, workdir, limit):
    """CPython's exit status on `case`, or None if it does not finish within `limit` seconds."""
    if case.category == "cli":
        return None
    prog = workdir / "prog.py"
    prog.write_bytes(case.data)
    stdin = case.stdin_data if case.stdin == "data" else b""
    try:
        subprocess.run(
            [sys.executable if "python3" in sys.executable else "python3", str(prog)],
            input=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=workdir,
            env=child_env(),
            timeout=limit,
            preexec_fn=limit_memory(4096),
        ).returncode
    except subprocess.TimeoutExpired:
        return None


# ---------------------------------------------------------------------------------------
# fixed categories


def cli_cases():
    bom = b"\xef\xbb\xbf"
    c = []
    c.append(Case("cli", "no-args", b"", argv=[]))
    c.append(Case("cli", "no-args-stdin-program", b"print('hi')\n", argv=[], stdin="file"))
    c.append(Case("cli", "missing-file", b"", argv=["does/not/exist.py"]))
    c.append(Case("cli", "directory", b"", argv=["."]))
    c.append(Case("cli", "bom", bom + b"print('bom')\n"))
    c.append(Case("cli", "bom-only", bom))
    c.append(Case("cli", "bom-syntax-error", bom + b"x = (\n"))
    c.append(Case("cli", "bom-twice", bom + bom + b"print(1)\n"))
    c.append(Case("cli", "invalid-utf8-string", b'print("a\xff")\n'))
    c.append(Case("cli", "invalid-utf8-comment", b"# \xc3\nprint(1)\n"))
    c.append(Case("cli", "invalid-utf8-line3", b"x = 1\n\nprint(\xe2\x82)\n"))
    c.append(Case("cli", "coding-latin1", b"# -*- coding: latin-1 -*-\nprint('\xe9')\n"))
    c.append(Case("cli", "coding-unknown", b"# coding: nope\nprint(1)\n"))
    c.append(Case("cli", "bom-coding-latin1", bom + b"# coding: latin-1\nprint(1)\n"))
    c.append(Case("cli", "nul-byte", b"a\x00b\n"))
    c.append(Case("cli", "lone-cr", b"print(1)\rprint(2)\r"))
    c.append(Case("cli", "crlf", b"if 1:\r\n  print(1)\r\n"))
    c.append(Case("cli", "surrogate-escape", b"print('\\ud800')\n"))
    c.append(Case("cli", "c-syntax-error", b"", argv=["-c", "x = ("]))
    c.append(Case("cli", "c-missing-arg", b"", argv=["-c"]))
    c.append(Case("cli", "c-empty", b"", argv=["-c", ""]))
    c.append(Case("cli", "c-nonutf8", b"", argv=["-c", b"print('\xff')"]))
    c.append(Case("cli", "argv-nonutf8", b"import sys\nprint(len(sys.argv))\n", argv=["{file}", b"\xff\xfe"]))
    c.append(Case("cli", "file-nonutf8-name", b"", argv=[b"\xff.py"]))
    c.append(Case("cli", "dash-stdin", b"print(1+1)\n", argv=["-"], stdin="file"))
    c.append(Case("cli", "dash-stdin-invalid-utf8", b"print('\xff')\n", argv=["-"], stdin="file"))
    c.append(Case("cli", "dash-stdin-syntax-error", b"def f(:\n", argv=["-"], stdin="file"))
    c.append(Case("cli", "X-at-end", b"", argv=["-X"]))
    c.append(Case("cli", "unknown-option", b"", argv=["-Z"]))
    c.append(Case("cli", "run-only", b"", argv=["run"]))
    c.append(Case("cli", "empty-arg", b"", argv=[""]))
    c.append(Case("cli", "double-dash", b"", argv=["--"]))
    c.append(Case("cli", "jit-bad", b"print(1)\n", argv=["--jit=maybe", "{file}"]))
    c.append(Case("cli", "dev-null-file", b"", argv=["/dev/null"]))
    c.append(Case("cli", "stdin-is-dir", b"", argv=["-"], stdin="data", stdin_data=b"\x00" * 10))
    return c


def deep_cases():
    n5 = 10**5
    c = []

    def add(name, src, scale=1.0):
        c.append(Case("deep", name, src.encode("utf-8", "surrogatepass"), timeout_scale=scale))

    for op, cl in (("(", ")"), ("[", "]"), ("{", "}")):
        add("nested-%s-1e5" % op, "x = " + op * n5 + cl * n5 + "\n")
        add("unclosed-%s-1e5" % op, "x = " + op * n5 + "\n")
        add("nested-%s-199" % op, "x = " + op * 199 + cl * 199 + "\nprint(x)\n")
        add("nested-%s-200" % op, "x = " + op * 200 + cl * 200 + "\n")
    add("mixed-brackets-1e5", "x = " + "([{" * 33333 + "}])" * 33333 + "\n")
    add("close-only-1e5", ")" * n5 + "\n")
    add("nested-if-5000", "".join(" " * i + "if 1:\n" for i in range(5000)) + " " * 5000 + "pass\n")
    add("nested-if-99", "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "print('deep')\n")
    add("nested-if-100", "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "pass\n")
    add("nested-def-100", "".join(" " * i + "def f():\n" for i in range(100)) + " " * 100 + "pass\n")
    add("elif-chain-1e4", "x = 5\nif x == 0: pass\n" + "".join("elif x == %d: pass\n" % i for i in range(1, 10**4)))
    add("else-if-chain-90", "".join(" " * i + "if 0: pass\n" + " " * i + "else:\n" for i in range(90)) + " " * 90 + "print(1)\n")
    add("chained-plus-1e5", "x = " + "+".join(["1"] * n5) + "\nprint(x)\n")
    add("chained-plus-1e4", "x = " + "+".join(["1"] * 10**4) + "\nprint(x)\n")
    add("chained-pow-1e4", "x = " + "**".join(["1"] * 10**4) + "\nprint(x)\n")
    add("chained-str-concat-1e5", "x = " + "+".join(["'a'"] * n5) + "\nprint(len(x))\n")
    add("not-1e5", "x = " + "not " * n5 + "1\nprint(x)\n")
    add("not-1e3", "x = " + "not " * 1000 + "1\nprint(x)\n")
    add("unary-minus-1e5", "x = " + "-" * n5 + "1\nprint(x)\n")
    add("unary-mixed-1e5", "x = " + "-+~" * 33333 + "1\nprint(x)\n")
    add("and-chain-1e5", "x = 1\ny = " + " and ".join(["x"] * n5) + "\nprint(y)\n")
    add("or-chain-1e5", "x = 0\ny = " + " or ".join(["x"] * n5) + "\nprint(y)\n")
    add("compare-chain-1e5", "x = " + "<".join(["1"] * n5) + "\nprint(x)\n")
    add("ternary-1e5", "x = " + "1 if 0 else " * n5 + "2\nprint(x)\n")
    add("ternary-1e3", "x = " + "1 if 0 else " * 1000 + "2\nprint(x)\n")
    add("attr-chain-1e5", "x = object()\ny = x" + ".a" * n5 + "\n")
    add("call-chain-1e5", "f = lambda: f\ny = f" + "()" * n5 + "\nprint(y is f)\n")
    add("subscript-chain-1e5", "l = []\nl.append(l)\ny = l" + "[0]" * n5 + "\nprint(y is l)\n")
    add("lambda-1e4", "f = " + "lambda: " * 10**4 + "0\nprint(f)\n")
    add("lambda-1e5", "f = " + "lambda: " * n5 + "0\n")
    add("lambda-100", "f = " + "lambda: " * 100 + "0\ng = f\nfor i in range(100): g = g()\nprint(g)\n")
    add("lambda-args-nested", "f = " + "lambda x=1: " * 150 + "x\nprint(f)\n")
    add("listcomp-nested-150", "x = " + "[" * 150 + "0 for a in (1,)" + "]" * 150 + "\nprint(str(x)[:20])\n")
    add("listcomp-nested-1e4", "x = " + "[" * 10**4 + "0 for a in (1,)" + "]" * 10**4 + "\n")
    add("genexp-nested-150", "x = " + "list(" * 1 + "(" * 150 + "0 for a in (1,)" + ")" * 150 + ")\nprint(x)\n")
    add("comp-many-fors-1e3", "x = [0 " + " ".join("for a%d in (1,)" % i for i in range(1000)) + "]\nprint(x)\n")
    add("comp-many-ifs-1e4", "x = [0 for a in (1,) " + "if 1 " * 10**4 + "]\nprint(x)\n")
    add("dictcomp-nested-150", "x = " + "{0: " * 150 + "0" + "}" * 150 + "\nprint(len(x))\n")
    add("fstring-nested-4", "x = 1\nprint(f'''{f\"{f'{x}'}\"}''')\n")
    add("fstring-spec-nested", "x = 1\nprint(f'{x:{x:{x}}}')\n")
    add("fstring-spec-nested-deep", "x = 1\nprint(f'{x:{x:{x:{x:{x}}}}}')\n")
    add("fstring-1e4-fields", "x = 1\ny = f'" + "{x}" * 10**4 + "'\nprint(len(y))\n")
    add("fstring-parens-1e3", "x = 1\ny = f'{" + "(" * 1000 + "x" + ")" * 1000 + "}'\n")
    add("fstring-in-fstring-expr", "print(f\"{'{'}{'}'}{f'{1}'!r:>{5}}\")\n")
    add("fstring-deep-same-quote", "print(f'{f'{1}'}')\n")
    add("fstring-backslash-expr", "print(f'{\"\\n\"}')\n")
    add("fstring-lambda", "print(f'{(lambda: 1)()}')\n")
    add("fstring-walrus", "print(f'{(x:=5)} {x}')\n")
    add("fstring-eq", "x = 3\nprint(f'{x=} {x = !r:>4}')\n")
    add("fstring-unclosed", "print(f'{x\n")
    add("fstring-huge-spec", "print(f'{1:{10**6}}'[:3])\n")
    add("fstring-width-huge", "print(f'{1:99999999999999999999}')\n")
    add("format-width-huge", "print(format(1, '9999999999999999999'))\n")
    add("format-prec-huge", "print(format(1.5, '.9999999999999999999f'))\n")
    add("format-width-2e9", "print(len('{:2147483648}'.format(1)))\n", 3.0)
    add("with-nested-1e3", "".join(" " * (i % 90) + "pass\n" for i in range(0)) + "with " + ", ".join(["open('/dev/null')"] * 1000) + ": pass\nprint(1)\n")
    add("try-nested-99", "".join(" " * i + "try:\n" for i in range(99)) + " " * 99 + "1/0\n" + "".join(" " * i + "except ZeroDivisionError: print(%d)\n" % i for i in reversed(range(99))))
    add("for-nested-99", "".join(" " * i + "for a%d in (1,):\n" % i for i in range(99)) + " " * 99 + "print('x')\n")
    add("while-nested-99", "".join(" " * i + "while 1:\n" for i in range(99)) + " " * 99 + "break\n" + "print(1)\n")
    add("class-nested-99", "".join(" " * i + "class C%d:\n" % i for i in range(99)) + " " * 99 + "pass\nprint(C0)\n")
    add("decorators-1e4", "d = lambda f: f\n" + "@d\n" * 10**4 + "def f(): pass\nprint(f)\n")
    add("starred-1e5", "x = [" + "*(), " * n5 + "]\nprint(x)\n")
    add("dict-unpack-1e4", "x = {" + "**{}, " * 10**4 + "}\nprint(x)\n")
    add("many-args-call-1e5", "def f(*a): return len(a)\nprint(f(" + "1," * n5 + "))\n")
    add("many-kwargs-call-1e4", "def f(**k): return len(k)\nprint(f(" + "".join("a%d=1," % i for i in range(10**4)) + "))\n")
    add("many-params-1e4", "def f(" + ",".join("a%d" % i for i in range(10**4)) + "): return a0\nprint(f(*range(10**4)))\n")
    add("many-locals-1e4", "def f():\n" + "".join(" a%d = %d\n" % (i, i) for i in range(10**4)) + " return a9999\nprint(f())\n")
    add("many-globals-1e5", "".join("a%d = %d\n" % (i, i) for i in range(n5)) + "print(a99999)\n", 3.0)
    add("many-consts-1e5", "x = [" + ",".join("%d.5" % i for i in range(n5)) + "]\nprint(len(x))\n", 3.0)
    add("many-names-1e5", "x = 1\ny = [" + ",".join(["x"] * n5) + "]\nprint(len(y))\n")
    add("long-jump-body", "if 0:\n" + "".join(" a = [%d, %d, %d]\n" % (i, i, i) for i in range(30000)) + "print('ok')\n", 3.0)
    add("long-loop-body", "for i in range(2):\n" + "".join(" a = [%d, %d]\n" % (i, i) for i in range(30000)) + "print(a)\n", 3.0)
    add("many-closures-cells-300", "def f():\n" + "".join(" c%d = %d\n" % (i, i) for i in range(300)) + " def g(): return " + "+".join("c%d" % i for i in range(300)) + "\n return g()\nprint(f())\n")
    add("nested-data-repr", "l = []\nfor i in range(10**5): l = [l]\ntry:\n print(len(repr(l)))\nexcept RecursionError: print('RecursionError')\n")
    add("nested-data-drop-1e6", "l = []\nfor i in range(10**6): l = [l]\ndel l\nprint('ok')\n")
    add("nested-tuple-drop-1e6", "t = ()\nfor i in range(10**6): t = (t,)\nprint('ok')\n")
    add("nested-dict-drop-1e6", "d = {}\nfor i in range(10**6): d = {0: d}\nprint('ok')\n")
    add("linked-objects-drop-1e6", "class N:\n pass\nh = None\nfor i in range(10**6):\n n = N(); n.next = h; h = n\ndel h, n\nprint('ok')\n", 3.0)
    add("slots-linked-drop-1e6", "class N:\n __slots__ = ('next',)\nh = None\nfor i in range(10**6):\n n = N(); n.next = h; h = n\ndel h, n\nprint('ok')\n", 3.0)
    add("exc-context-chain-1e5", "e = None\nfor i in range(10**5):\n try:\n  raise ValueError(i) from e\n except ValueError as x:\n  e = x\nprint('ok')\n")
    add("exc-context-chain-print", "e = None\nfor i in range(3000):\n try:\n  try:\n   raise ValueError(i)\n  finally:\n   pass\n except ValueError as x:\n  x.__context__ = e\n  e = x\nraise e\n")
    add("exc-cause-cycle", "a = ValueError('a'); b = TypeError('b')\na.__cause__ = b; b.__cause__ = a\nraise a\n")
    add("exc-context-cycle", "a = ValueError('a'); b = TypeError('b')\na.__context__ = b; b.__context__ = a\nraise a\n")
    add("nested-gen-drop", "def g(x):\n yield from x\nx = iter(())\nfor i in range(10**5): x = g(x)\nprint('ok')\n")
    add("nested-gen-run", "def g(x):\n yield from x\nx = iter([1])\nfor i in range(10**5): x = g(x)\ntry:\n print(next(x))\nexcept RecursionError:\n print('RecursionError')\n")
    add("nested-iter-map", "x = iter([1])\nfor i in range(10**6): x = map(abs, x)\ntry:\n print(next(x))\nexcept RecursionError:\n print('RecursionError')\n")
    add("nested-iter-drop", "x = iter([1])\nfor i in range(10**6): x = zip(x)\ndel x\nprint('ok')\n")
    add("nested-func-closure-drop", "f = None\nfor i in range(10**5):\n f = (lambda g: lambda: g)(f)\ndel f\nprint('ok')\n")
    add("nested-bound-method-drop", "class A:\n def m(self): pass\nm = A().m\nfor i in range(10**5):\n a = A(); a.x = m; m = a.m\ndel m, a\nprint('ok')\n")
    add("eq-deep-lists", "a = []; b = []\nfor i in range(10**5): a = [a]; b = [b]\ntry:\n print(a == b)\nexcept RecursionError:\n print('RecursionError')\n")
    add("hash-deep-tuples", "t = ()\nfor i in range(10**5): t = (t,)\ntry:\n print(hash(t) == hash(t))\nexcept RecursionError:\n print('RecursionError')\n")
    add("str-deep-dicts", "d = {}\nfor i in range(10**5): d = {1: d}\ntry:\n print(len(str(d)))\nexcept RecursionError:\n print('RecursionError')\n")
    add("eval-nested-parens", "try:\n eval('(' * 10**5 + ')' * 10**5)\nexcept (SyntaxError, RecursionError, MemoryError) as e:\n print(type(e).__name__)\n")
    add("eval-unary-1e6", "try:\n print(eval('-' * 10**6 + '1'))\nexcept (SyntaxError, RecursionError, MemoryError) as e:\n print(type(e).__name__)\n")
    add("exec-nested-if", "src = ''.join(' ' * i + 'if 1:\\n' for i in range(500)) + ' ' * 500 + 'pass\\n'\ntry:\n exec(src)\nexcept (SyntaxError, RecursionError) as e:\n print(type(e).__name__)\n")
    add("compile-plus-1e5", "try:\n compile('+'.join(['1'] * 10**5), 's', 'eval')\n print('ok')\nexcept (SyntaxError, RecursionError) as e:\n print(type(e).__name__)\n")
    add("recursive-exec", "import sys\nsys.setrecursionlimit(10**6)\ns = 'exec(s)'\ntry:\n exec(s)\nexcept RecursionError:\n print('RecursionError')\n")
    add("recursive-eval", "s = 'eval(s)'\ntry:\n eval(s)\nexcept RecursionError:\n print('RecursionError')\n")
    return c


def huge_cases():
    c = []

    def add(name, src, scale=2.0):
        if isinstance(src, str):
            src = src.encode("utf-8", "surrogatepass")
        c.append(Case("huge", name, src, timeout_scale=scale))

    add("int-dec-100k", "x = " + "9" * 100000 + "\nprint(x % 7)\n")
    add("int-dec-4300", "x = " + "9" * 4300 + "\nprint(x % 7)\n")
    add("int-dec-4301", "x = " + "9" * 4301 + "\nprint(x % 7)\n")
    add("int-dec-underscores", "x = " + "_".join(["9"] * 5000) + "\nprint(x % 7)\n")
    add("int-hex-100k", "x = 0x" + "f" * 100000 + "\nprint(x.bit_length())\n")
    add("int-bin-100k", "x = 0b" + "1" * 100000 + "\nprint(x.bit_length())\n")
    add("int-oct-100k", "x = 0o" + "7" * 100000 + "\nprint(x.bit_length())\n")
    add("int-hex-1e6", "x = 0x" + "f" * 10**6 + "\nprint(x.bit_length())\n", 4.0)
    add("int-hex-print", "x = 0x" + "f" * 100000 + "\ntry:\n print(x)\nexcept ValueError as e:\n print(e)\n")
    add("float-long-mantissa", "x = " + "1" * 100000 + ".5\nprint(x)\n")
    add("float-huge-exp", "print(1e999999999999999999999, 1e-999999999999999999999)\n")
    add("float-exp-digits", "print(1e" + "9" * 100000 + ")\n")
    add("float-many-zeros", "print(0." + "0" * 100000 + "1)\n")
    add("imag-literal", "print(1j, 2.5j, 1e400j)\n")
    add("str-10MB", b'x = "' + b"a" * 10**7 + b'"\nprint(len(x))\n', 4.0)
    add("str-10MB-triple", b'x = """' + (b"ab\n" * (10**7 // 3)) + b'"""\nprint(len(x))\n', 4.0)
    add("str-10MB-nonascii", ('x = "' + "\u00e9\u20ac" * (10**6) + '"\nprint(len(x))\n'), 4.0)
    add("bytes-10MB", b'x = b"' + b"a" * 10**7 + b'"\nprint(len(x))\n', 4.0)
    add("str-escapes-1e5", 'x = "' + "\\x41\\u00e9\\N{BULLET}\\n" * 10**5 + '"\nprint(len(x))\n')
    add("str-octal-escapes", 'print(repr("\\777\\400\\0\\1234"))\n')
    add("str-bad-unicode-escape", 'print("\\N{NO SUCH NAME}")\n')
    add("str-bad-u-escape", 'print("\\U0011ffff")\n')
    add("bytes-nonascii", "x = b'\u00e9'\n")
    add("str-concat-1e5", "x = (" + " ".join(["'ab'"] * 10**5) + ")\nprint(len(x))\n")
    add("str-concat-fstr-1e4", "y = 1\nx = (" + " ".join(["f'{y}'", "'a'"] * 5000) + ")\nprint(len(x))\n")
    add("list-1e6", "x = [" + "1," * 10**6 + "]\nprint(len(x))\n", 4.0)
    add("list-1e6-names", "a = 1\nx = [" + "a," * 10**6 + "]\nprint(len(x))\n", 4.0)
    add("tuple-1e6", "x = (" + "1," * 10**6 + ")\nprint(len(x))\n", 4.0)
    add("tuple-noparens-1e6", "x = " + "1," * 10**6 + "\nprint(len(x))\n", 4.0)
    add("set-1e5", "x = {" + ",".join(str(i) for i in range(10**5)) + "}\nprint(len(x))\n", 4.0)
    add("dict-1e5", "x = {" + ",".join("%d: %d" % (i, i) for i in range(10**5)) + "}\nprint(len(x))\n", 4.0)
    add("dict-1e5-dupkeys", "x = {" + ",".join("1: %d" % i for i in range(10**5)) + "}\nprint(x)\n", 4.0)
    add("unpack-1e5", "a = [0] * 10**5\n" + ",".join("x%d" % i for i in range(10**5)) + " = a\nprint(x99999)\n", 4.0)
    add("unpack-star-1e5", "a = list(range(10**5))\nx, *y, z = a\nprint(len(y))\n" + "[" + ",".join("b%d" % i for i in range(300)) + ", *c] = a\nprint(len(c))\n")
    add("long-ident-1e6", "a" * 10**6 + " = 1\nprint(len(dir()))\n", 4.0)
    add("long-line-comment", "#" + "x" * 10**7 + "\nprint(1)\n", 4.0)
    add("many-lines-1e6", "pass\n" * 10**6 + "print(1)\n", 4.0)
    add("many-blank-lines-1e6", "\n" * 10**6 + "print(1)\n", 4.0)
    add("many-continuations", "x = 1" + " \\\n+ 1" * 10**5 + "\nprint(x)\n", 4.0)
    add("many-semicolons-1e5", "x = 0" + "; x += 1" * 10**5 + "\nprint(x)\n", 4.0)
    add("error-at-end-of-huge", "pass\n" * 10**5 + "x = (\n", 4.0)
    add("syntax-error-long-line", "x = 1 " + "+ 1 " * 10**5 + "+\n", 4.0)
    add("error-line-huge-unicode", "x = '" + "\u00e9" * 10**5 + "' $\n", 4.0)
    add("indent-huge-spaces", " " * 10**6 + "pass\n")
    add("indent-huge-tabs", "if 1:\n" + "\t" * 10**5 + "pass\n")
    add("lineno-over-2e9-sim", "print(1)\n" + "\n" * 70000 + "1/0\n")
    add("const-index-over-65535", "def f():\n return [" + ",".join("'s%d'" % i for i in range(70000)) + "]\nprint(len(f()))\n", 4.0)
    add("names-over-65535", "def f():\n " + "\n ".join("x%d = 1" % i for i in range(70000)) + "\n return x69999\nprint(f())\n", 4.0)
    add("jump-over-65535-loop", "i = 0\nwhile i < 2:\n i += 1\n" + "".join(" y = %d\n" % k for k in range(70000)) + "print(y)\n", 4.0)
    return c


STRESS = {
    "recursion-limit-1e6": """
import sys
sys.setrecursionlimit(10**6)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError:
    print('RecursionError')
""",
    "recursion-limit-huge": """
import sys
for v in (10**9, 2**31, 2**63, 0, -1, 1, 10**100):
    try:
        sys.setrecursionlimit(v)
        print('set', v)
    except (ValueError, OverflowError, RecursionError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(2**31 - 1)
def f(): return f()
try:
    f()
except RecursionError:
    print('RecursionError')
""",
    "recursion-limit-low": """
import sys
sys.setrecursionlimit(5)
try:
    print([1, 2, 3], sorted([3, 1]), {'a': [1]})
except RecursionError:
    print('RecursionError')
""",
    "recursion-repr": """
class A:
    def __repr__(self): return repr(self)
try:
    repr(A())
except RecursionError:
    print('RecursionError')
""",
    "recursion-str": """
class A:
    def __str__(self): return str(self)
try:
    print(A())
except RecursionError:
    print('RecursionError')
""",
    "recursion-eq": """
class A:
    def __eq__(self, o): return self == o
try:
    A() == A()
except RecursionError:
    print('RecursionError')
try:
    [A()] == [A()]
except RecursionError:
    print('RecursionError')
try:
    A() in [A(), 1]
except RecursionError:
    print('RecursionError')
""",
    "recursion-hash": """
class A:
    def __hash__(self): return hash(self)
try:
    {A(): 1}
except RecursionError:
    print('RecursionError')
try:
    {A()}
except RecursionError:
    print('RecursionError')
""",
    "recursion-getattr": """
class A:
    def __getattr__(self, n): return getattr(self, n)
try:
    A().x
except RecursionError:
    print('RecursionError')
class B:
    def __getattribute__(self, n): return self.y
try:
    B().x
except RecursionError:
    print('RecursionError')
class C:
    def __setattr__(self, n, v): setattr(self, n, v)
try:
    C().x = 1
except RecursionError:
    print('RecursionError')
""",
    "recursion-init": """
class A:
    def __init__(self): A()
try:
    A()
except RecursionError:
    print('RecursionError')
class B:
    def __new__(cls): return B()
try:
    B()
except RecursionError:
    print('RecursionError')
""",
    "recursion-dunders": """
class A:
    def __len__(self): return len(self)
    def __bool__(self): return bool(self)
    def __iter__(self): return iter(self)
    def __getitem__(self, i): return self[i]
    def __contains__(self, x): return x in self
    def __lt__(self, o): return self < o
    def __add__(self, o): return self + o
    def __call__(self): return self()
    def __index__(self): return self.__index__() + 0
    def __format__(self, s): return format(self, s)
    def __neg__(self): return -self
    def __int__(self): return int(self)
    def __float__(self): return float(self)
for expr in ('len(a)', 'bool(a)', 'iter(a)', 'a[0]', '1 in a', 'a < a', 'a + 1', 'a()',
             '[1][a]', 'format(a, "")', '-a', 'int(a)', 'float(a)', 'sorted([a, a])',
             'max(a, a)', 'range(a)', '"%d" % a', 'f"{a}"', 'hash(a)'):
    try:
        eval(expr, {'a': A()})
        print(expr, 'ok')
    except (RecursionError, TypeError) as e:
        print(expr, type(e).__name__)
""",
    "recursion-generator": """
def g():
    yield from g()
try:
    next(g())
except RecursionError:
    print('RecursionError')
def h(n):
    for x in h(n + 1):
        yield x
try:
    list(h(0))
except RecursionError:
    print('RecursionError')
""",
    "recursion-sorted-key": """
def k(x): return sorted([x, x], key=k)
try:
    sorted([1, 2], key=k)
except RecursionError:
    print('RecursionError')
class A:
    def __lt__(self, o): return sorted([self, o])[0] is self
try:
    sorted([A(), A()])
except RecursionError:
    print('RecursionError')
""",
    "recursion-self-ref-containers": """
l = [1]; l.append(l)
d = {1: 2}; d[2] = d
s = [d, l]; d[3] = s
t = (l, d)
print(l, d, s, str(t)[:60], repr(l))
print(str(l), len(repr(d)))
o = type('O', (), {})(); o.x = o; o.l = [o]
print(len(repr(o.__dict__)) > 0)
try:
    l == l, d == d
    print('eq ok')
except RecursionError:
    print('RecursionError')
try:
    l2 = [1]; l2.append(l2); print(l == l2)
except RecursionError:
    print('RecursionError')
try:
    print(l < l)
except (RecursionError, TypeError) as e:
    print(type(e).__name__)
try:
    print(hash(t))
except TypeError as e:
    print(e)
print(f'{l}', '%s' % (l,), '%r' % (d,), format(l), str(l.copy()))
import sys
sys.setrecursionlimit(10**6)
ll = []
for i in range(100000): ll = [ll]
try:
    print(len(str(ll)))
except RecursionError:
    print('RecursionError')
""",
    "percent-huge": """
x = 'a' * 10**7
print(len('%s' % x), len('%r' % x), len('%-20000000s|' % 'b'), len('%.5s' % x))
try:
    print(len('%*d' % (10**9, 1)))
except (MemoryError, OverflowError, ValueError) as e:
    print(type(e).__name__)
for fmt in ('%99999999999999999999d', '%.99999999999999999999f', '%*d', '%.*f'):
    try:
        print(len(fmt % (2**70, 1) if '*' in fmt else fmt % 1))
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(len('%d' % (10**4000)))
try:
    print('%x %o %e %g %c' % (-2**200, 2**200, 10**300, 1e308, 0x10ffff))
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
try:
    '%c' % 0x110000
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
try:
    '%c' % -1
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
try:
    '%e' % (10**400)
except OverflowError as e:
    print(e)
""",
    "pow-huge": """
try:
    x = 10**10**10
    print('computed?')
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
""",
    "pow-float-overflow": """
for a, b in ((10.0, 400), (2, -10**10), (-8, 1/3), (0.0, -1), (10**400, 0.5), (2, 10**400)):
    try:
        print(a ** b)
    except (OverflowError, ZeroDivisionError, ValueError, MemoryError) as e:
        print(type(e).__name__, e)
print(pow(3, 10**100, 7), pow(2, -1, 7), pow(-1, 10**100))
for args in ((2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3, 10**30)):
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
""",
    "shift-huge": """
for a, b in ((1, 10**10), (1, 2**63), (1, -1), (-1, 10**100), (0, 10**100), (5, -10**100), (1, 2**62)):
    for op in ('<<', '>>'):
        try:
            r = eval('a %s b' % op, {'a': a, 'b': b})
            print(op, r if abs(r) < 10**20 else 'big')
        except (ValueError, OverflowError, MemoryError) as e:
            print(op, type(e).__name__, e)
""",
    "list-mul-memoryerror": """
for expr in ('[0] * 10**12', '[0, 1] * (2**62)', '(0,) * 10**12', '"ab" * 10**12', 'b"ab" * 10**12',
             'bytearray(10**12)', 'bytes(10**12)', '[None] * 2**63', 'range(10**12)[::1]',
             '"x".ljust(10**12)', '"x".zfill(10**12)', '"x".center(2**62)', '"{:10000000000000}".format(1)',
             '" ".join(["a"] * 10**4) * 10**9', 'list(range(10**12))', '"a".expandtabs(2**62)',
             '"\\t".expandtabs(10**12)', '[[]] * -1', '"" * 10**30', '[] * 10**30', 'b"a".rjust(10**12)',
             'bytearray(b"a") * 10**12', '"a" * -10**30', 'int("1" * 10**6)', 'str(10**100000)'):
    try:
        r = eval(expr)
        print(expr, 'ok', len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__)
""",
    "list-inplace-mul": """
l = [1, 2]
try:
    l *= 10**12
except MemoryError:
    print('MemoryError')
print(len(l))
b = bytearray(b'ab')
try:
    b *= 10**12
except MemoryError:
    print('MemoryError')
s = 'ab'
try:
    s *= 2**62
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
l = [0]
try:
    l *= 2**64
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
""",
    "range-huge": """
r = range(10**30)
print(r[10**29], r[-1], 10**29 in r, r.index(5), r.count(7), r[10**20:10**21:7][3], reversed(r).__next__())
try:
    print(len(r))
except OverflowError as e:
    print('OverflowError', e)
print(bool(r), r == range(10**30), hash(range(0)) == hash(range(0)))
for i in range(-10**30, -10**30 + 3): print(i)
print(list(range(2**63 - 2, 2**63 + 2)), list(range(-2**63 - 1, -2**63 + 1)))
print(range(0, 10**30, 10**29)[::-1][0], len(range(2**62, -2**62, -1).__reversed__().__class__.__name__))
print(list(range(2**63 - 1, 2**63 - 5, -1)), range(2**64)[2**63], range(-2**64, 0)[-1])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
print(range(10**20)[::2**62].step, len(range(0, 2**63, 2**62)))
""",
    "int-str-conversions": """
import sys
try:
    int('9' * 100000)
except ValueError as e:
    print(str(e)[:60])
sys.set_int_max_str_digits(0)
x = int('9' * 100000)
print(x % 1000, len(str(x)))
print(int('1' * 5000, 16) % 97, int('z' * 5000, 36) % 97)
sys.set_int_max_str_digits(640)
try:
    print(str(10**1000))
except ValueError as e:
    print(str(e)[:60])
for v in (-1, 1, 639, 2**63, 10**100):
    try:
        sys.set_int_max_str_digits(v)
        print('ok', v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for s, b in (('0x', 0), ('1_', 10), ('_1', 10), ('1__0', 10), ('  -0b1_0  ', 0), ('\\u0661', 10), ('12', 1), ('12', 37), ('12', -2**100), ('12', 2**100)):
    try:
        print(int(s, b))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
""",
    "float-conversions": """
for v in ('1e999999', 'nan', '-inf', '0x1p3', '1_0.5', '١٢', '  1.5  ', '1e', '', '.', 'infinity', '9' * 5000):
    try:
        print(float(v))
    except ValueError as e:
        print(e)
for v in (10**400, -10**400, 2**1024, 2**1023 * 2 - 1):
    try:
        print(float(v))
    except OverflowError as e:
        print(e)
for f in (float('nan'), float('inf'), -float('inf'), 1e308):
    for fn in (int, round, lambda x: round(x, 2), lambda x: round(x, -400), lambda x: round(x, 10**30), lambda x: x.as_integer_ratio(), lambda x: x.is_integer(), hash, lambda x: divmod(x, 0.0), lambda x: x % 0.0, lambda x: x // 0.0):
        try:
            print(fn(f))
        except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
            print(type(e).__name__, e)
print(round(123456, -10**9), round(1.5, 10**9), round(2**200, -20), 10**400 // 3.0 if False else 0)
try:
    print(10**400 / 3)
except OverflowError as e:
    print(e)
try:
    print(10**400 / 10**399, (10**400) * 1.0)
except OverflowError as e:
    print(e)
print(divmod(-7, 2), divmod(-2**64, 3), (-2**63) // -1, (-2**63) % -1, abs(-2**63), -(-2**63), (2**63 - 1) + 1, (-2**63) * -1)
import math
print(math.factorial(1000) % 1009, math.isqrt(10**100), math.gcd(2**100, 2**80), math.comb(1000, 500) % 97)
for fn, a in ((math.factorial, -1), (math.factorial, 10**20), (math.sqrt, -1), (math.log, 0), (math.exp, 1000), (math.isqrt, -1), (math.ldexp, (1.0, 10**20)), (math.ldexp, (1.0, -10**20)), (math.pow, (10.0, 1000))):
    try:
        print(fn(*a) if isinstance(a, tuple) else fn(a))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
""",
    "mutate-list-during-iteration": """
l = [1, 2, 3]
for x in l:
    if len(l) < 100: l.append(x)
print(len(l))
l = list(range(10))
for x in l:
    l.remove(x)
print(l)
l = list(range(10))
for i, x in enumerate(l):
    del l[:]
print(l)
l = [1, 2, 3]
it = iter(l)
next(it)
l.clear()
print(list(it))
l = [1, 2, 3]
r = reversed(l)
l.clear()
print(list(r))
l = [1, 2, 3]
r = reversed(l)
next(r)
l.extend(range(100))
print(list(r))
l = [3, 1, 2]
print(sorted(l, key=lambda x: l.clear() or x), l)
""",
    "mutate-dict-during-iteration": """
d = {i: i for i in range(10)}
for k in (d, d.keys(), d.values(), d.items()):
    try:
        for x in k:
            d[100 + len(d)] = 1
    except RuntimeError as e:
        print(e)
d = {1: 1}
try:
    for k in d:
        del d[k]
        d[k] = 1
except RuntimeError as e:
    print(e)
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
d = {1: 2}
it = iter(d.items())
d.clear()
try:
    print(list(it))
except RuntimeError as e:
    print(e)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o):
        d.clear()
        return False
d = {K(1): 1, K(2): 2}
print(d.get(K(3)), len(d))
d = {K(1): 1}
try:
    d[K(2)] = 3
except RuntimeError as e:
    print(e)
print(len(d))
class E:
    mutations = 3
    def __hash__(self): return 1
    def __eq__(self, o):
        # a bounded number of mutations: with unbounded ones the lookup restarts forever
        # (CPython ends only because its allocator may reuse the freed table's address)
        if E.mutations > 0:
            E.mutations -= 1
            s.clear(); s.update(range(50))
        return False
s = {E(), E()}
print(E() in s, len(s))
""",
    "mutate-during-sort": """
l = list(range(20))
def key(x):
    l.append(x)
    return -x
try:
    l.sort(key=key)
except ValueError as e:
    print(e)
print(len(l))
l = list(range(20))
def key2(x):
    del l[:]
    return x
try:
    l.sort(key=key2)
except ValueError as e:
    print(e)
print(l)
class A:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        del L[:]
        L.extend([A(9)] * 30)
        return self.v < o.v
L = [A(i) for i in range(50)]
try:
    L.sort()
except ValueError as e:
    print(e)
print(len(L))
class B:
    def __lt__(self, o):
        raise KeyError('boom')
try:
    sorted([B(), B(), B()])
except KeyError as e:
    print('KeyError', e)
class C:
    def __lt__(self, o): return NotImplemented
try:
    sorted([C(), C()])
except TypeError as e:
    print(e)
m = [3, 1, 2]
print(sorted(m, key=lambda x: m.sort() or x), m)
print(max([1, 2, 3], key=lambda x: m.clear() or x), min(m, default=None))
""",
    "del-list-while-sorting": """
class A:
    def __lt__(self, o):
        global L
        del L
        return False
L = [A(), A(), A()]
try:
    L.sort()
    print('sorted')
except NameError as e:
    print(e)
class B:
    def __lt__(self, o):
        M.__init__([1, 2, 3])
        M.sort()
        return True
M = [B(), B(), B(), B()]
try:
    M.sort()
except ValueError as e:
    print(e)
print(len(M))
""",
    "generator-running": """
def g():
    yield next(gen)
gen = g()
try:
    next(gen)
except ValueError as e:
    print(e)
def h():
    gen2.send(None)
    yield 1
gen2 = h()
try:
    next(gen2)
except ValueError as e:
    print(e)
def t():
    try:
        yield 1
    finally:
        gen3.close()
gen3 = t()
next(gen3)
try:
    gen3.close()
    print('closed')
except ValueError as e:
    print(e)
def u():
    gen4.throw(KeyError)
    yield
gen4 = u()
try:
    next(gen4)
except ValueError as e:
    print(e)
""",
    "generator-finished": """
def g():
    yield 1
x = g()
print(list(x))
print(x.close(), x.close())
for exc in (ValueError, ValueError('v'), StopIteration, GeneratorExit, KeyboardInterrupt, BaseException):
    try:
        x.throw(exc)
    except BaseException as e:
        print(type(e).__name__, e)
try:
    x.send(5)
except StopIteration as e:
    print('StopIteration', e.value)
y = g()
try:
    y.send(1)
except TypeError as e:
    print(e)
z = g()
try:
    z.throw(ValueError)
except ValueError:
    print('thrown before start')
print(list(z))
try:
    g().throw(1)
except TypeError as e:
    print(e)
try:
    g().throw(ValueError, 1, 2)
except TypeError as e:
    print(e)
def ret():
    return 5
    yield
r = ret()
try:
    next(r)
except StopIteration as e:
    print(e.value)
def stop():
    raise StopIteration
    yield
try:
    next(stop())
except RuntimeError as e:
    print(e)
def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ign()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
def fin():
    try:
        yield 1
    finally:
        raise KeyError('fin')
f = fin()
next(f)
try:
    f.close()
except KeyError as e:
    print('KeyError', e)
f = fin()
next(f)
del f
print('done')
""",
    "generator-misc": """
def g():
    x = yield
    while True:
        x = yield x
a = g(); next(a)
print(a.send(1), a.send([2]))
print(a.gi_running, a.gi_frame is not None if hasattr(a, 'gi_frame') else 'nf')
def sub():
    yield 1
    return 2
def outer():
    r = yield from sub()
    yield r
print(list(outer()))
def thrower():
    yield from iter([1, 2])
t = thrower(); next(t)
try:
    t.throw(IndexError('x'))
except IndexError as e:
    print('IndexError', e)
def gg():
    yield from gg2
gg2 = gg()
try:
    next(gg2)
except ValueError as e:
    print(e)
ge = (x for x in range(3))
print(next(ge), list(ge), list(ge))
ge = (1/x for x in [1, 0, 2])
try:
    print(list(ge))
except ZeroDivisionError as e:
    print(e)
print(list(ge))
async def co(): return 1
c = co()
try:
    c.send(None)
except StopIteration as e:
    print('co', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
""",
    "exceptions-odd": """
class E(Exception):
    def __str__(self): raise ValueError('no str')
try:
    raise E()
except E as e:
    try:
        print(str(e))
    except ValueError as v:
        print(v)
class R(Exception):
    def __repr__(self): return 1
try:
    print(repr(R()))
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
try:
    raise StopIteration
except StopIteration:
    print('si')
class Bad(BaseException):
    def __init__(self, *a): raise KeyError('init')
try:
    raise Bad
except KeyError as e:
    print('KeyError', e)
try:
    try:
        raise ValueError
    finally:
        raise TypeError
except TypeError as e:
    print(type(e.__context__).__name__)
def f():
    try:
        return 1
    finally:
        return 2
print(f())
def g():
    for i in range(3):
        try:
            continue
        finally:
            break
    return i
print(g())
e = ValueError(); e.__traceback__ = None; e.args = (1, 2, [3])
print(e)
try:
    e.__traceback__ = 5
except TypeError as x:
    print(x)
try:
    e.__cause__ = 5
except TypeError as x:
    print(x)
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print('vg', eg.exceptions)
except* TypeError as eg:
    print('tg', eg.exceptions)
""",
    "uncaught-weird-exception": """
class E(Exception):
    def __str__(self): raise ValueError('no str')
raise E()
""",
    "uncaught-exception-repr-loop": """
class E(Exception):
    def __str__(self): return str(self)
raise E()
""",
    "uncaught-exception-group": """
raise ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2)] * 3)])
""",
    "uncaught-deep-group": """
g = ValueError(0)
for i in range(2000):
    g = ExceptionGroup('g%d' % i, [g])
raise g
""",
    "uncaught-deep-traceback": """
import sys
sys.setrecursionlimit(100000)
def f(n):
    if n == 0: raise ValueError('deep')
    f(n - 1)
f(50000)
""",
    "sys-exit-odd": """
import sys
class E:
    def __str__(self): return 'strange'
sys.exit(E())
""",
    "sys-exit-huge": "import sys\nsys.exit(2**100)\n",
    "sys-exit-negative": "import sys\nsys.exit(-1)\n",
    "sys-exit-256": "import sys\nsys.exit(256)\n",
    "sys-exit-bool": "import sys\nsys.exit(True)\n",
    "sys-exit-float": "import sys\nsys.exit(1.5)\n",
    "sys-exit-tuple": "import sys\nsys.exit((1, 2))\n",
    "sys-exit-bad-str": "import sys\nclass E:\n    def __str__(self): raise ValueError\nsys.exit(E())\n",
    "sys-exit-int-subclass": "import sys\nclass I(int): pass\nsys.exit(I(3))\n",
    "sys-exit-systemexit-args": "raise SystemExit(1, 2)\n",
    "sys-exit-code-attr": "e = SystemExit(3)\ne.code = 'text'\nraise e\n",
    "sys-exit-in-finally": "import sys\ntry:\n    sys.exit(3)\nfinally:\n    print('finally')\n",
    "sys-exit-in-generator": "import sys\ndef g():\n    try:\n        yield\n    finally:\n        sys.exit(4)\nx = g(); next(x); x.close()\n",
    "keyboard-interrupt": "raise KeyboardInterrupt\n",
    "keyboard-interrupt-msg": "raise KeyboardInterrupt('x')\n",
    "base-exception": "raise BaseException('b')\n",
    "generator-exit-uncaught": "raise GeneratorExit\n",
    "print-to-closed": """
import sys
sys.stdout.close()
try:
    print('x')
except ValueError as e:
    sys.stderr.write(str(e) + '\\n')
""",
    "print-odd-files": """
import sys
class W:
    def write(self, s): raise KeyError(s)
try:
    print('x', file=W())
except KeyError as e:
    print('KeyError', e)
for f in (None, 5, object()):
    try:
        print('y', file=f)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print('a', sep=5)
except TypeError as e:
    print(e)
sys.stdout = None
print('lost')
sys.stdout = sys.__stdout__
print('back')
""",
    "stdout-replaced": "import sys\nsys.stdout = 5\nprint('x')\n",
    "stderr-replaced-then-error": "import sys\nsys.stderr = None\n1/0\n",
    "stderr-object-then-error": "import sys\nclass W:\n    def write(self, s): raise ValueError\nsys.stderr = W()\n1/0\n",
    "sys-modules-clear": "import sys\nsys.modules.clear()\nimport math\nprint(math.pi)\n",
    "builtins-deleted": "import builtins\ndel builtins.print\ntry:\n    print(1)\nexcept NameError as e:\n    import sys; sys.stderr.write(str(e) + '\\n')\n",
    "builtins-replaced": "__builtins__ = 5\nprint(len([1]))\n",
    "globals-dict-replaced": "exec('print(len(x))', {'x': [1], '__builtins__': {'print': print, 'len': len}})\nexec('print(1)', {'__builtins__': {}}) if False else None\ntry:\n    exec('print(1)', {'__builtins__': 5})\nexcept (NameError, TypeError) as e:\n    print(type(e).__name__)\n",
    "class-odd": """
class M(type):
    def __call__(cls, *a): return 42
class A(metaclass=M): pass
print(A())
try:
    class B(5): pass
except TypeError as e:
    print(e)
try:
    class C(int, str): pass
except TypeError as e:
    print(e)
class D: pass
try:
    D.__bases__ = (D,)
except TypeError as e:
    print(e)
try:
    D.__class__ = int
except TypeError as e:
    print(e)
d = D()
try:
    d.__class__ = int
except TypeError as e:
    print(e)
class E2: pass
d.__class__ = E2
print(type(d).__name__)
try:
    type('X', (), {})().__dict__ = 5
except TypeError as e:
    print(e)
try:
    type(5, 6, 7)
except TypeError as e:
    print(e)
print(type('Y', (object,), {'__slots__': ()})())
try:
    object.__new__(int)
except TypeError as e:
    print(e)
try:
    int.__new__(str)
except TypeError as e:
    print(e)
try:
    list.__init__(5)
except TypeError as e:
    print(e)
try:
    super()
except RuntimeError as e:
    print(e)
class F:
    def m(self): return super().m()
try:
    F().m()
except AttributeError as e:
    print(e)
try:
    super(int, 'x')
except TypeError as e:
    print(e)
print(object.__subclasshook__(), object.__reduce_ex__ if hasattr(object, '__reduce_ex__') else 1)
""",
    "descriptors-odd": """
class D:
    def __get__(self, o, t): raise KeyError('get')
    def __set__(self, o, v): raise KeyError('set')
    def __delete__(self, o): raise KeyError('del')
class A:
    x = D()
for op in ('A().x', 'setattr(A(), "x", 1)', 'delattr(A(), "x")'):
    try:
        eval(op)
    except KeyError as e:
        print(op, e)
p = property()
class B:
    y = p
for op in ('B().y', 'setattr(B(), "y", 1)', 'delattr(B(), "y")'):
    try:
        eval(op)
    except AttributeError as e:
        print(op, e)
try:
    property(5, 6).__get__(1)
except TypeError as e:
    print(e)
print(classmethod(5).__get__(1), staticmethod(5).__get__(1))
try:
    classmethod(5).__get__(1)()
except TypeError as e:
    print(e)
""",
    "slots-and-dict-odd": """
class S:
    __slots__ = ('a',)
s = S()
for op in ('s.a', 's.b', 'setattr(s, "b", 1)', 'delattr(s, "a")', 's.__dict__'):
    try:
        print(eval(op))
    except AttributeError as e:
        print(op, e)
try:
    class T:
        __slots__ = 5
except TypeError as e:
    print(e)
try:
    class U:
        __slots__ = ('x',)
        x = 1
except ValueError as e:
    print(e)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
class V: pass
v = V()
v.__dict__ = {'a': 1}
print(v.a)
v.__dict__[5] = 6
print(sorted(map(str, vars(v))))
try:
    setattr(v, 5, 1)
except TypeError as e:
    print(e)
try:
    getattr(v, 5)
except TypeError as e:
    print(e)
print(getattr(v, 'zz', None), hasattr(v, 'zz'))
""",
    "iter-protocol-odd": """
class I:
    def __iter__(self): return 5
try:
    iter(I())
except TypeError as e:
    print(e)
class N:
    def __iter__(self): return self
    def __next__(self): raise KeyError
try:
    list(N())
except KeyError:
    print('KeyError')
class G:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i
print(list(G()), 2 in G(), list(reversed([1, 2])))
try:
    reversed(G())
except TypeError as e:
    print(e)
def inf():
    i = 0
    while True:
        yield i
        i += 1
print(list(zip(inf(), 'abc')), any(x > 5 for x in inf()), next(filter(lambda x: x > 10, inf())))
print(list(map(lambda *a: a, [1, 2], [3])), dict.fromkeys(inf() if False else 'ab'))
it = iter([1, 2, 3])
print(list(zip(it, it)), list(it))
e = enumerate('ab', start=2**63)
print(list(e))
e = enumerate('ab', start=2**63 - 1)
print(list(e))
try:
    print(list(enumerate('ab', start=1.5)))
except TypeError as e:
    print(e)
""",
    "call-odd": """
def f(a, b=1, *c, d, e=2, **g): return (a, b, c, d, e, g)
for call in ('f()', 'f(1)', 'f(1, d=2)', 'f(1, 2, 3, d=4, z=5)', 'f(1, a=2, d=3)', 'f(*5)', 'f(**5)',
             'f(*[1], **{"d": 1, "a": 2})', 'f(1, **{1: 2})', 'f(1, d=1, **{"d": 2})', 'f(*(i for i in range(3)), d=0)',
             'print(*range(3), sep=None, end=None)', 'len()', 'len(1, 2)', 'len(x=1)', 'int(x=1)',
             'sorted()', 'sorted([], [])', 'max()', 'max([])', 'min(1)', 'sum([], 5, 6)', 'dict(1, 2)',
             'dict([(1, 2, 3)])', 'dict([1])', 'list(1, 2)', 'divmod(1)', 'getattr()', 'isinstance(1, 5)',
             'isinstance(1, (int, (str, (5,))))', 'issubclass(5, int)', 'issubclass(int, [int])',
             'type()', 'type(1, 2)', 'object(1)', 'object.__init__()', 'int.__add__(1)', 'int.__add__("a", 1)',
             'str.join()', 'str.join(1, [])', '"".join([1])', '"a".replace()', 'hash([])', 'hash({})',
             '(lambda: 0)(1)', '(lambda *, a: a)(1)', 'print(end=5)', 'f(1, d=1, *[2, 3])',
             'iter()', 'iter(1, 2, 3)', 'next()', 'next(1)', 'next(iter([]), 1, 2)', 'chr(-1)', 'chr(2**100)',
             'ord("")', 'ord("ab")', 'round(1, 2, 3)', 'abs()', 'bin(1.5)', 'hex(None)', 'oct([])',
             'format(1, 5)', 'format(1, "Q")', 'repr()', 'vars(1)', 'dir(1, 2)', 'zip(1)', 'map(1)',
             'filter(1)', 'enumerate(1)', 'range()', 'range(1.5)', 'range(1, 2, 3, 4)', 'slice()',
             'bool(1, 2)', 'float("x", 1)', 'str(b"a", "nope")', 'str(1, "utf-8")', 'bytes("a")',
             'bytes("a", "nope")', 'bytes(-1)', 'bytearray(-1)', 'memoryview(1)', 'setattr(1, "a", 1)',
             'delattr(1, "a")', 'callable()', 'all(1)', 'any()', 'sum(1)', 'sum(["a"], "")', 'pow()',
             'id()', 'globals(1)', 'locals(1)', 'input(1, 2)', 'ascii()', 'exec()', 'eval()', 'eval(1)',
             'eval("1", 5)', 'eval("1", {}, 5)', 'exec("1", [])', 'compile()', 'compile("1", "f", "bad")',
             'compile(1, "f", "exec")', 'compile("1", "f", "eval", 0x80000000)', '__import__()',
             '__import__("")', '__import__("nonexistent_mod_xyz")', '__build_class__()',
             '__build_class__(1, 2)', 'super(1)', 'staticmethod()', 'classmethod(1, 2)', 'property(1, 2, 3, 4, 5)'):
    try:
        eval(call)
        print(call, 'ok')
    except BaseException as e:
        print(call, type(e).__name__)
""",
    "bytes-bytearray-odd": """
b = bytearray(b'abc')
for op in ('b[5]', 'b[-10]', 'b.__setitem__(0, 256)', 'b.__setitem__(0, -1)', 'b.__setitem__(slice(0, 2), [1, 2, 300])',
           'b.__setitem__(slice(None, None, 2), b"xyz")', 'b.pop(10)', 'b.insert(10**20, 1)', 'b.insert(0, 256)',
           'b.extend([1, "a"])', 'b.extend(5)', 'b.remove(300)', 'b.index(300)', 'b.count(-1)', 'b * -1',
           'b.__delitem__(slice(None, None, -1))', 'b.__setitem__(slice(5, 1, 1), b"xx")', 'b.decode("nope")',
           'b.translate(b"x")', 'b.maketrans(b"a", b"bc")', 'bytes.fromhex("zz")', 'bytes.fromhex("a")',
           'b"%s" % "str"', 'b"%c" % 256', 'b"%d" % 2**100', 'b.hex(":", 0)', 'b.hex("::")', 'b.hex("", 2**70)',
           'b"abc".split(b"")', 'b"abc".center(10**20)', 'b"a\\xff".decode()', 'b"\\xff".decode("ascii")',
           'b"x".decode("utf-16")', 'b"\\x00\\xd8".decode("utf-16-le")', 'b"abc"[::0]', 'bytes(range(256)).decode("latin-1")[-1]',
           'bytes([256])', 'bytes([-1])', 'bytes(b"a" for _ in range(2))', 'bytearray(range(300))'):
    try:
        r = eval(op)
        print(op, 'ok', r if not isinstance(r, (bytes, bytearray)) or len(r) < 40 else len(r))
    except BaseException as e:
        print(op, type(e).__name__)
b = bytearray(b'xyz')
for x in b:
    if len(b) < 20: b.extend(b'q')
print(b)
b = bytearray(b'abcdef')
try:
    b[1:4] = b
    print(b)
except BaseException as e:
    print(type(e).__name__)
m = bytearray(b'abc')
m[:] = m * 3
print(m)
m[::2] = m[1::2][:len(m[::2])]
print(m)
""",
    "str-methods-odd": """
s = 'abc\u00e9\U0001f600'
for op in ('s[10]', 's[-10]', 's[::0]', 's[::-1]', 's[10**20:]', 's[-10**20:10**20:10**19]', 's.center(-5)',
           's.expandtabs(-1)', 's.split("")', 's.split(None, -5)', 's.rsplit("c", 10**20)', 's.replace("", "x", 3)',
           's.replace("", "")', 's.index("z")', 's.find("c", 10**20)', 's.find("c", -10**20)', 's.count("", 2, 1)',
           's.startswith(("a", 5))', 's.encode("utf-32")', 's.encode("nope")', 's.encode("ascii")',
           's.encode("ascii", "nope")', 's.encode("ascii", "xmlcharrefreplace")', 's.encode("latin-1", "backslashreplace")',
           '"\\ud800".encode()', '"\\ud800".encode("utf-8", "surrogatepass")', 's.translate({97: "xyz", 98: None, 99: 5})',
           's.translate({97: 2**40})', 'str.maketrans("ab", "c")', 'str.maketrans({"ab": 1})', 's.format(**{})',
           '"{0}{1}".format(1)', '"{a.b[c]}".format(a=1)', '"{0[1000000000000]}".format([1])', '"{:{}}".format(1, "<" * 100)',
           '"{!z}".format(1)', '"{0:d}".format("x")', '"{0:,x}".format(1)', '"{:.-1}".format(1.0)', '"{:,.2f}".format(2**2000)',
           '"%(a)s %(b)s" % {"a": 1}', '"%s %s" % (1,)', '"%" % ()', '"%(a" % {}', '"%y" % 1', '"%*.*f" % (5, 2)',
           's.zfill(-1)', 's.ljust(3, "ab")', 's.strip(5)', 's.partition("")', 's.join([s] * 3)', 's * 2**62',
           's.islower()', 's.casefold()', 's.title()', '"ß".upper()', '"İ".lower()', '"ﬁ".title()', '"\\u0345".upper()',
           'str(b"abc", "ascii", "nope")', 'str(bytearray(b"\\xff"), "utf-8", "replace")', 's.removeprefix(5)',
           'ord(s[-1])', 'chr(0x10ffff)', 'chr(0x110000)', '"%c" % 0xd800', 'repr("\\ud800\\x00\\x7f\\u2028\\U000e0001")',
           'ascii("\\U0001f600\\ud800")', '"a".__mod__(5)', 'int("\\U0001d7d9")', 'float("\\u0660.5")', '"\\N{LATIN SMALL LETTER A}"'):
    try:
        r = eval(op)
        print(op, 'ok', r if not isinstance(r, str) or len(r) < 60 else len(r))
    except BaseException as e:
        print(op, type(e).__name__)
""",
    "list-methods-odd": """
l = [1, 2, 3]
for op in ('l[10]', 'l[-10]', 'l[::0]', 'l.__setitem__(slice(None, None, 2), [1])', 'l.__setitem__(slice(None, None, -1), [7, 8, 9])',
           'l.__setitem__(slice(10**20, None), [4])', 'l.__delitem__(slice(None, None, -2))', 'l.pop(10**20)', 'l.pop(-10**20)',
           'l.insert(-10**20, 0)', 'l.insert(10**20, 9)', 'l.index(1, 10**20)', 'l.index(1, -10**20, 10**20)', 'l.index(99)',
           'l.remove(99)', 'l * -1', 'l * 2**62', 'l + (1,)', 'l.sort(key=5)', 'l.sort(reverse=None)', 'l.sort(1)',
           '[1, "a"].sort()', 'l.__iadd__(5)', 'l.__imul__(-3)', 'l.extend(l)', 'l[1:2] = l' if False else 'l.__setitem__(slice(1, 2), l)',
           'l.__setitem__(5, 1)', 'l.__getitem__("a")', 'l.__getitem__(2**100)', 'l.__getitem__(slice("a", None))',
           'l.copy().clear()', 'l.count(l)', 'l.reverse()', '[].pop()', 'l.__reversed__().__length_hint__()',
           'l.__contains__(l)', 'l.__eq__(5)', 'l.__lt__([1, "a"])', 'l.__init__((1, 2))', 'list.__new__(list)',
           'tuple.__getitem__((1,), -2)', '(1, 2)[slice(None, None, -2**100)]', '(1, 2).index(2, -10**30)', '(1,) * 2**63'):
    try:
        r = eval(op)
        print(op, 'ok', str(r)[:60])
    except BaseException as e:
        print(op, type(e).__name__)
print(l)
""",
    "dict-set-methods-odd": """
d = {1: 2}
for op in ('d[[]]', 'd.get([])', 'd.pop([], 1)', 'd.setdefault([])', 'd.update(5)', 'd.update([(1, 2, 3)])',
           'd.update([[1]])', 'd.fromkeys(5)', 'd.popitem()', 'd.popitem()', '{}.popitem()', 'd | 5', 'd.__ior__([(3, 4)])',
           'd.__ior__([1])', 'dict(a=1, **{"a": 2})', '{**{1: 2}, **5}', 'd.keys() & 5', 'd.items() | [(1, [])]',
           'd.keys() ^ {1}', 'set(d.items()) if False else 1', '{[]}', '{1: 2}.keys().isdisjoint(5)', 'frozenset([[]])',
           'set().pop()', '{1}.remove(2)', '{1}.__iand__([1])', '{1} - [1]', '{1}.difference(5)', '{1}.update(5)',
           '{1} < 5', 'frozenset({1}) | {[]}', 'set.__init__({1}, 5)', 'hash(frozenset({1, 2})) == hash(frozenset({2, 1}))',
           '{1: 2}.__eq__({1: []})', 'sorted({3: 1, 1: 2}.items())', 'reversed({1: 2, 3: 4}).__next__()',
           'list(reversed({1: 2}.items()))', 'dict.fromkeys(range(3), []).__repr__()', '{1, 2}.symmetric_difference_update([3, []])'):
    try:
        r = eval(op)
        print(op, 'ok', str(r)[:60])
    except BaseException as e:
        print(op, type(e).__name__)
class H:
    def __hash__(self): return 2**100
    def __eq__(self, o): return self is o
print(len({H(), H()}), hash(H()) == hash(H()))
class BadHash:
    def __hash__(self): return 'x'
try:
    {BadHash()}
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return -1
print({BigHash(): 1}.__len__(), hash(BigHash()))
""",
    "int-methods-odd": """
for op in ('(5).to_bytes(0, "big")', '(-5).to_bytes(2, "big")', '(5).to_bytes(-1, "big")', '(5).to_bytes(2, "middle")',
           '(2**100).to_bytes(10**20, "big")', 'int.from_bytes(b"\\xff" * 100, "little", signed=True) % 7',
           'int.from_bytes(5, "big")', '(5).bit_count()', '(-2**63).bit_length()', '(5).__round__(-10**20)',
           'round(5, -2**100)', '(10**100).__format__(",")', 'format(2**64, "_b")', 'format(-1, "c")', 'format(2**64, "c")',
           'format(5, "=^+#030,.2%")', 'format(10**30, "e")', 'format(True, "d")', 'int("0" * 10000)', 'int("-" + "0" * 5000 + "1")',
           '(7).__pow__(2, 0)', 'pow(10**100, 10**100, 10**50 + 7)', 'pow(0, -1)', 'pow(0, -1, 5)', 'pow(5, -1, 10)',
           '(-1) ** 0.5', '0 ** -1', '(2**1000) ** 0.5', 'divmod(2**200, 0)', '(2**200) // -(2**199)', '(-2**63) // -1',
           '(-2**63) % 2**64', 'int.__new__(bool, 1)', 'bool.__new__(int)', 'True + True', '~(2**63 - 1)', '-(-2**63)',
           'abs(-2**63)', '(2**63).__index__()', 'hash(2**63) == hash(2**63)', 'hash(-2**63)', 'hash(2**61 - 1)',
           'hash(-1)', 'hash(float(2**70))', 'hash(float("nan")) == hash(float("nan"))', '(1).__truediv__(0)',
           '(2**2000) / (2**1990)', '(2**2000) / 3', '1 / 2**2000', '(2**2000) * 0.5', 'float(2**2000)',
           '(2**70).__float__()', 'int(1e308) % 97', 'int(-1e300) % 97', 'int(float("nan"))', 'int(float("-inf"))',
           '(1).__lshift__(2**70)', '(0).__lshift__(2**70)', '(1).__rshift__(2**70)', '(-1).__rshift__(2**70)',
           '(1) << -(2**70)', 'complex(1, 2)', 'int("9" * 4301)', 'str(2**14300)[-5:]', 'repr(-10**4300)[-5:]'):
    try:
        r = eval(op)
        print(op, 'ok', str(r)[:60])
    except BaseException as e:
        print(op, type(e).__name__)
""",
    "slice-odd": """
class I:
    def __index__(self): return 2**100
class J:
    def __index__(self): return 'x'
class K:
    def __index__(self): raise KeyError('k')
l = list(range(10))
for idx in (I(), J(), K(), slice(I(), None), slice(None, None, I()), slice(J(), None), slice(K(), None), slice(None, None, 0),
            slice(-2**100, 2**100, -2**100), slice(1.5, 2), 2**100, -2**100, True, None):
    for seq in (l, tuple(l), 'abcdefghij', b'abcdefghij', bytearray(b'abcdefghij'), range(10), memoryview(b'abcdefghij') if 'memoryview' in dir(__builtins__) else 'x'):
        try:
            r = seq[idx]
            print(type(seq).__name__, 'ok', str(r)[:30])
        except BaseException as e:
            print(type(seq).__name__, type(e).__name__)
s = slice(1, 2, 3)
print(s.indices(10), slice(None).indices(0))
for a in ((-1,), (2**100,), ('x',), (5, 6)):
    try:
        print(s.indices(*a))
    except BaseException as e:
        print(type(e).__name__, e)
try:
    hash(slice(1))
    print('hashable')
except TypeError as e:
    print(e)
""",
    "comparisons-odd": """
class A:
    def __eq__(self, o): raise ValueError('eq')
    __hash__ = object.__hash__
a = A()
for op in ('[a] == [a]', '[a] == [A()]', 'a in [1, 2]', '(a,) < (a,)', '{a: 1}[a]', '{a: 1} == {a: 2}', 'a in {a}',
           '[1, a].index(a)', '[A()].count(A())', '[A()].remove(1)', 'max([A(), A()])', 'sorted([1, "a"])',
           '1 < "a"', 'None < None', '[] < ()', 'float("nan") in [float("nan")]', 'object() == object()'):
    try:
        print(op, eval(op))
    except BaseException as e:
        print(op, type(e).__name__, e)
class B:
    def __lt__(self, o): return B()
    def __bool__(self): raise ZeroDivisionError
try:
    sorted([B(), B()])
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    print(1 < B() < 2)
except ZeroDivisionError:
    print('zde chained')
""",
    "closures-and-scopes-odd": """
def f():
    x = 1
    def g():
        nonlocal x
        del x
        return x
    return g
try:
    f()()
except NameError as e:
    print(e)
def h():
    print(y)
    y = 1
try:
    h()
except UnboundLocalError as e:
    print(e)
class C:
    x = 1
    l = [x for _ in range(2)] if False else None
    def m(self): return __class__
print(C().m().__name__)
def k():
    del k2
k2 = 1
try:
    k()
except UnboundLocalError as e:
    print(e)
exec('del undefined_name_q') if False else None
try:
    exec('del undefined_name_q')
except NameError as e:
    print(e)
def gen():
    x = yield
    return locals()
g = gen(); next(g)
try:
    g.send(5)
except StopIteration as e:
    print(e.value)
print([(lambda: i)() for i in range(3)])
l = lambda: (yield)
print(type(l()).__name__)
""",
    "imports-odd": """
import sys
for name in ('', '.', '..x', 'nonexistent_module_zz', 'sys.nope', 'math.pi', '\\x00', 'a' * 10000):
    try:
        __import__(name)
        print(repr(name[:20]), 'ok')
    except BaseException as e:
        print(repr(name[:20]), type(e).__name__)
try:
    from sys import nope_zz
except ImportError as e:
    print(e)
try:
    from . import x
except ImportError as e:
    print(e)
sys.path.insert(0, 5)
sys.path.insert(0, '/nonexistent\\x00dir')
try:
    import nonexistent_zz2
except BaseException as e:
    print(type(e).__name__)
sys.modules['fake'] = 5
import fake
print(fake)
sys.modules['fake2'] = None
try:
    import fake2
except ImportError as e:
    print(e)
""",
    "import-self-recursive": "import sys, os\nif 'prog' not in sys.modules:\n    import prog\nprint(__name__)\n",
    "builtin-shadows": """
import builtins
builtins.len = lambda x: 5
print(len([]))
builtins.isinstance = None
try:
    print(isinstance(1, int))
except TypeError as e:
    print(e)
def iter(x): raise KeyError('shadowed')
for x in [1]: print('for uses real iter', x)
class object: pass
print(object)
""",
    "mro-odd": """
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
class M(type):
    def mro(cls): return [cls, 5]
try:
    class D(metaclass=M): pass
except TypeError as e:
    print(e)
class N(type):
    def mro(cls): return []
try:
    class E(metaclass=N): pass
    print(E.__mro__)
    E()
except BaseException as e:
    print(type(e).__name__)
class P:
    def __init_subclass__(cls, **kw): raise KeyError('sub')
try:
    class Q(P): pass
except KeyError as e:
    print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns): return 5
class R(metaclass=Meta): pass
print(R)
class Meta2(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 5
try:
    class S(metaclass=Meta2): pass
except TypeError as e:
    print(e)
class Meta3(type):
    @classmethod
    def __prepare__(mcls, name, bases): return {'x': 1}
class T(metaclass=Meta3): pass
print(T.x)
""",
    "weird-globals-exec": """
class D(dict):
    def __getitem__(self, k): raise KeyError(k)
    def __missing__(self, k): return 7
g = D(__builtins__=__builtins__)
try:
    exec('print(x)', g)
except NameError as e:
    print(e)
class L(dict):
    def __getitem__(self, k): return 42
try:
    exec('print(y)', {}, L())
except NameError as e:
    print(e)
ns = {}
exec('def f(): return z', ns)
try:
    ns['f']()
except NameError as e:
    print(e)
ns['__builtins__'] = {}
try:
    ns['f']()
except NameError as e:
    print(e)
""",
    "format-and-fstrings-odd": """
class F:
    def __format__(self, spec): return 5
try:
    f'{F()}'
except TypeError as e:
    print(e)
class G:
    def __format__(self, spec): raise KeyError(spec)
try:
    f'{G():abc}'
except KeyError as e:
    print(e)
class S:
    def __str__(self): return 5
for op in ('str(S())', 'f"{S()}"', 'print(S())', '"%s" % S()', '"{}".format(S())', 'format(S())'):
    try:
        eval(op)
        print(op, 'ok')
    except TypeError as e:
        print(op, e)
class R:
    def __repr__(self): return 'r\\udcff'
print(repr(R()) == 'r\\udcff', ascii(R()))
try:
    print(R())
except UnicodeEncodeError as e:
    print('UnicodeEncodeError')
print(f"{'abc':{'>'}{10}}", f'{3.14159:{"."}{2}f}', f'{10**30:e}', f'{2**64:,}')
try:
    print(f'{1:{"{"}}}')
except ValueError as e:
    print(e)
""",
    "print-surrogates": "print('a\\udcff')\n",
    "print-surrogate-stderr": "raise ValueError('\\udcff')\n",
    "print-nul": "print('a\\x00b')\nimport sys\nsys.stderr.write('c\\x00d\\n')\n",
    "huge-output": "import sys\nfor i in range(200000): sys.stdout.write('x' * 50 + '\\n')\n",
    "input-eof": "try:\n    input('prompt')\nexcept EOFError as e:\n    print('EOF', e)\nimport sys\nprint(repr(sys.stdin.read()), repr(sys.stdin.readline()))\n",
    "id-and-hash-of-everything": """
import sys, math, time
objs = [1, 2**100, 1.5, 'a', b'a', [], (), {}, set(), frozenset(), range(1), slice(1), None, True, ..., NotImplemented,
        len, print, int, type, object(), sys, math, time, iter([]), (x for x in []), ValueError('x'), property(),
        staticmethod(len), classmethod(len), super, lambda: 0, [].append, int.__add__, object.__init__, type.__dict__['__name__'] if hasattr(type, '__dict__') else 1]
for o in objs:
    for fn in (id, type, repr, str, dir, bool, hash, callable, lambda o: o.__class__, lambda o: o.__doc__, lambda o: o.__dict__,
               lambda o: o.__module__, lambda o: o.__name__, lambda o: o.__qualname__, lambda o: vars(o), lambda o: o.__reduce_ex__(2),
               lambda o: o.__sizeof__(), lambda o: o.__init_subclass__(), lambda o: o.__subclasshook__(int), lambda o: o.__format__(''),
               lambda o: format(o, 'x'), lambda o: o.__getstate__() if hasattr(o, '__getstate__') else 0, lambda o: len(o), lambda o: iter(o),
               lambda o: o(), lambda o: o[0], lambda o: o.__ne__(o), lambda o: o.__class__.__mro__, lambda o: o < o, lambda o: -o,
               lambda o: o + o, lambda o: o * 2, lambda o: o.__dir__(), lambda o: object.__repr__(o), lambda o: object.__str__(o),
               lambda o: object.__eq__(o, o), lambda o: object.__setattr__(o, 'zz', 1), lambda o: object.__delattr__(o, 'zz'),
               lambda o: object.__getattribute__(o, '__class__'), lambda o: type.__call__(o) if isinstance(o, type) else 0):
        try:
            fn(o)
        except BaseException:
            pass
print('done')
""",
    "type-methods-on-wrong-self": """
import builtins
names = [n for n in dir(builtins) if isinstance(getattr(builtins, n), type)]
vals = [1, 2**100, 1.5, 'a', b'a', bytearray(b'a'), [1], (1,), {1: 2}, {1}, frozenset({1}), range(3), None, True, object(), ValueError('v'), slice(1), lambda: 1]
count = 0
for n in names:
    t = getattr(builtins, n)
    for attr in list(vars(t)) if hasattr(t, '__dict__') else []:
        f = getattr(t, attr, None)
        if not callable(f) or attr in ('__new__', '__init_subclass__', '__subclasshook__'):
            continue
        for v in vals:
            for args in ((), (v,), (v, v), (v, 1), (v, 'a'), (v, -1), (v, 2**70), (v, None)):
                try:
                    f(*args)
                except BaseException:
                    pass
                count += 1
print('done', count > 0)
""",
    "new-on-wrong-type": """
import builtins
types = [getattr(builtins, n) for n in dir(builtins) if isinstance(getattr(builtins, n), type)]
for t in types:
    for u in types:
        try:
            t.__new__(u)
        except BaseException:
            pass
        try:
            x = t.__new__(t)
            repr(x); str(x); hash(x) if t.__hash__ else 0
            x.__init__()
        except BaseException:
            pass
print('done')
""",
    "subclass-builtins": """
import builtins
types = [getattr(builtins, n) for n in dir(builtins) if isinstance(getattr(builtins, n), type)]
made = 0
for t in types:
    try:
        class S(t):
            pass
    except TypeError:
        continue
    for args in ((), (1,), ('ab',), ([1, 2],), (b'x',), (1, 2)):
        try:
            s = S(*args)
            for op in (repr, str, bool, len, hash, iter, list, lambda s: s + s, lambda s: s * 2, lambda s: s[0], lambda s: s == s,
                       lambda s: s.__dict__, lambda s: setattr(s, 'q', 1), lambda s: s.__class__, lambda s: format(s, ''),
                       lambda s: sorted([s, s]), lambda s: {s: 1}, lambda s: s.copy(), lambda s: s.__reduce__()):
                try:
                    op(s)
                except BaseException:
                    pass
            made += 1
        except BaseException:
            pass
print('done', made > 0)
""",
    "gc-and-weird-cycles": """
import gc
class A:
    def __del__(self):
        global saved
        saved = self
        raise KeyError('in del')
a = A(); a.self = a
del a
gc.collect()
print('saved' in globals())
class B:
    def __del__(self): 1/0
b = B()
del b
l = [B() for _ in range(3)]
del l
print(gc.collect() >= 0, gc.isenabled())
gc.disable(); gc.enable()
for i in range(10000):
    x = []; x.append(x); d = {}; d['d'] = d
print(gc.collect() >= 0)
class R:
    def __del__(self):
        R.inst = self
r = R(); del r
print(hasattr(R, 'inst'))
""",
    "del-resurrection-and-exit": """
class A:
    def __del__(self):
        print('del A')
        raise SystemExit(3)
a = A()
del a
print('after')
""",
    "exception-in-del-at-exit": """
class A:
    def __del__(self):
        1 / 0
x = A()
y = [A(), A()]
print('end')
""",
    "finally-odd": """
def f():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
print(f())
def g():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(g())
def h():
    while True:
        try:
            break
        finally:
            try:
                raise KeyError
            except KeyError:
                pass
    return 'ok'
print(h())
def k():
    try:
        yield 1
    finally:
        yield 2
x = k()
print(next(x))
try:
    x.close()
except RuntimeError as e:
    print(e)
def m():
    with open('/dev/null') as fh:
        return fh
print(m().closed)
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return 5
with CM():
    1 / 0
print('suppressed')
class BadCM:
    def __enter__(self): raise KeyError('enter')
    def __exit__(self, *a): print('never')
try:
    with BadCM():
        pass
except KeyError:
    print('enter failed')
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
""",
    "walrus-and-comprehension-scopes": """
print([y := i for i in range(3)], y)
print([[x := j for j in range(2)] for i in range(2)], x)
def f():
    return [z for z in range(3) if (w := z)], w
print(f())
class C:
    try:
        r = [q for q in range(3) if (t := q)]
    except Exception as e:
        r = type(e).__name__
print(C.r if hasattr(C, 'r') else 'nr')
""",
    "match-odd": """
class P:
    __match_args__ = ('a', 'b')
    def __init__(self): self.a = 1
for v in (P(), 5, [1, 2, 3], {'k': 1}, 'str', (1,), None):
    try:
        match v:
            case P(x, y): print('P', x, y)
            case [1, *rest]: print('seq', rest)
            case {'k': k, **kw}: print('map', k, kw)
            case str() | bytes(): print('strlike')
            case int(real=r) if r > 3: print('int', r)
            case (1,): print('tuple1')
            case _: print('other')
    except BaseException as e:
        print(type(e).__name__, e)
class Q:
    __match_args__ = 5
try:
    match Q():
        case Q(x): pass
except TypeError as e:
    print(e)
class R:
    __match_args__ = ('a', 'a')
try:
    match R():
        case R(x, y): pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print(e)
""",
    "async-odd": """
import types
async def f(): return 1
async def g():
    return await f()
c = g()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def h():
    async for x in 5: pass
try:
    h().send(None)
except TypeError as e:
    print(e)
async def k():
    await 5
try:
    k().send(None)
except TypeError as e:
    print(e)
co = f()
co.close()
co.close()
try:
    co.send(None)
except RuntimeError as e:
    print(e)
async def agen():
    yield 1
a = agen()
print(type(a).__name__)
try:
    a.__anext__().send(None)
except StopIteration as e:
    print('anext', e.value)
except BaseException as e:
    print(type(e).__name__)
""",
}


def stress_cases():
    c = []
    scale = {"percent-huge": 3.0, "huge-output": 3.0, "type-methods-on-wrong-self": 4.0, "subclass-builtins": 3.0,
             "id-and-hash-of-everything": 3.0, "new-on-wrong-type": 3.0, "gc-and-weird-cycles": 3.0,
             "recursion-limit-1e6": 3.0, "recursion-self-ref-containers": 3.0, "uncaught-deep-traceback": 3.0}
    for name, src in STRESS.items():
        c.append(Case("stress", name, src.lstrip("\n").encode("utf-8", "surrogatepass"), timeout_scale=scale.get(name, 1.0)))
    return c


# ---------------------------------------------------------------------------------------
# random categories


def corpus_programs():
    files = sorted((REPO / "tests" / "run").rglob("*.py"))
    return [(p.relative_to(REPO).as_posix(), p.read_bytes()) for p in files]


def gen_trunc(rng, corpus):
    name, data = rng.choice(corpus)
    if rng.random() < 0.5:
        cut = rng.randrange(0, len(data) + 1)
        return Case("trunc", "%s:byte%d" % (name, cut), data[:cut])
    lines = data.split(b"\n")
    cut = rng.randrange(0, len(lines) + 1)
    tail = b"\n" if rng.random() < 0.5 else b""
    return Case("trunc", "%s:line%d" % (name, cut), b"\n".join(lines[:cut]) + tail)


PY_CHARS = string.ascii_letters + string.digits + " \t\n()[]{}:;,.+-*/%@&|^~<>=!'\"#\\_`$?" + "\u00e9\u03bb\u4e2d\U0001f600\u200b\ufeff\r\x0c\x00"


def gen_bytes(rng, corpus):
    kind = rng.randrange(4)
    n = rng.choice((1, 2, 5, 10, 50, 200, 1000, 5000))
    if kind == 0:
        data = bytes(rng.randrange(256) for _ in range(n))
        return Case("bytes", "random-bytes-%d" % n, data)
    if kind == 1:
        data = "".join(rng.choice(string.printable) for _ in range(n)).encode()
        return Case("bytes", "printable-%d" % n, data)
    if kind == 2:
        data = "".join(rng.choice(PY_CHARS) for _ in range(n)).encode("utf-8")
        return Case("bytes", "pychars-%d" % n, data)
    # a corpus program with random bytes overwritten
    name, data = rng.choice(corpus)
    b = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return Case("bytes", "%s:flipped" % name, bytes(b))


OPERATORS = ("+ - * / // % ** @ << >> & | ^ ~ < > <= >= == != := = += -= *= /= //= %= **= >>= <<= &= |= ^= @= "
             "-> . , : ; ... ! $ ? `").split()
BRACKETS = list("()[]{}") + ["'", '"', "'''", '"""', "f'", 'f"', "b'", "rb'", "f'{", "}'", "\\", "#"]
SOFT = ["match", "case", "_", "type", "print", "self", "x", "y", "lambda:", "yield from", "await", "async def",
        "*args", "**kw", "0x", "1_000", "1e", "0b2", "09", "1.e5", "1j", "'\\N{", "'\\x", "\n", "\t", "  ", "\\\n",
        "\r", "\x0c", "\x00", "\u00e9", "\ufeff", "\U0001f600", "__class__", "super()", "None", "10**10**10",
        "[0]*10**12", "global x", "nonlocal x", "del x", "return", "yield", "raise", "from", "import *"]


def pool_item(rng):
    r = rng.random()
    if r < 0.35:
        return rng.choice(OPERATORS)
    if r < 0.6:
        return rng.choice(BRACKETS)
    if r < 0.85:
        return rng.choice(keyword.kwlist)
    return rng.choice(SOFT)


def tokens_of(text):
    """(start, end) character offsets of the tokens of `text` (empty list if tokenize fails)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.ENDMARKER, tokenize.DEDENT) or tok.start == tok.end:
                continue
            (r1, c1), (r2, c2) = tok.start, tok.end
            if r1 - 1 >= len(starts) or r2 - 1 >= len(starts):
                continue
            out.append((starts[r1 - 1] + c1, starts[r2 - 1] + c2))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return out


_TOKEN_CACHE = {}


def gen_mutate(rng, corpus):
    name, data = rng.choice(corpus)
    text = data.decode("utf-8", "replace")
    if name not in _TOKEN_CACHE:
        _TOKEN_CACHE[name] = tokens_of(text)
    toks = _TOKEN_CACHE[name]
    if not toks:
        return Case("mutate", name + ":untokenizable", data)
    ops = []
    for _ in range(rng.choice((1, 1, 1, 2, 3, 5))):
        toks = tokens_of(text) if ops else toks
        if not toks:
            break
        i = rng.randrange(len(toks))
        s, e = toks[i]
        op = rng.randrange(5)
        if op == 0:
            text = text[:s] + text[e:]
            ops.append("del")
        elif op == 1:
            sep = rng.choice(("", " "))
            text = text[:e] + sep + text[s:e] + text[e:]
            ops.append("dup")
        elif op == 2:
            j = rng.randrange(len(toks))
            (a, b), (c, d) = sorted(((s, e), toks[j]))
            if b <= c:
                text = text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
                ops.append("swap")
        elif op == 3:
            ins = pool_item(rng)
            text = text[:s] + ins + rng.choice(("", " ")) + text[s:]
            ops.append("ins")
        else:
            text = text[:s] + pool_item(rng) + text[e:]
            ops.append("repl")
    return Case("mutate", "%s:%s" % (name, "+".join(ops)), text.encode("utf-8", "surrogatepass"))


def gen_soup(rng, corpus):
    out = []
    indent = 0
    for _ in range(rng.randrange(1, 40)):
        r = rng.random()
        if r < 0.1:
            out.append("\n" + " " * indent)
        elif r < 0.15:
            indent = max(0, indent + rng.choice((-4, 4, 1)))
            out.append("\n" + " " * indent)
        elif r < 0.4:
            out.append(rng.choice(("x", "y", "f", "1", "0", "'s'", "2.5", "None", "[]", "()", "{}")))
        else:
            out.append(pool_item(rng))
        out.append(rng.choice(("", " ", " ")))
    return Case("soup", "soup", "".join(out).encode("utf-8", "surrogatepass"))


API_VALUES = [
    "None", "True", "False", "0", "1", "-1", "2", "7", "-7", "255", "256", "2**31", "2**63-1", "2**63", "-2**63",
    "-2**63-1", "2**64+1", "10**30", "-10**30", "10**100", "0.0", "-0.0", "1.5", "-2.5", "1e308", "5e-324",
    "float('nan')", "float('inf')", "float('-inf')", "''", "'a'", "'abc'", "'\\u00e9\\u20ac\\U0001f600'", "'\\x00'",
    "'%s%d'", "'{}{0}{x}'", "'{:>{}}'", "' \\t\\n'", "'ß'", "'İ'", "'١٢'", "'0x1f'", "'-12_3'", "'utf-8'", "'ascii'",
    "'strict'", "'ignore'", "'big'", "'little'", "b''", "b'ab\\xff'", "b'abc'", "bytearray(b'xy')", "[]", "[1, 2, 3]",
    "[[]]", "['b', 'a']", "()", "(1, 'a')", "(2**70,)", "{}", "{1: 2}", "{'a': 1}", "set()", "{1, 2}",
    "frozenset({3})", "range(10)", "range(-5, 5, 2)", "range(0)", "range(2**64)", "slice(1, None, -1)", "slice(None)",
    "slice(2**70)", "object()", "int", "str", "list", "dict", "type", "object", "len", "abs", "lambda *a: 1",
    "lambda x: x", "lambda x, y: y", "iter([1, 2])", "(i for i in range(3))", "Exception('e')", "ValueError",
    "L", "D", "S", "Odd()", "...", "NotImplemented",
]

API_TYPES = ["str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset", "int", "float", "bool",
             "range", "slice", "object", "type", "BaseException", "ValueError", "property", "enumerate", "zip", "map",
             "filter", "reversed", "staticmethod", "classmethod", "super"]

API_EXCLUDE = {"open", "input", "breakpoint", "help", "exit", "quit", "__import__", "copyright", "credits", "license",
               "__loader__", "__spec__", "__build_class__", "print"}

API_HEADER = """
L = [1, 2]; L.append(L)
D = {1: 2}; D[2] = D
S = 'x' * 100
class Odd:
    def __eq__(self, o): return True
    def __hash__(self): return 0
    def __index__(self): return 3
    def __len__(self): return 2
    def __iter__(self): return iter((1, 2))
    def __getitem__(self, i): return i
    def __repr__(self): return 'Odd'
    def __lt__(self, o): return True
    def __call__(self, *a): return 1
r = None
"""


def api_callables():
    import builtins

    names = [n for n in dir(builtins) if not n.startswith("_") and n not in API_EXCLUDE and callable(getattr(builtins, n))]
    names = [n for n in names if not (isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))]
    calls = list(names)
    for t in API_TYPES:
        ty = getattr(builtins, t)
        for attr in sorted(vars(ty)):
            if attr in ("__new__", "__init_subclass__", "__subclasshook__", "__class_getitem__"):
                continue
            if callable(getattr(ty, attr, None)):
                calls.append("%s.%s" % (t, attr))
    calls += ["sys.setrecursionlimit", "sys.getrecursionlimit", "sys.exit", "sys.intern", "sys.getsizeof",
              "sys.set_int_max_str_digits", "math.factorial", "math.comb", "math.perm", "math.isqrt", "math.gcd",
              "math.lcm", "math.log", "math.pow", "math.ldexp", "math.frexp", "math.fsum", "math.prod",
              "math.floor", "math.ceil", "math.trunc", "math.fmod", "math.remainder", "math.copysign",
              "math.nextafter", "math.ulp", "math.dist", "math.hypot", "math.isclose", "math.modf",
              "time.time", "time.perf_counter", "time.monotonic", "gc.collect", "gc.get_referrers" if False else "gc.isenabled"]
    return calls


_API = None


def gen_api(rng, corpus):
    global _API
    if _API is None:
        _API = api_callables()
    lines = ["import sys, math, time, gc", API_HEADER.strip()]
    for _ in range(rng.randrange(20, 80)):
        f = rng.choice(_API)
        nargs = rng.choice((0, 1, 1, 2, 2, 3, 4))
        args = [rng.choice(API_VALUES + ["r"]) for _ in range(nargs)]
        if rng.random() < 0.15:
            args.append("%s=%s" % (rng.choice(("key", "default", "start", "sep", "base", "reverse", "encoding", "errors", "x")), rng.choice(API_VALUES)))
        r = rng.random()
        if r < 0.7:
            stmt = "r = %s(%s)" % (f, ", ".join(args))
        elif r < 0.8:
            a, b = rng.choice(API_VALUES + ["r"]), rng.choice(API_VALUES + ["r"])
            op = rng.choice(("+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "==", "in", "is", "@"))
            stmt = "r = (%s) %s (%s)" % (a, op, b)
        elif r < 0.88:
            stmt = "r = r[%s]" % rng.choice(API_VALUES)
        elif r < 0.94:
            stmt = "r[%s] = %s" % (rng.choice(API_VALUES), rng.choice(API_VALUES))
        else:
            stmt = "del r[%s]" % rng.choice(API_VALUES)
        # `**` with huge operands can legitimately run forever in CPython too; keep them small
        if "**" in stmt and ("10**100" in stmt or "10**30" in stmt or "2**6" in stmt or "2**7" in stmt):
            stmt = stmt.replace(" ** ", " * ")
        lines.append("try:\n    %s\nexcept BaseException:\n    pass" % stmt)
        if rng.random() < 0.2:
            lines.append("try:\n    repr(r); str(r); hash(r); len(r); list(r)[:3]\nexcept BaseException:\n    pass")
    lines.append("print('api done')")
    return Case("api", "api", ("\n".join(lines) + "\n").encode("utf-8"))


RANDOM_GENERATORS = {"trunc": gen_trunc, "bytes": gen_bytes, "mutate": gen_mutate, "soup": gen_soup, "api": gen_api}
FIXED_GENERATORS = {"cli": cli_cases, "deep": deep_cases, "huge": huge_cases, "stress": stress_cases}


# ---------------------------------------------------------------------------------------
# minimization


def minimize(exe, case, sig, workdir, timeout, mem_mb, budget=300):
    """Delta debugging on lines, then on character chunks, keeping the finding's signature."""
    runs = [0]

    def same(data):
        if runs[0] >= budget:
            return False
        runs[0] += 1
        trial = Case(case.category, case.name, data, case.argv, case.stdin, case.timeout_scale, case.stdin_data)
        status, err, _, timed_out = run_one(exe, trial, workdir, timeout, mem_mb)
        kind = classify(status, err, timed_out)
        if kind is None:
            return False
        if kind == "timeout":
            return sig.startswith("hang")
        return signature(kind, err, trial) == sig

    def ddmin(units, join):
        n = 2
        while len(units) >= 2 and runs[0] < budget:
            chunk = max(1, len(units) // n)
            reduced = False
            for i in range(0, len(units), chunk):
                trial = units[:i] + units[i + chunk:]
                if trial and same(join(trial)):
                    units = trial
                    n = max(n - 1, 2)
                    reduced = True
                    break
            if not reduced:
                if chunk == 1:
                    break
                n = min(len(units), n * 2)
        return units

    data = case.data
    if case.category == "cli" or len(data) > 2_000_000:
        return data
    lines = data.split(b"\n")
    lines = ddmin(lines, lambda u: b"\n".join(u))
    data = b"\n".join(lines)
    if len(data) < 5000:
        chars = [bytes([b]) for b in data]
        chars = ddmin(chars, lambda u: b"".join(u))
        data = b"".join(chars)
    return data


# ---------------------------------------------------------------------------------------
# driver


def describe(case, status, err, elapsed, kind, sig):
    argv = " ".join(a if isinstance(a, str) else repr(a) for a in case.argv)
    tail = "\n".join(err.splitlines()[-25:])
    return (
        "category: %s\ncase: %s\nkind: %s\nsignature: %s\ncommand: taipan %s%s\nstatus: %s\nseconds: %.2f\n"
        "stderr (tail):\n%s\n"
        % (case.category, case.name, kind, sig, argv, " < input" if case.stdin else "", status, elapsed, tail)
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--taipan", default=str(REPO / "target" / "debug" / "taipan"), help="taipan executable")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--count", type=int, default=2000, help="random inputs to run (default 2000)")
    ap.add_argument("--minutes", type=float, default=0, help="stop the random phase after this many minutes")
    ap.add_argument("--only", default="", help="comma-separated categories (default: all)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run (default 10; fixed cases scale it)")
    ap.add_argument("--cpython-timeout", type=float, default=2.0, help="a timeout is a hang if CPython finishes within this")
    ap.add_argument("--mem-mb", type=int, default=4096, help="address-space limit for taipan (MiB, 0 = none)")
    ap.add_argument("--jobs", type=int, default=1, help="parallel runs (default 1)")
    ap.add_argument("--out", default="", help="directory for findings (default: a new /tmp/crashhunt-*)")
    ap.add_argument("--minimize", action="store_true", help="shrink each new finding before saving it")
    ap.add_argument("--list", action="store_true", help="list the fixed cases and exit")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every case")
    args = ap.parse_args()

    cats = [c for c in args.only.split(",") if c] or list(FIXED_GENERATORS) + list(RANDOM_GENERATORS)
    unknown = [c for c in cats if c not in FIXED_GENERATORS and c not in RANDOM_GENERATORS]
    if unknown:
        ap.error("unknown categories: %s" % ", ".join(unknown))
    fixed = []
    for c in cats:
        if c in FIXED_GENERATORS:
            fixed.extend(FIXED_GENERATORS[c]())
    if args.list:
        for case in fixed:
            print("%-7s %-40s %9d bytes" % (case.category, case.name, len(case.data)))
        return 0
    exe = os.path.abspath(args.taipan)
    if not os.access(exe, os.X_OK):
        print("crashhunt: no executable at %s (run `cargo build` first)" % exe, file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="crashhunt-"))
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    corpus = corpus_programs()
    random_cats = [c for c in cats if c in RANDOM_GENERATORS]
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None

    def cases():
        yield from fixed
        n = 0
        while random_cats and n < args.count and (deadline is None or time.monotonic() < deadline):
            cat = random_cats[n % len(random_cats)]
            yield RANDOM_GENERATORS[cat](rng, corpus)
            n += 1

    seen = {}
    counts = {}
    findings = []
    log = open(out / "log.txt", "w")
    scratch_root = Path(tempfile.mkdtemp(prefix="crashhunt-work-"))
    # run a private copy: concurrent `cargo build`s replace target/debug/taipan
    snapshot = scratch_root / "taipan"
    shutil.copy2(exe, snapshot)
    exe = str(snapshot)

    def work(item):
        idx, case = item
        wd = scratch_root / ("w%d" % (idx % max(1, args.jobs * 4)))
        wd.mkdir(exist_ok=True)
        for p in wd.iterdir():
            if p.is_file():
                p.unlink()
            else:
                shutil.rmtree(p, ignore_errors=True)
        timeout = args.timeout * case.timeout_scale
        try:
            status, err, elapsed, timed_out = run_one(exe, case, wd, timeout, args.mem_mb)
        except OSError as e:
            return idx, case, -1, "runner error: %s" % e, 0.0, None, wd
        kind = classify(status, err, timed_out)
        if kind == "timeout":
            kind = "hang" if cpython_status(case, wd, args.cpython_timeout) is not None else None
        elif kind is not None and kind.startswith("exit") and kind != "exit70":
            # sys.exit(-1) exits with 255 in CPython too
            if cpython_status(case, wd, args.cpython_timeout * 5) == status:
                kind = None
        return idx, case, status, err, elapsed, kind, wd

    start = time.monotonic()
    total = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        pending = []
        it = enumerate(cases())
        done = False
        while not done or pending:
            while not done and len(pending) < max(1, args.jobs) * 2:
                try:
                    pending.append(pool.submit(work, next(it)))
                except StopIteration:
                    done = True
            if not pending:
                break
            fut = pending.pop(0)
            idx, case, status, err, elapsed, kind, wd = fut.result()
            total += 1
            counts[case.category] = counts.get(case.category, 0) + 1
            if args.verbose:
                print("%5d %-7s %-50s status=%s %.2fs %s" % (idx, case.category, case.name[:50], status, elapsed, kind or ""))
            log.write("%d\t%s\t%s\t%s\t%.2f\t%s\n" % (idx, case.category, case.name, status, elapsed, kind or ""))
            log.flush()
            if kind is None:
                continue
            sig = signature(kind, err, case)
            if sig in seen:
                seen[sig] += 1
                continue
            seen[sig] = 1
            data = case.data
            if args.minimize:
                data = minimize(exe, case, sig, wd, args.timeout * case.timeout_scale, args.mem_mb)
            n = len(findings) + 1
            slug = re.sub(r"[^A-Za-z0-9]+", "-", kind)[:30]
            (out / ("%03d-%s.py" % (n, slug))).write_bytes(data)
            (out / ("%03d-%s.txt" % (n, slug))).write_text(describe(case, status, err, elapsed, kind, sig))
            findings.append((n, sig, case))
            print("FINDING %03d [%s] %s: %s" % (n, case.category, case.name[:60], sig), flush=True)
    shutil.rmtree(scratch_root, ignore_errors=True)
    print("\nran %d inputs in %.0fs: %s" % (total, time.monotonic() - start, ", ".join("%s=%d" % kv for kv in sorted(counts.items()))))
    print("%d distinct findings (saved in %s)" % (len(findings), out))
    for n, sig, case in findings:
        print("  %03d x%d  %s  (%s %s)" % (n, seen[sig], sig, case.category, case.name[:50]))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
