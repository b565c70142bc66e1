print("before")
x = undefined_name + 1
print("after")
