l = [1, 2]
try:
    l *= 10**12
except MemoryError:
    print('MemoryError')
print(len(l))
b = bytearray(b'ab')
try:
    b *= 10**12
except MemoryError:
    print('MemoryError')
s = 'ab'
try:
    s *= 2**62
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
l = [0]
try:
    l *= 2**64
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
