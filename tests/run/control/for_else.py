def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 5)
for x in []:
    print("never")
else:
    print("empty else")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
    else:
        print("inner else")
