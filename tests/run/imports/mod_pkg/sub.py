def sub_func():
    return "sub_func from " + __name__
