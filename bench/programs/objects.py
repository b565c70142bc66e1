"""An object-heavy simulation: particles with classes, methods and inheritance.

Size: the number of time steps. A few hundred particles of two kinds move in a
box, bounce off the walls and are binned into a grid of cells (a dict keyed by
cell index) each step; particles that share a cell exchange energy. Prints the
collision count and a checksum of the final state.
"""
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Particle:
    def __init__(self, ident, pos, vel, mass):
        self.ident = ident
        self.pos = pos
        self.vel = vel
        self.mass = mass
        self.hits = 0

    def step(self, dt, size):
        self.pos = self.pos.add(self.vel.scale(dt))
        p = self.pos
        if p.x < 0.0 or p.x > size:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.bounce()
        if p.y < 0.0 or p.y > size:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.bounce()

    def bounce(self):
        self.hits += 1

    def energy(self):
        return 0.5 * self.mass * self.vel.norm2()


class HeavyParticle(Particle):
    def __init__(self, ident, pos, vel):
        Particle.__init__(self, ident, pos, vel, 5.0)

    def bounce(self):
        # heavy particles lose a little speed at the walls
        self.hits += 2
        self.vel = self.vel.scale(0.99)


class World:
    def __init__(self, count, size):
        self.size = size
        self.particles = []
        self.collisions = 0
        x = 2024
        for i in range(count):
            x = (x * 1103515245 + 12345) % 2147483648
            px = (x % 1000) / 1000.0 * size
            x = (x * 1103515245 + 12345) % 2147483648
            py = (x % 1000) / 1000.0 * size
            vx = ((x >> 10) % 200) / 100.0 - 1.0
            vy = ((x >> 20) % 200) / 100.0 - 1.0
            if i % 5 == 0:
                p = HeavyParticle(i, Vec(px, py), Vec(vx, vy))
            else:
                p = Particle(i, Vec(px, py), Vec(vx, vy), 1.0)
            self.particles.append(p)

    def step(self, dt):
        cells = {}
        for p in self.particles:
            p.step(dt, self.size)
            key = int(p.pos.x) * 1000 + int(p.pos.y)
            if key in cells:
                other = cells[key]
                self.exchange(p, other)
            else:
                cells[key] = p

    def exchange(self, a, b):
        self.collisions += 1
        va = a.vel
        a.vel = b.vel
        b.vel = va

    def total_energy(self):
        e = 0.0
        for p in self.particles:
            e += p.energy()
        return e


def main():
    steps = 1400
    if len(sys.argv) > 1:
        steps = int(sys.argv[1])
    world = World(400, 40.0)
    for s in range(steps):
        world.step(0.1)
    hits = 0
    for p in world.particles:
        hits += p.hits
    print("collisions:", world.collisions, "wall hits:", hits)
    print("energy:", world.total_energy())


main()
