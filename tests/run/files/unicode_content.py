path = "/tmp/taipan_test_files_unicode_content.txt"
text = "héllo wörld\n日本語\n😀 emoji\n"
with open(path, "w", encoding="utf-8") as f:
    print(f.write(text))
with open(path, encoding="utf-8") as f:
    back = f.read()
print(back == text, len(back))
with open(path, "rb") as f:
    raw = f.read()
print(len(raw), raw[:8], raw.decode("utf-8") == text)
with open(path, encoding="latin-1") as f:
    print(repr(f.read(8)))
