print(format(42), format(42, ""), format("x"), format(3.5), format(True), format(True, "d"), format(None))
print(format([1, 2]), format((1,)), format({"a": 1}))
print("{:>6}".format(True), "{:d}".format(False), "{}".format(1.0), "{:.1f}".format(True))
try:
    format([1], "x")
except TypeError as e:
    print("TypeError:", e)
try:
    format(None, "s")
except TypeError as e:
    print("TypeError:", e)
