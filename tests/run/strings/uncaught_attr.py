name = "taipan"
print(name.upper())
print(name.reverse())
