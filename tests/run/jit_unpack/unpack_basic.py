# UNPACK_SEQUENCE of tuples and lists inside loops (recorded by the trace JIT)


def pairs_sum(ps):
    t = 0
    for p in ps:
        a, b = p
        t += a * 10 + b
    return t


def nested(bodies):
    e = 0.0
    for (pos, vel, m) in bodies:
        x, y, z = pos
        vx, vy, vz = vel
        e += m * (x * vx + y * vy + z * vz)
    return e


def swap_loop(n):
    a, b = 1, 2
    for i in range(n):
        a, b = b, a + i
    return a, b


def mixed_types(items):
    out = []
    for it in items:
        u, v = it
        out.append((type(u).__name__, type(v).__name__))
    return out


def lengths(items):
    n = 0
    for it in items:
        try:
            a, b = it
            n += a + b
        except ValueError as e:
            print("ValueError:", e)
        except TypeError as e:
            print("TypeError:", e)
    return n


ps = [(i, i % 7) for i in range(300)]
print(pairs_sum(ps))
ps2 = ps[:150] + [[i, 2] for i in range(150)]
print(pairs_sum(ps2))
ps3 = ps[:200] + [(1.5, 2)] + ps[200:]
print(pairs_sum(ps3))
bodies = [([1.0 * i, 2.0, 3.0], [0.5, 0.25 * i, 1.0], float(i)) for i in range(200)]
print(nested(bodies))
bodies[150] = ([1, 2, 3], [4, 5, 6], 7)
print(nested(bodies))
print(swap_loop(500))
r = mixed_types([(1, 2.0)] * 120 + [(None, True), ("s", [1])])
print(len(r), r[0], r[-2:])
print(lengths([(1, 2)] * 150 + [(1, 2, 3)] + [(4, 5)] * 50 + [[1]] + [7] + [(9, 9)]))


class T(tuple):
    pass


print(pairs_sum([(1, 2)] * 150 + [T((3, 4))] + [(5, 6)] * 10))
print(pairs_sum([(1, 2)] * 150 + ["ab"] if False else [(1, 2)] * 150 + [(10 ** 20, 1)]))
