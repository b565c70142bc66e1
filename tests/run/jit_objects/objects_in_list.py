# A list of objects updated field by field in nested loops.
class Particle:
    def __init__(self, i):
        self.x = float(i)
        self.v = (i % 7) - 3
        self.hits = 0

ps = [Particle(i) for i in range(40)]
for step in range(50):
    for p in ps:
        p.x += p.v
        if p.x < 0 or p.x > 100:
            p.v = -p.v
            p.hits += 1
print(sum(p.hits for p in ps), round(sum(p.x for p in ps), 3), ps[5].x, ps[5].v)
