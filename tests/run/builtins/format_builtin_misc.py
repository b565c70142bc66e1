print(format(3.14159, ".2f"), format(42, "08b"), format("s", ">3"), format(1234567, ","), format(0.5, "%"))
print(format(-1, "x"), format(255, "#06x"), format(True, ""), format(2**70, "e"))
print("{:>10}".format(format(12.5, ".1f")))
