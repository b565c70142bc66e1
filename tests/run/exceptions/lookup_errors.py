d = {"a": 1}
try:
    d["b"]
except LookupError as e:
    print(type(e).__name__, e)
try:
    [1][3]
except LookupError as e:
    print(type(e).__name__, e)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(str(e), e.args)
try:
    raise KeyError("line\nbreak")
except KeyError as e:
    print(str(e))
