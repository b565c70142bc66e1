# args: first second --flag=3
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[1:], sys.argv[0].endswith("sys_argv.py"))
