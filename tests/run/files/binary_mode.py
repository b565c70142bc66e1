path = "/tmp/taipan_test_files_binary_mode.bin"
data = bytes(range(256))
with open(path, "wb") as f:
    print(f.write(data))
with open(path, "rb") as f:
    back = f.read()
print(back == data, len(back), type(back).__name__, back[:5], back[-3:])
with open(path, "rb") as f:
    print(f.read(4), f.read(2), f.tell())
    f.seek(250)
    print(f.read(), f.read())
with open(path, "ab") as f:
    f.write(b"\x00END")
with open(path, "rb") as f:
    print(f.read()[-4:])
