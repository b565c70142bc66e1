print("never")
x = f"{a}}" "tail"
