inventory = {"fruits": {"apple": 3, "pear": 0}, "veg": {"kale": 2}}
for cat, items in inventory.items():
    for name, qty in items.items():
        print(cat, name, qty)
print({k: sum(v.values()) for k, v in inventory.items()})
squares = {x: x * x for x in range(6) if x % 2 == 0}
print(squares, {v: k for k, v in squares.items()})
print({c: i for i, c in enumerate("abca")})
inventory["veg"]["leek"] = 5
print(inventory)
