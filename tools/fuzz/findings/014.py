# crashhunt finding 014 (category stress, mutating-dunders) -- FIXED in
# crates/taipan-vm/src/builtins/seqops.rs (builtin_setitem/builtin_delitem) and
# crates/taipan-vm/src/builtins/bytes.rs (bytearray_setitem)
# Happened: an index whose __index__ shrinks the list being indexed:
#   del l[I()]            -> panic "removal index (is 1) should be < len (is 0)"
#   l[I():J()] = [...]    -> panic "range start index 1 out of range for slice of length 0"
#   ba[I():J()] = b"..."  -> same panic in bytearray's slice assignment
# (exit 70). The length was read before __index__ ran Python code.
# Now:      IndexError "list assignment index out of range" / clamping, as CPython.
# Note: CPython 3.11 itself segfaults on ba[I()] = J() when J.__index__ grows ba.
class I:
    def __init__(self, v): self.v = v
    def __index__(self):
        del victim[:]
        return self.v
victim = [1, 2, 3, 4]
try:
    del victim[I(1)]
except IndexError as e:
    print(e)
victim = [1, 2, 3, 4]
victim[I(1):I(3)] = [7]
print(victim)
victim = bytearray(b"abcd")
victim[I(1):I(3)] = b"xy"
print(victim)
