print("mod_cycle_b start")
import mod_cycle_a
B_VALUE = "b"
def a_has_value():
    return hasattr(mod_cycle_a, "A_VALUE")
print("mod_cycle_b end, a has A_VALUE:", hasattr(mod_cycle_a, "A_VALUE"))
