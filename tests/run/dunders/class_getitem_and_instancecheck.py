class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int], Box[str])
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj > 0
    def __repr__(cls):
        return f"<meta {cls.__name__}>"
class Positive(metaclass=Meta):
    pass
print(isinstance(5, Positive), isinstance(-5, Positive), isinstance("x", Positive), Positive, type(Positive).__name__)
