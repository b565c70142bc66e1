print('a\x00b')
import sys
sys.stderr.write('c\x00d\n')
