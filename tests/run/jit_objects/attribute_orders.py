# Objects of one class whose attributes were added in different orders (different shapes).
def main():
    class O:
        pass

    objs = []
    for i in range(120):
        o = O()
        if i % 3 == 0:
            o.a = i; o.b = 1; o.c = 2
        elif i % 3 == 1:
            o.c = 2; o.a = i; o.b = 1
        else:
            o.b = 1; o.c = 2; o.a = i
        objs.append(o)
    s = 0
    for o in objs:
        s += o.a * 100 + o.b * 10 + o.c
    print(s, list(vars(objs[1])), list(vars(objs[2])))


main()
