print(int("42"), int("-17"), int("  +8  "), int("1_000"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("777", 8), int("1010", 2), int("10", 3))
print(int("-0x10", 16), int("  0b_1_1 ", 0))
print(int(3.99), int(-0.5), int(True), int("٣"))
print(int(b"12"), int(bytearray(b"-5")))
for bad in ["", "abc", "1.5", "1__0", "0x", "08"]:
    try:
        int(bad, 0) if bad == "08" else int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("12", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int("2", 2)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
