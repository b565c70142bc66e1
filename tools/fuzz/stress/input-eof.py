try:
    input('prompt')
except EOFError as e:
    print('EOF', e)
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
