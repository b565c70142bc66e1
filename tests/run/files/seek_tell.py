path = "/tmp/taipan_test_files_seek_tell.txt"
with open(path, "w") as f:
    f.write("0123456789")
    print(f.tell())
with open(path) as f:
    print(f.read(3), f.tell())
    f.seek(0)
    print(f.read(), f.tell())
    f.seek(5)
    print(f.read(2))
with open(path, "r+") as f:
    f.seek(2)
    f.write("AB")
    f.seek(0)
    print(f.read())
