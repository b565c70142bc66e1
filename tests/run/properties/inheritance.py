class Base:
    @property
    def name(self):
        return "base"
    @property
    def size(self):
        return 1
class Child(Base):
    @property
    def name(self):
        return "child/" + super().name
    @Base.size.setter
    def size(self, v):
        self._size = v
c = Child()
print(c.name, c.size)
c.size = 10
print(c._size, c.size)
