class Base:
    def hello(self):
        return "base hello " + self.name()
    def name(self):
        return "base"
class Child(Base):
    def name(self):
        return "child"
print(Child().hello(), Base().hello())
class GrandChild(Child):
    def hello(self):
        return "gc/" + Base.hello(self)
print(GrandChild().hello())
