def lazy():
    import mod_star
    return mod_star.helper()
print("before call")
print(lazy())
print("mod_star" in dir())
def lazy_from():
    from mod_util import greet
    return greet("lazy")
print(lazy_from())
