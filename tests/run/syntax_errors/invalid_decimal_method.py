print("never")
x = 3.upper()
