s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.startswith("name", 4), s.startswith("e", 3, 4))
print(s.endswith(".gz"), s.endswith((".zip", ".gz")), s.startswith(("a", "b")), s.endswith(".tar", 0, 12))
print(s.startswith(""), s.endswith(""), "".startswith(""), s.startswith(("x", "fil", "y")))
print(s.endswith("gz", -2), s.startswith("z", -1), s.endswith(()))
try:
    s.startswith(["file"])
except TypeError as e:
    print("TypeError:", e)
