print("mod_cycle_a start")
import mod_cycle_b
A_VALUE = "a"
def from_b():
    return mod_cycle_b.B_VALUE
print("mod_cycle_a end")
