"""A small stand-in for the `pyperf` module, enough to run pyperformance benchmarks unmodified.

Put this directory on the module search path (PYTHONPATH=bench/pyperf_shim) and
`import pyperf` finds it. It asks little of the runtime: `import sys, time`,
classes, functions, lists, dicts and keyword arguments.

What the real pyperf does with worker processes, calibration and statistics is
left to the taipan-bench harness. This module only runs the benchmark function
a fixed number of times in the current process:

    warm-ups:  W values that are measured and thrown away (JIT warm-up),
    values:    V values that are kept,
    loops:     each value runs the benchmark L times (bench_func calls
               func(*args) L times; bench_time_func calls func(L, *args),
               which times its own loops and returns seconds).

L, V and W come from the command line (--loops N, --values N, --warmups N,
removed before the benchmark's own arguments are parsed) or, when absent there,
from the environment (PYPERF_LOOPS, PYPERF_VALUES, PYPERF_WARMUPS); defaults 1,
1, 0.

Output, on stderr so that stdout holds only what the benchmark prints:

    <name>: <seconds per loop> s (<L> loops x <V> values, inner_loops <I>)
    PYPERF_RESULT name=<name> total=<seconds> loops=<L> values=<V> warmups=<W> inner_loops=<I>

`total` is the sum of the kept values: the time of the measured loops only,
without start-up, imports or warm-ups. For bench_func the repr of the last
return value goes to stdout (`<name> result: <repr>`), so that a harness can
compare it between implementations.
"""

import sys
import time

perf_counter = time.perf_counter

_OWN_OPTIONS = ("--loops", "--values", "--warmups")


class Namespace:
    """Attribute bag returned by parse_args()."""

    def __repr__(self):
        return "Namespace(" + ", ".join(k + "=" + repr(v) for k, v in sorted(self.__dict__.items())) + ")"


class _Argument:
    def __init__(self, names, options):
        self.names = names
        self.options = options
        first = names[0] if names else "arg"
        self.positional = not first.startswith("-")
        dest = options.get("dest")
        if dest is None:
            dest = first
            for name in names:
                if name.startswith("--"):
                    dest = name
                    break
            dest = dest.lstrip("-").replace("-", "_")
        self.dest = dest
        action = options.get("action")
        if action == "store_true":
            self.default = options.get("default", False)
        elif action == "store_false":
            self.default = options.get("default", True)
        else:
            self.default = options.get("default")

    def convert(self, text):
        kind = self.options.get("type")
        if kind is None:
            return text
        return kind(text)


class ArgumentParser:
    """Records add_argument() calls and parses the simple forms benchmarks use.

    Supported: `--name value`, `--name=value`, store_true/store_false flags,
    `type=`, `default=`, `dest=`, positionals (one value each, or optional with
    nargs="?"). Anything else is accepted and ignored.
    """

    def __init__(self):
        self.arguments = []

    def add_argument(self, *names, **options):
        argument = _Argument(names, options)
        self.arguments.append(argument)
        return argument

    def add_argument_group(self, *args, **kwargs):
        return self

    def add_mutually_exclusive_group(self, *args, **kwargs):
        return self

    def set_defaults(self, **kwargs):
        for key in kwargs:
            self.add_argument("--" + key, default=kwargs[key])

    def parse_args(self, argv=None):
        if argv is None:
            argv = sys.argv[1:]
        namespace = Namespace()
        optional = {}
        positionals = []
        for argument in self.arguments:
            setattr(namespace, argument.dest, argument.default)
            if argument.positional:
                positionals.append(argument)
            else:
                for name in argument.names:
                    optional[name] = argument
        i = 0
        pos_index = 0
        while i < len(argv):
            word = argv[i]
            i += 1
            if word.startswith("-") and len(word) > 1:
                value = None
                if "=" in word:
                    cut = word.index("=")
                    value = word[cut + 1:]
                    word = word[:cut]
                argument = optional.get(word)
                if argument is None:
                    sys.stderr.write("pyperf shim: ignoring unknown option " + word + "\n")
                    continue
                action = argument.options.get("action")
                if action == "store_true":
                    setattr(namespace, argument.dest, True)
                elif action == "store_false":
                    setattr(namespace, argument.dest, False)
                else:
                    if value is None:
                        if i >= len(argv):
                            raise SystemExit("pyperf shim: option " + word + " needs a value")
                        value = argv[i]
                        i += 1
                    setattr(namespace, argument.dest, argument.convert(value))
            elif pos_index < len(positionals):
                argument = positionals[pos_index]
                pos_index += 1
                setattr(namespace, argument.dest, argument.convert(word))
            else:
                sys.stderr.write("pyperf shim: ignoring extra argument " + word + "\n")
        return namespace


def _env_int(name, default):
    # os is imported only when the command line did not give the value.
    try:
        import os
    except ImportError:
        return default
    text = os.environ.get(name)
    if text is None or text == "":
        return default
    return int(text)


def _split_own_options(argv):
    """Take --loops/--values/--warmups out of argv; return (settings, rest)."""
    settings = {}
    rest = []
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        name = word
        value = None
        if "=" in word:
            cut = word.index("=")
            name = word[:cut]
            value = word[cut + 1:]
        if name in _OWN_OPTIONS:
            if value is None:
                if i >= len(argv):
                    raise SystemExit("pyperf shim: option " + name + " needs a value")
                value = argv[i]
                i += 1
            settings[name[2:]] = int(value)
        else:
            rest.append(word)
    return settings, rest


class Runner:
    """Runs benchmarks in this process with fixed loop, value and warm-up counts."""

    def __init__(self, **kwargs):
        self.options = kwargs
        self.metadata = {}
        self.argparser = ArgumentParser()
        settings, rest = _split_own_options(sys.argv[1:])
        self._rest = rest
        if "loops" in settings:
            self.loops = settings["loops"]
        else:
            self.loops = _env_int("PYPERF_LOOPS", 1)
        if "values" in settings:
            self.values = settings["values"]
        else:
            self.values = _env_int("PYPERF_VALUES", 1)
        if "warmups" in settings:
            self.warmups = settings["warmups"]
        else:
            self.warmups = _env_int("PYPERF_WARMUPS", 0)
        if self.loops < 1:
            self.loops = 1
        if self.values < 1:
            self.values = 1
        if self.warmups < 0:
            self.warmups = 0
        self.args = None

    def parse_args(self, args=None):
        if args is None:
            args = self._rest
        self.args = self.argparser.parse_args(args)
        return self.args

    def _report(self, name, values, inner_loops):
        total = 0.0
        for value in values:
            total += value
        loops = self.loops * (inner_loops or 1)
        per_loop = total / (loops * len(values))
        sys.stderr.write(name + ": " + repr(per_loop) + " s (" + str(self.loops) + " loops x "
                         + str(len(values)) + " values, inner_loops " + str(inner_loops or 1) + ")\n")
        sys.stderr.write("PYPERF_RESULT name=" + name + " total=" + repr(total) + " loops="
                         + str(self.loops) + " values=" + str(len(values)) + " warmups="
                         + str(self.warmups) + " inner_loops=" + str(inner_loops or 1) + "\n")

    def bench_time_func(self, name, time_func, *args, **kwargs):
        """Time `time_func(loops, *args)`, which returns the seconds its loops took."""
        if self.args is None:
            self.parse_args()
        inner_loops = kwargs.get("inner_loops")
        values = []
        for i in range(self.warmups + self.values):
            dt = time_func(self.loops, *args)
            if i >= self.warmups:
                values.append(dt)
        self._report(name, values, inner_loops)
        return None

    def bench_func(self, name, func, *args, **kwargs):
        """Time `loops` calls of `func(*args)`; print the repr of the last result."""
        if self.args is None:
            self.parse_args()
        inner_loops = kwargs.get("inner_loops")
        values = []
        result = None
        for i in range(self.warmups + self.values):
            loops = range(self.loops)
            t0 = perf_counter()
            for _ in loops:
                result = func(*args)
            dt = perf_counter() - t0
            if i >= self.warmups:
                values.append(dt)
        print(name + " result: " + repr(result))
        self._report(name, values, inner_loops)
        return None

    def bench_command(self, name, command):
        raise SystemExit("pyperf shim: bench_command is not supported")
