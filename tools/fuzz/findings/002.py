# crashhunt finding 002 (category cli) -- FIXED for script files (crates/taipan-cli/src/main.rs,
# crates/taipan-compiler/src/source.rs); OPEN for stdin and encoding declarations (see below).
# Command:  taipan 002.py          (this file holds a byte 0xff in the string below)
# Happened: ran and printed U+FFFD (the file was decoded lossily), exit 0.
# CPython:  SyntaxError: Non-UTF-8 code starting with '\xff' in file /abs/002.py on line 9, but no
#           encoding declared; see https://peps.python.org/pep-0263/ for details    (exit 1)
# Still open: `taipan - < 002.py` (run_main in crates/taipan-vm/src/lib.rs reads stdin with
# from_utf8_lossy) and files declaring `# coding: latin-1` (decoded as UTF-8 by run_main).
print("aÿ")
