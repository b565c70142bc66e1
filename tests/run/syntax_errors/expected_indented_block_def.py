def empty():

x = 1
