class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x!r}, {self.y!r})"
class W(V):
    def __str__(self):
        return f"<{self.x}, {self.y}>"
v = V(1, "a")
w = W(2, "b")
print(v, repr(v), str(v), [v], (v,), {"k": v})
print(w, repr(w), str(w), [w], f"{w}", f"{w!r}", "%s %r" % (w, w))
class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyStr(), str(OnlyStr()), repr(OnlyStr()).startswith("<__main__.OnlyStr object at"))
