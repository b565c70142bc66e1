try:
    open("/tmp/taipan_test_files_not_found_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
    print(e.errno, e.strerror, e.filename)
except OSError as e:
    print("other", e)
try:
    open("/tmp/taipan_test_files_not_found_no_dir/x.txt", "w")
except OSError as e:
    print(type(e).__name__, e.errno)
print(issubclass(FileNotFoundError, OSError), IOError is OSError)
