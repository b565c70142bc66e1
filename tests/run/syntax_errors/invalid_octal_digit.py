print("never")
x = 0o19
