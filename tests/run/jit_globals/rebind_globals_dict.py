# Pinned globals changed through globals(): item assignment, del, update, pop, clear of
# another key, setdefault; each change must be seen by the next run of the loop.
k = 2
other = 0


def loop(n):
    s = 0
    for i in range(n):
        s += k
    return s


g = globals()
print(loop(300))
g["k"] = 5
print(loop(300))
g.update({"k": 1.5})
print(loop(300))
g.update(k=-1)
print(loop(300))
g["other"] = 9  # another key: no change for the loop
print(loop(300))
del g["k"]
try:
    loop(300)
except NameError as e:
    print("NameError", e)
g.setdefault("k", 11)
print(loop(300))
print(g.pop("k"))
try:
    loop(300)
except NameError as e:
    print("NameError", e)
k = 4
print(loop(300))
del k
k = 6
print(loop(300))


def loop2(n):
    s = 0
    for i in range(n):
        s += k
        if i == 200:
            globals()["k"] = 100
    return s


print(loop2(400))
k = 1


def loop3(n):
    s = 0
    for i in range(n):
        s += k
        if i == 200:
            globals().update({"k": 1000})
    return s


print(loop3(400))
