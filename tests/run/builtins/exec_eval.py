print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'a' * 3"))
ns = {"y": 5}
print(eval("y * 10", ns), eval("z + 1", {"z": 1}, {"z": 100}))
exec("w = 42\nprint('exec printing', w)")
print(w)
code = """
def made(n):
    return n * n
result = made(9)
"""
scope = {}
exec(code, scope)
print(scope["result"], scope["made"](3), "made" in globals())
print(eval("len('hello')"), eval("  2 ** 10  "))
c = compile("a + b", "<expr>", "eval")
print(eval(c, {"a": 1, "b": 2}))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("undefined_var")
except NameError as e:
    print("NameError:", e)
print(exec("1 + 1"))
