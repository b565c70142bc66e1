# Writing to an instance __dict__ directly while a loop reads attributes.
def main():
    class R:
        def __init__(self):
            self.a = 1

    r = R()
    s = 0
    for i in range(150):
        if i == 50:
            r.__dict__["a"] = 2.5
        if i == 100:
            r.__dict__.update(a="x", b=3)
        v = r.a
        s += v if not isinstance(v, str) else len(v) * 1000
    print(s, sorted(r.__dict__))


main()
