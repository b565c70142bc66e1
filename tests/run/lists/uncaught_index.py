items = [10, 20, 30]
def get(i):
    return items[i]
print(get(0))
print(get(3))
