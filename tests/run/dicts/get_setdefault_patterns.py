inventory = {}
for item, qty in [("apple", 3), ("pear", 2), ("apple", 4), ("fig", 1), ("pear", 5)]:
    inventory[item] = inventory.get(item, 0) + qty
print(inventory)
groups = {}
for word in ["ant", "bee", "cat", "ape", "bat", "cow"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(groups.get("z"), groups.get("z", []), "z" in groups)
nested = {}
nested.setdefault("a", {}).setdefault("b", {})["c"] = 1
print(nested)
