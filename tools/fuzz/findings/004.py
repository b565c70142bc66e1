# crashhunt finding 004 (category api) -- FIXED in crates/taipan-vm/src/call.rs
# Happened: type.mro(5) -> panic "internal error: entered unreachable code: tdata on a
#           non-type object" (types.rs tdata), exit 70; every native of `type` trusted its
#           receiver to be a class.
# Now:      TypeError: descriptor 'mro' for 'type' objects doesn't apply to a 'int' object
for f in (type.mro, type.__subclasses__):
    try:
        f(5)
    except TypeError as e:
        print(e)
