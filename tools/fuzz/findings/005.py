# crashhunt finding 005 (category stress) -- FIXED in crates/taipan-vm/src/builtins/seqops.rs
# Happened: [] * 10**30 hung forever (repeat_count turned a huge count into usize::MAX and
#           repeat() looped that many times extending an empty vector); "" * 10**30 gave "".
# Now:      OverflowError: cannot fit 'int' into an index-sized integer (as CPython);
#           [] * 2**62 is [] at once.
for e in ("[] * 10**30", "'' * 10**30", "[0] * -10**30", "[] * 2**62"):
    try:
        print(e, eval(e))
    except OverflowError as x:
        print(e, x)
