path = "/tmp/taipan_test_files_readline_variants.txt"
with open(path, "w") as f:
    f.writelines(["alpha\n", "beta\n", "gamma"])
with open(path) as f:
    print(repr(f.readline()), repr(f.readline(2)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(repr(f.read(3)), repr(f.read(100)), repr(f.read()))
with open(path) as f:
    lines = list(f)
print(lines, len(lines))
