import sys
sys.stdout.close()
try:
    print('x')
except ValueError as e:
    sys.stderr.write(str(e) + '\n')
