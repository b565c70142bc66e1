__builtins__ = 5
print(len([1]))
