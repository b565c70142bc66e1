class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            print("creating", cls.__name__, a, k)
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v=1):
        self.v = v
a = Config(5)
b = Config(7)
print(a is b, a.v, type(Config).__name__)
class Plain(metaclass=Singleton): pass
print(Plain() is Plain())
