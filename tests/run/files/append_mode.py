path = "/tmp/taipan_test_files_append_mode.txt"
with open(path, "w") as f:
    f.write("one\n")
with open(path, "a") as f:
    f.write("two\n")
    f.write("three\n")
with open(path) as f:
    print(f.read().splitlines())
with open(path, "w") as f:
    f.write("truncated\n")
with open(path) as f:
    print(repr(f.read()))
