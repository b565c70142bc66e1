# An instance attribute is deleted partway through a loop; the class attribute shows through.
def main():
    class C:
        v = "class"

    o = C()
    o.v = "inst"
    seen = []
    for i in range(150):
        if i == 90:
            del o.v
        if i in (89, 90, 149):
            seen.append(o.v)
    print(seen)
    try:
        del o.v
    except AttributeError as e:
        print("AttributeError", e)
    p = C()
    p.a = 1
    n = 0
    for i in range(100):
        if hasattr(p, "a"):
            n += p.a
            if i == 50:
                del p.a
    print(n)


main()
