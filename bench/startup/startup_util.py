"""Module imported by import_local.py: formatting helper."""


def describe(values):
    parts = []
    for v in values:
        parts.append(str(v))
    return ", ".join(parts) + " (" + str(len(values)) + " values)"
