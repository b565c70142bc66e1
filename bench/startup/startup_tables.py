"""Module imported by import_local.py: module-level tables built at import time."""

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
INDEX = {}
for position, name in enumerate(NAMES):
    INDEX[name] = position
SQUARES = [i * i for i in range(64)]


def lookup(name):
    return INDEX.get(name, -1) + SQUARES[len(name)]
