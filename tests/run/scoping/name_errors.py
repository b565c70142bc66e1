def f():
    return not_defined_anywhere
try:
    f()
except NameError as e:
    print("NameError:", e)
def g():
    print(later_global)
later_global = "now defined"
g()
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
class C:
    def m(self):
        return C_attr_name
try:
    C().m()
except NameError as e:
    print("NameError:", e)
