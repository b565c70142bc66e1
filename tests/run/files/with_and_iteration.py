path = "/tmp/taipan_test_files_with_and_iteration.txt"
with open(path, "w") as f:
    for i in range(5):
        f.write(f"row {i}\n")
print(f.closed)
with open(path) as f:
    for line in f:
        print(line.rstrip())
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    print([len(l) for l in f], "done")
