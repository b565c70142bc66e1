total = 0
def outer():
    def inner():
        global total
        total += 10
    inner()
    inner()
    return total
print(outer(), total)
def outer2():
    total = "local"
    def inner():
        global total
        return total
    return inner(), total
print(outer2())
