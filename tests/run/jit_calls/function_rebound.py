# A global function called from a hot loop is redefined halfway.
def step(x):
    return x + 1

def run(n):
    v = 0
    for i in range(n):
        v = step(v)
    return v

print(run(100))

def step(x):
    return x * 2 if x < 10**20 else x

print(run(100))
step = lambda x: x - 1
print(run(100))
