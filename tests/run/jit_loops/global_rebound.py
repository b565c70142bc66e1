# A global read in a hot loop is rebound (to another type) partway through.
factor = 2

def scale(v):
    return v * factor

out = []
for i in range(200):
    if i == 80:
        factor = 0.5
    if i == 150:
        factor = "ab"
    r = scale(i % 3 + 1)
    if i in (79, 80, 149, 150, 199):
        out.append(r)
print(out)

counter = 0
def bump():
    global counter
    counter += 1

for i in range(300):
    bump()
    if i == 200:
        counter = 2**63 - 10
print(counter)
