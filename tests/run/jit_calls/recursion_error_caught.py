# Unbounded recursion raises RecursionError; caught, then normal calls keep working.
def main():
    def down(n):
        return down(n + 1)

    for rep in range(3):
        try:
            down(0)
        except RecursionError as e:
            print("RecursionError", str(e))

    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    print(fact(30), len(str(fact(300))))


main()
