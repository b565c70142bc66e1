class ConfigError(Exception):
    pass
def load():
    try:
        int("abc")
    except ValueError as e:
        raise ConfigError("bad config") from e
try:
    load()
except ConfigError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][0]
    except IndexError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)
