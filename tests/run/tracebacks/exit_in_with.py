class CM:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit called", args[0].__name__)
        return False
with CM():
    raise RuntimeError("inside with")
