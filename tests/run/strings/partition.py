s = "key=value=more"
print(s.partition("="), s.rpartition("="), s.partition("#"), s.rpartition("#"))
print("abc".partition("abc"), "".partition("x"), "a.b.c".rpartition("."))
try:
    s.partition("")
except ValueError as e:
    print("ValueError:", e)
