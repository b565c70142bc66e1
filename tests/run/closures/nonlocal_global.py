g = "global"
def outer():
    g = "enclosing"
    def inner():
        nonlocal g
        g = "modified"
    inner()
    return g
print(outer(), g)
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def nested():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
        return a
    return mid()
print(nested())
def make_global():
    global created_later
    created_later = "made"
make_global()
print(created_later)
