class Base:
    def __init__(self):
        self.trail = ["Base"]
    def m(self):
        return "Base.m"
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Mid")
    def m(self):
        return "Mid.m/" + super(Mid, self).m()
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__()
        self.trail.append("Leaf")
    def m(self):
        return "Leaf.m/" + super().m()
    def skip(self):
        return super(Mid, self).m()
    @classmethod
    def cm(cls):
        return super().m
l = Leaf()
print(l.trail, l.m(), l.skip(), Leaf.cm()(l))
