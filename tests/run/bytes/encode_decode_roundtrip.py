texts = ["ascii only", "latin é", "cjk 漢字", "emoji 🎉", ""]
for t in texts:
    u8 = t.encode("utf-8")
    print(len(t), len(u8), u8.decode("utf-8") == t, u8[:6])
print("é".encode("latin-1"), b"\xe9".decode("latin-1"), "abc".encode("ascii").decode("ascii"))
print(b"\xc3\xa9\xff".decode("utf-8", errors="ignore"), b"\xc3\xa9\xff".decode("utf-8", errors="replace"))
print("a€".encode("utf-8", "strict"), "a€".encode("ascii", "replace"))
