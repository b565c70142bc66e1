name = "World"
n = 42
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}")
print(f"{{}} {{{n}}}", f"{'quote'}", f'{"dq"}', f"{n=}", f"{n * 2 = }", f"{name = !r}")
items = [1, 2, 3]
print(f"{items}", f"{items[1]}", f"{len(items)}", f"{items[-1] ** 2}", f"{sum(x for x in items)}")
d = {"k": "v"}
print(f"{d['k']}", f"{d}", f"{'nested ' + name}")
print(f"{3.14159:.2f}", f"{1/3:.3}", f"{10**6:,}", f"{255:#x}", f"{0.5:%}")
width, prec = 10, 3
print(f"[{3.14159:{width}.{prec}f}]", f"[{name:>{width}}]")
print(f"{n}" f"{n}" "plain" f"{name}")
print(f"""multi
{name}
line""")
print(rf"\n{name}", fr"\t{n}")
