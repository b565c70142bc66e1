print("never")
x = f"{(1}" + 2
