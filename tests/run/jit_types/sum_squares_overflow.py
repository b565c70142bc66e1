# Sum of squares of large numbers: the sum overflows 64 bits partway.
s = 0
for i in range(3000000000, 3000000300):
    s += i * i
print(s, s > 2**63)
t = 0
for i in range(200):
    t += 2**57
    if t > 2**63:
        print("crossed at", i)
        break
print(t)
