def pretty(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        print(pad + "{")
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                print(pad + "  " + repr(k) + ":")
                pretty(v, indent + 2)
            else:
                print(pad + "  " + repr(k) + ": " + repr(v))
        print(pad + "}")
    elif isinstance(obj, list):
        print(pad + "[")
        for v in obj:
            pretty(v, indent + 1)
        print(pad + "]")
    else:
        print(pad + repr(obj))
pretty({"name": "x", "tags": ["a", 1, None], "nested": {"deep": {"v": 1.5}, "empty": []}, "ok": True})
