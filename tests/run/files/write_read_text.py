path = "/tmp/taipan_test_files_write_read_text.txt"
f = open(path, "w")
n = f.write("first line\n")
f.write("second line\n")
f.close()
print(n, f.closed)
f = open(path)
content = f.read()
f.close()
print(repr(content))
with open(path, "r") as f:
    print(f.readline(), end="")
    print(repr(f.readline()), repr(f.readline()))
