# ValueError from int() when the parsed text becomes non-numeric.
words = [str(i) for i in range(110)] + ["12a"]
s = 0
for w in words:
    s += int(w)
