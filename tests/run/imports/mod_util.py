"""Helper module for the imports tests."""
print("mod_util executing, __name__ =", __name__)
VERSION = (1, 2)
_private = "hidden"
counter = 0
def greet(name):
    return f"hello {name} from {__name__}"
def bump():
    global counter
    counter += 1
    return counter
class Widget:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Widget({self.n})"
if __name__ == "__main__":
    print("mod_util run as main")
