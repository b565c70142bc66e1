print("never")
x = 1.5j2
