s = "héllo €"
print(s.encode(), s.encode("utf-8"), len(s.encode()), s.encode("latin-1", errors="replace"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "xmlcharrefreplace"))
print(s.encode("ascii", "backslashreplace"), "abc".encode("ascii"), s.encode("utf-16-le")[:6])
print(b"h\xc3\xa9llo".decode(), b"caf\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
