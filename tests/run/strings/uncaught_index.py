s = "short"
i = 10
print(s[2])
print(s[i])
