# A function returns from inside its loop at a point that depends on its argument.
def find(limit, target):
    for i in range(limit):
        if i * i == target:
            return ("square", i)
        if i * 3 == target:
            return ("triple", i)
        if i > target:
            return ("past", i)
    return ("none", limit)

out = [find(200, t) for t in range(0, 120, 7)]
print(out)
print(find(5, 1000))

def nested(n):
    for i in range(n):
        for j in range(n):
            if i * j == 77:
                return i, j
    return None

print(nested(100), nested(5))
