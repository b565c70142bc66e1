# for/else and while/else with and without break, in hot loops.
def main():
    def first_div(n):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            return "prime"
        return d

    print([first_div(n) for n in range(2, 60)])
    k = 0
    hits = 0
    while k < 150:
        k += 1
        if k == 200:
            break
    else:
        hits += 1
    print(k, hits)
    for i in []:
        pass
    else:
        print("empty else")


main()
