# crashhunt finding 003 (category api/stress) -- FIXED in crates/taipan-vm/src/call.rs
# Happened: dict.__init__() -> panic "index out of bounds: the len is 0 but the index is 0"
#           (builtins/constructors.rs dict_init args[0]); list.__init__() -> "attempt to
#           subtract with overflow" (constructors.rs list_init args.len() - 1); exit 70.
#           Any native method called through its type with no receiver could do the same.
# Now:      TypeError: descriptor '__init__' of 'dict' object needs an argument (CPython's),
#           "unbound method str.upper() needs an argument" for ordinary methods.
for call in (dict.__init__, list.__init__, str.upper):
    try:
        call()
    except TypeError as e:
        print(e)
