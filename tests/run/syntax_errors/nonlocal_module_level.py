print("start")
nonlocal x
