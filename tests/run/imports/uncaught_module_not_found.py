print("start")
import mod_definitely_missing
print("unreachable")
