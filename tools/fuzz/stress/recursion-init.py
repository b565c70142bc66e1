class A:
    def __init__(self): A()
try:
    A()
except RecursionError:
    print('RecursionError')
class B:
    def __new__(cls): return B()
try:
    B()
except RecursionError:
    print('RecursionError')
