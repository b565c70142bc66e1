x = 1
def show():
    return x
print(show())
x = 2
print(show())
del x
try:
    show()
except NameError as e:
    print("NameError:", e)
if True:
    y = "defined in if"
print(y)
for z in range(1):
    w = "defined in for"
print(w, z)
