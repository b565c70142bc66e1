# Keys inserted, updated and deleted from a dict by a hot loop.
def main():
    d = {}
    for i in range(300):
        k = i % 50
        if k in d and i % 3 == 0:
            del d[k]
        else:
            d[k] = d.get(k, 0) + i
    print(len(d), sum(d.values()), list(d)[:10])
    e = dict.fromkeys(range(10), 0)
    for i in range(200):
        e[i % 10] += 1
        if i == 150:
            e.pop(3)
            e[3] = -1
    print(e)


main()
