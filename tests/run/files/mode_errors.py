path = "/tmp/taipan_test_files_mode_errors.txt"
with open(path, "w") as f:
    f.write("data")
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__ + ":", e)
with open(path) as f:
    try:
        f.write("x")
    except Exception as e:
        print(type(e).__name__ + ":", e)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError:", e)
with open(path, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError:", e)
