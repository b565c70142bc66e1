import builtins
del builtins.print
try:
    print(1)
except NameError as e:
    import sys; sys.stderr.write(str(e) + '\n')
