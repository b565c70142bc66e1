print("about to read")
value = input("prompt> ")
print("never", value)
