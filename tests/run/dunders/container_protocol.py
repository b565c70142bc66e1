class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print("get", key)
        return self.data.get(key, 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.data[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.data[key]
    def __contains__(self, key):
        return key in self.data
    def __len__(self):
        return len(self.data)
g = Grid()
g[1, 2] = 5
g["x"] = 1
print(g[1, 2], g[0, 0], (1, 2) in g, (0, 0) in g, len(g))
del g["x"]
print(len(g))
g[1:3] = "s"
print(g[::2])
