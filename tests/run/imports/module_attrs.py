import mod_util
names = sorted(n for n in dir(mod_util) if not n.startswith("_"))
print(names)
print(mod_util.__doc__, hasattr(mod_util, "__file__"), mod_util.__name__)
print(callable(mod_util.greet), isinstance(mod_util.Widget(1), mod_util.Widget))
print(getattr(mod_util, "VERSION"), getattr(mod_util, "nope", "missing"))
mod_util.new_attr = "set from importer"
import mod_util as m2
print(m2.new_attr)
