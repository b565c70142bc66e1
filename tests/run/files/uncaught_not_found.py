print("opening")
with open("/tmp/taipan_test_files_uncaught_not_found_missing.txt") as f:
    print(f.read())
