# Instance attributes shadowing class attributes; data descriptors are not shadowed.
class P:
    k = 10
    @property
    def prop(self):
        return self.k * 2

ps = [P() for _ in range(4)]
t = 0
for i in range(120):
    p = ps[i % 4]
    if i == 60:
        ps[1].k = 1
    t += p.prop + p.k
print(t)
try:
    ps[0].prop = 5
except AttributeError as e:
    print("AttributeError", e)
ps[2].__dict__["prop"] = "shadow?"
print(ps[2].prop)
