# Classes with __slots__ used in a hot loop; missing slots and unknown attributes.
def main():
    class Pt:
        __slots__ = ("x", "y")
        def __init__(self, x, y):
            self.x = x
            self.y = y

    pts = [Pt(i, -i) for i in range(150)]
    s = 0
    for p in pts:
        p.x += 1
        s += p.x * p.y
    print(s)
    try:
        pts[0].z = 1
    except AttributeError as e:
        print("AttributeError", e)
    q = Pt.__new__(Pt)
    try:
        q.x
    except AttributeError as e:
        print("AttributeError", e)
    del pts[1].y
    print(hasattr(pts[1], "y"), hasattr(pts[1], "__dict__"))


main()
