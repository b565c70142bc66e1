print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc")
print(b"a" in b"cab", 97 in b"abc", b"" in b"x", b"ab" in bytearray(b"xaby"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], len({b"a", b"a", bytes(b"a")}))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError:", e)
try:
    300 in b"abc"
except ValueError as e:
    print("ValueError:", e)
try:
    "a" in b"abc"
except TypeError as e:
    print("TypeError:", e)
