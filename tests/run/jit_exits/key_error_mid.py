# KeyError when a dict lookup key starts missing partway through.
def main():
    d = {i: i * i for i in range(60)}
    total = 0
    miss = []
    for i in range(150):
        try:
            total += d[i]
        except KeyError as e:
            if len(miss) < 3:
                miss.append(e.args)
            d[i] = 0
    print(total, miss, len(d))
    try:
        {"a": 1}["b"]
    except KeyError as e:
        print(repr(e), str(e))
    try:
        {}[(1, "x")]
    except KeyError as e:
        print(repr(e))


main()
