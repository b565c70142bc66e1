def g():
    pass
del g()
