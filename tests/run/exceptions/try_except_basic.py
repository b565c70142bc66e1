def risky(kind):
    if kind == "v":
        raise ValueError("bad value")
    if kind == "t":
        raise TypeError("bad type")
    if kind == "k":
        return {}["missing"]
    return "fine"
for k in ["v", "t", "k", "ok"]:
    try:
        r = risky(k)
    except ValueError as e:
        print("ValueError", e)
    except (TypeError, KeyError) as e:
        print("Type/Key", type(e).__name__, e)
    else:
        print("no error", r)
    finally:
        print("finally", k)
