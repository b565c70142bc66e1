from mod_star import *
print(public_a, helper())
try:
    print(public_b)
except NameError as e:
    print("NameError:", e)
import mod_star
print(mod_star.public_b, mod_star._hidden, sorted(mod_star.__all__))
