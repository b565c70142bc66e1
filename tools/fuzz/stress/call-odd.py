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
