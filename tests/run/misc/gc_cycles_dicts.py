total = 0
for i in range(200_000):
    d1 = {"i": i}
    d2 = {"peer": d1}
    d1["peer"] = d2
    lst = [d1]
    lst.append(lst)
    total += d1["peer"]["peer"]["i"] % 7
print(total)
