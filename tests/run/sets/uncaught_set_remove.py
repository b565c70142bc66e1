tags = {1, 2, 3}
tags.remove(2)
print(sorted(tags))
tags.remove(5)
