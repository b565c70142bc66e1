path = "/tmp/taipan_test_files_newline_handling.txt"
with open(path, "wb") as f:
    f.write(b"a\r\nb\rc\nd")
with open(path) as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
with open(path) as f:
    print(f.readlines())
