d = {"a": 1}
key = "b'c"
d[key]
