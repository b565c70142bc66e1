# compile()/exec()/eval() of bytes: BOM, PEP 263 declarations and invalid UTF-8 as
# CPython's string tokenizer (taipan_compiler::decode_compile_source).
tests = [b'# coding: latin-1\nx = "\xe9"\n', b'x = "\xff"\n', b'\xef\xbb\xbfx = "bom"\n', b'# coding: foo\nx = 1\n',
         b'# coding: utf-8\nx = "\xc3\xa9"\n', b'\xef\xbb\xbf# coding: latin-1\nx = 1\n', b'\xff = 1\n', b'x = 1 # \xff\n',
         b'x = 1\ny = "a\xffb"\n', b'x = 1\n\n\xe9 = 2\n', b'# coding: ascii\nx = "\xe9"\n', b'\xef\xbb\xbf# coding: utf-8\nx = 1\n',
         b'\xef\xbb\xbf# coding: LATIN1\nx = 1\n', b'#!/bin/sh\n# vim: set fileencoding=latin-1 :\nx = "\xe9"\n',
         b'# coding=utf8\nx = "\xe9"\n', b'# coding: utf-8\nx = 1\ny = "\xff"\n', b'x = 1 + \xe9\xe9 + 2\n']
for src in tests:
    # eval() only of one-line sources (CPython reports a syntax error on an earlier line
    # before decoding a later token)
    for how in ["exec", "compile", "eval"][: 3 if src.count(b"\n") == 1 else 2]:
        g = {}
        try:
            if how == "exec":
                exec(src, g)
            elif how == "compile":
                exec(compile(src, "<src>", "exec"), g)
            else:
                g["x"] = eval(src.replace(b"x = ", b""))
            print(how, ascii(g.get("x")))
        except SyntaxError as e:
            print(how, type(e).__name__, ascii(e.msg), e.filename, e.lineno, e.offset, ascii(e.text))
print(exec("# coding: latin-1\nx = 'é'\nprint(ascii(x))"))
# compiling too deeply nested source is a RecursionError carrying just its message
for src in ["(" * 200 + ")" * 200, "-" * 3000 + "1", "[" * 150 + "]" * 150, "1" + "+1" * 100000, "not " * 5000 + "x"]:
    try:
        compile(src, "<s>", "eval")
        print("ok")
    except (SyntaxError, RecursionError) as e:
        print(type(e).__name__, e.args, str(e))
eval("-" * 3000 + "1")
