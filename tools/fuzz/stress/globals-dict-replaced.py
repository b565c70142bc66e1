exec('print(len(x))', {'x': [1], '__builtins__': {'print': print, 'len': len}})
exec('print(1)', {'__builtins__': {}}) if False else None
try:
    exec('print(1)', {'__builtins__': 5})
except (NameError, TypeError) as e:
    print(type(e).__name__)
