import math
for f, args in [(math.sqrt, ("4",)), (math.sin, (None,)), (math.floor, ([],)), (math.log, ()), (math.gcd, ("a",)),
                (math.hypot, ("x",)), (math.fsum, (5,)), (math.isclose, (1,))]:
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
print(math.sqrt(True), math.sqrt(4), math.floor(True))
