# Uncaught KeyError after the lookup succeeded for 120 iterations.
table = {i: str(i) for i in range(120)}
out = []
for i in range(300):
    out.append(table[i])
