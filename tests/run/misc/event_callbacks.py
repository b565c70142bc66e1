class Emitter:
    def __init__(self):
        self.handlers = {}
    def on(self, event):
        def register(fn):
            self.handlers.setdefault(event, []).append(fn)
            return fn
        return register
    def emit(self, event, *args):
        results = []
        for h in self.handlers.get(event, []):
            try:
                results.append(h(*args))
            except Exception as e:
                results.append(f"{h.__name__} failed: {e!r}")
        return results
bus = Emitter()
@bus.on("add")
def adder(a, b):
    return a + b
@bus.on("add")
def concat(a, b):
    return str(a) + str(b)
@bus.on("add")
def broken(a, b):
    return a / 0
print(bus.emit("add", 2, 3))
print(bus.emit("none"))
