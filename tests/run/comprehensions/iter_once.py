def gen():
    print("gen start")
    for i in range(3):
        print("yield", i)
        yield i
print([x * 10 for x in gen()])
print({x: None for x in gen()})
g = (x for x in gen())
print("created")
print(next(g))
print(list(g))
