class DataError(Exception):
    pass
def load(data):
    try:
        return data["key"]
    except KeyError as e:
        raise DataError("key missing from data") from e
load({"key": 1})
load({})
