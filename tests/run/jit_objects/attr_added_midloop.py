# An instance attribute is added at iteration 57; reads fall back to the class until then.
def main():
    class C:
        y = 100

    o = C()
    o.x = 1
    s = 0
    for i in range(200):
        if i == 57:
            o.y = -1
        if i == 120:
            o.z = 5
        s += o.x + o.y + getattr(o, "z", 0)
    print(s, sorted(vars(o)))


main()
