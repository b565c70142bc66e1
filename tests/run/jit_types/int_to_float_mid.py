# An int accumulator turns into a float at iteration 57, then back to int via int().
def main():
    acc = 0
    for i in range(200):
        if i == 57:
            acc += 0.5
        else:
            acc += i
        if i in (56, 57, 58, 130, 199):
            print(i, type(acc).__name__, acc)
    acc = int(acc)
    for i in range(100):
        acc -= i
    print(type(acc).__name__, acc)


main()
