# An n-body style kernel: lists of lists of floats, a triangular inner loop, several
# steps (the loops of bench/programs/nbody.py, smaller).
import math


def make():
    bodies = []
    x = 7
    for i in range(5):
        x = (x * 1103515245 + 12345) % 2147483648
        p = [(x % 1000) / 100.0, (x % 777) / 70.0, (x % 555) / 50.0]
        v = [(x % 33) / 1000.0, (x % 44) / 1000.0, (x % 55) / 1000.0]
        bodies.append([p, v, 1.0 + i])
    return bodies


def advance(bodies, dt, steps):
    n = len(bodies)
    for step in range(steps):
        for i in range(n):
            p1 = bodies[i][0]
            v1 = bodies[i][1]
            m1 = bodies[i][2]
            for j in range(i + 1, n):
                p2 = bodies[j][0]
                v2 = bodies[j][1]
                m2 = bodies[j][2]
                dx = p1[0] - p2[0]
                dy = p1[1] - p2[1]
                dz = p1[2] - p2[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                v1[0] -= dx * m2 * mag
                v1[1] -= dy * m2 * mag
                v1[2] -= dz * m2 * mag
                v2[0] += dx * m1 * mag
                v2[1] += dy * m1 * mag
                v2[2] += dz * m1 * mag
        for i in range(n):
            p = bodies[i][0]
            v = bodies[i][1]
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        p1 = bodies[i][0]
        v1 = bodies[i][1]
        m1 = bodies[i][2]
        e += 0.5 * m1 * (v1[0] * v1[0] + v1[1] * v1[1] + v1[2] * v1[2])
        for j in range(i + 1, n):
            p2 = bodies[j][0]
            m2 = bodies[j][2]
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            e -= m1 * m2 / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


bodies = make()
print("%.9f" % energy(bodies))
advance(bodies, 0.01, 300)
print("%.9f" % energy(bodies))
