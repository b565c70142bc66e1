path = "/tmp/taipan_test_files_context_manager_exception.txt"
try:
    with open(path, "w") as f:
        f.write("partial")
        raise RuntimeError("fail mid-write")
except RuntimeError as e:
    print("caught", e, f.closed)
with open(path) as f:
    print(f.read())
