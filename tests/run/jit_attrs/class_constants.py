# Attributes of a class held by a global (bm_deltablue's Direction.FORWARD and
# Strength.stronger(a, b)): int/None/float class constants, staticmethods and
# classmethods (calling each other through cls), inherited ones, rebound between loops,
# inside the loop and by a call the trace makes opaquely.


class Direction:
    NONE = 0
    FORWARD = 1
    BACKWARD = -1
    SCALE = 0.5
    MISSING = None


class Strength:
    REQUIRED = 0
    WEAK = 5

    @staticmethod
    def stronger(a, b):
        return a < b

    @staticmethod
    def weakest(a, b):
        return b if a < b else a

    @classmethod
    def weaker(cls, a, b):
        return a > b + cls.WEAK

    @classmethod
    def weakest_of(cls, a, b):
        if cls.weaker(a, b):
            return a
        return b


class SubStrength(Strength):
    WEAK = 1


def rebind(k=1):
    for _ in range(k):
        Direction.FORWARD = 2


def walk(n):
    s = 0
    t = 0.0
    for i in range(n):
        d = Direction.FORWARD if i % 3 else Direction.BACKWARD
        s += d
        t += Direction.SCALE
        if Direction.MISSING is None:
            s += 1
        if Strength.stronger(i % 7, Strength.WEAK):
            s += SubStrength.weakest(i % 4, 2)
        s += Strength.weakest_of(i % 9, 2) + SubStrength.weakest_of(i % 5, 1)
        if i == 300:
            Direction.SCALE = 2.0
        if i == 350:
            rebind()
        if i == 400:
            Strength.stronger = staticmethod(lambda a, b: a > b)
    return s, t


def main():
    print(walk(200))
    print(walk(500))
    Direction.BACKWARD = -3
    print(walk(100))


main()
