# AttributeError once a list of objects contains one without the attribute.
class P:
    def __init__(self, v):
        self.v = v

class Q:
    pass

objs = [P(i) for i in range(130)] + [Q()]
total = 0
for o in objs:
    total += o.v
print(total)
