try:
    {}["a"]
except KeyError:
    undefined_handler_name()
