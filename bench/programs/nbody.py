"""N-body: five planets under gravity, integrated with a fixed time step.

Size: number of integration steps. Prints the system energy before and after.
"""
import sys
import math

PI = 3.141592653589793
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


def make_body(x, y, z, vx, vy, vz, mass):
    # position, velocity and mass, each a list so it can be updated in place
    return [[x, y, z], [vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR], mass * SOLAR_MASS]


def make_system():
    sun = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS]
    jupiter = make_body(4.84143144246472090, -1.16032004402742839, -0.103622044471123109,
                        0.00166007664274403694, 0.00769901118419740425, -0.0000690460016972063023,
                        0.000954791938424326609)
    saturn = make_body(8.34336671824457987, 4.12479856412430479, -0.403523417114321381,
                       -0.00276742510726862411, 0.00499852801234917238, 0.0000230417297573763929,
                       0.000285885980666130812)
    uranus = make_body(12.8943695621391310, -15.1111514016986312, -0.223307578892655734,
                       0.00296460137564761618, 0.00237847173959480950, -0.0000296589568540237556,
                       0.0000436624404335156298)
    neptune = make_body(15.3796971148509165, -25.9193146099879641, 0.179258772950371181,
                        0.00268067772490389322, 0.00162824170038242295, -0.0000951592254519715870,
                        0.0000515138902046611451)
    return [sun, jupiter, saturn, uranus, neptune]


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for body in bodies:
        v = body[1]
        m = body[2]
        px += v[0] * m
        py += v[1] * m
        pz += v[2] * m
    sun_v = bodies[0][1]
    sun_v[0] = -px / SOLAR_MASS
    sun_v[1] = -py / SOLAR_MASS
    sun_v[2] = -pz / SOLAR_MASS


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
                b1 = m1 * mag
                b2 = m2 * mag
                v1[0] -= dx * b2
                v1[1] -= dy * b2
                v1[2] -= dz * b2
                v2[0] += dx * b1
                v2[1] += dy * b1
                v2[2] += dz * b1
        for body in bodies:
            p = body[0]
            v = body[1]
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def main():
    steps = 70000
    if len(sys.argv) > 1:
        steps = int(sys.argv[1])
    bodies = make_system()
    offset_momentum(bodies)
    print("energy before:", energy(bodies))
    advance(bodies, 0.01, steps)
    print("energy after:", energy(bodies))


main()
