# Keys whose __eq__/__hash__ are Python code, and dict subclasses: the interpreter's path.


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 7

    def __eq__(self, other):
        calls.append(1)
        return isinstance(other, K) and other.v == self.v or other == self.v


calls = []


def with_custom(n):
    d = {K(1): "one", 3: "three", 8: "eight"}
    out = 0
    for i in range(n):
        k = i % 10
        if k in d:          # probes may meet K(1): Python __eq__
            out += len(d[k])
            d[k] = d[k]
    return out


class Counting(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k) * 2

    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v + 1)

    def __contains__(self, k):
        return k % 2 == 0 and dict.__contains__(self, k)


def with_subclass(d, n):
    total = 0
    for i in range(n):
        if i % 6 in d:
            total += d[i % 6]
        else:
            d[i % 6] = i
    return total, sorted(d.items())


class S(str):
    def __eq__(self, other):
        return str.__eq__(self, other)

    def __hash__(self):
        return str.__hash__(self)


def with_str_subclass(n):
    d = {"a": 1, "b": 2}
    total = 0
    for i in range(n):
        k = S("a") if i % 3 else "b"
        total += d[k]
        d[k] = d[k]
    return total


print(with_custom(200), len(calls) > 0)
print(with_subclass(Counting(), 100))
print(with_subclass({}, 100))
d = {}
print(with_subclass(d, 50), with_subclass(Counting(d), 50))
print(with_str_subclass(120))
