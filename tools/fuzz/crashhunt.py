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
  stress the programs in tools/fuzz/stress/ (one topic each): deep recursion through
         dunders, self-referential containers, MemoryError/OverflowError paths, mutation
         during iteration/sort, generator misuse, odd sys.exit values, built-in methods
         called with wrong receivers... (add a file there to add a case)
  trunc  every tests/run program truncated at random byte and line boundaries (random)
  bytes  random byte strings and random printable garbage (random)
  mutate token-level mutations of tests/run programs (random)
  soup   random token soup with indentation (random)
  api    random calls of built-in functions and methods with edge-case arguments,
         each in try/except (random)
  gen    random valid programs from a small grammar (tools/fuzz/pygen.py); with --diff
         their stdout and exit status are also compared with CPython's (random)

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


RUNNING = set()  # children in flight (each in its own session), killed on exit


def kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def limit_memory(mem_mb):
    def apply():
        if mem_mb > 0:
            lim = mem_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.setsid()

    return apply


def child_env(backtrace=False):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "RUST_BACKTRACE"}
    env["RUST_BACKTRACE"] = "1" if backtrace else "0"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_one(exe, case, workdir, timeout, mem_mb, backtrace=False):
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
            argv, stdin=stdin, stdout=out, stderr=err, cwd=workdir, env=child_env(backtrace), preexec_fn=limit_memory(mem_mb)
        )
        RUNNING.add(p)
        try:
            status = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            kill_group(p)
            status = p.wait()
        finally:
            RUNNING.discard(p)
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
    if kind == "diff":
        # the first differing pair of lines, digits blurred
        return "diff " + re.sub(r"\d+", "9", " / ".join(stderr.splitlines()[1:3]))[:200]
    m = re.search(r"panicked at ([^\n]*?:\d+):\d+", stderr)
    if m:
        return "panic " + m.group(1)
    if "has overflowed its stack" in stderr:
        return "stack-overflow " + case.category
    m = re.search(r"memory allocation of \d+ bytes failed", stderr)
    if m:
        # the innermost taipan frame of the backtrace (re-run with RUST_BACKTRACE=1), if any
        m = re.search(r"^\s+\d+: ([^\n]*taipan_(?:vm|compiler)::[^\n]*)", stderr, re.M)
        return "alloc-failure " + (re.sub(r"::\{\{closure\}\}|<|>", "", m.group(1))[:120] if m else case.category)
    if kind == "hang":
        return "hang " + case.category + " " + case.name.split(":")[0]
    return kind + " " + case.category


def differential(case, workdir, status, limit):
    """Compares taipan's stdout and status (already in workdir/out.txt) with CPython's.
    Returns (kind, report) -- ("diff", text) when they differ, else (None, "")."""
    def clean(out):  # addresses differ between implementations and runs
        return re.sub(rb" at 0x[0-9a-fA-F]+", b" at 0x?", out)

    ours = clean((workdir / "out.txt").read_bytes())
    prog = workdir / "prog.py"
    try:
        r = subprocess.run([sys.executable, "-W", "ignore", str(prog)], stdin=subprocess.DEVNULL, capture_output=True,
                           cwd=workdir, env=child_env(), timeout=limit, preexec_fn=limit_memory(4096))
    except subprocess.TimeoutExpired:
        return None, ""
    theirs = clean(r.stdout)
    if theirs == ours and r.returncode == status:
        return None, ""
    a = ours.decode("utf-8", "replace").splitlines()
    b = theirs.decode("utf-8", "replace").splitlines()
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    first = "taipan: %r\ncpython: %r" % (a[i] if i < len(a) else "<end>", b[i] if i < len(b) else "<end>")
    report = "status taipan %s, cpython %s; first difference at stdout line %d:\n%s\n" % (status, r.returncode, i + 1, first)
    return "diff", report


def cpython_status(case, workdir, limit):
    """CPython's exit status on `case`, or None if it does not finish within `limit` seconds."""
    if case.category == "cli":
        return None
    prog = workdir / "prog.py"
    prog.write_bytes(case.data)
    stdin = case.stdin_data if case.stdin == "data" else b""
    try:
        return subprocess.run(
            [sys.executable, str(prog)],
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


STRESS_DIR = Path(__file__).resolve().parent / "stress"

# seconds are scaled for the slow ones (debug builds)
STRESS_SCALE = {
    "percent-huge": 3.0, "huge-output": 3.0, "type-methods-on-wrong-self": 4.0, "subclass-builtins": 3.0,
    "id-and-hash-of-everything": 3.0, "new-on-wrong-type": 3.0, "gc-and-weird-cycles": 3.0,
    "recursion-limit-1e6": 3.0, "memory-errors": 4.0, "drop-deep-at-depth": 3.0, "recursion-self-ref-containers": 3.0, "uncaught-deep-traceback": 3.0,
}


def harden(src):
    """`src` with every top-level statement in its own try/except BaseException (printing
    the exception type), so one unsupported feature or wrong exception does not hide the
    rest of a stress program. None if CPython cannot parse it."""
    import ast

    try:
        tree = ast.parse(src)
    except SyntaxError:
        return None
    lines = src.splitlines()
    out = []
    for node in tree.body:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        seg = lines[first - 1:node.end_lineno]
        out.append("try:")
        out += ["    " + ln for ln in seg]
        out.append("except BaseException as _e:")
        out.append("    print('E', type(_e).__name__)")
    return "\n".join(out) + "\n"


def stress_cases():
    """The runtime stress programs in tools/fuzz/stress/ (one topic per file), each also
    in a hardened variant (see `harden`)."""
    c = []
    for p in sorted(STRESS_DIR.glob("*.py")):
        scale = STRESS_SCALE.get(p.stem, 1.0)
        src = p.read_bytes()
        c.append(Case("stress", p.stem, src, timeout_scale=scale))
        hard = harden(src.decode("utf-8", "surrogatepass"))
        if hard is not None and hard.encode("utf-8", "surrogatepass") != src:
            c.append(Case("stress", p.stem + ":hardened", hard.encode("utf-8", "surrogatepass"), timeout_scale=scale))
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


_METHODS = None


def api_methods():
    """(value expression, method name) pairs: every public method of each API value's type
    (the values are evaluated here, in CPython, to know their types)."""
    ns = {}
    exec(API_HEADER, ns)
    pairs = []
    for v in API_VALUES:
        try:
            obj = eval(v, ns)
        except Exception:
            continue
        if isinstance(obj, type) or callable(obj) and not hasattr(type(obj), "__len__"):
            continue
        for name in sorted(dir(type(obj))):
            if not name.startswith("_") or name in ("__getitem__", "__setitem__", "__contains__", "__iadd__", "__imul__",
                                                     "__reversed__", "__format__", "__mod__", "__rmod__", "__mul__"):
                if callable(getattr(obj, name, None)):
                    pairs.append((v, name))
    return pairs


def gen_api(rng, corpus):
    global _API, _METHODS
    if _API is None:
        _API = api_callables()
        _METHODS = api_methods()
    lines = ["import sys, math, time, gc", API_HEADER.strip()]
    for _ in range(rng.randrange(20, 80)):
        if rng.random() < 0.4:
            v, m = rng.choice(_METHODS)
            f = "(%s).%s" % (v if rng.random() < 0.8 else "r", m)
        else:
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


def gen_program(rng, corpus):
    import pygen

    return Case("gen", "gen", pygen.generate(rng).encode("utf-8"))


RANDOM_GENERATORS = {"trunc": gen_trunc, "bytes": gen_bytes, "mutate": gen_mutate, "soup": gen_soup, "api": gen_api,
                     "gen": gen_program}
FIXED_GENERATORS = {"cli": cli_cases, "deep": deep_cases, "huge": huge_cases, "stress": stress_cases}


# ---------------------------------------------------------------------------------------
# minimization


def minimize(exe, case, sig, workdir, timeout, mem_mb, budget=300, seconds=120):
    """Delta debugging on lines, then on character chunks, keeping the finding's signature
    (at most `budget` runs and about `seconds` seconds)."""
    runs = [0]
    deadline = time.monotonic() + seconds

    def same(data):
        if runs[0] >= budget or time.monotonic() > deadline:
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
    lines = err.splitlines()
    tail = "\n".join(lines if len(lines) <= 40 else lines[:8] + ["..."] + lines[-30:])
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
    ap.add_argument("--diff", action="store_true", help="gen: also report stdout/status differences from CPython")
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

    start = time.monotonic()

    def on_term(signum, frame):
        raise KeyboardInterrupt

    # SIGTERM ends the run like ^C: children are killed and the scratch directory removed
    signal.signal(signal.SIGTERM, on_term)
    try:
        hunt(args, exe, cases, out, log, seen, counts, findings, scratch_root)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        for p in list(RUNNING):
            kill_group(p)
        shutil.rmtree(scratch_root, ignore_errors=True)
    print("\nran %d inputs in %.0fs: %s" % (sum(counts.values()), time.monotonic() - start, ", ".join("%s=%d" % kv for kv in sorted(counts.items()))))
    print("%d distinct findings (saved in %s)" % (len(findings), out))
    for n, sig, case in findings:
        print("  %03d x%d  %s  (%s %s)" % (n, seen[sig], sig, case.category, case.name[:50]))
    return 1 if findings else 0


def hunt(args, exe, cases, out, log, seen, counts, findings, scratch_root):
    """Runs every case; records findings. Returns the number of inputs run."""
    total = 0

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
        if "memory allocation of" in err:
            # again with a backtrace, to tell allocation sites apart
            _, err2, _, _ = run_one(exe, case, wd, timeout, args.mem_mb, backtrace=True)
            if "memory allocation of" in err2:
                err = err2
        if kind == "timeout":
            kind = "hang" if cpython_status(case, wd, args.cpython_timeout) is not None else None
        elif kind is not None and kind.startswith("exit") and kind != "exit70":
            # sys.exit(-1) exits with 255 in CPython too; an uncaught KeyboardInterrupt kills
            # CPython with SIGINT, which taipan reports as status 130
            theirs = cpython_status(case, wd, args.cpython_timeout * 5)
            if theirs == status or (theirs is not None and theirs < 0 and status == 128 - theirs):
                kind = None
        if kind is None and args.diff and case.category == "gen" and not timed_out:
            kind, err = differential(case, wd, status, args.cpython_timeout * 5)
        return idx, case, status, err, elapsed, kind, wd

    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    try:
        total = hunt_loop(args, exe, cases, out, log, seen, counts, findings, pool, work)
    except KeyboardInterrupt:
        for p in list(RUNNING):
            kill_group(p)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return total


def hunt_loop(args, exe, cases, out, log, seen, counts, findings, pool, work):
    total = 0
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
        if args.minimize and kind != "diff" and elapsed < 5:
            data = minimize(exe, case, sig, wd, args.timeout * case.timeout_scale, args.mem_mb)
        n = len(findings) + 1
        slug = re.sub(r"[^A-Za-z0-9]+", "-", kind)[:30]
        (out / ("%03d-%s.py" % (n, slug))).write_bytes(data)
        (out / ("%03d-%s.txt" % (n, slug))).write_text(describe(case, status, err, elapsed, kind, sig))
        findings.append((n, sig, case))
        print("FINDING %03d [%s] %s: %s" % (n, case.category, case.name[:60], sig), flush=True)
    return total


if __name__ == "__main__":
    sys.exit(main())
