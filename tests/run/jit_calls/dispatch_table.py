# Calls through a dict of functions, keyed by the iteration.
def main():
    def op_add(a, b):
        return a + b

    def op_sub(a, b):
        return a - b

    def op_mul(a, b):
        return a * b

    def op_div(a, b):
        return a / b if b else 0.0

    table = {"+": op_add, "-": op_sub, "*": op_mul, "/": op_div}
    keys = list(table)
    acc = 1
    for i in range(200):
        acc = table[keys[i % 4]](acc, i % 9)
        if isinstance(acc, float):
            acc = round(acc, 6)
    print(acc)


main()
