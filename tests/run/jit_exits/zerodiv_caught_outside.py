# ZeroDivisionError leaves the loop and is caught by an enclosing try; state survives.
def run(k):
    total = 0
    i = 0
    try:
        for i in range(300):
            total += 10 % (k - i)
    except ZeroDivisionError as e:
        return ("caught", i, total, str(e))
    return ("done", i, total)

print(run(150))
print(run(-1))
print(run(0))
