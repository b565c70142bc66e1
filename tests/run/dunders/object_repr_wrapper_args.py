# object.__repr__ / object.__str__ are slot wrappers: no extra arguments, no keywords (CPython wrap_unaryfunc).
class C: pass
for call in [lambda: list.__repr__([], 1), lambda: object.__repr__(1, 2), lambda: object.__str__(C(), 1),
             lambda: object.__repr__(), lambda: object.__str__(), lambda: C().__repr__(1),
             lambda: object.__repr__(1, x=2), lambda: type(object.__repr__(C())), lambda: object.__str__(5)]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
