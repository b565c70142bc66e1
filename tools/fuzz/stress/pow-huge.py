try:
    x = 10**10**10
    print('computed?')
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
