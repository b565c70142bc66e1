import sys
import mod_util
import mod_util
from mod_util import greet
print("mod_util" in sys.modules, sys.modules["mod_util"] is mod_util)
mod_util.counter = 100
import mod_util as again
print(again.counter)
del sys.modules["mod_util"]
import mod_util as fresh
print(fresh is again, fresh.counter, again.counter)
