class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else "ok")
        return et is KeyError
with Resource("r1"):
    raise KeyError("suppressed")
try:
    with Resource("r2"), Resource("r3"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        print("never body")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
