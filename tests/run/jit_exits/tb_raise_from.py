# Explicit 'raise ... from ...' chaining out of a hot loop.
class ConfigError(Exception):
    pass

def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise ConfigError("missing key %r" % (k,)) from e

d = {i: i for i in range(100)}
s = 0
for i in range(101):
    s += lookup(d, i)
