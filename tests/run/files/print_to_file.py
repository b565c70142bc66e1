path = "/tmp/taipan_test_files_print_to_file.txt"
with open(path, "w") as f:
    print("line", 1, file=f)
    print("a", "b", sep=",", end="!\n", file=f)
    print(file=f)
    f.write("raw\n")
with open(path) as f:
    print(repr(f.read()))
