import mod_cycle_a
print(mod_cycle_a.from_b(), mod_cycle_a.mod_cycle_b.a_has_value())
import mod_cycle_b
print(mod_cycle_b.mod_cycle_a is mod_cycle_a)
