# crashhunt finding 013 (category stress) -- NOT A BUG (recorded so nobody chases it again)
# Happened: timeout. E.__eq__ empties and refills the set during `E() in s`; taipan's lookup
#           sees the table changed and restarts, forever. CPython's set_lookkey has the same
#           restart rule but finishes because its allocator happens to give the refilled
#           table the freed table's address (and small ints are shared), so the "changed"
#           test fails -- behaviour that depends on malloc, not on the language.
s = {1, 2, 3}
class E:
    def __hash__(self): return 1
    def __eq__(self, o):
        s.clear(); s.update(range(50))
        return False
s = {E(), E()}
print(E() in s, len(s))
