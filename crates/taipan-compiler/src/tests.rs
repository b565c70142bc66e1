//! Unit tests: every construct compiles, stack depths balance, golden disassemblies,
//! and CPython's compile-time errors.

use super::*;

use taipan_bytecode::{CodeObject, Constant, Opcode, disassemble};

fn compile_ok(src: &str) -> std::rc::Rc<CodeObject> {
    match compile(src, "<test>", Mode::Exec) {
        Ok(c) => {
            verify(&c);
            c
        }
        Err(e) => panic!("compile failed for {src:?}: {e} at {}:{}", e.lineno, e.offset),
    }
}

fn compile_err(src: &str) -> CompileError {
    match compile(src, "<test>", Mode::Exec) {
        Ok(c) => panic!("expected an error for {src:?}, got\n{}", disassemble(&c)),
        Err(e) => e,
    }
}

/// Independent check of a finished code object (and its nested ones): jump targets and
/// handler targets in range, one position per instruction, and a consistent stack depth
/// (recomputed from the final instructions and exception table) within `max_stack`.
fn verify(code: &CodeObject) {
    let n = code.instructions.len();
    assert_eq!(code.positions.len(), n, "positions of {}", code.qualname);
    assert!(n > 0, "empty code {}", code.qualname);
    for e in &code.exception_table {
        assert!(
            e.start < e.end && e.end as usize <= n && (e.target as usize) < n,
            "bad row {e:?} in {}",
            code.qualname
        );
    }
    let mut depth: Vec<Option<i32>> = vec![None; n];
    let mut work = vec![(0usize, 0i32)];
    while let Some((i, d)) = work.pop() {
        assert!(i < n, "falls off the end of {}", code.qualname);
        assert!(d >= 0, "negative depth in {}", code.qualname);
        assert!(
            d as u32 <= code.max_stack,
            "depth {d} > max_stack {} at {i} in {}",
            code.max_stack,
            code.qualname
        );
        match depth[i] {
            Some(old) => {
                assert_eq!(
                    old,
                    d,
                    "inconsistent depth at {i} in {}\n{}",
                    code.qualname,
                    disassemble(code)
                );
                continue;
            }
            None => depth[i] = Some(d),
        }
        if let Some(h) = code.find_handler(i as u32) {
            assert!(
                h.depth as i32 <= d,
                "handler depth {} > stack {d} at {i} in {}",
                h.depth,
                code.qualname
            );
            work.push((h.target as usize, h.depth as i32 + 1));
        }
        let ins = code.instructions[i];
        let (fall, jump) = crate::assemble::stack_effect(ins.op, ins.arg);
        if ins.op.is_jump() {
            assert!((ins.arg as usize) < n, "jump out of range in {}", code.qualname);
            work.push((ins.arg as usize, d + jump));
        }
        if !matches!(
            ins.op,
            Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
        ) {
            work.push((i + 1, d + fall));
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            verify(inner);
        }
    }
}

/// Every construct of Python 3.11 taipan supports.
const SNIPPETS: &[&str] = &[
    "x = 1\ny = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8 @ m << 1 >> 2 | 3 & 4 ^ 5\n",
    "a = b = c = 5\n",
    "x, y = 1, 2\n[a, b] = c\na, *b, c = range(10)\n*a, = x\n(a, b), c = d\n",
    "x += 1\nx.y -= 2\nx[1] *= 3\nx[1:2] //= 4\nx.y.z **= 2\n",
    "x: int = 5\ny: list\nz.a: int = 1\nz[0]: int\n(w): int = 3\n",
    "class C:\n    x: int\n    y: str = 'a'\n",
    "def f():\n    x: int = 1\n    y: int\n    return x\n",
    "del x\ndel x.y, x[0], x[1:2]\ndel (a, b), [c]\n",
    "if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    x = 2\nelse:\n    x = 3\n",
    "while x:\n    if y: break\n    if z: continue\n    x -= 1\nelse:\n    w = 1\n",
    "for i in range(10):\n    if i: continue\n    if j: break\nelse:\n    pass\n",
    "for i, (j, k) in x:\n    for m in i:\n        break\n",
    "while True:\n    pass\n",
    "assert x\nassert x, 'msg'\n",
    "global g\ndef f():\n    global g\n    g = 1\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\n",
    "f = lambda: 1\ng = lambda x, y=2, *a, k, z=3, **kw: x + y\nh = lambda: (yield)\n",
    "x = a if b else c\ny = (z := 10)\n",
    "x = a < b < c\ny = a == b != c is d is not e in f not in g\nif a < b < c: pass\nif not (a < b < c): pass\n",
    "x = a and b and c\ny = a or b or c\nz = a and (b or c)\nif a and b or c: pass\nwhile not a or b: pass\n",
    "x = f'{a}'\ny = f'a{b!r:>{w}}c{d=}{e!s}{f!a}'\nz = f'{x:{y}.{z}}'\nw = f''\nv = 'a' f'b{c}' 'd'\n",
    "import os\nimport os.path\nimport os.path as p\nimport a.b.c as d\nfrom os import path, sep as s\nfrom . import x\nfrom ..a import b\nfrom os.path import *\n",
    "try:\n    f()\nexcept ValueError as e:\n    g(e)\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    h()\nfinally:\n    i()\n",
    "try:\n    f()\nfinally:\n    g()\n",
    "try:\n    f()\nexcept E:\n    pass\n",
    "raise\n",
    "raise E\nraise E from F\n",
    "with a:\n    pass\nwith a as b, c as (d, e):\n    f()\n",
    "def g():\n    yield 1\n    x = yield\n    yield from range(3)\n    return 5\n",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M, **kw):\n    'doc'\n    def m(self):\n        return super().m()\n    @property\n    def p(self): return __class__\n",
    "class D(*bases):\n    pass\n",
    "@d\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    'doc'\n    return a\n",
    "def f(a: int, *b: str, c: 'x' = 1, **d: float) -> None: pass\n",
    "x = [1, 2, 3]\ny = (1, 2, (3, 4))\nz = {1, 2, 3}\nw = {'a': 1, **d, 'b': 2}\nv = [*a, 1, *b]\nu = (*a,)\nt = {*a, *b}\ns = {}\n",
    "x = [i for i in y]\ny = {i for i in y if i}\nz = {k: v for k, v in w.items()}\nw = (i * j for i in a for j in b if i if j)\n",
    "x = [[j for j in range(i)] for i in range(3)]\n",
    "def f():\n    return [y := i for i in x], y\n",
    "x = [y := 1 for i in range(2)]\n",
    "f(a, b, *c, d=1, **e)\nf(*a)\nf(**k)\nf(a=1, b=2)\no.m(1, 2)\no.m(*a)\no.m(k=1)\nf(x for x in y)\n",
    "x = a[1]\ny = a[1:2]\nz = a[::2]\nw = a[1:2, ::3]\nv = a[...]\n",
    "x = -5\ny = -5.5\nz = -(2j)\nw = ~x\nv = +x\nu = not x\n",
    "x = 123456789012345678901234567890\ny = -9223372036854775808\nz = 0xffffffffffffffffffffffff\n",
    "x = b'bytes'\ny = ...\nz = None\nw = True\n",
    "def f():\n    try:\n        return 1\n    finally:\n        print(2)\n",
    "def f():\n    for x in y:\n        try:\n            break\n        finally:\n            continue\n",
    "def f():\n    with a as b:\n        return b\n",
    "def f():\n    for x in y:\n        with a:\n            if x: break\n            if y: continue\n            return x\n",
    "def f():\n    try:\n        pass\n    except E as e:\n        return e\n",
    "def f():\n    while 1:\n        try:\n            pass\n        except E as e:\n            break\n        except:\n            continue\n",
    "def f():\n    try:\n        try:\n            return g()\n        finally:\n            h()\n    finally:\n        with x:\n            return 3\n",
    "def f():\n    try:\n        x()\n    finally:\n        return 2\n",
    "def f():\n    try:\n        x()\n    except:\n        try:\n            y()\n        finally:\n            return 2\n",
    "def f(x):\n    def g():\n        return x\n    return g\n",
    "class C:\n    x = 1\n    def f(self):\n        return x\n    def g(self):\n        return __class__\n",
    "def f():\n    class C:\n        y = x\n        def g(self): return y\n    x = 1\n    return C\n",
    "class C:\n    __private = 1\n    def __m(self):\n        return self.__private\n",
    "if __debug__:\n    pass\n",
    "x = 1 if y else 2 if z else 3\n",
    "print(*[1], sep='')\n",
    "async_ = 1\nawait_ = 2\nmatch = 3\ncase = match\n",
    "def f(*, a): pass\n",
    "def f(a, /): pass\n",
    "x = (yield_ for yield_ in y)\n",
    "from __future__ import annotations\ndef f(a: List[int]) -> 'C': pass\nx: Dict[str, int] = {}\n",
    "\"module docstring\"\nx = 1\n",
    "x = {**a, **b}\ny = f(**a, **b)\nz = f(a=1, **b, c=2)\n",
    "def gen():\n    try:\n        yield 1\n    finally:\n        yield 2\n",
    "l = [1, 2]\nl[0], l[1] = l[1], l[0]\n",
    "def f():\n    x = 1\n    del x\n    def g(): nonlocal x\n",
    "e = 1\ntry:\n    pass\nexcept E as e:\n    pass\n",
    "class A:\n    class B:\n        def f(self):\n            def g(): pass\n            return g\n",
];

#[test]
fn snippets_compile() {
    for src in SNIPPETS {
        compile_ok(src);
    }
}

#[test]
fn eval_mode() {
    let c = compile("1 + x", "<eval>", Mode::Eval).unwrap();
    verify(&c);
    assert_eq!(c.instructions.last().map(|i| i.op), Some(Opcode::ReturnValue));
}

/// Compiles every `.py` file under `$TAIPAN_STDLIB` (a directory), reporting internal errors
/// and panics. Run with `TAIPAN_STDLIB=/path cargo test -p taipan-compiler stdlib -- --ignored --nocapture`.
#[test]
#[ignore]
fn stdlib() {
    let Ok(root) = std::env::var("TAIPAN_STDLIB") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(root)];
    let (mut ok, mut failed, mut internal) = (0, 0, 0);
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for entry in rd.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "py") {
                let Ok(src) = std::fs::read_to_string(&p) else { continue };
                let name = p.display().to_string();
                if std::env::var("SHOW_NAMES").is_ok() {
                    eprintln!("{name}");
                }
                let r = std::panic::catch_unwind(|| compile(&src, &name, Mode::Exec).map(|_| ()));
                match r {
                    Ok(Ok(())) => ok += 1,
                    Ok(Err(e)) => {
                        failed += 1;
                        if e.msg.contains("internal") || std::env::var("SHOW_ALL").is_ok() {
                            internal += 1;
                            println!("{name}:{}:{}: {}", e.lineno, e.offset, e.msg);
                        }
                    }
                    Err(_) => {
                        internal += 1;
                        println!("{name}: PANIC");
                    }
                }
            }
        }
    }
    println!("ok {ok} failed {failed} internal {internal}");
}

#[test]
#[ignore]
fn probe_depth() {
    let kind = std::env::var("PROBE_KIND").unwrap_or_default();
    let n: usize = std::env::var("PROBE_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let stack: usize = std::env::var("PROBE_STACK")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2 << 20);
    let src = match kind.as_str() {
        "neg" => format!("x = {}y", "-".repeat(n)),
        "add" => format!("x = y{}", "+y".repeat(n)),
        "attr" => format!("x = y{}", ".a".repeat(n)),
        "call" => format!("x = y{}", "()".repeat(n)),
        _ => format!("x = {}y{}", "[".repeat(n), "]".repeat(n)),
    };
    let h = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || compile(&src, "p", Mode::Exec).map(|_| ()).map_err(|e| e.msg))
        .unwrap();
    println!("result {:?}", h.join().unwrap());
}

#[test]
#[ignore]
fn probe_phase() {
    let n: usize = std::env::var("PROBE_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let phase: u32 = std::env::var("PROBE_PHASE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let src = format!("x = {}y", "-".repeat(n));
    let h = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module);
            let parsed = ruff_python_parser::parse_unchecked(&src, opts);
            if phase == 0 {
                return;
            }
            let map = error::SourceMap::new(&src, "p");
            let g = error::StackGuard::new(1 << 30);
            let mut l = lower::Lowerer::new(&map, 4300, g);
            let body = match parsed.syntax() {
                ruff_python_ast::Mod::Module(m) => l.module(&m.body).unwrap(),
                _ => panic!(),
            };
            if phase == 1 {
                return;
            }
            let table = symtable::build(&map, &body, None, l.scope_count(), false, g).unwrap();
            if phase == 2 {
                return;
            }
            codegen::Compiler::new(&map, &table, "p", g)
                .compile_module(&body)
                .unwrap();
        })
        .unwrap();
    println!("result {:?}", h.join().is_ok());
}

#[test]
#[ignore]
fn probe_budget() {
    let n: usize = std::env::var("PROBE_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let src = format!("x = y{}", "+y".repeat(n));
            let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module);
            let parsed = ruff_python_parser::parse_unchecked(&src, opts);
            let map = error::SourceMap::new(&src, "p");
            let ruff_python_ast::Mod::Module(m) = parsed.syntax() else {
                panic!()
            };
            for phase in 1..=3 {
                let (mut lo, mut hi) = (1usize << 10, 1usize << 28);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    let g = error::StackGuard::new(mid);
                    let big = error::StackGuard::new(1 << 30);
                    let mut l = lower::Lowerer::new(&map, 4300, if phase == 1 { g } else { big });
                    let ok = match l.module(&m.body) {
                        Err(_) => false,
                        Ok(body) => match symtable::build(
                            &map,
                            &body,
                            None,
                            l.scope_count(),
                            false,
                            if phase == 2 { g } else { big },
                        ) {
                            Err(_) => false,
                            Ok(table) => {
                                phase != 3
                                    || codegen::Compiler::new(&map, &table, "p", g)
                                        .compile_module(&body)
                                        .is_ok()
                            }
                        },
                    };
                    if ok { hi = mid } else { lo = mid + 1 }
                }
                println!("phase {phase}: {} bytes/level", lo / n);
            }
        })
        .unwrap();
    h.join().unwrap();
}

/// Prints the disassembly of the file `$TAIPAN_DIS` (debugging aid).
#[test]
#[ignore]
fn dis_file() {
    let Ok(path) = std::env::var("TAIPAN_DIS") else { return };
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    match compile(&src, &path, Mode::Exec) {
        Ok(c) => {
            println!("{}", disassemble(&c));
            if std::env::var("TAIPAN_POS").is_ok() {
                for (i, p) in c.instructions.iter().zip(&c.positions) {
                    println!("{:20} {}:{}-{}:{}", i.op.name(), p.line, p.col, p.end_line, p.end_col);
                }
            }
        }
        Err(e) => println!("ERROR {:?}", e),
    }
}

/// (source, exception class, message, lineno, offset) as CPython 3.11 reports them.
const ERRORS: &[(&str, &str, &str, u32, u32)] = &[
    (
        "def f():\n    return 1\nf() = 5\n",
        "SyntaxError",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        3,
        1,
    ),
    (
        "a = 1\na + 1 = 2\n",
        "SyntaxError",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        2,
        1,
    ),
    (
        "1 = x\n",
        "SyntaxError",
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "x = [1]\nx + 1 += 2\n",
        "SyntaxError",
        "'expression' is an illegal expression for augmented assignment",
        2,
        1,
    ),
    (
        "def f(*):\n    pass\n",
        "SyntaxError",
        "named arguments must follow bare *",
        1,
        7,
    ),
    ("if True:\n    break\n", "SyntaxError", "'break' outside loop", 2, 5),
    (
        "def f():\n    continue\n",
        "SyntaxError",
        "'continue' not properly in loop",
        2,
        5,
    ),
    (
        "def f(a=1, b):\n    return a\n",
        "SyntaxError",
        "non-default argument follows default argument",
        1,
        12,
    ),
    (
        "def g():\n    pass\ndel g()\n",
        "SyntaxError",
        "cannot delete function call",
        3,
        5,
    ),
    (
        "def f(a, b, a):\n    return a\n",
        "SyntaxError",
        "duplicate argument 'a' in function definition",
        1,
        13,
    ),
    ("x = 1\nelse:\n    pass\n", "SyntaxError", "invalid syntax", 2, 1),
    (
        "for i in range(3):\nprint(i)\n",
        "IndentationError",
        "expected an indented block after 'for' statement on line 1",
        2,
        1,
    ),
    (
        "def empty():\n\nx = 1\n",
        "IndentationError",
        "expected an indented block after function definition on line 1",
        3,
        1,
    ),
    (
        "x = 1\nprint(f\"{'\\\\n'.join(['a', 'b'])}\")\n",
        "SyntaxError",
        "f-string expression part cannot include a backslash",
        2,
        34,
    ),
    (
        "x = f\"value: {}\"\n",
        "SyntaxError",
        "f-string: empty expression not allowed",
        1,
        17,
    ),
    (
        "def f():\n    print(counter)\n    global counter\n",
        "SyntaxError",
        "name 'counter' is used prior to global declaration",
        3,
        5,
    ),
    ("x = 5 § 3\n", "SyntaxError", "invalid character '§' (U+00A7)", 1, 7),
    ("x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5),
    ("x = 3.upper()\n", "SyntaxError", "invalid decimal literal", 1, 6),
    ("x = 12_a\n", "SyntaxError", "invalid decimal literal", 1, 7),
    ("x = 0x1g\n", "SyntaxError", "invalid hexadecimal literal", 1, 7),
    ("x = 1.5j2\n", "SyntaxError", "invalid imaginary literal", 1, 8),
    ("x = 0o19\n", "SyntaxError", "invalid digit '9' in octal literal", 1, 8),
    ("x = = 1\n", "SyntaxError", "invalid syntax", 1, 5),
    ("class = \"value\"\n", "SyntaxError", "invalid syntax", 1, 7),
    ("f = lambda x: y = x\n", "SyntaxError", "cannot assign to lambda", 1, 5),
    (
        "x = 0123\n",
        "SyntaxError",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
    ),
    (
        "result = (1 + 2]\n",
        "SyntaxError",
        "closing parenthesis ']' does not match opening parenthesis '('",
        1,
        16,
    ),
    (
        "print(\"this never runs\")\nx = 5\nif x > 3\n    print(\"big\")\n",
        "SyntaxError",
        "expected ':'",
        3,
        9,
    ),
    (
        "def greet(name)\n    return \"hi \" + name\n",
        "SyntaxError",
        "expected ':'",
        1,
        16,
    ),
    (
        "print(\"a\" \"b\" 1)\n",
        "SyntaxError",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        7,
    ),
    (
        "print(\"start\")\nnonlocal x\n",
        "SyntaxError",
        "nonlocal declaration not allowed at module level",
        2,
        1,
    ),
    (
        "def f():\n    nonlocal missing\n    missing = 1\n",
        "SyntaxError",
        "no binding for nonlocal 'missing' found",
        2,
        5,
    ),
    (
        "def f(a, b):\n    return a\nf(a=1, 2)\n",
        "SyntaxError",
        "positional argument follows keyword argument",
        3,
        9,
    ),
    (
        "print \"hello\"\n",
        "SyntaxError",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    ),
    (
        "class C:\n    return 1\n",
        "SyntaxError",
        "'return' outside function",
        2,
        5,
    ),
    ("x = 1\nreturn x\n", "SyntaxError", "'return' outside function", 2, 1),
    (
        "*a = [1, 2]\n",
        "SyntaxError",
        "starred assignment target must be in a list or tuple",
        1,
        1,
    ),
    (
        "def f():\n\tif True:\n        return 1\n\treturn 2\n",
        "TabError",
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
    ),
    (
        "try:\n    x = 1\nprint(x)\n",
        "SyntaxError",
        "expected 'except' or 'finally' block",
        3,
        1,
    ),
    ("data = [1, 2, 3\n", "SyntaxError", "'[' was never closed", 1, 8),
    (
        "print(\"start\")\nvalues = (1, 2,\n          3, 4\ntotal = sum(values)\n",
        "SyntaxError",
        "'(' was never closed",
        2,
        10,
    ),
    (
        "x = 1\n    y = 2\nprint(x, y)\n",
        "IndentationError",
        "unexpected indent",
        2,
        4,
    ),
    (
        "def f():\n    if True:\n        x = 1\n      y = 2\n    return x\n",
        "IndentationError",
        "unindent does not match any outer indentation level",
        4,
        12,
    ),
    ("x = 1 + 2)\n", "SyntaxError", "unmatched ')'", 1, 10),
    (
        "msg = \"hello\nprint(msg)\n",
        "SyntaxError",
        "unterminated string literal (detected at line 1)",
        1,
        7,
    ),
    (
        "doc = \"\"\"this string\nnever ends\nx = 1\n",
        "SyntaxError",
        "unterminated triple-quoted string literal (detected at line 3)",
        1,
        7,
    ),
    (
        "(a.b := 1)\n",
        "SyntaxError",
        "cannot use assignment expressions with attribute",
        1,
        2,
    ),
    ("x = yield 5\n", "SyntaxError", "'yield' outside function", 1, 5),
    ("return 1\n", "SyntaxError", "'return' outside function", 1, 1),
    (
        "class C:\n    return 1\n",
        "SyntaxError",
        "'return' outside function",
        2,
        5,
    ),
    ("break\n", "SyntaxError", "'break' outside loop", 1, 1),
    ("continue\n", "SyntaxError", "'continue' not properly in loop", 1, 1),
    ("def f():\n    break\n", "SyntaxError", "'break' outside loop", 2, 5),
    (
        "for x in y:\n    def f():\n        continue\n",
        "SyntaxError",
        "'continue' not properly in loop",
        3,
        9,
    ),
    ("yield 1\n", "SyntaxError", "'yield' outside function", 1, 1),
    (
        "class C:\n    yield 1\n",
        "SyntaxError",
        "'yield' outside function",
        2,
        5,
    ),
    (
        "x = [(yield i) for i in y]\n",
        "SyntaxError",
        "'yield' inside list comprehension",
        1,
        7,
    ),
    (
        "nonlocal x\n",
        "SyntaxError",
        "nonlocal declaration not allowed at module level",
        1,
        1,
    ),
    (
        "def f():\n    nonlocal x\n",
        "SyntaxError",
        "no binding for nonlocal 'x' found",
        2,
        5,
    ),
    (
        "def f():\n    x = 1\n    global x\n",
        "SyntaxError",
        "name 'x' is assigned to before global declaration",
        3,
        5,
    ),
    (
        "def f():\n    print(x)\n    global x\n",
        "SyntaxError",
        "name 'x' is used prior to global declaration",
        3,
        5,
    ),
    (
        "def f(x):\n    global x\n",
        "SyntaxError",
        "name 'x' is parameter and global",
        2,
        5,
    ),
    (
        "def f(x, x): pass\n",
        "SyntaxError",
        "duplicate argument 'x' in function definition",
        1,
        10,
    ),
    (
        "def f():\n    x: int\n    global x\n",
        "SyntaxError",
        "annotated name 'x' can't be global",
        3,
        5,
    ),
    ("def f():\n    import *\n", "SyntaxError", "invalid syntax", 2, 12),
    (
        "def f():\n    from os import *\n",
        "SyntaxError",
        "import * only allowed at module level",
        2,
        20,
    ),
    ("f(a=1, a=2)\n", "SyntaxError", "keyword argument repeated: a", 1, 8),
    (
        "a, *b, *c = d\n",
        "SyntaxError",
        "multiple starred expressions in assignment",
        1,
        1,
    ),
    (
        "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
        "SyntaxError",
        "default 'except:' must be last",
        3,
        1,
    ),
    ("__debug__ = 1\n", "SyntaxError", "cannot assign to __debug__", 1, 1),
    ("del __debug__\n", "SyntaxError", "cannot delete __debug__", 1, 5),
    (
        "if x:\npass\n",
        "IndentationError",
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    ),
    (
        "def f():\nreturn\n",
        "IndentationError",
        "expected an indented block after function definition on line 1",
        2,
        1,
    ),
    (
        "class C:\nx = 1\n",
        "IndentationError",
        "expected an indented block after class definition on line 1",
        2,
        1,
    ),
    (
        "for x in y:\nz\n",
        "IndentationError",
        "expected an indented block after 'for' statement on line 1",
        2,
        1,
    ),
    (
        "while x:\nz\n",
        "IndentationError",
        "expected an indented block after 'while' statement on line 1",
        2,
        1,
    ),
    (
        "try:\nx\n",
        "IndentationError",
        "expected an indented block after 'try' statement on line 1",
        2,
        1,
    ),
    (
        "with a:\nx\n",
        "IndentationError",
        "expected an indented block after 'with' statement on line 1",
        2,
        1,
    ),
    (
        "if x:\n    pass\nelse:\nz\n",
        "IndentationError",
        "expected an indented block after 'else' statement on line 3",
        4,
        1,
    ),
    ("  x = 1\n", "IndentationError", "unexpected indent", 1, 2),
    (
        "if x:\n        a\n    b\n",
        "IndentationError",
        "unindent does not match any outer indentation level",
        3,
        6,
    ),
    ("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("x = [1, 2\n", "SyntaxError", "'[' was never closed", 1, 5),
    (
        "x = 'abc\n",
        "SyntaxError",
        "unterminated string literal (detected at line 1)",
        1,
        5,
    ),
    ("x = = 1\n", "SyntaxError", "invalid syntax", 1, 5),
    ("if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5),
    (
        "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
        "SyntaxError",
        "too many nested parentheses",
        1,
        205,
    ),
    ("x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8),
    (
        "f(**a, *b)\n",
        "SyntaxError",
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
    ),
    (
        "def f():\n    x = 1\n    def g():\n        nonlocal y\n",
        "SyntaxError",
        "no binding for nonlocal 'y' found",
        4,
        9,
    ),
    (
        "[x := 1 for x in y]\n",
        "SyntaxError",
        "assignment expression cannot rebind comprehension iteration variable 'x'",
        1,
        2,
    ),
    (
        "class C:\n    [y := 1 for x in z]\n",
        "SyntaxError",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        6,
    ),
    (
        "[i for i in (j := y)]\n",
        "SyntaxError",
        "assignment expression cannot be used in a comprehension iterable expression",
        1,
        14,
    ),
    ("from __future__ import braces\n", "SyntaxError", "not a chance", 1, 1),
    (
        "x = 1\nfrom __future__ import annotations\n",
        "SyntaxError",
        "from __future__ imports must occur at the beginning of the file",
        2,
        1,
    ),
    (
        "print 'hello'\n",
        "SyntaxError",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    ),
    (
        "1 = x\n",
        "SyntaxError",
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "f() = 1\n",
        "SyntaxError",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "x + 1 = 2\n",
        "SyntaxError",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    ("del f()\n", "SyntaxError", "cannot delete function call", 1, 5),
    (
        "(a, b) += 1\n",
        "SyntaxError",
        "'tuple' is an illegal expression for augmented assignment",
        1,
        1,
    ),
    (
        "def f(a=1, b): pass\n",
        "SyntaxError",
        "non-default argument follows default argument",
        1,
        12,
    ),
    (
        "x = 1 if y\n",
        "SyntaxError",
        "expected 'else' after 'if' expression",
        1,
        5,
    ),
    (
        "class C:\n    nonlocal x\n",
        "SyntaxError",
        "no binding for nonlocal 'x' found",
        2,
        5,
    ),
    ("type X = int\n", "SyntaxError", "invalid syntax", 1, 6),
    ("def f[T](x): pass\n", "SyntaxError", "expected '('", 1, 6),
];

fn kind_name(k: CompileErrorKind) -> &'static str {
    match k {
        CompileErrorKind::SyntaxError => "SyntaxError",
        CompileErrorKind::IndentationError => "IndentationError",
        CompileErrorKind::TabError => "TabError",
        CompileErrorKind::RecursionError => "RecursionError",
    }
}

#[test]
fn errors_match_cpython() {
    let mut bad = Vec::new();
    for (src, kind, msg, line, offset) in ERRORS {
        let e = compile_err(src);
        let got = (kind_name(e.kind), e.msg.as_str(), e.lineno, e.offset);
        if got != (*kind, *msg, *line, *offset) {
            bad.push(format!(
                "{src:?}\n   want {kind} {msg:?} {line}:{offset}\n   got  {} {:?} {}:{}",
                got.0, got.1, got.2, got.3
            ));
        }
    }
    if !bad.is_empty() {
        panic!("{} mismatches:\n{}", bad.len(), bad.join("\n"));
    }
}

#[test]
fn unsupported_constructs() {
    for (src, what) in [
        ("match x:\n    case 1: pass\n", "match statement"),
        ("async def f(): pass\n", "async function"),
        ("try:\n    x\nexcept* E:\n    pass\n", "except* clause"),
    ] {
        let e = compile_err(src);
        assert_eq!(e.msg, format!("not supported yet: {what}"));
        assert_eq!(e.kind, CompileErrorKind::SyntaxError);
    }
}

/// Golden disassemblies (reviewed against CPython 3.11's `dis` output, adjusted for
/// taipan's opcode set: no lasti, CALL_METHOD, absolute jumps).
#[test]
fn golden_disassembly() {
    // Golden files: tests/golden/NAME.py is compiled and disassembled; the text must equal
    // tests/golden/NAME.dis. Run with TAIPAN_BLESS=1 to rewrite the .dis files.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("TAIPAN_BLESS").is_some();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("golden dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let mut checked = 0;
    for py in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        let src = std::fs::read_to_string(py).expect("golden source");
        let got = disassemble(&compile_ok(&src));
        let dis = py.with_extension("dis");
        if bless {
            std::fs::write(&dis, format!("{}\n", got.trim_end())).expect("write golden");
        } else {
            let want = std::fs::read_to_string(&dis).unwrap_or_default();
            assert_eq!(
                got.trim_end(),
                want.trim_end(),
                "disassembly of {}:\n{got}",
                py.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no golden files found");
}

#[test]
fn pathological_nesting() {
    // 100,000 nested parentheses: the tokenizer limit.
    let src = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let e = compile_err(&src);
    assert_eq!(
        (e.msg.as_str(), e.lineno, e.offset),
        ("too many nested parentheses", 1, 205)
    );
    // 100,000 unary minus signs: RecursionError, no stack overflow.
    let e = compile_err(&format!("x = {}y\n", "-".repeat(100_000)));
    assert_eq!(e.kind, CompileErrorKind::RecursionError);
    let e = compile_err(&format!("x = y{}\n", "+y".repeat(100_000)));
    assert_eq!(e.kind, CompileErrorKind::RecursionError);
    // 5,000 nested ifs: CPython's tokenizer stops at 100 indentation levels.
    let mut src = String::new();
    for i in 0..5000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(5000));
    src.push_str("pass\n");
    let e = compile_err(&src);
    assert_eq!(
        (e.kind, e.msg.as_str(), e.lineno),
        (
            CompileErrorKind::IndentationError,
            "too many levels of indentation",
            101
        )
    );
    // 21 nested loops: "too many statically nested blocks" on the 21st.
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&" ".repeat(i));
        src.push_str("for x in y:\n");
    }
    src.push_str(&" ".repeat(21));
    src.push_str("pass\n");
    let e = compile_err(&src);
    assert_eq!(
        (e.msg.as_str(), e.lineno, e.offset),
        ("too many statically nested blocks", 21, 21)
    );
    // 20 are fine.
    let mut src = String::new();
    for i in 0..20 {
        src.push_str(&" ".repeat(i));
        src.push_str("for x in y:\n");
    }
    src.push_str(&" ".repeat(20));
    src.push_str("pass\n");
    compile_ok(&src);
    // Moderately deep expressions compile.
    compile_ok(&format!("x = {}y\n", "-".repeat(150)));
    compile_ok(&format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200)));
}

#[test]
fn big_literals() {
    let hex = format!("x = 0x{}\n", "f".repeat(30_000));
    let code = compile_ok(&hex);
    assert!(code.constants.iter().any(|c| matches!(c, Constant::BigInt(_))));
    let code = compile_ok(&format!("x = {}\n", "9".repeat(4300)));
    assert!(code.constants.iter().any(|c| matches!(c, Constant::BigInt(_))));
    let e = compile_err(&format!("x = {}\n", "1".repeat(100_000)));
    assert!(
        e.msg
            .starts_with("Exceeds the limit (4300 digits) for integer string conversion: value has 100000 digits"),
        "{e:?}"
    );
    let opts = Options {
        int_max_str_digits: 0,
        ..Options::default()
    };
    let code = compile_with_options(&format!("x = {}\n", "1".repeat(100_000)), "<t>", Mode::Exec, &opts).unwrap();
    assert!(code.constants.iter().any(|c| matches!(c, Constant::BigInt(_))));
    let code = compile_ok("x = -9223372036854775808\ny = 9223372036854775808\n");
    assert!(code.constants.contains(&Constant::Int(i64::MIN)));
}

#[test]
fn qualnames_and_scopes() {
    let code = compile_ok(
        "class A:\n    def f(self):\n        def g():\n            return lambda: [x for x in ()]\n        return g\n    x = 1\n    def h(self): return x\n",
    );
    let mut names = Vec::new();
    fn walk(c: &CodeObject, out: &mut Vec<String>) {
        out.push(c.qualname.to_string());
        for k in &c.constants {
            if let Constant::Code(inner) = k {
                walk(inner, out);
            }
        }
    }
    walk(&code, &mut names);
    assert_eq!(
        names,
        [
            "<module>",
            "A",
            "A.f",
            "A.f.<locals>.g",
            "A.f.<locals>.g.<locals>.<lambda>",
            "A.f.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>",
            "A.h",
        ]
    );
    // A global declaration makes the qualname global.
    let code = compile_ok("def f():\n    global g\n    def g(): pass\n");
    let Some(Constant::Code(f)) = code.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    let Some(Constant::Code(g)) = f.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert_eq!(&*g.qualname, "g");
    // Cells, free variables and cell2arg.
    let code = compile_ok("def f(a, b):\n    def g(): return a + c\n    c = 1\n    return g\n");
    let Some(Constant::Code(f)) = code.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert_eq!(f.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), ["a", "c"]);
    assert_eq!(f.cell2arg, [Some(0), None]);
    let Some(Constant::Code(g)) = f.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert_eq!(g.freevars.iter().map(|s| &**s).collect::<Vec<_>>(), ["a", "c"]);
    assert!(g.flags & taipan_bytecode::flags::NESTED != 0);
    // super() gives the class a __class__ cell and the method a free __class__.
    let code = compile_ok("class C:\n    def m(self): return super().m()\n");
    let Some(Constant::Code(c)) = code.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert_eq!(c.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), ["__class__"]);
    assert!(c.names.iter().any(|n| &**n == "__classcell__"));
    // Generators.
    let code = compile_ok("def g():\n    yield\n");
    let Some(Constant::Code(g)) = code.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert!(g.is_generator());
    // Docstrings.
    let code = compile_ok("def f():\n    'doc'\n    return 1\n");
    let Some(Constant::Code(f)) = code.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert_eq!(f.doc.as_deref(), Some("doc"));
    // Walrus in a comprehension binds in the enclosing function.
    let code = compile_ok("def f():\n    [y := i for i in x]\n    return y\n");
    let Some(Constant::Code(f)) = code.constants.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!()
    };
    assert_eq!(f.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), ["y"]);
}

#[test]
fn future_annotations_are_strings() {
    let code = compile_ok(
        "from __future__ import annotations\nx: List[int] = []\ndef f(a: 'Q', b: dict[str, int | None]) -> X.Y: pass\n",
    );
    let strs: Vec<String> = code
        .constants
        .iter()
        .filter_map(|c| {
            if let Constant::Str(s) = c {
                Some(s.to_string())
            } else {
                None
            }
        })
        .collect();
    assert!(strs.contains(&"List[int]".to_string()), "{strs:?}");
    assert!(strs.contains(&"'Q'".to_string()), "{strs:?}");
    assert!(strs.contains(&"dict[str, int | None]".to_string()), "{strs:?}");
    assert!(strs.contains(&"X.Y".to_string()), "{strs:?}");
}

#[test]
fn error_offsets_count_like_cpython() {
    // Compiler errors count bytes (CPython's col_offset + 1); parser errors count characters.
    let e = compile_err("x = 'ää'; break\n");
    assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset), (1, 13, 1, 18));
    let e = compile_err("x = 'ää' + (1 2)\n");
    assert_eq!(
        (e.msg.as_str(), e.offset, e.end_offset),
        ("invalid syntax. Perhaps you forgot a comma?", 13, 16)
    );
    let e = compile_err("y = 'é'; f(a=1, a=2)\n");
    assert_eq!((e.offset, e.end_offset), (18, 21));
    assert_eq!(e.text.as_deref(), Some("y = 'é'; f(a=1, a=2)\n"));
}
