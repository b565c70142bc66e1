class Thing:
    pass
for op in [lambda: Thing() + 1, lambda: len(Thing()), lambda: Thing()[0], lambda: Thing()(), lambda: iter(Thing()),
           lambda: -Thing(), lambda: Thing() < Thing(), lambda: hash(Thing()) and int(Thing())]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
