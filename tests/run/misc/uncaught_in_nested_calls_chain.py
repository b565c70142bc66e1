def read_config(text):
    try:
        key, value = text.split("=")
    except ValueError as e:
        raise ValueError(f"malformed line {text!r}") from e
    return key.strip(), value.strip()
lines = ["a = 1", "b = 2", "broken line"]
print(dict(read_config(l) for l in lines))
