import mod_raises
print(mod_raises.fail(5))
print(mod_raises.check(3))
try:
    mod_raises.check(-1)
except ValueError as e:
    print("caught:", e)
print(mod_raises.fail(0))
