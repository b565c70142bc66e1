print("never")
x = f"{1!z}"  # conversion
