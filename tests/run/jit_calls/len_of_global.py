# len() of lists, tuples, strs and dicts held by globals, in hot loops: the global's
# object grows and shrinks mid-loop, is rebound to another object or another type.

ITEMS = [1, 2, 3]
PAIR = ("a", "b")
WORD = "taipan"
TABLE = {"x": 1}


def count(n):
    total = 0
    for i in range(n):
        total += len(ITEMS) + len(PAIR) + len(WORD) + len(TABLE)
        if i == 30:
            ITEMS.append(4)
        if i == 50:
            TABLE["y"] = 2
        if i == 70:
            ITEMS.clear()
    return total


print(count(100))


def rebound(n):
    global ITEMS, WORD
    total = 0
    for i in range(n):
        total += len(ITEMS) * 10 + len(WORD)
        if i == 40:
            ITEMS = (7, 8, 9, 10, 11)
        if i == 60:
            WORD = "py"
        if i == 80:
            ITEMS = 5
    return total


try:
    print(rebound(100))
except TypeError as e:
    print("TypeError:", e)
print(ITEMS, WORD)
