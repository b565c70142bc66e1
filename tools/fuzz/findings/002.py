# crashhunt finding 002 (category cli) -- FIXED: script files (crates/taipan-cli/src/main.rs,
# crates/taipan-compiler/src/source.rs), standard input and `# coding:` declarations
# (run_main in crates/taipan-vm/src/lib.rs decodes with decode_source), imported modules and
# compile()/exec() of bytes (decode_compile_source).
# Command:  taipan 002.py   or   taipan - < 002.py   (this file holds a byte 0xff below)
# Happened: ran and printed U+FFFD (the file was decoded lossily), exit 0.
# CPython:  SyntaxError: Non-UTF-8 code starting with '\xff' in file /abs/002.py on line 10, but no
#           encoding declared; see https://peps.python.org/pep-0263/ for details    (exit 1)
#           (`in file <stdin>` for standard input)
print("aÿ")
