cases = [
    ("%d", "x"),
    ("%d %d", (1,)),
    ("%d", (1, 2)),
    ("%z", 1),
    ("%(k)s", 1),
    ("%c", "ab"),
    ("%(a)s", {}),
    ("%c", 0x110000),
]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
