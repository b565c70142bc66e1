# A TypeError appears when a str meets an int mid-loop; caught and counted.
def main():
    acc = ""
    errors = []
    for i in range(150):
        piece = i if i % 40 == 39 else str(i % 10)
        try:
            acc += piece
        except TypeError as e:
            errors.append((i, str(e)))
    print(len(acc), acc[:15])
    print(errors)
    n = 0
    for i in range(120):
        try:
            n = n + ("1" if i == 90 else 1)
        except TypeError as e:
            print(i, e)
    print(n)


main()
