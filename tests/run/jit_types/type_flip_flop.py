# The loop variable alternates between int and float every iteration.
def main():
    x = 0
    trace = []
    for i in range(200):
        if i % 2:
            x = x + 1.0
        else:
            x = int(x) + 1
        if i >= 195:
            trace.append((type(x).__name__, x))
    print(trace)
    y = 1
    for i in range(100):
        y = y * 2 if i % 3 else y / 2
    print(y)


main()
