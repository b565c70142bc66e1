for fill in "*-0 ":
    print(repr(f"{'ab':{fill}^8}"), repr(f"{42:{fill}>6}"), repr(f"{-3.5:{fill}<9}"), repr(f"{7:{fill}=+6}"))
print(repr(format(-42, "=8")), repr(format(-42, "08")), repr(format(42, "+08")), repr(format(-0.5, "=+8.2f")))
print(repr("%-8s|" % "ab"), repr("%8s|" % "ab"), repr("%-+6d|" % 5), repr("%06.2f" % -1.5))
