ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba[1], ba[-2:])
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(1, 33)
ba.reverse()
print(ba, bytes(ba), ba.decode(), ba.upper())
ba += b"!!"
print(ba, ba.count(b"!"), ba.find(b"Z"), ba.remove(33), ba)
print(bytearray(3), bytearray([1, 2]), bytearray("hi", "ascii"), bytearray() == b"")
ba2 = bytearray(b"xyz")
ba2.clear()
print(ba2, bytearray(b"a") * 3, bytearray(b"ab").copy())
try:
    ba.append(300)
except ValueError as e:
    print("ValueError:", e)
