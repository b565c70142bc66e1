# Big-int results too large for the address-space limit (crashhunt runs taipan under
# 4 GiB): dashu-int panics when an allocation fails (finding 011); CPython raises
# MemoryError or just computes for a long time.
for e in ("7 ** (2**28)", "(-7) ** (2**31)", "3 ** (2**33)"):
    try:
        x = eval(e)
        print(e, x.bit_length())
    except MemoryError:
        print(e, "MemoryError")
